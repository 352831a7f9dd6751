/// Rule conditions compiled once into flat tests, for the common shape: a conjunction
/// of simple tests of one question or fact each (`posts_per_week < 1`, `has_calendar`,
/// `not runs_events`, `team == 'solo'`). Evaluating them reads a compact copy of the
/// values, with no tree to walk and no reference counting, which is what makes
/// re-planning after an answer cheap on large rule bases.
///
/// Other conditions are laid out in the engine's program (`Program`). Both give the
/// same three-valued results as the trees' `Evaluator`; `CompiledConditionsTests`
/// and `ProgramTests` hold them to it.
struct CompiledConditions: Sendable {
    /// One test of one slot's value.
    struct Test: Sendable {
        enum Operation: UInt8, Sendable {
            case holds, doesNotHold, equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
        }

        // Widest first: 24 bytes a test rather than 32, and 30 000 tests at 10 000 rules.
        var constant: Cell
        var slot: Int32
        var operation: Operation

        init(slot: Int32, operation: Operation, constant: Cell) {
            self.constant = constant
            self.slot = slot
            self.operation = operation
        }
    }

    /// A value reduced to what the tests compare: its kind, a number (booleans as 0
    /// or 1) and an interned text.
    struct Cell: Sendable, Equatable {
        enum Kind: UInt8, Sendable { case unknown, absent, number, boolean, text, list }

        // Widest first: 16 bytes a cell rather than 24.
        var number: Double
        var text: Int32
        var kind: Kind

        init(kind: Kind, number: Double = 0, text: Int32 = -1) {
            self.number = number
            self.text = text
            self.kind = kind
        }
    }

    private var tests: [Test] = []
    /// Each rule's tests in `tests`; nil when its condition is evaluated as a tree.
    private var spans: [Span?] = []
    /// Where a rule's tests start and end in `tests`: a plain pair rather than a
    /// `Range<Int32>`, whose metadata the runtime would make by checking `Int32:
    /// Comparable` through the binary's conformance records.
    private struct Span {
        var start: Int32
        var end: Int32
    }

    /// The texts the tests compare with, interned, and by number.
    private var texts: [String: Int32] = [:]
    private var textsByNumber: [String] = []

    init(conditions: some Collection<Expression>) {
        spans.reserveCapacity(conditions.count)
        // Room for every operand of every conjunction, counted first: grown by
        // doubling, the tests of 10 000 rules held up to twice their size.
        tests.reserveCapacity(conditions.reduce(0) { $0 + Self.operandCount(of: $1) })
        for condition in conditions {
            let start = tests.count
            if appendTests(of: condition) {
                spans.append(Span(start: Int32(start), end: Int32(tests.count)))
            } else {
                tests.removeLast(tests.count - start)
                spans.append(nil)
            }
        }
    }

    /// The conditions of `parts`, compiled each on its own, one after the other: the
    /// same as compiling all their conditions at once, apart from the numbering of the
    /// texts, which is the parts' own business.
    /// Each part is freed once joined, so that the parts and the whole are not all
    /// in memory at once.
    init(joining parts: consuming [CompiledConditions]) {
        tests.reserveCapacity(parts.reduce(0) { $0 + $1.tests.count })
        spans.reserveCapacity(parts.reduce(0) { $0 + $1.spans.count })
        for index in parts.indices {
            var part = CompiledConditions(conditions: [Expression]())
            swap(&part, &parts[index])
            var renumbered = [Int32](repeating: -1, count: part.texts.count)
            for (text, id) in part.texts {
                if let known = texts[text] {
                    renumbered[Int(id)] = known
                } else {
                    renumbered[Int(id)] = Int32(texts.count)
                    texts[text] = Int32(texts.count)
                    textsByNumber.append(text)
                }
            }
            let offset = Int32(tests.count)
            for var test in part.tests {
                if test.constant.kind == .text { test.constant.text = renumbered[Int(test.constant.text)] }
                tests.append(test)
            }
            for span in part.spans { spans.append(span.map { Span(start: $0.start + offset, end: $0.end + offset) }) }
        }
    }

    /// Whether rule `index` is compiled to tests.
    func isCompiled(_ index: Int) -> Bool { spans[index] != nil }

    /// The tests of rule `index`, nil when it is evaluated as a tree. The engine reads
    /// them to index rules by the values they test without walking their trees.
    func tests(ofRule index: Int) -> ArraySlice<Test>? {
        spans[index].map { tests[Int($0.start)..<Int($0.end)] }
    }

    /// The values as cells, for `truth(ofRule:cells:)`.
    func cells(for values: [Value?]) -> [Cell] {
        values.map(cell(for:))
    }

