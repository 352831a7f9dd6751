/// The expressions the engine evaluates again and again (the rules' conditions, the
/// facts and the questions' `ask_if`), laid out flat: each node a plain record in
/// one array, its operands found by position, always before it. Evaluating one reads
/// records and values, with no tree to walk and no reference to count: the interview
/// evaluates thousands of them for one plan.
///
/// It gives what `Evaluator` gives on the trees it was made from, and finds what an
/// undecided tree waits on as the trees' definition says; `ProgramTests` holds it to
/// both. The trees stay the knowledge's own form, for what reads them as written
/// (explanations, the checker).
struct Program: Sendable, Equatable {
    /// One node: a value, a variable, or an operation on the nodes it names.
    struct Node: Sendable, Equatable {
        enum Kind: UInt8, Sendable {
            case number, text, boolean, list, variable, not, negate, and, or, compare, arithmetic, member, contains,
                call
        }

        /// What a comparison, an arithmetic node or a call does.
        enum Operation: UInt8, Sendable {
            case none
            case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
            case plus, minus, times, divide
            case answered, count, any, min, max, floor, round

            init(_ comparison: Expression.Comparison) {
                self =
                    switch comparison {
                    case .equal: .equal
                    case .notEqual: .notEqual
                    case .less: .less
                    case .lessOrEqual: .lessOrEqual
                    case .greater: .greater
                    case .greaterOrEqual: .greaterOrEqual
                    }
            }

            /// The comparison of a comparison node (the others are never asked).
            var comparison: Expression.Comparison {
                switch self {
                case .equal: .equal
                case .notEqual: .notEqual
                case .less: .less
                case .lessOrEqual: .lessOrEqual
                case .greater: .greater
                default: .greaterOrEqual
                }
            }
        }

        // Widest first: 24 bytes a node.
        /// A number's value.
        var number: Double = 0
        /// The first operand; a variable's slot; a text's place in `texts`; a
        /// boolean's value (0 or 1); where a list's or a call's operands start in
        /// `operands`.
        var first: Int32 = 0
        /// The second operand; how many operands a list or a call has.
        var second: Int32 = 0
        var kind: Kind
        var operation: Operation = .none
    }

    /// How a fact is found: `value` (when `condition` holds, if there is one), or
    /// the first of its cases that holds, else `otherwise`.
    struct Fact: Sendable, Equatable {
        /// The value's node; -1 for a fact found by cases.
        var value: Int32
        /// The value's guard, or -1.
        var condition: Int32
        /// Its cases in `cases`.
        var firstCase: Int32
        var caseCount: Int32
        /// `otherwise` in `texts`, or -1.
        var otherwise: Int32
    }

    /// A case of a fact: its condition's node, and its value in `texts`.
    struct Case: Sendable, Equatable {
        var condition: Int32
        var value: Int32
    }

    private(set) var nodes: [Node] = []
    /// The operands of lists and calls.
    private(set) var operands: [Int32] = []
    private(set) var texts: [String] = []
    /// Each rule's condition; -1 for a rule compiled to flat tests
    /// (`CompiledConditions`), which the engine evaluates from its tests.
    private(set) var rules: [Int32] = []
    /// Each question's `ask_if`, or -1.
    private(set) var askIf: [Int32] = []
    private(set) var facts: [Fact] = []
    private(set) var cases: [Case] = []

    /// A program read whole (`init(from:)`, in a snapshot).
    init(
        nodes: [Node], operands: [Int32], texts: [String], rules: [Int32], askIf: [Int32], facts: [Fact],
        cases: [Case]
    ) {
        self.nodes = nodes
        self.operands = operands
        self.texts = texts
        self.rules = rules
        self.askIf = askIf
        self.facts = facts
        self.cases = cases
    }

    /// The rules' `conditions` alone, but for those `compiled` to flat tests
    /// (numbered from 0 like `conditions`): the part of the program a share of the
    /// rules makes (`init(joining:)`).
    init(conditions: some Collection<Expression>, compiled: CompiledConditions) {
        rules.reserveCapacity(conditions.count)
        for (index, condition) in conditions.enumerated() {
            rules.append(compiled.isCompiled(index) ? -1 : append(condition))
        }
    }

