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
    private(set) var errors: [ExpressionError] = []

    init(symbols: [String: Symbol]) {
        self.symbols = symbols
    }

    /// Checks `expression`, expecting `expected` when given; returns it with its
    /// names resolved, and its type (nil when an error made it unknowable).
    mutating func check(_ expression: Expression, expecting expected: ValueType? = nil) -> (Expression, ValueType?) {
        let (resolved, type) = infer(expression)
        if let expected, let type, !compatible(type, expected) {
            mismatch(expected: expected, found: type, at: expression.range)
            return (resolved, nil)
        }
        return (resolved, type)
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

    private mutating func infer(_ expression: Expression) -> (Expression, ValueType?) {
        let range = expression.range
        switch expression.node {
        case .number: return (expression, .number)
        case .text: return (expression, .text)
        case .boolean: return (expression, .boolean)

        case .list(let elements):
            var resolved: [Expression] = []
            for element in elements {
                let (checked, _) = check(element, expecting: .text)
                resolved.append(checked)
            }
            return (Expression(.list(resolved), range), .list)

        case .variable(let name, _):
            guard let symbol = symbols[name] else {
                let suggestion = Suggestion.closest(to: name, among: symbols.keys.sorted())
                errors.append(ExpressionError(.unknownName(name, suggestion: suggestion), at: range))
                return (expression, nil)
            }
            return (Expression(.variable(name, slot: symbol.slot), range), symbol.type)

        case .not(let operand):
            let (checked, _) = check(operand, expecting: .boolean)
            return (Expression(.not(checked), range), .boolean)

        case .negate(let operand):
            let (checked, _) = check(operand, expecting: .number)
            return (Expression(.negate(checked), range), .number)

        case .and(let a, let b), .or(let a, let b):
            let (left, _) = check(a, expecting: .boolean)
            let (right, _) = check(b, expecting: .boolean)
            if case .and = expression.node { return (Expression(.and(left, right), range), .boolean) }
            return (Expression(.or(left, right), range), .boolean)

        case .arithmetic(let operation, let a, let b):
            let (left, _) = check(a, expecting: .number)
            let (right, _) = check(b, expecting: .number)
            return (Expression(.arithmetic(operation, left, right), range), .number)

        case .compare(let comparison, let a, let b):
            let (left, leftType) = infer(a)
            let (right, rightType) = infer(b)
            let result = Expression(.compare(comparison, left, right), range)
            guard let leftType, let rightType else { return (result, .boolean) }
            switch comparison {
            case .equal, .notEqual:
                if case .multi = leftType {
                    mismatch(expected: .choice(owner: "", options: []), found: leftType, at: a.range)
                } else if case .list = leftType {
                    mismatch(expected: .text, found: leftType, at: a.range)
                } else if !compatible(rightType, leftType) {
                    mismatch(expected: leftType, found: rightType, at: b.range)
                } else {
                    checkOption(right, of: leftType)
                    checkOption(left, of: rightType)
                }
            case .less, .lessOrEqual, .greater, .greaterOrEqual:
                if leftType != .number { mismatch(expected: .number, found: leftType, at: a.range) }
                if rightType != .number { mismatch(expected: .number, found: rightType, at: b.range) }
            }
            return (result, .boolean)

        case .member(let a, let b):
            let (left, leftType) = infer(a)
            guard case .list(let elements) = b.node else {
                let (right, rightType) = infer(b)
                if let rightType { mismatch(expected: .list, found: rightType, at: b.range) }
                return (Expression(.member(left, right), range), .boolean)
            }
            let (right, _) = infer(b)
            if let leftType {
                if compatible(leftType, .text) {
                    elements.forEach { checkOption($0, of: leftType) }
                } else {
                    mismatch(expected: .text, found: leftType, at: a.range)
                }
            }
            return (Expression(.member(left, right), range), .boolean)

        case .contains(let a, let b):
            let (left, leftType) = infer(a)
            let (right, _) = check(b, expecting: .text)
            if let leftType {
                if case .multi = leftType {
                    checkOption(b, of: leftType)
                } else {
                    mismatch(expected: .multi(owner: "", options: []), found: leftType, at: a.range)
                }
            }
            return (Expression(.contains(left, right), range), .boolean)

        case .call(let function, let arguments):
            guard arguments.count == function.arity else {
                errors.append(
                    ExpressionError(
                        .wrongArgumentCount(function.rawValue, expected: function.arity, found: arguments.count),
                        at: range))
                return (expression, function == .answered || function == .any ? .boolean : .number)
            }
            switch function {
            case .answered:
                guard case .variable = arguments[0].node else {
                    errors.append(ExpressionError(.answeredNeedsAName, at: arguments[0].range))
                    return (expression, .boolean)
                }
                let (argument, _) = infer(arguments[0])
                return (Expression(.call(function, [argument]), range), .boolean)
            case .count:
                let (argument, _) = check(arguments[0], expecting: .multi(owner: "", options: []))
                return (Expression(.call(function, [argument]), range), .number)
            case .any:
                let (argument, type) = check(arguments[0], expecting: .multi(owner: "", options: []))
                let (options, _) = check(arguments[1], expecting: .list)
                if let type, case .list(let elements) = arguments[1].node {
                    elements.forEach { checkOption($0, of: type) }
                }
                return (Expression(.call(function, [argument, options]), range), .boolean)
            case .min, .max, .floor:
                let checked = arguments.map { check($0, expecting: .number).0 }
                return (Expression(.call(function, checked), range), .number)
            case .round:
                let (value, _) = check(arguments[0], expecting: .number)
                guard case .number(let digits) = arguments[1].node, digits >= 0, digits <= 6, digits == digits.rounded()
                else {
                    errors.append(ExpressionError(.roundDigits, at: arguments[1].range))
                    return (expression, .number)
                }
                return (Expression(.call(function, [value, arguments[1]]), range), .number)
            }
        }
    }
}