    private func cell(for value: Value?) -> Cell {
        switch value {
        case nil: Cell(kind: .unknown)
        case .none?: Cell(kind: .absent)
        case .number(let number)?: Cell(kind: .number, number: number)
        case .boolean(let flag)?: Cell(kind: .boolean, number: flag ? 1 : 0)
        case .text(let text)?: Cell(kind: .text, text: texts[text] ?? -1)
        case .list?: Cell(kind: .list)
        }
    }

    /// `value` as a cell for `test` alone: a text is given the constant's number
    /// when it is the constant's text, as interning would give it, found without
    /// hashing the text.
    private func cell(for value: Value?, against test: Test) -> Cell {
        guard case .text(let text)? = value else { return cell(for: value) }
        let same = test.constant.kind == .text && textsByNumber[Int(test.constant.text)] == text
        return Cell(kind: .text, text: same ? test.constant.text : -1)
    }

    /// Rule `index`'s truth over `values`, as `truth(ofRule:cells:)` finds it, each
    /// test read on its own: the interview tries many values of one question, and
    /// makes no cells of all the values for each. `unknown` is given the slot of
    /// each test found unknown before the truth is known. Only for compiled rules.
    func truth(ofRule index: Int, _ values: [Value?], unknown: (Int) -> Void) -> Bool? {
        guard let span = spans[index] else { preconditionFailure("rule \(index) is not compiled") }
        var isUnknown = false
        for position in Int(span.start)..<Int(span.end) {
            let test = tests[position]
            switch Self.outcome(of: test, on: cell(for: values[Int(test.slot)], against: test)) {
            case false?: return false
            case nil:
                isUnknown = true
                unknown(Int(test.slot))
            case true?: break
            }
        }
        return isUnknown ? nil : true
    }

    /// Each test of rule `index` over `values`, in order: its slot and its outcome
    /// (nil while the slot is unknown). Only for compiled rules: explanations read
    /// their terms.
    func outcomes(ofRule index: Int, _ values: [Value?]) -> [(slot: Int, outcome: Bool?)] {
        guard let span = spans[index] else { preconditionFailure("rule \(index) is not compiled") }
        return tests[Int(span.start)..<Int(span.end)].map { test in
            (Int(test.slot), Self.outcome(of: test, on: cell(for: values[Int(test.slot)], against: test)))
        }
    }

    /// Rule `index`'s truth, as the evaluator would find it: false as soon as one test
    /// fails, else unknown while one is unknown, else true. Only for compiled rules.
    func truth(ofRule index: Int, cells: [Cell]) -> Bool? {
        guard let span = spans[index] else { preconditionFailure("rule \(index) is not compiled") }
        var unknown = false
        return tests.withUnsafeBufferPointer { tests in
            cells.withUnsafeBufferPointer { cells in
                for position in Int(span.start)..<Int(span.end) {
                    let test = tests[position]
                    switch Self.outcome(of: test, on: cells[Int(test.slot)]) {
                    case false?: return false
                    case nil: unknown = true
                    case true?: break
                    }
                }
                return unknown ? nil : true
            }
        }
    }

    // MARK: - Compiling

    /// How many operands a tree of `and`s has: at most that many tests.
    private static func operandCount(of expression: Expression) -> Int {
        if case .and(let a, let b) = expression.node { return operandCount(of: a) + operandCount(of: b) }
        return 1
    }

    /// Appends the tests of a tree of `and`s, its operands left to right, reading the
    /// tree in place; false when an operand is not a simple test.
    private mutating func appendTests(of expression: Expression) -> Bool {
        switch expression.node {
        case .and(let a, let b):
            return appendTests(of: a) && appendTests(of: b)
        case .or:
            return false
        default:
            guard let test = test(for: expression) else { return false }
            tests.append(test)
            return true
        }
    }

    private mutating func test(for leaf: Expression) -> Test? {
        switch leaf.node {
        case .variable(_, let slot):
            return Test(slot: slot, operation: .holds, constant: Cell(kind: .unknown))
        case .not(let operand):
            guard case .variable(_, let slot) = operand.node else { return nil }
            return Test(slot: slot, operation: .doesNotHold, constant: Cell(kind: .unknown))
        case .compare(let comparison, let left, let right):
            guard case .variable(_, let slot) = left.node, let constant = constant(right) else { return nil }
            let operation: Test.Operation =
                switch comparison {
                case .equal: .equal
                case .notEqual: .notEqual
                case .less: .less
                case .lessOrEqual: .lessOrEqual
                case .greater: .greater
                case .greaterOrEqual: .greaterOrEqual
                }
            return Test(slot: slot, operation: operation, constant: constant)
        default:
            return nil
        }
    }

    private mutating func constant(_ expression: Expression) -> Cell? {
        switch expression.node {
        case .number(let number): return Cell(kind: .number, number: number)
        case .boolean(let flag): return Cell(kind: .boolean, number: flag ? 1 : 0)
        case .text(let text):
            if let id = texts[text] { return Cell(kind: .text, text: id) }
            let id = Int32(texts.count)
            texts[text] = id
            textsByNumber.append(text)
            return Cell(kind: .text, text: id)
        default: return nil
        }
    }

