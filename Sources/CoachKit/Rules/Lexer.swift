/// Splits a condition into tokens.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// Every token, ending with `.end`; the first malformed one throws.
    static func tokens(of source: String) throws(ExpressionError) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(ExpressionError) -> Token {
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        let start = index
        guard index < scalars.count else { return Token(kind: .end, range: start..<start) }
        let scalar = scalars[index]

        if isDigit(scalar) || (scalar == "." && index + 1 < scalars.count && isDigit(scalars[index + 1])) {
            while index < scalars.count, isDigit(scalars[index]) || scalars[index] == "." { index += 1 }
            let text = String(String.UnicodeScalarView(scalars[start..<index]))
            guard let value = Double(text) else { throw ExpressionError(.malformedNumber(text), at: start..<index) }
            return Token(kind: .number(value), range: start..<index)
        }
        if scalar == "'" || scalar == "\"" {
            index += 1
            var text = String.UnicodeScalarView()
            while index < scalars.count, scalars[index] != scalar {
                text.append(scalars[index])
                index += 1
            }
            guard index < scalars.count else { throw ExpressionError(.unterminatedText, at: start..<index) }
            index += 1
            return Token(kind: .text(String(text)), range: start..<index)
        }
        if isIdentifierStart(scalar) {
            while index < scalars.count, isIdentifierStart(scalars[index]) || isDigit(scalars[index]) { index += 1 }
            let word = String(String.UnicodeScalarView(scalars[start..<index]))
            if let keyword = Token.Keyword(rawValue: word) {
                return Token(kind: .keyword(keyword), range: start..<index)
            }
            return Token(kind: .identifier(word), range: start..<index)
        }
        for symbol in Token.Symbol.allCases {
            let text = Array(symbol.rawValue.unicodeScalars)
            if index + text.count <= scalars.count, Array(scalars[index..<index + text.count]) == text {
                index += text.count
                return Token(kind: .symbol(symbol), range: start..<index)
            }
        }
        if scalar == "=" {
            throw ExpressionError(.singleEqual, at: start..<start + 1)
        }
        throw ExpressionError(.unexpectedCharacter(String(scalar)), at: start..<start + 1)
    }

    private func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }
}
