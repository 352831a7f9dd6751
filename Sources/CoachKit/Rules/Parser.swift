/// Parses the condition language by precedence climbing:
///
///     or         := and ("or" and)*
///     and        := not ("and" not)*
///     not        := "not" not | comparison
///     comparison := sum (("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "contains") sum)?
///     sum        := product (("+" | "-") product)*
///     product    := unary (("*" | "/") unary)*
///     unary      := "-" unary | primary
///     primary    := number | text | "true" | "false" | name | name "(" arguments ")"
///                 | "(" or ")" | "[" elements "]"
struct Parser {
    /// Deeper nesting than this is refused rather than risking the stack.
    static let maximumDepth = 64
    /// Longer expressions are refused: no condition a person writes comes near.
    static let maximumTokens = 2_000

    private let tokens: [Token]
    /// The names the expression may use, to resolve them as they are read; an
    /// unknown name (or any, without names) is left for the checker.
    private let names: NameSlots
    private var index = 0
    private var depth = 0

    private init(tokens: [Token], names: NameSlots) {
        self.tokens = tokens
        self.names = names
    }

    /// Parses a whole expression; anything left after it is an error.
    static func parse(_ source: String, names: NameSlots = NameSlots()) throws(ExpressionError) -> Expression {
        let tokens = try Lexer.tokens(of: source)
        // Chains of `and` or `+` build a tree as deep as they are long: cap the length.
        guard tokens.count <= maximumTokens else {
            throw ExpressionError(.expressionTooLong(maximumTokens), at: tokens[maximumTokens].range)
        }
        var parser = Parser(tokens: tokens, names: names)
        guard parser.current.kind != .end else {
            throw ExpressionError(.expectedExpression(found: nil), at: parser.current.range)
        }
        let expression = try parser.parseOr()
        guard parser.current.kind == .end else {
            throw ExpressionError(.unexpectedToken(parser.describe(parser.current)), at: parser.current.range)
        }
        return expression
    }

    private var current: Token { tokens[index] }

    /// Moves past the current token and gives its range. Tokens are matched and
    /// passed over in place, and only ranges come out: a token copied out of the array
    /// would carry its text with it.
    @discardableResult
    private mutating func advance() -> Range<Int> {
        let range = tokens[index].range
        if index < tokens.count - 1 { index += 1 }
        return range
    }

    private mutating func accept(_ keyword: Token.Keyword) -> Range<Int>? {
        guard case .keyword(let found) = tokens[index].kind, found == keyword else { return nil }
        return advance()
    }

    private mutating func accept(_ symbol: Token.Symbol) -> Range<Int>? {
        guard case .symbol(let found) = tokens[index].kind, found == symbol else { return nil }
        return advance()
    }