    // MARK: - Evaluating

    /// One test's outcome, with the evaluator's rules: a bare value holds only when
    /// it is `true`; `not` of any known value is its opposite; a comparison with an
    /// absent value is false (`!=` true); only numbers are ordered.
    private static func outcome(of test: Test, on cell: Cell) -> Bool? {
        if cell.kind == .unknown { return nil }
        switch test.operation {
        case .holds: return cell.kind == .boolean && cell.number == 1
        case .doesNotHold: return !(cell.kind == .boolean && cell.number == 1)
        case .equal, .notEqual:
            if cell.kind == .absent { return test.operation == .notEqual }
            let same =
                cell.kind == test.constant.kind && cell.number == test.constant.number
                && cell.text == test.constant.text
            return test.operation == .equal ? same : !same
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard cell.kind == .number, test.constant.kind == .number else { return false }
            let (x, y) = (cell.number, test.constant.number)
            switch test.operation {
            case .less: return x < y
            case .lessOrEqual: return x <= y
            case .greater: return x > y
            default: return x >= y
            }
        }
    }
}

// MARK: - In a snapshot

extension CompiledConditions: SnapshotCodable {
    /// The tests (slot, operation, the constant's kind, number and text), each rule's
    /// span or an absent value, then the interned texts in the order of their numbers.
    /// Texts are numbered again in the order the tests first name them: the numbers
    /// that shares joined give depend on the order of a dictionary, which changes
    /// from one process to the next, and the same rules must give the same snapshot.
    func write(to writer: inout SnapshotWriter) {
        let byNumber = textsByNumber
        var renumbered = [Int32](repeating: -1, count: byNumber.count)
        var written: [String] = []
        for test in tests where test.constant.kind == .text && renumbered[Int(test.constant.text)] < 0 {
            renumbered[Int(test.constant.text)] = Int32(written.count)
            written.append(byNumber[Int(test.constant.text)])
        }
        writer.write(tests.count)
        for test in tests {
            writer.write(Int(test.slot))
            writer.write(Int(test.operation.rawValue))
            writer.write(Int(test.constant.kind.rawValue))
            writer.write(test.constant.number)
            writer.write(Int(test.constant.kind == .text ? renumbered[Int(test.constant.text)] : test.constant.text))
        }
        writer.write(spans.count)
        for span in spans {
            if let span {
                writer.write(Int(span.start))
                writer.write(Int(span.end))
            } else {
                writer.absent()
            }
        }
        writer.write(written)
    }

    /// Read whole and checked: every span within the tests, every text a test names
    /// among the texts. Whether a slot is one of the knowledge's is for the engine's
    /// tables to check (`Engine.Tables.check`).
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        var tests: [Test] = []
        let testCount = try reader.count()
        tests.reserveCapacity(testCount)
        for _ in 0..<testCount {
            let slot = try reader.read(Int.self)
            guard let operation = Test.Operation(rawValue: UInt8(clamping: try reader.read(Int.self))),
                let kind = Cell.Kind(rawValue: UInt8(clamping: try reader.read(Int.self)))
            else { throw reader.failure("a test of no known kind") }
            let number = try reader.read(Double.self)
            let text = try reader.read(Int.self)
            guard let slot = Int32(exactly: slot), let text = Int32(exactly: text) else {
                throw reader.failure("a test out of range")
            }
            tests.append(Test(slot: slot, operation: operation, constant: Cell(kind: kind, number: number, text: text)))
        }
        var spans: [Span?] = []
        for _ in 0..<(try reader.count()) {
            if reader.isAbsent() {
                spans.append(nil)
                continue
            }
            let start = try reader.read(Int.self)
            let end = try reader.read(Int.self)
            guard 0 <= start, start <= end, end <= tests.count, let start = Int32(exactly: start),
                let end = Int32(exactly: end)
            else { throw reader.failure("a rule's tests out of range") }
            spans.append(Span(start: start, end: end))
        }
        let texts = try reader.read([String].self)
        guard tests.allSatisfy({ $0.constant.kind != .text || (0..<texts.count).contains(Int($0.constant.text)) })
        else { throw reader.failure("a test of a text not interned") }
        self.tests = tests
        self.spans = spans
        self.texts = Dictionary(
            texts.enumerated().map { ($0.element, Int32($0.offset)) }, uniquingKeysWith: { a, _ in a })
        textsByNumber = texts
    }

    /// How many rules, and whether every test reads one of `slotCount` slots.
    var ruleCount: Int { spans.count }

    func testsRead(slotCount: Int) -> Bool {
        tests.allSatisfy { (0..<slotCount).contains(Int($0.slot)) }
    }
}
