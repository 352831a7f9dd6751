import Foundation
import Testing

@testable import CoachKit

/// The engine's flat program (`Program`) against the expression trees it is made
/// from: the same value, the same three-valued truth and the same questions still
/// waited on, for the shipped knowledge and for random expressions of every kind
/// over values unknown, absent or of another kind than expected.
@Suite("The engine's program")
struct ProgramTests {
    // MARK: - The trees' answers, the reference

    /// What an undecided tree hangs on, worked out plainly from its definition: the
    /// reference the program's `residual` is held to.
    struct TreeResidual {
        let knowledge: KnowledgeBase
        let values: [Value?]

        var evaluator: Evaluator { Evaluator(values: values) }

        /// Nothing once known; else what its unknown parts hang on, down to the
        /// questions unanswered (or the `ask_if` they wait for).
        func unknowns(of expression: CoachKit.Expression) -> QuestionSet {
            guard evaluator.evaluate(expression) == nil else { return QuestionSet() }
            let parts: [CoachKit.Expression]
            switch expression.node {
            case .variable(_, let slot): return unknowns(ofSlot: Int(slot))
            case .number, .text, .boolean: return QuestionSet()
            case .list(let elements), .call(_, let elements): parts = elements
            case .not(let operand), .negate(let operand): parts = [operand]
            case .and(let a, let b), .or(let a, let b), .compare(_, let a, let b), .arithmetic(_, let a, let b),
                .member(let a, let b), .contains(let a, let b):
                parts = [a, b]
            }
            return parts.reduce(into: QuestionSet()) { $0.formUnion(unknowns(of: $1)) }
        }

        func unknowns(ofSlot slot: Int) -> QuestionSet {
            guard values[slot] == nil else { return QuestionSet() }
            let questions = knowledge.questions
            if slot < questions.count {
                if let askIf = questions[slot].askIf, evaluator.truth(of: askIf) == nil { return unknowns(of: askIf) }
                return QuestionSet(slot)
            }
            switch knowledge.facts[slot - questions.count].definition {
            case .value(let value, let condition):
                return (condition.map(unknowns(of:)) ?? QuestionSet()).union(unknowns(of: value))
            case .cases(let cases, _):
                var found = QuestionSet()
                for step in cases {
                    let truth = evaluator.truth(of: step.condition)
                    if truth == true { break }
                    if truth == nil { found.formUnion(unknowns(of: step.condition)) }
                }
                return found
            }
        }
    }

    /// Every rule, fact and `ask_if` of `knowledge` evaluated both ways over
    /// `values`: a description of each difference. Rules compiled to flat tests are
    /// read from them, the others from the program.
    static func differences(_ knowledge: KnowledgeBase, _ engine: Engine, _ values: [Value?]) -> [String] {
        let program = engine.program
        let evaluator = Evaluator(values: values)
        let tree = TreeResidual(knowledge: knowledge, values: values)
        var found: [String] = []
        for (index, rule) in knowledge.rules.enumerated() {
            let root = program.rules[index]
            if engine.compiled.isCompiled(index) != (root < 0) { found.append("root of \(rule.id)") }
            if root >= 0, program.evaluate(root, values) != evaluator.evaluate(rule.condition) {
                found.append("value of \(rule.id)")
            }
            let (truth, unknowns) = engine.residual(ofRule: index, values)
            if truth != evaluator.truth(of: rule.condition) { found.append("truth of \(rule.id)") }
            if Array(unknowns) != Array(tree.unknowns(of: rule.condition)) { found.append("unknowns of \(rule.id)") }
            let terms = engine.terms(ofRule: index, values)
            let parts = Explainer.conjuncts(of: rule.condition)
            if terms.map(\.truth) != parts.map({ evaluator.truth(of: $0) })
                || terms.map({ Array($0.unknowns) })
                    != parts.map({ part in
                        evaluator.truth(of: part) == nil ? Array(tree.unknowns(of: part)) : []
                    })
            {
                found.append("terms of \(rule.id)")
            }
            if truth == true, engine.support(ofRule: index, values) != Self.support(of: rule.condition, evaluator) {
                found.append("support of \(rule.id)")
            }
        }
        for (index, question) in knowledge.questions.enumerated() {
            guard let askIf = question.askIf else {
                if program.askIf[index] != -1 { found.append("ask_if of \(question.id)") }
                continue
            }
            if program.evaluate(program.askIf[index], values) != evaluator.evaluate(askIf) {
                found.append("ask_if of \(question.id)")
            }
        }
        for (index, fact) in knowledge.facts.enumerated() {
            let slot = knowledge.questions.count + index
            if program.value(ofFact: index, values) != Self.treeValue(of: fact, evaluator) {
                found.append("value of \(fact.id)")
            }
            if values[slot] == nil {
                let direct = program.unknowns(ofSlot: slot, values)
                if Array(direct) != Array(tree.unknowns(ofSlot: slot)) { found.append("unknowns of \(fact.id)") }
            }
        }
        return found
    }

