/// Splits a condition into tokens.
///
/// It reads code units: a condition's UTF-8 bytes when they are all ASCII, as nearly
/// all are, where a byte is a scalar; else its Unicode scalars' values. Either way a
/// unit is a scalar, and token ranges count scalars, as diagnostics show them.
enum Lexer {
    /// Every token of `source`, ending with `.end`; the first malformed one throws.
    static func tokens(of source: String) throws(ExpressionError) -> [Token] {
        let ascii = source.utf8.withContiguousStorageIfAvailable { buffer -> Result<[Token], ExpressionError>? in
            guard buffer.allSatisfy({ $0 < 0x80 }) else { return nil }
            var reader = Reader(buffer)
            return Result { () throws(ExpressionError) in try reader.tokens() }
        }
        if let result = ascii ?? nil { return try result.get() }
        var reader = Reader(source.unicodeScalars.map(\.value))
        return try reader.tokens()
    }

    /// The keyword a word of `length` units starting with `first` could be: each
    /// keyword has its own length and first letter, so at most one is left to compare.
    static func keyword(length: Int, first: UInt32) -> Token.Keyword? {
        switch (length, first) {
        case (3, 0x61): .and  // a
        case (2, 0x6F): .or  // o
        case (3, 0x6E): .not  // n
        case (2, 0x69): .in  // i
        case (8, 0x63): .contains  // c
        case (4, 0x74): .true  // t
        case (5, 0x66): .false  // f
        default: nil
        }
    }

    /// The symbol starting with `scalar`, the longest first.
    static func symbol(_ scalar: Unicode.Scalar, _ following: Unicode.Scalar?) -> Token.Symbol? {
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
}

extension Lexer {
    /// Reads the tokens of one condition from its code units.
    fileprivate struct Reader<Units: RandomAccessCollection>
    where Units.Element: FixedWidthInteger, Units.Index == Int {
        private let units: Units
        private var index: Int

        fileprivate init(_ units: Units) {
            self.units = units
            index = units.startIndex
        }

        /// Every token, ending with `.end`; the first malformed one throws.
        fileprivate mutating func tokens() throws(ExpressionError) -> [Token] {
            var tokens: [Token] = []
            tokens.reserveCapacity(units.count / 3 + 2)
            // Each token goes into the array as `next` made it, not copied to be checked.
            while !atEnd { tokens.append(try next()) }
            return tokens
        }

        /// Whether `next` has given the `.end` token.
        private var atEnd = false

        private mutating func next() throws(ExpressionError) -> Token {
            let end = units.endIndex
            while index < end, Self.isWhitespace(units[index]) { index += 1 }
            let start = index
            guard index < end else {
                atEnd = true
                return Token(kind: .end, range: start..<start)
            }
            let unit = units[index]

            if Self.isDigit(unit) || (unit == Self.dot && index + 1 < end && Self.isDigit(units[index + 1])) {
                while index < end, Self.isDigit(units[index]) || units[index] == Self.dot { index += 1 }
                if let value = integer(start..<index) { return Token(kind: .number(value), range: start..<index) }
                let text = string(start..<index)
                guard let value = Double(text) else { throw ExpressionError(.malformedNumber(text), at: start..<index) }
                return Token(kind: .number(value), range: start..<index)
            }
            if unit == Self.singleQuote || unit == Self.doubleQuote {
                index += 1
                while index < end, units[index] != unit { index += 1 }
                guard index < end else { throw ExpressionError(.unterminatedText, at: start..<index) }
                index += 1
                return Token(kind: .text(string(start + 1..<index - 1)), range: start..<index)
            }
            if Self.isIdentifierStart(unit) {
                while index < end, Self.isIdentifierStart(units[index]) || Self.isDigit(units[index]) { index += 1 }
                if let keyword = keyword(start..<index) {
                    return Token(kind: .keyword(keyword), range: start..<index)
                }
                return Token(kind: .identifier(string(start..<index)), range: start..<index)
            }
            let following = index + 1 < end ? Self.scalar(units[index + 1]) : nil
            let scalar = Self.scalar(unit) ?? "\u{FFFD}"
            if let symbol = Lexer.symbol(scalar, following) {
                index += symbol.rawValue.utf8.count
                return Token(kind: .symbol(symbol), range: start..<index)
            }
            if scalar == "=" {
                throw ExpressionError(.singleEqual, at: start..<start + 1)
            }
            throw ExpressionError(.unexpectedCharacter(String(scalar)), at: start..<start + 1)
        }

        /// The value of `range` when it is a whole number of up to 15 digits, as most
        /// numbers in conditions are: exact in a Double, and quicker than `Double(_:)`.
        private func integer(_ range: Range<Int>) -> Double? {
            guard range.count <= 15 else { return nil }
            var value = 0
            for unit in units[range] {
                guard Self.isDigit(unit) else { return nil }
                value = value * 10 + Int(unit - 0x30)
            }
            return Double(value)
        }

        /// The text of `range`: its bytes when they are ASCII, as identifiers and numbers
        /// always are.
        private func string(_ range: Range<Int>) -> String {
            let slice = units[range]
            if slice.allSatisfy({ $0 < 0x80 }) {
                return String(unsafeUninitializedCapacity: slice.count) { buffer in
                    for (offset, unit) in slice.enumerated() { buffer[offset] = UInt8(truncatingIfNeeded: unit) }
                    return slice.count
                }
            }
            var text = String.UnicodeScalarView()
            for unit in slice { text.append(Self.scalar(unit) ?? "\u{FFFD}") }
            return String(text)
        }

        /// The keyword spelt by `range`, compared unit by unit rather than through a
        /// string: most words are names, and this is the lexer's busiest question.
        /// The keyword's letters are read from its bytes: a walk over its UTF-8 view
        /// cost more than the rest of the lexing of a word. `Lexer.keyword` has matched
        /// the length and the first letter; the rest are compared here.
        private func keyword(_ range: Range<Int>) -> Token.Keyword? {
            guard let first = UInt32(exactly: units[range.lowerBound]),
                let keyword = Lexer.keyword(length: range.count, first: first)
            else { return nil }
            var spelling = keyword.rawValue
            return spelling.withUTF8 { letters in
                guard letters.count == range.count else { return nil }
                for offset in 1..<letters.count
                where UInt64(letters[offset]) != UInt64(truncatingIfNeeded: units[range.lowerBound + offset]) {
                    return nil
                }
                return keyword
            }
        }

        private static var dot: Units.Element { 0x2E }
        private static var singleQuote: Units.Element { 0x27 }
        private static var doubleQuote: Units.Element { 0x22 }

        private static func scalar(_ unit: Units.Element) -> Unicode.Scalar? {
            UInt32(exactly: unit).flatMap(Unicode.Scalar.init)
        }

        /// Unicode's white space, with a quick answer for ASCII.
        private static func isWhitespace(_ unit: Units.Element) -> Bool {
            if unit < 0x80 { return unit == 0x20 || (0x09...0x0D).contains(unit) }
            return scalar(unit)?.properties.isWhitespace ?? false
        }

        private static func isDigit(_ unit: Units.Element) -> Bool { (0x30...0x39).contains(unit) }

        private static func isIdentifierStart(_ unit: Units.Element) -> Bool {
            (0x61...0x7A).contains(unit) || (0x41...0x5A).contains(unit) || unit == 0x5F
        }
    }
}