    /// The `ask_if` of `questions` and the definitions of `facts`, after `rules`.
    init(rules: Program, questions: [Question], facts: [CoachKit.Fact]) {
        self = rules
        askIf = []
        for question in questions { askIf.append(question.askIf.map { append($0) } ?? -1) }
        for fact in facts {
            switch fact.definition {
            case .value(let value, let condition):
                let valueNode = append(value)
                let conditionNode = condition.map { append($0) } ?? -1
                self.facts.append(
                    Fact(value: valueNode, condition: conditionNode, firstCase: 0, caseCount: 0, otherwise: -1))
            case .cases(let steps, let otherwise):
                let first = Int32(cases.count)
                for step in steps {
                    let condition = append(step.condition)
                    cases.append(Case(condition: condition, value: text(step.value)))
                }
                let otherwiseText = otherwise.map { text($0) } ?? -1
                self.facts.append(
                    Fact(
                        value: -1, condition: -1, firstCase: first, caseCount: Int32(steps.count),
                        otherwise: otherwiseText))
            }
        }
    }

    /// The rules of `parts`, made each on its own, one after the other.
    init(joining parts: [Program]) {
        nodes.reserveCapacity(parts.reduce(0) { $0 + $1.nodes.count })
        rules.reserveCapacity(parts.reduce(0) { $0 + $1.rules.count })
        for part in parts {
            let (nodeOffset, operandOffset, textOffset) = (
                Int32(nodes.count), Int32(operands.count), Int32(texts.count)
            )
            for var node in part.nodes {
                switch node.kind {
                case .number, .boolean, .variable: break
                case .text: node.first += textOffset
                case .list, .call: node.first += operandOffset
                case .not, .negate: node.first += nodeOffset
                case .and, .or, .compare, .arithmetic, .member, .contains:
                    node.first += nodeOffset
                    node.second += nodeOffset
                }
                nodes.append(node)
            }
            operands += part.operands.lazy.map { $0 + nodeOffset }
            texts += part.texts
            rules += part.rules.lazy.map { $0 < 0 ? $0 : $0 + nodeOffset }
        }
    }

    /// Whether each `ask_if` and each fact reads only slots derived before it in
    /// `derivedOrder`, or never derived, and is itself derived there: the order in
    /// which `Engine.derive` works them out, which also keeps `unknowns(ofSlot:)`
    /// from following a slot back to itself.
    func readsInOrder(_ derivedOrder: [Int]) -> Bool {
        let slotCount = askIf.count + facts.count
        var rank = [Int](repeating: 0, count: slotCount)
        for (position, slot) in derivedOrder.enumerated() where (0..<slotCount).contains(slot) {
            rank[slot] = position + 1
        }
        for slot in 0..<slotCount {
            var roots: [Int32]
            if slot < askIf.count {
                roots = [askIf[slot]]
            } else {
                let fact = facts[slot - askIf.count]
                roots = [fact.value, fact.condition]
                if fact.caseCount > 0 {
                    roots += cases[Int(fact.firstCase)..<Int(fact.firstCase + fact.caseCount)].map(\.condition)
                }
            }
            roots.removeAll { $0 < 0 }
            guard !roots.isEmpty else { continue }
            guard rank[slot] > 0 else { return false }
            for root in roots {
                for read in slots(under: root) where (0..<slotCount).contains(read) {
                    if rank[read] >= rank[slot] { return false }
                }
            }
        }
        return true
    }

    // MARK: - Laying out

    private mutating func text(_ value: String) -> Int32 {
        texts.append(value)
        return Int32(texts.count - 1)
    }

    private mutating func add(_ node: Node) -> Int32 {
        nodes.append(node)
        return Int32(nodes.count - 1)
    }

