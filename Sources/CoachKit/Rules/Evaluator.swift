/// Evaluates expressions over the values known so far, in three-valued logic: an
/// unknown value (nil) makes a result unknown unless the rest decides it —
/// `false and unknown` is false, `true or unknown` is true.
///
/// Whatever an unknown value later becomes, a result that is known now stays the
/// same: nothing decided here is ever undone by a later answer.
struct Evaluator {
    /// Values by slot: questions first, then facts.
    var values: [Value?]

    func evaluate(_ expression: Expression) -> Value? {
        switch expression.node {
        case .number(let number): return .number(number)
        case .text(let text): return .text(text)
        case .boolean(let flag): return .boolean(flag)
        case .list(let elements):
            // Unknown while an element is; absent when one is not a text.
            var texts: [String] = []
            var isKnown = true
            for element in elements {
                switch evaluate(element) {
                case .text(let text)?: texts.append(text)
                case nil: isKnown = false
                default: return Value.none
                }
            }
            return isKnown ? .list(texts) : nil
        case .variable(_, let slot):
            return values[Int(slot)]

        case .not(let operand):
            return evaluate(operand).map { .boolean(!$0.holds) }

        case .and(let a, let b):
            let left = evaluate(a)
            if let left, !left.holds { return .boolean(false) }
            let right = evaluate(b)
            if let right, !right.holds { return .boolean(false) }
            return left == nil || right == nil ? nil : .boolean(true)

        case .or(let a, let b):
            let left = evaluate(a)
            if left?.holds == true { return .boolean(true) }
            let right = evaluate(b)
            if right?.holds == true { return .boolean(true) }
            return left == nil || right == nil ? nil : .boolean(false)

        case .negate(let operand):
            guard let value = evaluate(operand) else { return nil }
            guard case .number(let number) = value else { return Value.none }
            return .number(-number)

        case .arithmetic(let operation, let a, let b):
            let left = evaluate(a)
            let right = evaluate(b)
            // A value known to be absent decides the result, even beside an unknown one.
            if left == Value.none || right == Value.none { return Value.none }
            guard let left, let right else { return nil }
            guard case .number(let x) = left, case .number(let y) = right else { return Value.none }
            switch operation {
            case .plus: return .number(x + y)
            case .minus: return .number(x - y)
            case .times: return .number(x * y)
            case .divide: return y == 0 ? Value.none : .number(x / y)
            }

        case .compare(let comparison, let a, let b):
            let left = evaluate(a)
            let right = evaluate(b)
            if left == Value.none || right == Value.none { return .boolean(comparison == .notEqual) }
            guard let left, let right else { return nil }
            return .boolean(Self.compare(comparison, left, right))

        case .member(let a, let b):
            let left = evaluate(a)
            if left == Value.none { return .boolean(false) }
            guard let left else { return nil }
            // `x in ['a', 'b']`, as rules write it: the list is read where it stands,
            // not made anew at each evaluation (the interview evaluates thousands).
            if case .list(let elements) = b.node,
                let found = Self.literals(elements, contain: { text in left == .text(text) })
            {
                return .boolean(found)
            }
            guard let right = evaluate(b) else { return nil }
            guard case .text(let text) = left, case .list(let options) = right else { return .boolean(false) }
            return .boolean(options.contains(text))

        case .contains(let a, let b):
            let left = evaluate(a)
            if left == Value.none { return .boolean(false) }
            guard let left, let right = evaluate(b) else { return nil }
            guard case .list(let chosen) = left, case .text(let option) = right else { return .boolean(false) }
            return .boolean(chosen.contains(option))

        case .call(let function, let arguments):
            switch function {
            case .answered:
                guard let value = evaluate(arguments[0]) else { return nil }
                return .boolean(value != .none)
            case .count:
                guard let value = evaluate(arguments[0]) else { return nil }
                guard case .list(let chosen) = value else { return .number(0) }
                return .number(Double(chosen.count))
            case .any:
                guard let value = evaluate(arguments[0]) else { return nil }
                if case .list(let elements) = arguments[1].node, case .list(let chosen) = value,
                    let found = Self.literals(elements, contain: chosen.contains)
                {
                    return .boolean(found)
                }
                guard let options = evaluate(arguments[1]) else { return nil }
                guard case .list(let chosen) = value, case .list(let wanted) = options else { return .boolean(false) }
                return .boolean(chosen.contains { wanted.contains($0) })
            case .min, .max, .floor, .round:
                let values = arguments.map(evaluate)
                // As in arithmetic, a value known to be absent decides the result.
                if values.contains(where: { $0 == Value.none }) { return Value.none }
                let numbers = values.compactMap { value -> Double? in
                    if case .number(let number)? = value { return number }
                    return nil
                }
                guard numbers.count == values.count else { return values.contains(nil) ? nil : Value.none }
                switch function {
                case .min: return .number(Swift.min(numbers[0], numbers[1]))
                case .max: return .number(Swift.max(numbers[0], numbers[1]))
                case .floor: return .number(numbers[0].rounded(.down))
                default:
                    let scale = (0..<Int(numbers[1])).reduce(1.0) { scale, _ in scale * 10 }
                    return .number((numbers[0] * scale).rounded() / scale)
                }
            }
        }
    }

    /// Whether a text among `elements` is `wanted`, as `.member` and `any` find it
    /// once the list is made; nil unless every element is a text literal.
    private static func literals(_ elements: [Expression], contain wanted: (String) -> Bool) -> Bool? {
        var found = false
        for element in elements {
            guard case .text(let option) = element.node else { return nil }
            if !found, wanted(option) { found = true }
        }
        return found
    }

    /// A condition's truth: true, false, or nil while unknown.
    func truth(of expression: Expression) -> Bool? {
        evaluate(expression).map(\.holds)
    }

    /// Comparisons with a value that does not exist are false (and `!=` true). The
    /// engine's program compares with it too.
    static func compare(_ comparison: Expression.Comparison, _ left: Value, _ right: Value) -> Bool {
        if left == .none || right == .none { return false }
        switch comparison {
        case .equal: return left == right
        case .notEqual: return left != right
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard case .number(let x) = left, case .number(let y) = right else { return false }
            switch comparison {
            case .less: return x < y
            case .lessOrEqual: return x <= y
            case .greater: return x > y
            default: return x >= y
            }
        }
    }
}
