/// A token of the condition language, with where it starts and ends in the source
/// text, counted in Unicode scalars.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case number(Double)
        case text(String)
        case identifier(String)
        case keyword(Keyword)
        case symbol(Symbol)
        case end
    }

    enum Keyword: String, Sendable, CaseIterable {
        case and, or, not, `in`, contains, `true`, `false`
    }

    enum Symbol: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">="
        case less = "<", greater = ">", plus = "+", minus = "-", times = "*", divide = "/"
        case openParen = "(", closeParen = ")", openBracket = "[", closeBracket = "]", comma = ","
    }

    var kind: Kind
    var range: Range<Int>
}
