/// Text reduced to what a search compares: lower case, no accents, words split at
/// anything that is not a letter or a digit (so `l'audience` gives `l` and
/// `audience`). One pass over the text's scalars, with a fast path for ASCII: the
/// index folds every entry at start-up.
enum TextFolding {
    /// The folded words of `text`, in order.
    static func words(_ text: String) -> [String] {
        words(text, keepingSeparators: false)
    }

    private static func words(_ text: String, keepingSeparators: Bool) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        func flush() {
            if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x61...0x7A, 0x30...0x39: word.append(scalar)
                case 0x41...0x5A: word.append(Unicode.Scalar(value + 0x20)!)
                default:
                    flush()
                    if keepingSeparators { words.append(String(scalar)) }
                }
            } else if let base = bases[scalar] {
                word.append(contentsOf: base.unicodeScalars)
            } else if (0x0300...0x036F).contains(value) {
                continue  // a combining accent
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                flush()
                if keepingSeparators { words.append(String(scalar)) }
            }
        }
        flush()
        return words
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
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x61...0x7A, 0x30...0x39: word.append(UInt8(value))
                case 0x41...0x5A: word.append(UInt8(value + 0x20))
                default: flush()
                }
            } else if let base = bases[scalar] {
                word.append(contentsOf: base.utf8)
            } else if (0x0300...0x036F).contains(value) {
                continue
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                flush()
            }
        }
        flush()
    }

    /// Accented Latin letters (either case) and ligatures, by their base letters.
    private static let bases: [Unicode.Scalar: String] = {
        let table: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"),
            ("źżž", "z"), ("æ", "ae"), ("œ", "oe"), ("ß", "ss"),
        ]
        var bases: [Unicode.Scalar: String] = [:]
        for (letters, base) in table {
            for scalar in letters.unicodeScalars { bases[scalar] = base }
            // Only where the capital is one scalar: ŉ's is ʼN, whose apostrophe is no letter.
            for letter in letters {
                let capital = String(letter).uppercased().unicodeScalars
                if capital.count == 1, let scalar = capital.first, bases[scalar] == nil { bases[scalar] = base }
            }
        }
        return bases
    }()
}
