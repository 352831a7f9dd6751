/// Everything the engine derives from one set of answers: every value, every rule's
/// outcome, the rules in the plan, and the questions that can still change it.
///
/// It is computed afresh from the answers each time, so no fact or action from an
/// earlier answer can outlive a change.
public struct Evaluation: Sendable {
    /// Values by slot: questions, then facts; nil while unknown.
    public internal(set) var values: [Value?]
    /// Each rule's condition: true, false, or nil while undecided.
    public internal(set) var outcomes: [Bool?]
    /// Indices of the rules in the plan: fired and not superseded.
    public internal(set) var fired: [Int]
    /// For each superseded rule that fired, the rule that replaced it.
    public internal(set) var supersededBy: Replacements
    /// The questions that can still change the plan, most important first.
    public internal(set) var missing: [String]
}

/// Evaluates the knowledge base's facts and rules over a user's answers.
public struct Engine: Sendable {
    public let knowledge: KnowledgeBase
    /// The rules' conditions, the facts and the questions' `ask_if`, laid out flat
    /// for the loops that evaluate them (`Program`).
    let program: Program
    /// Each rule's priority, apart from the rules: the hot loops read only these,
    /// without copying rules or the knowledge base.
    let priorities: [Int]
    /// For each rule, the rules that supersede it.
    let supersededBy: [[Int]]
    /// For each question, the values that may decide a rule differently.
    let probes: [[Value]]
    /// For each rule, the questions it mentions (directly or through facts).
    let questionsByRule: [[Int]]
    /// Rules whose condition is a plain conjunction over questions without `ask_if`:
    /// while such a rule is pending, it hangs on exactly its unanswered questions,
    /// which the interview can read off without walking the condition.
    let isConjunction: [Bool]
    /// The conditions that compile to flat tests, evaluated without their trees.
    let compiled: CompiledConditions
    /// For each question, the derived slots whose value may change with its answer,
    /// in the order they are derived: trying the values of one question re-derives
    /// only these.
    let derivedFrom: [[Int]]

    public init(knowledge: KnowledgeBase) {
        // The built-in knowledge comes with its tables, made when its snapshot was.
        self.init(knowledge: knowledge, tables: knowledge.engineTables ?? Tables(knowledge: knowledge))
    }

    /// Rules are compiled and indexed in shares of `rulesPerShare`, on every core when
    /// there are several (`Tables`).
    init(knowledge: KnowledgeBase, rulesPerShare: Int) {
        self.init(knowledge: knowledge, tables: Tables(knowledge: knowledge, rulesPerShare: rulesPerShare))
    }

    private init(knowledge: KnowledgeBase, tables: Tables) {
        self.knowledge = knowledge
        program = tables.program
        priorities = knowledge.rules.map(\.priority)
        supersededBy = tables.supersededBy
        probes = tables.probes
        questionsByRule = tables.questionsByRule
        isConjunction = tables.isConjunction
        compiled = tables.compiled
        derivedFrom = tables.derivedFrom
    }

    /// What the engine works out from the knowledge alone, before any answer: the
    /// same for every run, so the built-in knowledge's snapshot holds them ready
    /// (`KnowledgeBase.engineTables`).
    struct Tables: Sendable {
        var supersededBy: [[Int]]
        var probes: [[Value]]
        var questionsByRule: [[Int]]
        var isConjunction: [Bool]
        var compiled: CompiledConditions
        var derivedFrom: [[Int]]
        var program: Program
    }

