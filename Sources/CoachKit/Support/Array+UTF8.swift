extension Unicode.UTF8 {
    /// U+FEFF as UTF-8, which a file may start with and which is not part of its text.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}

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
