import Testing

@testable import CoachKit

/// The interview tries each value of a question by re-deriving only the slots that
/// depend on it: for the shipped knowledge (facts built on facts, `ask_if`) and a
/// random one (an `ask_if` question), random answers, every question and every value
/// it is tried with, the values are those of deriving everything again.
@Suite("Derivation")
struct DerivationTests {
    @Test(arguments: 1...12)
    func reDerivingWhatDependsOnAQuestionIsDerivingEverything(seed: UInt64) throws {
        let properties = try PropertyTests()
        for knowledge in [shippedKnowledge, try CompiledConditionsTests.randomKnowledge()] {
            let engine = Engine(knowledge: knowledge)
            let questions = knowledge.questions
            #expect(!knowledge.derivedOrder.isEmpty)
            var random = SplitMix(state: seed)
            var raw = [Value?](repeating: nil, count: knowledge.slotCount)
            for (slot, question) in questions.enumerated() where Int.random(in: 0..<3, using: &random) > 0 {
                raw[slot] = properties.randomAnswer(question, &random).value
            }
            var base = raw
            engine.derive(&base, raw: raw)
            var compared = 0
            for question in questions.indices {
                for probe in engine.probes[question] + [nil] {
                    var trial = raw
                    trial[question] = probe
                    var everything = trial
                    engine.derive(&everything, raw: trial)
                    var some = base
                    some[question] = probe
                    engine.derive(&some, raw: trial, slots: engine.derivedFrom[question])
                    #expect(
                        some == everything,
                        "seed \(seed), question \(questions[question].id), value \(String(describing: probe))")
                    compared += 1
                }
            }
            #expect(compared > 10)
        }
    }
}
