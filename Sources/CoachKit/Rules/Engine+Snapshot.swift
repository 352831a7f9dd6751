// The engine's tables in a snapshot of the knowledge (`KnowledgeSnapshot`): `coach
// plan` and the shell start from them ready, instead of working them out from the
// rules at every run.

extension Engine.Tables: SnapshotCodable {
    /// The lists of indices in small numbers (`SmallNumbers`), a list a field; which
    /// rules are conjunctions as one list of 0 and 1.
    func write(to writer: inout SnapshotWriter) {
        SmallNumbers.write(supersededBy, to: &writer)
        writer.write(probes)
        SmallNumbers.write(questionsByRule, to: &writer)
        SmallNumbers.write([isConjunction.map { $0 ? 1 : 0 }], to: &writer)
        writer.write(compiled)
        SmallNumbers.write(derivedFrom, to: &writer)
        writer.write(program)
    }

    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        // Within reach of an Int32, as the engine's slots are; `check` holds each
        // table to the knowledge.
        let maximum = Int(Int32.max)
        let supersededBy = try SmallNumbers.read(&reader, maximum: maximum)
        let probes = try reader.read([[Value]].self)
        let questionsByRule = try SmallNumbers.read(&reader, maximum: maximum)
        let conjunctions = try SmallNumbers.read(&reader, maximum: 1)
        guard conjunctions.count == 1 else { throw reader.failure("a damaged list of conjunctions") }
        self.init(
            supersededBy: supersededBy, probes: probes, questionsByRule: questionsByRule,
            isConjunction: conjunctions[0].map { $0 == 1 }, compiled: try reader.read(),
            derivedFrom: try SmallNumbers.read(&reader, maximum: maximum), program: try reader.read())
    }

    /// The engine reads these by rule, by question and by slot: tables read from a
    /// snapshot must fit the knowledge read with them.
    func check(against knowledge: KnowledgeBase, reader: SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let rules = 0..<knowledge.rules.count
        let questions = 0..<knowledge.questions.count
        let slots = 0..<knowledge.slotCount
        guard supersededBy.count == rules.count, questionsByRule.count == rules.count,
            isConjunction.count == rules.count, compiled.ruleCount == rules.count,
            probes.count == questions.count, derivedFrom.count == questions.count,
            supersededBy.allSatisfy({ $0.allSatisfy(rules.contains) }),
            questionsByRule.allSatisfy({ $0.allSatisfy(questions.contains) }),
            derivedFrom.allSatisfy({ $0.allSatisfy(slots.contains) }), compiled.testsRead(slotCount: slots.count),
            program.rules.count == rules.count,
            rules.allSatisfy({ (program.rules[$0] < 0) == compiled.isCompiled($0) }),
            program.askIf.count == questions.count,
            program.facts.count == knowledge.facts.count,
            program.nodes.allSatisfy({ $0.kind != .variable || slots.contains(Int($0.first)) }),
            program.readsInOrder(knowledge.derivedOrder)
        else { throw reader.failure("engine tables that do not fit the rules") }
    }
}

extension Program: SnapshotCodable {
    /// The nodes (kind, operation, first and second operand, four small numbers a
    /// node), the operands of lists and calls, the rules' conditions, the `ask_if`
    /// and the facts (plus one, so that -1, none, is 0), the facts' cases, all in small
    /// numbers (`SmallNumbers`); then the numbers of the number nodes, in order, and
    /// the texts.
    func write(to writer: inout SnapshotWriter) {
        let lists: [[Int]] = [
            nodes.flatMap { [Int($0.kind.rawValue), Int($0.operation.rawValue), Int($0.first), Int($0.second)] },
            operands.map(Int.init),
            rules.map { Int($0) + 1 },
            askIf.map { Int($0) + 1 },
            facts.flatMap { [$0.value, $0.condition, $0.firstCase, $0.caseCount, $0.otherwise].map { Int($0) + 1 } },
            cases.flatMap { [Int($0.condition), Int($0.value)] },
        ]
        SmallNumbers.write(lists, to: &writer)
        writer.write(nodes.filter { $0.kind == .number }.map(\.number))
        writer.write(texts)
    }

