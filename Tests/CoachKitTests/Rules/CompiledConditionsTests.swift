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
        let knowledge = try KnowledgeBase.builtIn()
        let engine = Engine(knowledge: knowledge)
        let properties = try PropertyTests()
        var random = SplitMix(state: seed)
        var answers = Answers()
        for question in knowledge.questions where Int.random(in: 0..<3, using: &random) > 0 {
            answers[question.id] = properties.randomAnswer(question, &random)
        }
        let values = engine.values(for: answers)
        #expect(Self.mismatches(engine.conditions, values).isEmpty, "seed \(seed)")
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
        case .variable(let name, _): copy.node = .variable(name, slot: names.firstIndex(of: name)!)
        case .not(let operand): copy.node = .not(resolved(operand, names: names))
        case .and(let a, let b): copy.node = .and(resolved(a, names: names), resolved(b, names: names))
        case .compare(let comparison, let a, let b):
            copy.node = .compare(comparison, resolved(a, names: names), resolved(b, names: names))
        default: break
        }
        return copy
    }
}
