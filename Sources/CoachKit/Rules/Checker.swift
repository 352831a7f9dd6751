/// What a name or an expression stands for, as far as the checker can tell.
public enum ValueType: Equatable, Sendable {
    case number
    case boolean
    case text
    /// One value among `options`, answered or derived under `owner`'s id.
    case choice(owner: String, options: [String])
    /// Several values among `options`.
    case multi(owner: String, options: [String])
    /// A list written in the expression.
    case list

    /// How messages name it: a key of the localisation table and its arguments.
    var description: (key: String, arguments: [String: String]) {
        switch self {
        case .number: ("type.number", [:])
        case .boolean: ("type.boolean", [:])
        case .text: ("type.text", [:])
        case .choice(let owner, _): ("type.choice", ["owner": owner])
        case .multi(let owner, _): ("type.multi", ["owner": owner])
        case .list: ("type.list", [:])
        }
    }
}

/// Resolves names to slots and checks types and option values, reporting every
/// problem with the range of text it is about.
struct Checker {
    /// A name the expressions may use.
    struct Symbol {
        var slot: Int
        var type: ValueType
    }

    let symbols: [String: Symbol]
    /// The same symbols by slot, with their names (`slots(of:)`), when the caller keeps
    /// them: a name the parser resolved is then found by its slot, without hashing it
    /// again. Loading ten thousand rules looks up thirty thousand names.
    let bySlot: [(name: String, type: ValueType)?]
    private(set) var errors: [ExpressionError] = []
    /// Whether the expression being checked names a symbol it has no slot for yet.
    private var unresolved = false

    init(symbols: [String: Symbol], bySlot: [(name: String, type: ValueType)?] = []) {
        self.symbols = symbols
        self.bySlot = bySlot
    }

    /// The symbols by slot, for `init(symbols:bySlot:)`.
    static func slots(of symbols: [String: Symbol]) -> [(name: String, type: ValueType)?] {
        var bySlot = [(name: String, type: ValueType)?](
            repeating: nil, count: (symbols.values.map(\.slot).max() ?? -1) + 1)
        for (name, symbol) in symbols where symbol.slot >= 0 { bySlot[symbol.slot] = (name, symbol.type) }
        return bySlot
    }

    /// Checks `expression`, expecting `expected` when given; returns it with its
    /// names resolved, and its type (nil when an error made it unknowable).
    ///
    /// The knowledge compiler parses with the symbols, so its trees come resolved and
    /// are returned as they are; a tree parsed without them is rebuilt with its slots.
    mutating func check(_ expression: Expression, expecting expected: ValueType? = nil) -> (Expression, ValueType?) {
        unresolved = false
        let type = checkedType(of: expression, expecting: expected)
        guard unresolved else { return (expression, type) }
        return (expression.mappingVariables { name, slot in symbols[name]?.slot ?? slot }, type)
    }

    /// The type of `expression`, checked against `expected` when given.
    private mutating func checkedType(of expression: Expression, expecting expected: ValueType?) -> ValueType? {
        let type = infer(expression)
        if let expected, let type, !compatible(type, expected) {
            mismatch(expected: expected, found: type, at: expression.range)
            return nil
        }
        return type
    }

    private func compatible(_ found: ValueType, _ expected: ValueType) -> Bool {
        switch (found, expected) {
        case (.choice, .choice), (.choice, .text), (.text, .choice): true
        case (.multi, .multi): true
        default: found == expected
        }
    }

    private mutating func mismatch(expected: ValueType, found: ValueType, at range: Range<Int>) {
        errors.append(
            ExpressionError(
                .typeMismatch(
                    expected: expected.description.key, expectedArguments: expected.description.arguments,
                    found: found.description.key, foundArguments: found.description.arguments),
                at: range))
    }

    /// A text literal checked against the options of `type`, when it has options.
    private mutating func checkOption(_ literal: Expression, of type: ValueType) {
        guard case .text(let value) = literal.node else { return }
        switch type {
        case .choice(let owner, let options), .multi(let owner, let options):
            if !options.contains(value) {
                errors.append(
                    ExpressionError(
                        .notAnOption(value, of: owner, suggestion: Suggestion.closest(to: value, among: options)),
                        at: literal.range))
            }
        default: break
        }
    }

