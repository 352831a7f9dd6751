/// A parsed condition or value: a tree of nodes, each with the range of source text
/// it came from, so that diagnostics and explanations can point into the text.
public struct Expression: Sendable {
    public enum Node: Sendable {
        case number(Double)
        case text(String)
        case boolean(Bool)
        case list([Expression])
        /// A question or a fact; `slot` is -1 until the name is resolved, by the parser
        /// when it is given the symbols, else by the checker.
        case variable(String, slot: Int32)
        indirect case not(Expression)
        indirect case negate(Expression)
        indirect case and(Expression, Expression)
        indirect case or(Expression, Expression)
        indirect case compare(Comparison, Expression, Expression)
        indirect case arithmetic(Arithmetic, Expression, Expression)
        /// `x in ['a', 'b']`
        indirect case member(Expression, Expression)
        /// `platforms contains 'discord'`
        indirect case contains(Expression, Expression)
        case call(Function, [Expression])
    }

    public enum Comparison: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    public enum Arithmetic: String, Sendable, CaseIterable {
        case plus = "+", minus = "-", times = "*", divide = "/"
    }

    /// The functions of the language.
    public enum Function: String, Sendable, CaseIterable {
        /// `answered(x)`: the question has an answer.
        case answered
        /// `count(x)`: how many options a multi answer holds.
        case count
        /// `any(x, [...])`: a multi answer holds at least one of the options.
        case any
        /// `min(a, b)` and `max(a, b)`: the smaller and the larger of two numbers.
        case min, max
        /// `floor(a)`: the whole number at or below `a`.
        case floor
        /// `round(a, digits)`: `a` rounded to that many decimals (0 to 6).
        case round

        /// How many arguments the function takes.
        var arity: Int {
            switch self {
            case .answered, .count, .floor: 1
            case .any, .min, .max, .round: 2
            }
        }

        /// Whether `digits` may be `round`'s second argument: a whole number from 0
        /// to 6.
        static func isRoundDigits(_ digits: Double) -> Bool {
            digits >= 0 && digits <= 6 && digits == digits.rounded()
        }

        /// Whether `arguments` are as the checker lets them through: as many as the
        /// function takes, `round`'s digits a number that `isRoundDigits`. The
        /// evaluators count on it.
        func fits(_ arguments: [Expression]) -> Bool {
            guard arguments.count == arity else { return false }
            guard self == .round else { return true }
            if case .number(let digits) = arguments[1].node { return Self.isRoundDigits(digits) }
            return false
        }
    }

    public var node: Node
    // The range's bounds in 32 bits, and slots too: an expression takes 32 bytes
    // rather than 48, and a rule base holds a few of them per rule.
    private var start: Int32
    private var end: Int32

    /// Where it is in the source text, in Unicode scalars.
    public var range: Range<Int> {
        get { Int(start)..<Int(end) }
        set {
            start = Int32(clamping: newValue.lowerBound)
            end = Int32(clamping: newValue.upperBound)
        }
    }

    init(_ node: Node, _ range: Range<Int>) {
        self.node = node
        start = Int32(clamping: range.lowerBound)
        end = Int32(clamping: range.upperBound)
    }

    /// The slots of the variables it mentions, in order of appearance, with repeats.
    var slots: [Int] {
        var found: [Int] = []
        visit { expression in
            if case .variable(_, let slot) = expression.node { found.append(Int(slot)) }
        }
        return found
    }

    /// The variables it mentions, in order of appearance, with repeats.
    var variables: [(name: String, slot: Int, range: Range<Int>)] {
        // Labelled as returned: an array of unlabelled tuples is converted element by
        // element on the way out.
        var found: [(name: String, slot: Int, range: Range<Int>)] = []
        visit { expression in
            if case .variable(let name, let slot) = expression.node {
                found.append((name, Int(slot), expression.range))
            }
        }
        return found
    }

    /// The same tree with each variable's slot replaced by `slot(name, slot)`.
    func mappingVariables(_ slot: (String, Int) -> Int) -> Expression {
        func map(_ expression: Expression) -> Expression { expression.mappingVariables(slot) }
        let mapped: Node
        switch node {
        case .number, .text, .boolean: return self
        case .variable(let name, let old): mapped = .variable(name, slot: Int32(slot(name, Int(old))))
        case .list(let elements): mapped = .list(elements.map(map))
        case .not(let operand): mapped = .not(map(operand))
        case .negate(let operand): mapped = .negate(map(operand))
        case .and(let a, let b): mapped = .and(map(a), map(b))
        case .or(let a, let b): mapped = .or(map(a), map(b))
        case .compare(let comparison, let a, let b): mapped = .compare(comparison, map(a), map(b))
        case .arithmetic(let operation, let a, let b): mapped = .arithmetic(operation, map(a), map(b))
        case .member(let a, let b): mapped = .member(map(a), map(b))
        case .contains(let a, let b): mapped = .contains(map(a), map(b))
        case .call(let function, let arguments): mapped = .call(function, arguments.map(map))
        }
        return Expression(mapped, range)
    }

    /// Calls `body` on this node and every node below it, depth first.
    func visit(_ body: (Expression) -> Void) {
        body(self)
        switch node {
        case .number, .text, .boolean, .variable: break
        case .list(let elements): elements.forEach { $0.visit(body) }
        case .not(let operand), .negate(let operand): operand.visit(body)
        case .and(let a, let b), .or(let a, let b), .compare(_, let a, let b), .arithmetic(_, let a, let b),
            .member(let a, let b), .contains(let a, let b):
            a.visit(body)
            b.visit(body)
        case .call(_, let arguments): arguments.forEach { $0.visit(body) }
        }
    }
}

/// A problem in an expression, with the range of text it is about.
public struct ExpressionError: Error, Sendable {
    public var problem: Problem
    public var range: Range<Int>

    init(_ problem: Problem, at range: Range<Int>) {
        self.problem = problem
        self.range = range
    }
}