    /// The slots that make a tree hold, as explanations collected them from trees:
    /// every term of an `and`, the first true term of an `or`, all the slots of a
    /// comparison or a function, in order, each once.
    static func support(of expression: CoachKit.Expression, _ evaluator: Evaluator, holding: Bool = true) -> [Int] {
        switch expression.node {
        case .and(let a, let b), .or(let a, let b):
            let isAnd: Bool
            if case .and = expression.node { isAnd = true } else { isAnd = false }
            let slots: [Int]
            if isAnd == holding {
                slots = support(of: a, evaluator, holding: holding) + support(of: b, evaluator, holding: holding)
            } else if evaluator.truth(of: a) == holding {
                slots = support(of: a, evaluator, holding: holding)
            } else {
                slots = support(of: b, evaluator, holding: holding)
            }
            return slots.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        case .not(let operand):
            return support(of: operand, evaluator, holding: !holding)
        default:
            return expression.slots.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        }
    }

    /// A fact's value from its trees, as the engine found it before its program.
    static func treeValue(of fact: CoachKit.Fact, _ evaluator: Evaluator) -> Value? {
        switch fact.definition {
        case .value(let value, let condition):
            if let condition {
                guard let holds = evaluator.truth(of: condition) else { return nil }
                if !holds { return Value.none }
            }
            return evaluator.evaluate(value)
        case .cases(let cases, let otherwise):
            for step in cases {
                guard let holds = evaluator.truth(of: step.condition) else { return nil }
                if holds { return .text(step.value) }
            }
            return otherwise.map(Value.text) ?? Value.none
        }
    }

    // MARK: - The shipped knowledge

    /// Random profiles, each question answered or not, each value derived or not:
    /// the shipped rules, facts and `ask_if` give the same values and wait on the
    /// same questions both ways.
    @Test(arguments: 1...30)
    func shippedKnowledgeGivesTheSame(seed: UInt64) throws {
        let properties = try PropertyTests()
        let (knowledge, engine) = (properties.knowledge, properties.engine)
        var random = SplitMix(state: seed)
        var values = engine.values(for: properties.randomAnswers(&random))
        #expect(Self.differences(knowledge, engine, values).isEmpty, "seed \(seed)")
        // Derived values forgotten: the facts' own unknowns are then walked too.
        for slot in knowledge.questions.count..<knowledge.slotCount where Bool.random(using: &random) {
            values[slot] = nil
        }
        #expect(Self.differences(knowledge, engine, values).isEmpty, "seed \(seed), facts unknown")
    }

    /// The program the snapshot holds is the one the rules give, whole or in shares;
    /// it holds only the rules that are not compiled to flat tests.
    @Test func theBuiltInProgramIsTheOneTheRulesGive() throws {
        let read = try KnowledgeBase.builtIn()
        let engine = Engine(knowledge: read)
        let fromRules = Engine.Tables(knowledge: read).program
        #expect(engine.program == fromRules)
        let shared = Engine.Tables(knowledge: read, rulesPerShare: 7).program
        #expect(shared.rules.map { $0 < 0 } == fromRules.rules.map { $0 < 0 })
        #expect(shared.nodes.count == fromRules.nodes.count)
        for (index, root) in fromRules.rules.enumerated() {
            #expect((root < 0) == engine.compiled.isCompiled(index))
        }
    }

    // MARK: - Random expressions