    /// For each rule, the rules that supersede it. Rules are read in place, not
    /// copied.
    static func supersedingRules(_ rules: [Rule]) -> [[Int]] {
        var replacing = [[Int]](repeating: [], count: rules.count)
        let replacements = rules.reduce(0) { $0 + $1.supersedes.count }
        guard replacements > 0 else { return replacing }
        // A few replacements among a few hundred rules are found by reading the ids
        // (for the built-in rules, a dictionary of every id cost ten times as much);
        // more, through that dictionary.
        let index: [String: Int]? =
            replacements * rules.count <= 8192
            ? nil : Dictionary(rules.indices.map { (rules[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        for position in rules.indices {
            for id in rules[position].supersedes {
                if let target = index.map({ $0[id] }) ?? rules.firstIndex(where: { $0.id == id }) {
                    replacing[target].append(position)
                }
            }
        }
        return replacing
    }

    static func isConjunction(_ expression: Expression, questions: [Question]) -> Bool {
        switch expression.node {
        case .and(let a, let b):
            return isConjunction(a, questions: questions) && isConjunction(b, questions: questions)
        case .or:
            return false
        default:
            var simple = true
            expression.visit { node in
                switch node.node {
                case .and, .or: simple = false
                case .variable(_, let slot):
                    if slot >= questions.count || questions[Int(slot)].hasAskIf { simple = false }
                default: break
                }
            }
            return simple
        }
    }

    // MARK: - Values

    /// The value of each question and fact for these answers.
    func values(for answers: Answers) -> [Value?] {
        var values = [Value?](repeating: nil, count: knowledge.slotCount)
        for (slot, question) in knowledge.questions.enumerated() {
            values[slot] = answers[question.id]?.value
        }
        derive(&values, raw: values)
        return values
    }

    /// Computes the derived slots in order: facts, and questions whose `ask_if` may
    /// set their answer aside. `raw` holds the answers as given.
    func derive(_ values: inout [Value?], raw: [Value?]) {
        derive(&values, raw: raw, slots: knowledge.derivedOrder)
    }

    /// Computes the derived `slots`, taken in the order of `derivedOrder`; the
    /// others keep their values.
    func derive(_ values: inout [Value?], raw: [Value?], slots: [Int]) {
        let questionCount = program.askIf.count
        for slot in slots {
            // Each result is computed before the array is written, so that the
            // array is not shared when written, and not copied.
            let result: Value?
            if slot < questionCount {
                let askIf = program.askIf[slot]
                guard askIf >= 0 else { continue }
                switch program.truth(of: askIf, values) {
                case true?: result = raw[slot]
                case false?: result = Value.none
                case nil: result = nil
                }
            } else {
                result = program.value(ofFact: slot - questionCount, values)
            }
            values[slot] = result
        }
    }

    // MARK: - Evaluation

    /// Evaluates every rule for `answers` and finds the questions still worth asking.
    public func evaluate(_ answers: Answers) -> Evaluation {
        let values = values(for: answers)
        let cells = compiled.cells(for: values)
        let outcomes = program.rules.indices.map { index in
            compiled.isCompiled(index)
                ? compiled.truth(ofRule: index, cells: cells) : program.truth(of: program.rules[index], values)
        }
        // A fired rule is replaced only by a rule that is itself in the plan, so that in
        // a chain (A replaces B, B replaces C) A's firing brings C back if B is out.
        // Tables by rule, not dictionaries or sets: a first `Set<Int>` costs a scan of
        // the binary's conformance records. They are made only when a rule that fired
        // can be replaced, which most rules cannot.
        var replaced = Replacements(ruleCount: outcomes.count)
        var settled: [Int?] = []
        var isSettled: [Bool] = []
        func winner(over index: Int, visiting: [Int]) -> Int? {
            if isSettled[index] { return settled[index] }
            let found = supersededBy[index].first { candidate in
                outcomes[candidate] == true && !visiting.contains(candidate)
                    && winner(over: candidate, visiting: visiting + [index]) == nil
            }
            settled[index] = found
            isSettled[index] = true
            return found
        }
        for (index, outcome) in outcomes.enumerated() where outcome == true && !supersededBy[index].isEmpty {
            if isSettled.isEmpty {
                settled = [Int?](repeating: nil, count: outcomes.count)
                isSettled = [Bool](repeating: false, count: outcomes.count)
            }
            if let found = winner(over: index, visiting: []) { replaced[index] = found }
        }
        let fired = outcomes.indices.filter { outcomes[$0] == true && replaced[$0] == nil }
        var evaluation = Evaluation(
            values: values, outcomes: outcomes, fired: fired, supersededBy: replaced, missing: [])
        evaluation.missing = Interview(engine: self, answers: answers, evaluation: evaluation).missing()
        return evaluation
    }

    /// Rule `index`'s truth over `values` (nil while unknown) and, while it is
    /// unknown, the askable questions whose answers could still decide it, in one
    /// walk: from its flat tests when it has some, as the program finds them on the
    /// tree (false once a test fails; else what the unknown tests' slots wait on).
    func residual(ofRule index: Int, _ values: [Value?]) -> (truth: Bool?, unknowns: QuestionSet) {
        guard compiled.isCompiled(index) else {
            let (value, unknowns) = program.residual(of: program.rules[index], values)
            return (value.map(\.holds), unknowns)
        }
        var unknowns = QuestionSet()
        let truth = compiled.truth(ofRule: index, values) { slot in
            unknowns.formUnion(program.unknowns(ofSlot: slot, values))
        }
        return (truth, truth == nil ? unknowns : QuestionSet())
    }

    /// The terms of rule `index`'s top-level `and` (or the whole condition), in the
    /// order the condition writes them: each one's truth over `values` and the
    /// questions it waits on.
    func terms(ofRule index: Int, _ values: [Value?]) -> [(truth: Bool?, unknowns: QuestionSet)] {
        guard compiled.isCompiled(index) else {
            return program.conjuncts(of: program.rules[index]).map { node in
                let truth = program.truth(of: node, values)
                return (truth, truth == nil ? program.unknowns(of: node, values) : QuestionSet())
            }
        }
        // A compiled condition is a conjunction of its tests.
        return compiled.outcomes(ofRule: index, values).map { slot, outcome in
            (outcome, outcome == nil ? program.unknowns(ofSlot: slot, values) : QuestionSet())
        }
    }

    /// The slots whose values make rule `index`'s condition hold over `values`, in
    /// the order the condition names them: for an `and` that holds, every term's;
    /// for an `or`, the first true term's; a comparison or a function names all its
    /// values. Read for the rules that fired.
    func support(ofRule index: Int, _ values: [Value?]) -> [Int] {
        // A conjunction of tests, one slot each: read in a loop, into a list sized
        // once (a plan explains every rule it fires, hundreds at 10 000 rules).
        if let tests = compiled.tests(ofRule: index) {
            var slots: [Int] = []
            slots.reserveCapacity(tests.count)
            for test in tests where !slots.contains(Int(test.slot)) { slots.append(Int(test.slot)) }
            return slots
        }
        var slots: [Int] = []
        func add(_ slot: Int) { if !slots.contains(slot) { slots.append(slot) } }
        func collect(_ node: Int32, holding: Bool) {
            let term = program.nodes[Int(node)]
            switch term.kind {
            case .and, .or:
                if (term.kind == .and) == holding {
                    collect(term.first, holding: holding)
                    collect(term.second, holding: holding)
                } else if program.truth(of: term.first, values) == holding {
                    collect(term.first, holding: holding)
                } else {
                    collect(term.second, holding: holding)
                }
            case .not: collect(term.first, holding: !holding)
            default: program.slots(under: node).forEach(add)
            }
        }
        collect(program.rules[index], holding: true)
        return slots
    }

    /// Whether rule `index` can still enter the plan: undecided, and not replaced by
    /// a rule that already fired.
    func isPending(_ index: Int, in evaluation: Evaluation) -> Bool {
        evaluation.outcomes[index] == nil
            && !supersededBy[index].contains { evaluation.outcomes[$0] == true && evaluation.supersededBy[$0] == nil }
    }
}

extension Engine.Tables {
    /// Rules are compiled and indexed in shares of `rulesPerShare`, on every core
    /// when there are several: each rule's tests, questions and thresholds are its
    /// own business, and the shares are joined in order.
    init(knowledge: KnowledgeBase, rulesPerShare: Int = 2048) {
        let conditions = knowledge.rules.map(\.condition)
        supersededBy = Engine.supersedingRules(knowledge.rules)
        let dependencies = Dependencies(knowledge: knowledge)
        let questions = knowledge.questions
        var derivedFrom = [[Int]](repeating: [], count: questions.count)
        for slot in knowledge.derivedOrder {
            for question in dependencies.questions(ofSlots: [slot]) { derivedFrom[question].append(slot) }
        }
        self.derivedFrom = derivedFrom
        let count = conditions.count
        let shareCount = max(1, count / max(1, rulesPerShare))
        // Shares by number, not as a list of ranges: the runtime makes the metadata
        // of `[Range<Int>]` by checking `Int: Comparable` through the binary's
        // conformance records.
        let makeShare = { (share: Int) in
            RuleShare(
                conditions[(share * count / shareCount)..<((share + 1) * count / shareCount)],
                questions: questions, dependencies: dependencies)
        }
        let shares = Array(0..<shareCount)
        var parts = shareCount > 1 ? shares.concurrentMap(makeShare) : shares.map(makeShare)
        questionsByRule = parts.flatMap(\.questionsByRule)
        program = Program(
            rules: Program(joining: parts.map(\.program)), questions: knowledge.questions, facts: knowledge.facts)
        isConjunction = parts.flatMap(\.isConjunction)
        var thresholds = [[Double]](repeating: [], count: questions.count)
        for part in parts {
            for question in thresholds.indices { thresholds[question] += part.thresholds[question] }
        }
        // The parts' tests are handed over, not copied, and freed as they are joined.
        let tests = parts.map(\.compiled)
        parts = []
        compiled = CompiledConditions(joining: consume tests)
        probes = Probes.values(for: knowledge, ruleThresholds: thresholds)
    }
}

/// What the engine derives from each rule on its own, for a share of the rules: its
/// condition compiled to flat tests when it can be, the questions it depends on,
/// whether it is a simple conjunction, and the numbers it compares questions with.
private struct RuleShare {
    var compiled: CompiledConditions
    var program: Program
    var questionsByRule: [[Int]]
    var isConjunction: [Bool]
    var thresholds: [[Double]]

    init(_ conditions: ArraySlice<Expression>, questions: [Question], dependencies: Dependencies) {
        let compiled = CompiledConditions(conditions: conditions)
        self.compiled = compiled
        program = Program(conditions: conditions, compiled: compiled)
        // Rules compiled to flat tests are indexed from their tests; the others from
        // their expression trees. Shares number their rules from 0.
        questionsByRule = conditions.indices.map { index in
            guard let tests = compiled.tests(ofRule: index - conditions.startIndex) else {
                return dependencies.questions(of: conditions[index])
            }
            return dependencies.questions(ofSlots: tests.lazy.map { Int($0.slot) })
        }
        isConjunction = conditions.indices.map { index in
            guard let tests = compiled.tests(ofRule: index - conditions.startIndex) else {
                return Engine.isConjunction(conditions[index], questions: questions)
            }
            // Flat tests are a conjunction: it is simple when each reads a question
            // answered as given (no `ask_if` to set it aside).
            return tests.allSatisfy { Int($0.slot) < questions.count && !questions[Int($0.slot)].hasAskIf }
        }
        thresholds = Probes.thresholds(of: conditions, compiled: compiled, questionCount: questions.count)
    }
}
