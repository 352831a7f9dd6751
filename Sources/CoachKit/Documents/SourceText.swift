/// A text read from a file, with where it starts, so that a position inside it (an
/// error in an expression, a placeholder) can be reported at its line and column.
struct SourceText {
    var text: String
    var file: String
    var position: SourcePosition?
    var style: ScalarStyle

    /// The file position of the Unicode scalar at `offset` in the text. Exact for
    /// one-line plain or quoted scalars; a block or folded text is reported at its
    /// start, whose columns the parsed text no longer tells.
    func position(at offset: Int) -> SourcePosition? {
        guard let position else { return nil }
        guard style != .block, !text.contains("\n") else { return position }
        return SourcePosition(line: position.line, column: position.column + offset + (style == .quoted ? 1 : 0))
    }

    /// The text of `range`, for explanations.
    func excerpt(_ range: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        let clamped = range.clamped(to: 0..<scalars.count)
        return String(String.UnicodeScalarView(scalars[clamped]))
    }
}

extension DocumentReader {
    /// The node as source text, or nil (reported) when it is not a non-empty scalar.
    func sourceText(_ node: DataNode, key: String) -> SourceText? {
        text(node, key: key).flatMap { sourceText($0, of: node) }
    }

    /// `text`, read from the scalar `node` already, as source text: placed where the
    /// node is, as it was written.
    func sourceText(_ text: String, of node: DataNode) -> SourceText? {
        guard case .scalar(_, let style, let position) = node else { return nil }
        return SourceText(text: text, file: file, position: position, style: style)
    }
}
