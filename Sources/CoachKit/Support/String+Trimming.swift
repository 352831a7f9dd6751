extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    ///
    /// Foundation's `trimmingCharacters(in:)` goes through NSString and was most of
    /// the start-up time of loading the knowledge; this stays in Swift's own strings.
    var trimmed: String {
        // Most texts need nothing trimmed: a visible ASCII character at each end says
        // so, read from the bytes in place (the UTF-8 view's `last` walks indices).
        let whole = String(self)
        if whole.utf8.withContiguousStorageIfAvailable(String.hasVisibleEnds) == true { return whole }
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// The same for a `String`, without first making a `String` of it: the loaders
    /// trim every text they read, and most need nothing trimmed.
    var trimmed: String {
        utf8.withContiguousStorageIfAvailable(Self.hasVisibleEnds) == true ? self : self[...].trimmed
    }

    /// Whether the text is empty or starts and ends with a visible ASCII character,
    /// so that there is nothing to trim.
    fileprivate static func hasVisibleEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
    }
}

extension String {
    /// Whether the text's UTF-8 holds `byte`, read from its contiguous storage when it
    /// has one: several times faster than walking the UTF-8 view.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }
}

extension String {
    /// The text in Unicode's composed form (NFC): `e` and a combining accent become
    /// `é`, as terminals on some systems send them apart. This is the standard
    /// library's own normaliser, the one its string comparison uses.
    public var composed: String {
        String(decoding: _nfcCodeUnits, as: UTF8.self)
    }

    /// The text without leading and trailing spaces and tabs (any Unicode space),
    /// newlines kept.
    public var trimmingSpaces: String {
        func isSpace(_ character: Character) -> Bool {
            character == "\t"
                || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .spaceSeparator }
        }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

extension Unicode.Scalar {
    /// A C0 or C1 control character (tab and line breaks included): what drives a
    /// terminal rather than shows on it.
    public var isControlCharacter: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }
}
