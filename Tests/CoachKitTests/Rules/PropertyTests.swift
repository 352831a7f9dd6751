import Testing

@testable import CoachKit

/// A small, seeded random generator, so that a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Properties of the engine over the shipped knowledge and random profiles.
@Suite("Engine properties")
struct PropertyTests {
    let knowledge: KnowledgeBase
    let engine: Engine

    init() throws {
        knowledge = try KnowledgeBase.builtIn()
        engine = Engine(knowledge: knowledge)
    }

    /// Random valid answers to the shipped questions, each answered two times in three.
    func randomAnswers(_ random: inout SplitMix) -> Answers {
        var answers = Answers()
        for question in knowledge.questions where Int.random(in: 0..<3, using: &random) > 0 {
            answers[question.id] = randomAnswer(question, &random)
        }
        return answers
    }

    /// A random valid answer to `question`.
    func randomAnswer(_ question: Question, _ random: inout SplitMix) -> Answers.Answer {
        switch question.kind {
        case .text: return .text("Org \(Int.random(in: 0..<100, using: &random))")
        case .boolean: return .boolean(Bool.random(using: &random))
        case .choice: return .choice(question.options.randomElement(using: &random)!.value)
        case .multi: return .multi(question.options.map(\.value).filter { _ in Bool.random(using: &random) })
        case .number:
            let magnitudes: [Double] = [0, 0.5, 1, 2, 3, 5, 10, 40, 150, 900, 5_000, 80_000]
            var value = magnitudes.randomElement(using: &random)!
            if question.isInteger { value = value.rounded() }
            return .number(min(value, question.maximum ?? value))
        }
    }

    @Test(arguments: 1...40)
    func aDecidedRuleStaysDecidedWhateverComesNext(seed: UInt64) {
        var random = SplitMix(state: seed)
        var answers = Answers()
        var before = engine.evaluate(answers)
        for question in knowledge.questions.shuffled(using: &random) {
            answers[question.id] = randomAnswer(question, &random)
            let after = engine.evaluate(answers)
            for (index, outcome) in before.outcomes.enumerated() where outcome != nil {
                #expect(
                    after.outcomes[index] == outcome,
                    "seed \(seed): \(knowledge.rules[index].id) changed after answering \(question.id)")
            }
            before = after
        }
        #expect(before.missing.isEmpty, "a complete profile leaves nothing to ask")
    }

    @Test(arguments: 1...15)
    func everyMissingQuestionCanChangeThePlan(seed: UInt64) {
        var random = SplitMix(state: seed)
        var answers = Answers()
        for question in knowledge.questions where Bool.random(using: &random) {
            answers[question.id] = randomAnswer(question, &random)
        }
        let evaluation = engine.evaluate(answers)
        for id in evaluation.missing {
            let question = knowledge.question(id)!
            // Some two answers to it, the other missing questions answered alike,
            // must leave the rules in different states.
            var changes = false
            for _ in 0..<8 where !changes {
                var others = answers
                for other in evaluation.missing where other != id {
                    others[other] = randomAnswer(knowledge.question(other)!, &random)
                }
                var states: Set<String> = []
                for _ in 0..<20 {
                    var trial = others
                    trial[id] = randomAnswer(question, &random)
                    let outcome = engine.evaluate(trial)
                    states.insert("\(outcome.outcomes)")
                }
                changes = states.count > 1
            }
            #expect(changes, "seed \(seed): \(id) is missing but no answer changes anything")
        }
    }
}
