/// Text reduced to what a search compares: lower case, no accents, words split at
/// anything that is not a letter or a digit (so `l'audience` gives `l` and
/// `audience`).
enum TextFolding {
    /// `text` in lower case without accents: `Régularité` gives `regularite`.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII {
                out.append(scalar)
            } else if let base = bases[scalar] {
                out.append(contentsOf: base.unicodeScalars)
            } else if !(0x0300...0x036F).contains(scalar.value) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The folded words of `text`, in order.
    static func words(_ text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Accented Latin letters and ligatures, by their base letters.
    private static let bases: [Unicode.Scalar: String] = {
        let table: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"),
            ("źżž", "z"), ("æ", "ae"), ("œ", "oe"), ("ß", "ss"), ("’‘", "'"),
        ]
        var bases: [Unicode.Scalar: String] = [:]
        for (letters, base) in table {
            for scalar in letters.unicodeScalars { bases[scalar] = base }
        }
        return bases
    }()
}