    /// Slots: 0 n (number), 1 m (number), 2 b (boolean), 3 c (choice), 4 l (multi),
    /// 5 g (boolean, asked if b), then the fact 6 f (n + m).
    static let world: KnowledgeBase = {
        do {
            return try knowledge(
                questions: """
                    questions:
                      - {id: n, type: number, min: 0, max: 100, fr: {prompt: Q, help: H}, en: {prompt: Q, help: H}}
                      - {id: m, type: number, fr: {prompt: Q, help: H}, en: {prompt: Q, help: H}}
                      - {id: b, type: boolean, fr: {prompt: Q, help: H}, en: {prompt: Q, help: H}}
                      - {id: c, type: choice, options: [{value: x, fr: X, en: X}, {value: y, fr: Y, en: Y}], fr: {prompt: Q, help: H}, en: {prompt: Q, help: H}}
                      - {id: l, type: multi, optional: true, options: [{value: x, fr: X, en: X}, {value: y, fr: Y, en: Y}], fr: {prompt: Q, help: H}, en: {prompt: Q, help: H}}
                      - {id: g, type: boolean, ask_if: b, fr: {prompt: Q, help: H}, en: {prompt: Q, help: H}}

                    """,
                facts: """
                    facts:
                      - {id: f, type: number, when: "m > 0", value: "n / m"}
                      - {id: k, type: choice, options: [p, q], cases: [{when: "b and n > 3", is: p}, {when: "c == 'y'", is: q}]}

                    """, rules: randomRules(count: 300, seed: 11))
        } catch { fatalError("no random knowledge: \(error)") }
    }()

