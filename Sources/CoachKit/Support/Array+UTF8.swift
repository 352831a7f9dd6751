extension Array where Element == UInt8 {
    /// Whether the bytes are valid UTF-8, checked where they lie: `String(validating:)`
    /// would copy them into a text only to answer.
    var isUTF8: Bool {
        if #available(macOS 26, *) {
            return (try? UTF8Span(validating: span)) != nil
        }
        return String(validating: self, as: UTF8.self) != nil
    }
}