    /// Lays `expression` out, operands first; its node.
    private mutating func append(_ expression: Expression) -> Int32 {
        switch expression.node {
        case .number(let number): return add(Node(number: number, kind: .number))
        case .text(let value): return add(Node(first: text(value), kind: .text))
        case .boolean(let flag): return add(Node(first: flag ? 1 : 0, kind: .boolean))
        case .variable(_, let slot): return add(Node(first: slot, kind: .variable))
        case .list(let elements): return add(list(elements, kind: .list, operation: .none))
        case .call(let function, let arguments):
            let operation: Node.Operation =
                switch function {
                case .answered: .answered
                case .count: .count
                case .any: .any
                case .min: .min
                case .max: .max
                case .floor: .floor
                case .round: .round
                }
            return add(list(arguments, kind: .call, operation: operation))
        case .not(let operand): return add(Node(first: append(operand), kind: .not))
        case .negate(let operand): return add(Node(first: append(operand), kind: .negate))
        case .and(let a, let b): return pair(a, b, kind: .and, operation: .none)
        case .or(let a, let b): return pair(a, b, kind: .or, operation: .none)
        case .member(let a, let b): return pair(a, b, kind: .member, operation: .none)
        case .contains(let a, let b): return pair(a, b, kind: .contains, operation: .none)
        case .compare(let comparison, let a, let b):
            return pair(a, b, kind: .compare, operation: Node.Operation(comparison))
        case .arithmetic(let arithmetic, let a, let b):
            let operation: Node.Operation =
                switch arithmetic {
                case .plus: .plus
                case .minus: .minus
                case .times: .times
                case .divide: .divide
                }
            return pair(a, b, kind: .arithmetic, operation: operation)
        }
    }

    private mutating func pair(_ a: Expression, _ b: Expression, kind: Node.Kind, operation: Node.Operation) -> Int32 {
        let first = append(a)
        let second = append(b)
        return add(Node(first: first, second: second, kind: kind, operation: operation))
    }

    private mutating func list(_ elements: [Expression], kind: Node.Kind, operation: Node.Operation) -> Node {
        let laid = elements.map { append($0) }
        let start = Int32(operands.count)
        operands += laid
        return Node(first: start, second: Int32(laid.count), kind: kind, operation: operation)
    }
}

// MARK: - Evaluating

extension Program {
    /// The terms of the top-level `and` at node `index`, or the node alone, left to
    /// right, as `Explainer.conjuncts(of:)` finds them on its tree.
    func conjuncts(of index: Int32) -> [Int32] {
        let node = nodes[Int(index)]
        guard node.kind == .and else { return [index] }
        return conjuncts(of: node.first) + conjuncts(of: node.second)
    }

    /// The slots of the variables under node `index`, in the order they are written,
    /// with repeats, as `Expression.slots` gives them from its tree.
    func slots(under index: Int32) -> [Int] {
        var found: [Int] = []
        func visit(_ index: Int32) {
            let node = nodes[Int(index)]
            switch node.kind {
            case .variable: found.append(Int(node.first))
            case .number, .text, .boolean: break
            case .list, .call: for operand in operandRange(of: node) { visit(operands[operand]) }
            case .not, .negate: visit(node.first)
            case .and, .or, .compare, .arithmetic, .member, .contains:
                visit(node.first)
                visit(node.second)
            }
        }
        visit(index)
        return found
    }

    /// Node `index`'s value over `values` (by slot; nil while unknown), as
    /// `Evaluator` finds its tree's.
    func evaluate(_ index: Int32, _ values: [Value?]) -> Value? {
        let node = nodes[Int(index)]
        switch node.kind {
        case .number: return .number(node.number)
        case .text: return .text(texts[Int(node.first)])
        case .boolean: return .boolean(node.first != 0)
        case .variable: return values[Int(node.first)]
        case .list:
            // Unknown while an element is; absent when one is not a text.
            var elements: [String] = []
            var isKnown = true
            for operand in operandRange(of: node) {
                switch evaluate(operands[operand], values) {
                case .text(let text)?: elements.append(text)
                case nil: isKnown = false
                default: return Value.none
                }
            }
            return isKnown ? .list(elements) : nil

        case .not:
            return evaluate(node.first, values).map { .boolean(!$0.holds) }

        case .and:
            let left = evaluate(node.first, values)
            if let left, !left.holds { return .boolean(false) }
            let right = evaluate(node.second, values)
            if let right, !right.holds { return .boolean(false) }
            return left == nil || right == nil ? nil : .boolean(true)

        case .or:
            let left = evaluate(node.first, values)
            if left?.holds == true { return .boolean(true) }
            let right = evaluate(node.second, values)
            if right?.holds == true { return .boolean(true) }
            return left == nil || right == nil ? nil : .boolean(false)

        case .negate:
            guard let value = evaluate(node.first, values) else { return nil }
            guard case .number(let number) = value else { return Value.none }
            return .number(-number)

        case .arithmetic:
            let left = evaluate(node.first, values)
            let right = evaluate(node.second, values)
            // A value known to be absent decides the result, even beside an unknown one.
            if left == Value.none || right == Value.none { return Value.none }
            guard let left, let right else { return nil }
            guard case .number(let x) = left, case .number(let y) = right else { return Value.none }
            switch node.operation {
            case .plus: return .number(x + y)
            case .minus: return .number(x - y)
            case .times: return .number(x * y)
            default: return y == 0 ? Value.none : .number(x / y)
            }

        case .compare:
            let left = evaluate(node.first, values)
            let right = evaluate(node.second, values)
            if left == Value.none || right == Value.none { return .boolean(node.operation == .notEqual) }
            guard let left, let right else { return nil }
            return .boolean(Evaluator.compare(node.operation.comparison, left, right))

        case .member:
            let left = evaluate(node.first, values)
            if left == Value.none { return .boolean(false) }
            guard let left else { return nil }
            // `x in ['a', 'b']`, as rules write it: the list is read where it stands.
            if let found = literals(of: node.second, contain: { text in left == .text(text) }) {
                return .boolean(found)
            }
            guard let right = evaluate(node.second, values) else { return nil }
            guard case .text(let text) = left, case .list(let options) = right else { return .boolean(false) }
            return .boolean(options.contains(text))

        case .contains:
            let left = evaluate(node.first, values)
            if left == Value.none { return .boolean(false) }
            guard let left, let right = evaluate(node.second, values) else { return nil }
            guard case .list(let chosen) = left, case .text(let option) = right else { return .boolean(false) }
            return .boolean(chosen.contains(option))

        case .call:
            return call(node, values)
        }
    }