    /// A knowledge base of these questions, facts and rules, with the sources and
    /// the entry the rules cite.
    static func knowledge(questions: String, facts: String, rules: String) throws -> KnowledgeBase {
        let folder = try temporaryFolder([
            "sources.yaml":
                "article: {title: {fr: A, en: A}, language: fr, publisher: {fr: p, en: p}}\nsections: [{id: s, fr: S, en: S}]\n",
            "topics/tip.t.yaml":
                "id: tip.t\nsource: s\nfr: {title: T, summary: S., body: B., steps: [a, b, c], keywords: [t]}\nen: {title: T, summary: S., body: B., steps: [a, b, c], keywords: [t]}\n",
            "questions.yaml": questions, "facts.yaml": facts, "rules/random.yaml": rules,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try KnowledgeLoader.load(from: folder, includingScenarios: false)
        let errors = report.diagnostics.filter(\.isError).prefix(3).map { "\($0)" }
        guard let knowledge = report.knowledge, errors.isEmpty else { throw Refused(errors: errors) }
        return knowledge
    }

    struct Refused: Error { var errors: [String] }

    /// Rules whose conditions use every kind of node: arithmetic, functions, lists,
    /// membership, negation, nested `and`, `or` and `not`.
    static func randomRules(count: Int, seed: UInt64) -> String {
        var random = SplitMix(state: seed)
        func pick<T>(_ choices: [T]) -> T { choices.randomElement(using: &random)! }
        func number(_ depth: Int) -> String {
            switch Int.random(in: 0..<(depth > 2 ? 3 : 7), using: &random) {
            case 0: return pick(["n", "m", "f"])
            case 1: return pick(["0", "1.5", "3", "-2"])
            case 2: return "count(l)"
            case 3: return "(\(number(depth + 1)) \(pick(["+", "-", "*", "/"])) \(number(depth + 1)))"
            case 4: return "\(pick(["min", "max"]))(\(number(depth + 1)), \(number(depth + 1)))"
            case 5: return pick(["floor(\(number(depth + 1)))", "round(\(number(depth + 1)), 1)"])
            default: return "-(\(number(depth + 1)))"
            }
        }
        func condition(_ depth: Int) -> String {
            switch Int.random(in: 0..<(depth > 2 ? 8 : 11), using: &random) {
            case 0: return pick(["b", "g", "not b", "not g"])
            case 1, 2: return "\(number(depth + 1)) \(pick(["==", "!=", "<", "<=", ">", ">="])) \(number(depth + 1))"
            case 3: return "c \(pick(["==", "!="])) '\(pick(["x", "y"]))'"
            case 4: return "c in \(pick(["['x']", "['x', 'y']", "['y']", "[k, 'x']", "['y', c]"]))"
            case 5: return "l contains '\(pick(["x", "y"]))'"
            case 6: return "any(l, \(pick(["['x']", "['y', 'x']"])))"
            case 7: return "\(pick(["answered", "not answered"]))(\(pick(["n", "b", "c", "l", "g"])))"
            case 8: return "k \(pick(["==", "!="])) '\(pick(["p", "q"]))'"
            case 9: return "(\(condition(depth + 1)) \(pick(["and", "or"])) \(condition(depth + 1)))"
            default: return "not (\(condition(depth + 1)))"
            }
        }
        var rules = "rules:\n"
        for index in 0..<count {
            let when = (0..<Int.random(in: 1...3, using: &random)).map { _ in condition(0) }
                .joined(separator: Bool.random(using: &random) ? " and " : " or ")
            rules += """
                  - {id: r.r\(index), when: "\(when)", priority: 1, horizon: this_week, source: tip.t,
                     fr: {title: T, detail: D}, en: {title: T, detail: D}}

                """
        }
        return rules
    }

    /// Random values of every slot, each unknown, absent, or of any kind.
    @Test(arguments: 1...20)
    func randomExpressionsGiveTheSame(seed: UInt64) throws {
        let knowledge = Self.world
        #expect(knowledge.rules.count == 300)
        let engine = Engine(knowledge: knowledge)
        #expect(knowledge.rules.indices.contains { !engine.compiled.isCompiled($0) })
        #expect(knowledge.rules.indices.contains { engine.compiled.isCompiled($0) })
        var random = SplitMix(state: seed)
        let choices: [Value?] = [
            nil, nil, Value.none, .number(0), .number(1.5), .number(4), .number(-2), .boolean(true),
            .boolean(false), .text("x"), .text("y"), .list([]), .list(["x"]), .list(["y", "x"]),
        ]
        for round in 0..<30 {
            let values = (0..<knowledge.slotCount).map { _ in choices.randomElement(using: &random)! }
            let found = Self.differences(knowledge, engine, values)
            #expect(found.isEmpty, "seed \(seed), round \(round): \(found.prefix(3)) for \(values)")
        }
    }

    /// With a question unknown, a rule the engine has decided stays decided, the same
    /// way, whatever the question's answer: the interview relies on it to skip trying
    /// the values of a question where other answers already decide a rule.
    @Test(arguments: 1...10)
    func knowingMoreNeverUndecides(seed: UInt64) throws {
        let knowledge = Self.world
        let engine = Engine(knowledge: knowledge)
        var random = SplitMix(state: seed)
        let choices: [String: [Value?]] = [
            "n": [nil, Value.none, .number(0), .number(4), .number(50)],
            "m": [nil, .number(-2), .number(0), .number(3)],
            "b": [nil, .boolean(true), .boolean(false)], "g": [nil, Value.none, .boolean(true), .boolean(false)],
            "c": [nil, .text("x"), .text("y")], "l": [nil, Value.none, .list([]), .list(["x"]), .list(["y", "x"])],
        ]
        var decided = 0
        for _ in 0..<20 {
            var raw = [Value?](repeating: nil, count: knowledge.slotCount)
            for (slot, question) in knowledge.questions.enumerated() {
                raw[slot] = choices[question.id]!.randomElement(using: &random)!
            }
            var values = raw
            engine.derive(&values, raw: raw)
            for question in knowledge.questions.indices where values[question] == nil {
                for rule in knowledge.rules.indices {
                    guard let truth = engine.residual(ofRule: rule, values).truth else { continue }
                    decided += 1
                    // Tried as the interview tries it: the question set, what depends on it derived again.
                    for probe in engine.probes[question] {
                        var tried = values
                        var triedRaw = raw
                        (tried[question], triedRaw[question]) = (probe, probe)
                        engine.derive(&tried, raw: triedRaw, slots: engine.derivedFrom[question])
                        #expect(
                            engine.residual(ofRule: rule, tried).truth == truth,
                            "rule \(knowledge.rules[rule].id), \(knowledge.questions[question].id) = \(probe)")
                    }
                }
            }
        }
        #expect(decided > 1000)
    }

    /// The values an explanation quotes are those the tree names, in its order.
    @Test func slotsFollowTheTrees() throws {
        let knowledge = Self.world
        let program = Engine(knowledge: knowledge).program
        for (index, rule) in knowledge.rules.enumerated() where program.rules[index] >= 0 {
            #expect(program.slots(under: program.rules[index]) == rule.condition.slots, "\(rule.id)")
        }
    }

    // MARK: - In a snapshot

    /// Whatever byte of the program is changed in the snapshot, the snapshot is
    /// refused, or read and planned from without a crash or a read out of reach.
    @Test func aDamagedProgramIsRefusedOrHarmless() throws {
        let whole = shippedKnowledge
        let text = try KnowledgeSnapshot.text(of: whole)
        var writer = SnapshotWriter()
        writer.write(Engine.Tables(knowledge: whole).program)
        let written = writer.take()
        let found = try #require(text.range(of: written))
        let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
        let range = start..<(start + written.utf8.count)
        var bytes = Array(text.utf8)
        var random = SplitMix(state: 8)
        let answers = try #require(whole.scenarios.first).answers
        var refused = 0
        for _ in 0..<300 {
            let at = Int.random(in: range, using: &random)
            let saved = bytes[at]
            bytes[at] = [
                0x01, UInt8(ascii: "0"), UInt8(ascii: "9"), UInt8(ascii: "o"), UInt8(ascii: "."), UInt8(ascii: "5"),
            ]
            .randomElement(using: &random)!
            let read = bytes.withUnsafeBufferPointer { try? KnowledgeSnapshot.knowledge(from: $0, parts: .all) }
            if let read {
                let plan = Planner(knowledge: read).plan(for: answers, language: .fr)
                #expect(plan.actions.count <= read.rules.count)
            } else {
                refused += 1
            }
            bytes[at] = saved
        }
        #expect(refused > 150)
    }

    /// A program written and read back.
    static func readBack(_ program: Program) throws -> Program {
        var writer = SnapshotWriter()
        writer.write(program)
        var text = writer.take()
        return try text.withUTF8 { bytes in
            var reader = SnapshotReader(bytes)
            return try reader.read(Program.self)
        }
    }

    /// The same program, with some of its parts replaced.
    static func changing(
        _ program: Program, nodes: [Program.Node]? = nil, facts: [Program.Fact]? = nil
    ) -> Program {
        Program(
            nodes: nodes ?? program.nodes, operands: program.operands, texts: program.texts, rules: program.rules,
            askIf: program.askIf, facts: facts ?? program.facts, cases: program.cases)
    }

    /// Damage that changed bytes seldom make, made by hand: a fact's cases at the
    /// edge of an Int32, `round` given digits it cannot take, a fact that reads
    /// itself. Each is refused, where it would trap or loop once evaluated.
    @Test func refusesProgramsThatWouldTrapOrLoop() throws {
        let knowledge = shippedKnowledge
        let tables = Engine.Tables(knowledge: knowledge)
        let program = tables.program
        #expect(try Self.readBack(program) == program)

        var facts = program.facts
        facts[0] = Program.Fact(
            value: -1, condition: -1, firstCase: .max - 2, caseCount: .max - 2, otherwise: -1)
        #expect(throws: KnowledgeSnapshot.Failure.self) { try Self.readBack(Self.changing(program, facts: facts)) }

        let round = try #require(program.nodes.firstIndex { $0.kind == .call && $0.operation == .round })
        let digits = Int(program.operands[Int(program.nodes[round].first) + 1])
        for number in [-1, 7, 2.5, .nan, .infinity, 1e18] {
            var nodes = program.nodes
            nodes[digits].number = number
            #expect(throws: KnowledgeSnapshot.Failure.self, "\(number)") {
                try Self.readBack(Self.changing(program, nodes: nodes))
            }
        }

        let reader = SnapshotReader(UnsafeBufferPointer(start: nil, count: 0))
        try tables.check(against: knowledge, reader: reader)
        let slot = try #require(knowledge.facts.indices.first { program.facts[$0].value >= 0 })
        // A variable under the fact's value, found by walking its nodes.
        func variables(under index: Int) -> [Int] {
            let node = program.nodes[index]
            switch node.kind {
            case .variable: return [index]
            case .number, .text, .boolean: return []
            case .list, .call:
                return program.operands[Int(node.first)..<Int(node.first + node.second)].flatMap {
                    variables(under: Int($0))
                }
            case .not, .negate: return variables(under: Int(node.first))
            default: return variables(under: Int(node.first)) + variables(under: Int(node.second))
            }
        }
        let variable = try #require(variables(under: Int(program.facts[slot].value)).first)
        var nodes = program.nodes
        nodes[variable].first = Int32(knowledge.questions.count + slot)
        var looping = tables
        looping.program = Self.changing(program, nodes: nodes)
        #expect(throws: KnowledgeSnapshot.Failure.self) { try looping.check(against: knowledge, reader: reader) }
    }
}
