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
        tokens.reserveCapacity(lexer.scalars.count / 3 + 2)
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(ExpressionError) -> Token {
        while index < scalars.count, Self.isWhitespace(scalars[index]) { index += 1 }
        let start = index
        guard index < scalars.count else { return Token(kind: .end, range: start..<start) }
        let scalar = scalars[index]

        if isDigit(scalar) || (scalar == "." && index + 1 < scalars.count && isDigit(scalars[index + 1])) {
            while index < scalars.count, isDigit(scalars[index]) || scalars[index] == "." { index += 1 }
            let text = string(start..<index)
            guard let value = Double(text) else { throw ExpressionError(.malformedNumber(text), at: start..<index) }
            return Token(kind: .number(value), range: start..<index)
        }
        if scalar == "'" || scalar == "\"" {
            index += 1
            while index < scalars.count, scalars[index] != scalar { index += 1 }
            guard index < scalars.count else { throw ExpressionError(.unterminatedText, at: start..<index) }
            index += 1
            return Token(kind: .text(string(start + 1..<index - 1)), range: start..<index)
        }
        if isIdentifierStart(scalar) {
            while index < scalars.count, isIdentifierStart(scalars[index]) || isDigit(scalars[index]) { index += 1 }
            if let keyword = keyword(start..<index) {
                return Token(kind: .keyword(keyword), range: start..<index)
            }
            return Token(kind: .identifier(string(start..<index)), range: start..<index)
        }
        let following: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
        if let symbol = Self.symbol(scalar, following) {
            index += symbol.rawValue.unicodeScalars.count
            return Token(kind: .symbol(symbol), range: start..<index)
        }
        if scalar == "=" {
            throw ExpressionError(.singleEqual, at: start..<start + 1)
        }
        throw ExpressionError(.unexpectedCharacter(String(scalar)), at: start..<start + 1)
    }

    /// The text of `range`, built directly from its bytes when it is ASCII, as
    /// identifiers and numbers always are.
    private func string(_ range: Range<Int>) -> String {
        let slice = scalars[range]
        guard slice.allSatisfy(\.isASCII) else { return String(String.UnicodeScalarView(slice)) }
        return String(unsafeUninitializedCapacity: slice.count) { buffer in
            for (offset, scalar) in slice.enumerated() { buffer[offset] = UInt8(scalar.value) }
            return slice.count
        }
    }

    /// The keyword spelt by `range`, compared scalar by scalar rather than through
    /// a string: most words are names, and this is the lexer's busiest question.
    private func keyword(_ range: Range<Int>) -> Token.Keyword? {
        for (keyword, spelling) in Self.keywords where spelling.count == range.count {
            if spelling.elementsEqual(scalars[range]) { return keyword }
        }
        return nil
    }

    private static let keywords = Token.Keyword.allCases.map { ($0, Array($0.rawValue.unicodeScalars)) }

    /// The symbol starting with `scalar`, the longest first.
    private static func symbol(_ scalar: Unicode.Scalar, _ following: Unicode.Scalar?) -> Token.Symbol? {
        switch (scalar, following) {
        case ("=", "="): .equal
        case ("!", "="): .notEqual
        case ("<", "="): .lessOrEqual
        case (">", "="): .greaterOrEqual
        case ("<", _): .less
        case (">", _): .greater
        case ("+", _): .plus
        case ("-", _): .minus
        case ("*", _): .times
        case ("/", _): .divide
        case ("(", _): .openParen
        case (")", _): .closeParen
        case ("[", _): .openBracket
        case ("]", _): .closeBracket
        case (",", _): .comma
        default: nil
        }
    }

    /// Unicode's white space, with a quick answer for ASCII.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || ("\t"..."\r").contains(scalar) : scalar.properties.isWhitespace
    }

    private func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }
}
