extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    ///
    /// Foundation's `trimmingCharacters(in:)` goes through NSString and was most of
    /// the start-up time of loading the knowledge; this stays in Swift's own strings.
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
