import Foundation
import Testing

@testable import CoachKit

/// The flat tests against the expression trees they replace: the same three-valued
/// truth for every rule, over the shipped rules and over random conditions written
/// to hit absent values, unknowns, texts, booleans and every comparison.
@Suite("Compiled conditions")
struct CompiledConditionsTests {
    /// Every rule's truth from the flat tests and from the tree, for `values`.
    static func mismatches(_ conditions: [CoachKit.Expression], _ values: [Value?]) -> [Int] {
        let compiled = CompiledConditions(conditions: conditions)
        let cells = compiled.cells(for: values)
        let evaluator = Evaluator(values: values)
        return conditions.indices.filter { index in
            compiled.isCompiled(index)
                && compiled.truth(ofRule: index, cells: cells) != evaluator.truth(of: conditions[index])
        }
    }

    @Test(arguments: 1...30)
    func shippedRulesGiveTheSameTruth(seed: UInt64) throws {
        let properties = try PropertyTests()
        let (knowledge, engine) = (properties.knowledge, properties.engine)
        var random = SplitMix(state: seed)
        let values = engine.values(for: properties.randomAnswers(&random))
        #expect(Self.mismatches(knowledge.rules.map(\.condition), values).isEmpty, "seed \(seed)")
    }

    /// The engine indexes compiled rules from their tests: the same questions, the
    /// same probe values and the same conjunctions as from their trees.
    @Test func theEngineIndexesCompiledRulesAsItsTreesWould() throws {
        for knowledge in [try KnowledgeBase.builtIn(), try Self.randomKnowledge()] {
            let engine = Engine(knowledge: knowledge)
            let dependencies = Dependencies(knowledge: knowledge)
            #expect(engine.probes == Probes.values(for: knowledge))
            for (index, condition) in knowledge.rules.map(\.condition).enumerated() {
                #expect(engine.questionsByRule[index] == dependencies.questions(of: condition), "rule \(index)")
                #expect(
                    engine.isConjunction[index] == Engine.isConjunction(condition, questions: knowledge.questions),
                    "rule \(index)")
            }
        }
    }

    /// Large rule bases are compiled and indexed in shares, on every core: shares of
    /// 7 rules give the same tests (texts numbered apart), questions, conjunctions
    /// and probe values as one share, and the same truth for every rule.
    @Test func rulesIndexedInSharesAreIndexedAsAWhole() throws {
        for knowledge in [try KnowledgeBase.builtIn(), try Self.randomKnowledge()] {
            let whole = Engine(knowledge: knowledge, rulesPerShare: .max)
            let shared = Engine(knowledge: knowledge, rulesPerShare: 7)
            #expect(shared.probes == whole.probes)
            #expect(shared.questionsByRule == whole.questionsByRule)
            #expect(shared.isConjunction == whole.isConjunction)
            var random = SplitMix(state: 5)
            let properties = try PropertyTests()
            for _ in 0..<20 {
                var answers = Answers()
                for question in knowledge.questions where Bool.random(using: &random) {
                    answers[question.id] = properties.randomAnswer(question, &random)
                }
                let values = whole.values(for: answers)
                let (wholeCells, sharedCells) = (whole.compiled.cells(for: values), shared.compiled.cells(for: values))
                for index in knowledge.rules.indices {
                    #expect(shared.compiled.isCompiled(index) == whole.compiled.isCompiled(index))
                    if whole.compiled.isCompiled(index) {
                        #expect(
                            shared.compiled.truth(ofRule: index, cells: sharedCells)
                                == whole.compiled.truth(ofRule: index, cells: wholeCells), "rule \(index)")
                    }
                }
                #expect(shared.evaluate(answers).fired == whole.evaluate(answers).fired)
            }
        }
    }

    /// A knowledge base of random rules over a few questions, one with `ask_if`.
    static func randomKnowledge() throws -> KnowledgeBase {
        var random = SplitMix(state: 99)
        var rules = "rules:\n"
        let leaves = [
            "n > 3", "n <= 10", "n == 5", "n != 0", "b", "not b", "c == 'x'", "c != 'y'", "g", "not g", "5 < n",
        ]
        for index in 0..<60 {
            let when = (0..<Int.random(in: 1...3, using: &random)).map { _ in leaves.randomElement(using: &random)! }
                .joined(separator: Bool.random(using: &random) ? " and " : " or ")
            rules += """
                  - {id: r.r\(index), when: "\(when)", priority: 1, horizon: this_week, source: tip.t,
                     fr: {title: T, detail: D}, en: {title: T, detail: D}}

                """
        }
        let folder = try temporaryFolder([
            "sources.yaml":
                "article: {title: {fr: A, en: A}, language: fr, publisher: {fr: p, en: p}}\nsections: [{id: s, fr: S, en: S}]\n",
            "topics/tip.t.yaml":
                "id: tip.t\nsource: s\nfr: {title: T, summary: S., body: B., steps: [a, b, c], keywords: [t]}\nen: {title: T, summary: S., body: B., steps: [a, b, c], keywords: [t]}\n",
            "questions.yaml": """
            questions:
              - {id: n, type: number, min: 0, max: 100, fr: {prompt: Q, help: H}, en: {prompt: Q, help: H}}
              - {id: b, type: boolean, fr: {prompt: Q, help: H}, en: {prompt: Q, help: H}}
              - {id: c, type: choice, options: [{value: x, fr: X, en: X}, {value: y, fr: Y, en: Y}], fr: {prompt: Q, help: H}, en: {prompt: Q, help: H}}
              - {id: g, type: boolean, ask_if: b, fr: {prompt: Q, help: H}, en: {prompt: Q, help: H}}

            """,
            "rules/random.yaml": rules,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try KnowledgeLoader.load(from: folder, includingScenarios: false)
        let errors = report.diagnostics.filter(\.isError).prefix(3).map { "\($0)" }
        #expect(errors.isEmpty, "\(errors)")
        return try #require(report.knowledge)
    }

    @Test func mostShippedRulesCompile() throws {
        let knowledge = try KnowledgeBase.builtIn()
        let compiled = CompiledConditions(conditions: knowledge.rules.map(\.condition))
        let count = knowledge.rules.indices.filter(compiled.isCompiled).count
        #expect(count * 2 > knowledge.rules.count, "\(count) of \(knowledge.rules.count)")
    }

    /// Random conjunctions over a number, a boolean, a choice and a multi slot, each
    /// of whose values may be unknown, absent or of another kind.
    @Test(arguments: 1...20)
    func randomConditionsGiveTheSameTruth(seed: UInt64) throws {
        var random = SplitMix(state: seed)
        let names = ["n", "b", "c", "m"]
        func leaf() -> String {
            let name = names.randomElement(using: &random)!
            let comparison = ["==", "!=", "<", "<=", ">", ">="].randomElement(using: &random)!
            let constant = ["0", "1.5", "3", "'a'", "'b'", "true", "false"].randomElement(using: &random)!
            switch Int.random(in: 0..<4, using: &random) {
            case 0: return name
            case 1: return "not " + name
            default: return "\(name) \(comparison) \(constant)"
            }
        }
        var conditions: [CoachKit.Expression] = []
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 1...4, using: &random)).map { _ in leaf() }.joined(separator: " and ")
            let parsed = try Parser.parse(text)
            conditions.append(Self.resolved(parsed, names: names))
        }
        let choices: [Value?] = [
            nil, Value.none, .number(0), .number(1.5), .number(3), .number(-1), .boolean(true), .boolean(false),
            .text("a"), .text("b"), .text("z"), .list(["a"]),
        ]
        for _ in 0..<50 {
            let values = names.map { _ in choices.randomElement(using: &random)! }
            let found = Self.mismatches(conditions, values)
            #expect(found.isEmpty, "seed \(seed): \(values) on rule \(found.first ?? -1)")
        }
        #expect(CompiledConditions(conditions: conditions).isCompiled(0))
    }

    /// The expression with each variable given its slot by name.
    static func resolved(_ expression: CoachKit.Expression, names: [String]) -> CoachKit.Expression {
        var copy = expression
        switch expression.node {
        case .variable(let name, _): copy.node = .variable(name, slot: Int32(names.firstIndex(of: name)!))
        case .not(let operand): copy.node = .not(resolved(operand, names: names))
        case .and(let a, let b): copy.node = .and(resolved(a, names: names), resolved(b, names: names))
        case .compare(let comparison, let a, let b):
            copy.node = .compare(comparison, resolved(a, names: names), resolved(b, names: names))
        default: break
        }
        return copy
    }
}

extension Probes {
    /// The probe values of every question, from the rules' expression trees alone:
    /// the reference that the engine's, read off the flat tests, are checked against.
    static func values(for knowledge: KnowledgeBase) -> [[Value]] {
        let conditions = knowledge.rules.map(\.condition)
        return values(
            for: knowledge,
            ruleThresholds: thresholds(of: conditions, compiled: nil, questionCount: knowledge.questions.count))
    }
}