    /// A condition's truth: true, false, or nil while unknown.
    func truth(of index: Int32, _ values: [Value?]) -> Bool? {
        evaluate(index, values).map(\.holds)
    }

    /// Fact `position`'s value over `values`: its value when its guard holds (none
    /// when it fails), or the first of its cases that holds, else `otherwise`.
    func value(ofFact position: Int, _ values: [Value?]) -> Value? {
        let fact = facts[position]
        if fact.value >= 0 {
            if fact.condition >= 0 {
                guard let holds = truth(of: fact.condition, values) else { return nil }
                if !holds { return Value.none }
            }
            return evaluate(fact.value, values)
        }
        for position in Int(fact.firstCase)..<Int(fact.firstCase + fact.caseCount) {
            guard let holds = truth(of: cases[position].condition, values) else { return nil }
            if holds { return .text(texts[Int(cases[position].value)]) }
        }
        return fact.otherwise >= 0 ? .text(texts[Int(fact.otherwise)]) : Value.none
    }

    private func operandRange(of node: Node) -> Range<Int> {
        Int(node.first)..<Int(node.first + node.second)
    }

    private func call(_ node: Node, _ values: [Value?]) -> Value? {
        let arguments = operandRange(of: node)
        switch node.operation {
        case .answered:
            guard let value = evaluate(operands[arguments.lowerBound], values) else { return nil }
            return .boolean(value != .none)
        case .count:
            guard let value = evaluate(operands[arguments.lowerBound], values) else { return nil }
            guard case .list(let chosen) = value else { return .number(0) }
            return .number(Double(chosen.count))
        case .any:
            guard let value = evaluate(operands[arguments.lowerBound], values) else { return nil }
            let wanted = operands[arguments.lowerBound + 1]
            if case .list(let chosen) = value, let found = literals(of: wanted, contain: chosen.contains) {
                return .boolean(found)
            }
            guard let options = evaluate(wanted, values) else { return nil }
            guard case .list(let chosen) = value, case .list(let wanted) = options else { return .boolean(false) }
            return .boolean(chosen.contains { wanted.contains($0) })
        default:
            // min, max, floor and round: as in arithmetic, a value known to be absent
            // decides the result; then an unknown one; then one that is no number.
            var numbers: (Double, Double) = (0, 0)
            var (absent, unknown, other) = (false, false, false)
            for (place, operand) in arguments.enumerated() {
                switch evaluate(operands[operand], values) {
                case .number(let number)?: if place == 0 { numbers.0 = number } else { numbers.1 = number }
                case nil: unknown = true
                case .none?: absent = true
                default: other = true
                }
            }
            if absent { return Value.none }
            if unknown { return nil }
            if other { return Value.none }
            switch node.operation {
            case .min: return .number(Swift.min(numbers.0, numbers.1))
            case .max: return .number(Swift.max(numbers.0, numbers.1))
            case .floor: return .number(numbers.0.rounded(.down))
            default:
                let scale = (0..<Int(numbers.1)).reduce(1.0) { scale, _ in scale * 10 }
                return .number((numbers.0 * scale).rounded() / scale)
            }
        }
    }