    /// Read whole and checked, so that evaluating never reads out of reach nor loops:
    /// every operand is a node before the one naming it, named once, as in a tree no
    /// deeper than a condition may be; every text and case named is there; every
    /// operation fits its node and every call has its arguments. Whether a variable
    /// is one of the knowledge's slots, and whether the facts and `ask_if` read only
    /// slots derived before them, is for `Engine.Tables.check`.
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let lists = try SmallNumbers.read(&reader, maximum: Int(Int32.max) - 1)
        let numbers = try reader.read([Double].self)
        let texts = try reader.read([String].self)
        guard lists.count == 6, lists[0].count % 4 == 0, lists[4].count % 5 == 0, lists[5].count % 2 == 0 else {
            throw reader.failure("a damaged program")
        }
        let failure = reader.failure("a program out of shape")
        let (fields, operands) = (lists[0], lists[1].map { Int32($0) })
        let nodeCount = fields.count / 4
        // Whether each node is named already, and how deep the tree under it is.
        var tree = Tree(count: nodeCount)
        var nodes: [Node] = []
        nodes.reserveCapacity(nodeCount)
        var numbersRead = 0
        for index in 0..<nodeCount {
            guard let kind = Node.Kind(rawValue: UInt8(clamping: fields[index * 4])),
                let operation = Node.Operation(rawValue: UInt8(clamping: fields[index * 4 + 1]))
            else { throw failure }
            let (first, second) = (fields[index * 4 + 2], fields[index * 4 + 3])
            var node = Node(first: Int32(first), second: Int32(second), kind: kind, operation: operation)
            let fits: Bool
            switch kind {
            case .number:
                guard numbersRead < numbers.count else { throw failure }
                node.number = numbers[numbersRead]
                numbersRead += 1
                fits = operation == .none
            case .text: fits = operation == .none && first < texts.count
            case .boolean: fits = operation == .none && first <= 1
            case .variable: fits = operation == .none
            case .not, .negate: fits = operation == .none && tree.name(first, from: index)
            case .and, .or, .member, .contains:
                fits = operation == .none && tree.name(first, from: index) && tree.name(second, from: index)
            case .compare, .arithmetic:
                let operations =
                    kind == .compare
                    ? Node.Operation.equal.rawValue...Node.Operation.greaterOrEqual.rawValue
                    : Node.Operation.plus.rawValue...Node.Operation.divide.rawValue
                fits =
                    operations.contains(operation.rawValue) && tree.name(first, from: index)
                    && tree.name(second, from: index)
            case .list, .call:
                let arity: Int? =
                    switch operation {
                    case .none: kind == .list ? second : nil
                    case .answered, .count, .floor: kind == .call ? 1 : nil
                    case .any, .min, .max, .round: kind == .call ? 2 : nil
                    default: nil
                    }
                var named = arity == second && first + second <= operands.count
                var position = first
                while named, position < first + second {
                    named = tree.name(Int(operands[position]), from: index)
                    position += 1
                }
                // `round`'s digits, as the checker requires: a whole number from 0 to 6.
                if named, operation == .round {
                    let digits = nodes[Int(operands[first + 1])]
                    named = digits.kind == .number && Expression.Function.isRoundDigits(digits.number)
                }
                fits = named
            }
            guard fits else { throw failure }
            nodes.append(node)
        }
        // The nodes that no node names: the rules', the `ask_if`, the facts' values,
        // guards and cases (-1 for none).
        var roots: [Int] = lists[2].map { $0 - 1 }
        roots += lists[3].lazy.map { $0 - 1 }
        for start in stride(from: 0, to: lists[4].count, by: 5) {
            roots += [lists[4][start] - 1, lists[4][start + 1] - 1]
        }
        for start in stride(from: 0, to: lists[5].count, by: 2) { roots.append(lists[5][start]) }
        guard numbersRead == numbers.count, roots.allSatisfy({ $0 < nodeCount && ($0 < 0 || !tree.named[$0]) }) else {
            throw failure
        }
        // Each number is within reach of an Int32 (`SmallNumbers.read`'s maximum).
        let factFields: [Int32] = lists[4].map { Int32($0 - 1) }
        var facts: [Fact] = []
        for start in stride(from: 0, to: factFields.count, by: 5) {
            let fields = factFields[start..<start + 5]
            let fact = Fact(
                value: fields[start], condition: fields[start + 1], firstCase: fields[start + 2],
                caseCount: fields[start + 3], otherwise: fields[start + 4])
            let casesFit =
                fact.firstCase >= 0 && fact.caseCount >= 0
                && Int(fact.firstCase) + Int(fact.caseCount) <= lists[5].count / 2
            guard casesFit, Int(fact.otherwise) < texts.count, fact.value >= 0 || fact.condition < 0 else {
                throw failure
            }
            facts.append(fact)
        }
        var cases: [Case] = []
        for start in stride(from: 0, to: lists[5].count, by: 2) {
            let value: Int = lists[5][start + 1]
            guard value < texts.count else { throw failure }
            cases.append(Case(condition: Int32(lists[5][start]), value: Int32(value)))
        }
        self.init(
            nodes: nodes, operands: operands, texts: texts, rules: lists[2].map { Int32($0 - 1) },
            askIf: lists[3].map { Int32($0 - 1) }, facts: facts, cases: cases)
    }
}

/// The nodes of a program as read, checked to make a forest: each named by one node
/// at most, after it, and no deeper than a condition may be.
private struct Tree {
    private(set) var named: [Bool]
    private var depths: [Int]

    init(count: Int) {
        named = [Bool](repeating: false, count: count)
        depths = [Int](repeating: 1, count: count)
    }

    /// Whether `node` may be an operand of `parent`, which it then is.
    mutating func name(_ node: Int, from parent: Int) -> Bool {
        guard (0..<parent).contains(node), !named[node] else { return false }
        named[node] = true
        depths[parent] = max(depths[parent], depths[node] + 1)
        return depths[parent] <= KnowledgeSnapshot.maximumDepth
    }
}
