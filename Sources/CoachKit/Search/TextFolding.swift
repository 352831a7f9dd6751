/// Text reduced to what a search compares: lower case, no accents, words split at
/// anything that is not a letter or a digit (so `l'audience` gives `l` and
/// `audience`). One pass over the text's UTF-8 bytes: ASCII is folded byte by byte,
/// and accented Latin letters through a table, since the index folds every entry at
/// start-up.
enum TextFolding {
    /// The folded words of `text`, in order.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// The whole text lowercased and without accents, everything else kept:
    /// `Équipe Lé-Café` gives `equipe le-cafe`. Answers are compared this way.
    static func folded(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            if latinRange.contains(value), let base = latinBases[value - latinRange.lowerBound] {
                folded.append(contentsOf: String(decoding: base, as: UTF8.self).unicodeScalars)
            } else if (0x0300...0x036F).contains(value) {
                continue
            } else {
                folded.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(folded)
    }

    /// Calls `body` with each folded word of `text` as UTF-8 bytes, in a buffer that
    /// is reused: the index reads every entry this way without making a string per
    /// word.
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func flush() {
            if !word.isEmpty {
                word.withUnsafeBufferPointer(body)
                word.removeAll(keepingCapacity: true)
            }
        }
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            if byte < 0x80 {
                switch byte {
                case 0x61...0x7A, 0x30...0x39: word.append(byte)
                case 0x41...0x5A: word.append(byte + 0x20)
                default: flush()
                }
                continue
            }
            let scalar = Self.scalar(leadingWith: byte, rest: &bytes)
            let value = Int(scalar.value)
            if latinRange.contains(value), let base = latinBases[value - latinRange.lowerBound] {
                word.append(contentsOf: base)
            } else if (0x0300...0x036F).contains(value) {
                continue  // a combining accent
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                flush()
            }
        }
        flush()
    }

    /// The scalar that starts with `lead`, its other bytes read from `rest`. The
    /// bytes are a string's, so valid UTF-8, and the lead byte gives the length.
    private static func scalar(leadingWith lead: UInt8, rest: inout String.UTF8View.Iterator) -> Unicode.Scalar {
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0x7F >> UInt32(length))
        for _ in 1..<length { value = value << 6 | UInt32((rest.next() ?? 0x80) & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Where the letters of `latinBases` are: Latin-1 and Latin Extended-A.
    private static let latinRange = 0x80..<0x180

    /// Accented Latin letters (either case) and ligatures, by their base letters, as
    /// bytes, indexed from the start of `latinRange`; nil for any other scalar.
    private static let latinBases: [[UInt8]?] = {
        let table: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"),
            ("źżž", "z"), ("æ", "ae"), ("œ", "oe"), ("ß", "ss"),
        ]
        var bases = [[UInt8]?](repeating: nil, count: latinRange.count)
        func set(_ scalar: Unicode.Scalar, _ base: String) {
            let value = Int(scalar.value)
            if latinRange.contains(value), bases[value - latinRange.lowerBound] == nil {
                bases[value - latinRange.lowerBound] = Array(base.utf8)
            }
        }
        for (letters, base) in table {
            for scalar in letters.unicodeScalars { set(scalar, base) }
            // Only where the capital is one scalar: ŉ's is ʼN, whose apostrophe is no letter.
            for letter in letters {
                let capital = String(letter).uppercased().unicodeScalars
                if capital.count == 1, let scalar = capital.first { set(scalar, base) }
            }
        }
        return bases
    }()
}