    private mutating func infer(_ expression: Expression) -> ValueType? {
        let range = expression.range
        switch expression.node {
        case .number: return .number
        case .text: return .text
        case .boolean: return .boolean

        case .list(let elements):
            for element in elements { _ = checkedType(of: element, expecting: .text) }
            return .list

        case .variable(let name, let slot32):
            let slot = Int(slot32)
            if slot >= 0, slot < bySlot.count, let known = bySlot[slot], known.name == name { return known.type }
            guard let symbol = symbols[name] else {
                let suggestion = Suggestion.closest(to: name, among: symbols.keys.sorted())
                errors.append(ExpressionError(.unknownName(name, suggestion: suggestion), at: range))
                return nil
            }
            if slot != symbol.slot { unresolved = true }
            return symbol.type

        case .not(let operand):
            _ = checkedType(of: operand, expecting: .boolean)
            return .boolean

        case .negate(let operand):
            _ = checkedType(of: operand, expecting: .number)
            return .number

        case .and(let a, let b), .or(let a, let b):
            _ = checkedType(of: a, expecting: .boolean)
            _ = checkedType(of: b, expecting: .boolean)
            return .boolean

        case .arithmetic(_, let a, let b):
            _ = checkedType(of: a, expecting: .number)
            _ = checkedType(of: b, expecting: .number)
            return .number

        case .compare(let comparison, let a, let b):
            let leftType = infer(a)
            let rightType = infer(b)
            guard let leftType, let rightType else { return .boolean }
            switch comparison {
            case .equal, .notEqual:
                if case .multi = leftType {
                    mismatch(expected: .choice(owner: "", options: []), found: leftType, at: a.range)
                } else if case .list = leftType {
                    mismatch(expected: .text, found: leftType, at: a.range)
                } else if !compatible(rightType, leftType) {
                    mismatch(expected: leftType, found: rightType, at: b.range)
                } else {
                    checkOption(b, of: leftType)
                    checkOption(a, of: rightType)
                }
            case .less, .lessOrEqual, .greater, .greaterOrEqual:
                if leftType != .number { mismatch(expected: .number, found: leftType, at: a.range) }
                if rightType != .number { mismatch(expected: .number, found: rightType, at: b.range) }
            }
            return .boolean

        case .member(let a, let b):
            let leftType = infer(a)
            guard case .list(let elements) = b.node else {
                if let rightType = infer(b) { mismatch(expected: .list, found: rightType, at: b.range) }
                return .boolean
            }
            _ = infer(b)
            if let leftType {
                if compatible(leftType, .text) {
                    elements.forEach { checkOption($0, of: leftType) }
                } else {
                    mismatch(expected: .text, found: leftType, at: a.range)
                }
            }
            return .boolean

        case .contains(let a, let b):
            let leftType = infer(a)
            _ = checkedType(of: b, expecting: .text)
            if let leftType {
                if case .multi = leftType {
                    checkOption(b, of: leftType)
                } else {
                    mismatch(expected: .multi(owner: "", options: []), found: leftType, at: a.range)
                }
            }
            return .boolean

        case .call(let function, let arguments):
            guard arguments.count == function.arity else {
                errors.append(
                    ExpressionError(
                        .wrongArgumentCount(function.rawValue, expected: function.arity, found: arguments.count),
                        at: range))
                return function == .answered || function == .any ? .boolean : .number
            }
            switch function {
            case .answered:
                guard case .variable = arguments[0].node else {
                    errors.append(ExpressionError(.answeredNeedsAName, at: arguments[0].range))
                    return .boolean
                }
                _ = infer(arguments[0])
                return .boolean
            case .count:
                _ = checkedType(of: arguments[0], expecting: .multi(owner: "", options: []))
                return .number
            case .any:
                let argumentType = checkedType(of: arguments[0], expecting: .multi(owner: "", options: []))
                _ = checkedType(of: arguments[1], expecting: .list)
                if let argumentType, case .list(let elements) = arguments[1].node {
                    elements.forEach { checkOption($0, of: argumentType) }
                }
                return .boolean
            case .min, .max, .floor:
                for argument in arguments { _ = checkedType(of: argument, expecting: .number) }
                return .number
            case .round:
                _ = checkedType(of: arguments[0], expecting: .number)
                guard case .number(let digits) = arguments[1].node, Expression.Function.isRoundDigits(digits) else {
                    errors.append(ExpressionError(.roundDigits, at: arguments[1].range))
                    return .number
                }
                return .number
            }
        }
    }
}