    /// Whether a text among the operands of list `index` is `wanted`, as `.member`
    /// and `any` find it once the list is made, read in place; nil unless it is a
    /// list of text literals.
    private func literals(of index: Int32, contain wanted: (String) -> Bool) -> Bool? {
        let list = nodes[Int(index)]
        guard list.kind == .list else { return nil }
        var found = false
        for operand in operandRange(of: list) {
            let element = nodes[Int(operands[operand])]
            guard element.kind == .text else { return nil }
            if !found, wanted(texts[Int(element.first)]) { found = true }
        }
        return found
    }
}

// MARK: - What an undecided condition hangs on

extension Program {
    /// Node `index`'s value over `values` (as `evaluate` finds it) and, while it is
    /// unknown, the askable questions whose answers could still decide it: what its
    /// unknown parts wait on, down to the questions unanswered (or the `ask_if` they
    /// wait for), in one walk.
    func residual(of index: Int32, _ values: [Value?]) -> (value: Value?, unknowns: QuestionSet) {
        let node = nodes[Int(index)]
        switch node.kind {
        case .and, .or:
            let isAnd = node.kind == .and
            // `and` is decided by a false operand, `or` by a true one.
            let left = residual(of: node.first, values)
            if let value = left.value, value.holds != isAnd { return (.boolean(!isAnd), QuestionSet()) }
            let right = residual(of: node.second, values)
            if let value = right.value, value.holds != isAnd { return (.boolean(!isAnd), QuestionSet()) }
            if left.value != nil, right.value != nil { return (.boolean(isAnd), QuestionSet()) }
            return (nil, left.unknowns.union(right.unknowns))
        case .not:
            let inner = residual(of: node.first, values)
            return (inner.value.map { .boolean(!$0.holds) }, inner.unknowns)
        default:
            let value = evaluate(index, values)
            guard value == nil else { return (value, QuestionSet()) }
            return (nil, leafUnknowns(of: index, values))
        }
    }

    /// The askable questions whose answers could still decide node `index`.
    func unknowns(of index: Int32, _ values: [Value?]) -> QuestionSet {
        residual(of: index, values).unknowns
    }

    /// What an unknown comparison, arithmetic or call hangs on: every unknown value
    /// it mentions.
    private func leafUnknowns(of index: Int32, _ values: [Value?]) -> QuestionSet {
        let node = nodes[Int(index)]
        switch node.kind {
        case .variable:
            return unknowns(ofSlot: Int(node.first), values)
        case .number, .text, .boolean:
            return QuestionSet()
        case .list, .call:
            return operandRange(of: node).reduce(into: QuestionSet()) {
                $0.formUnion(unknowns(of: operands[$1], values))
            }
        case .not, .negate:
            return unknowns(of: node.first, values)
        case .and, .or, .compare, .arithmetic, .member, .contains:
            return unknowns(of: node.first, values).union(unknowns(of: node.second, values))
        }
    }

    /// The askable questions that slot `slot` waits on: none once known; a question
    /// itself, or what its `ask_if` waits on; what a fact's definition waits on.
    func unknowns(ofSlot slot: Int, _ values: [Value?]) -> QuestionSet {
        guard values[slot] == nil else { return QuestionSet() }
        if slot < askIf.count {
            // A question waiting for its ask_if cannot be asked yet: what it waits on can.
            let condition = askIf[slot]
            if condition >= 0, truth(of: condition, values) == nil { return unknowns(of: condition, values) }
            return QuestionSet(slot)
        }
        let fact = facts[slot - askIf.count]
        if fact.value >= 0 {
            return (fact.condition >= 0 ? unknowns(of: fact.condition, values) : QuestionSet())
                .union(unknowns(of: fact.value, values))
        }
        var found = QuestionSet()
        for position in Int(fact.firstCase)..<Int(fact.firstCase + fact.caseCount) {
            let truth = truth(of: cases[position].condition, values)
            if truth == true { break }
            if truth == nil { found.formUnion(unknowns(of: cases[position].condition, values)) }
        }
        return found
    }
}