    @discardableResult
    private mutating func expect(_ symbol: Token.Symbol) throws(ExpressionError) -> Range<Int> {
        guard let range = accept(symbol) else {
            throw ExpressionError(.expectedToken(symbol.rawValue, found: describe(current)), at: current.range)
        }
        return range
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .number(let value): value.plainText
        case .text(let text): "'\(text)'"
        case .identifier(let name): name
        case .keyword(let keyword): keyword.rawValue
        case .symbol(let symbol): symbol.rawValue
        case .end: "the end"
        }
    }

    private mutating func nested<T>(_ body: (inout Parser) throws(ExpressionError) -> T) throws(ExpressionError) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw ExpressionError(.expressionTooDeep(Self.maximumDepth), at: current.range)
        }
        return try body(&self)
    }

    // MARK: - Grammar

    private mutating func parseOr() throws(ExpressionError) -> Expression {
        var left = try parseAnd()
        while accept(.or) != nil {
            let right = try parseAnd()
            left = Expression(.or(left, right), left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expression {
        var left = try parseNot()
        while accept(.and) != nil {
            let right = try parseNot()
            left = Expression(.and(left, right), left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> Expression {
        if let range = accept(.not) {
            let operand = try nested { (parser: inout Parser) throws(ExpressionError) in try parser.parseNot() }
            return Expression(.not(operand), range.lowerBound..<operand.range.upperBound)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionError) -> Expression {
        let left = try parseSum()
        if case .symbol(let symbol) = tokens[index].kind, let comparison = Self.comparison(symbol) {
            advance()
            let right = try parseSum()
            return Expression(.compare(comparison, left, right), left.range.lowerBound..<right.range.upperBound)
        }
        if accept(.in) != nil {
            let right = try parseSum()
            return Expression(.member(left, right), left.range.lowerBound..<right.range.upperBound)
        }
        if accept(.contains) != nil {
            let right = try parseSum()
            return Expression(.contains(left, right), left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private static func comparison(_ symbol: Token.Symbol) -> Expression.Comparison? {
        switch symbol {
        case .equal: .equal
        case .notEqual: .notEqual
        case .lessOrEqual: .lessOrEqual
        case .greaterOrEqual: .greaterOrEqual
        case .less: .less
        case .greater: .greater
        default: nil
        }
    }

    private mutating func parseSum() throws(ExpressionError) -> Expression {
        var left = try parseProduct()
        while true {
            let operation: Expression.Arithmetic
            if accept(.plus) != nil {
                operation = .plus
            } else if accept(.minus) != nil {
                operation = .minus
            } else {
                return left
            }
            let right = try parseProduct()
            left = Expression(.arithmetic(operation, left, right), left.range.lowerBound..<right.range.upperBound)
        }
    }

    private mutating func parseProduct() throws(ExpressionError) -> Expression {
        var left = try parseUnary()
        while true {
            let operation: Expression.Arithmetic
            if accept(.times) != nil {
                operation = .times
            } else if accept(.divide) != nil {
                operation = .divide
            } else {
                return left
            }
            let right = try parseUnary()
            left = Expression(.arithmetic(operation, left, right), left.range.lowerBound..<right.range.upperBound)
        }
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expression {
        if let range = accept(.minus) {
            let operand = try nested { (parser: inout Parser) throws(ExpressionError) in try parser.parseUnary() }
            return Expression(.negate(operand), range.lowerBound..<operand.range.upperBound)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expression {
        // The token is read where it lies: a copy would carry its text along.
        let range = tokens[index].range
        switch tokens[index].kind {
        case .number(let value):
            advance()
            return Expression(.number(value), range)
        case .text(let text):
            advance()
            return Expression(.text(text), range)
        case .keyword(.true):
            advance()
            return Expression(.boolean(true), range)
        case .keyword(.false):
            advance()
            return Expression(.boolean(false), range)
        case .identifier(let name):
            advance()
            guard accept(.openParen) != nil else {
                return Expression(.variable(name, slot: names.slot(of: name) ?? -1), range)
            }
            guard let function = Expression.Function(rawValue: name) else {
                let suggestion = Suggestion.closest(to: name, among: Expression.Function.allCases.map(\.rawValue))
                throw ExpressionError(.unknownFunction(name, suggestion: suggestion), at: range)
            }
            let (arguments, close) = try nested { (parser: inout Parser) throws(ExpressionError) in
                try parser.parseElements(closing: .closeParen)
            }
            return Expression(.call(function, arguments), range.lowerBound..<close.upperBound)
        case .symbol(.openParen):
            advance()
            let inner = try nested { (parser: inout Parser) throws(ExpressionError) in try parser.parseOr() }
            let close = try expect(.closeParen)
            return Expression(inner.node, range.lowerBound..<close.upperBound)
        case .symbol(.openBracket):
            advance()
            let (elements, close) = try nested { (parser: inout Parser) throws(ExpressionError) in
                try parser.parseElements(closing: .closeBracket)
            }
            return Expression(.list(elements), range.lowerBound..<close.upperBound)
        default:
            let token = current
            throw ExpressionError(
                .expectedExpression(found: token.kind == .end ? nil : describe(token)), at: range)
        }
    }

    /// Comma-separated expressions up to `closing`, which is consumed; and its range.
    private mutating func parseElements(closing: Token.Symbol) throws(ExpressionError) -> ([Expression], Range<Int>) {
        var elements: [Expression] = []
        if let close = accept(closing) { return (elements, close) }
        while true {
            elements.append(try parseOr())
            if let close = accept(closing) { return (elements, close) }
            try expect(.comma)
        }
    }
}
