extension Array where Element == UInt8 {
    /// Whether the bytes are valid UTF-8, checked where they lie: `String(validating:)`
    /// would copy them into a text only to answer. Both apply the standard library's
    /// one strict check.
    var isUTF8: Bool {
        #if compiler(>=6.2)
            if #available(macOS 26, *) {
                return (try? UTF8Span(validating: span)) != nil
            }
        #endif
        return String(validating: self, as: UTF8.self) != nil
    }
}
