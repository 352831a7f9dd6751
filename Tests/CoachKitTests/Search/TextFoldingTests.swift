import Testing

@testable import CoachKit

/// The search folds text over bytes; these tests hold it to the same words as a
/// plain reading scalar by scalar, the rule as first written.
@Suite("Text folding")
struct TextFoldingTests {
    /// The reference: lower case, accents off, split at anything not a letter or digit.
    static func referenceWords(_ text: String) -> [String] {
        let bases: [Character: String] = [
            "à": "a", "â": "a", "ä": "a", "á": "a", "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e",
            "î": "i", "ï": "i", "ô": "o", "ö": "o", "ù": "u", "û": "u", "ü": "u", "ÿ": "y", "ñ": "n",
            "æ": "ae", "œ": "oe", "ß": "ss", "À": "a", "É": "e", "È": "e", "Ê": "e", "Ç": "c", "Œ": "oe", "Ÿ": "y",
        ]
        var words: [String] = []
        var word = ""
        for scalar in text.unicodeScalars {
            if let base = bases[Character(scalar)] {
                word += base
            } else if (0x0300...0x036F).contains(scalar.value) {
                continue
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word += scalar.properties.lowercaseMapping
            } else {
                if !word.isEmpty { words.append(word) }
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    @Test func foldsFrenchAndEnglish() {
        #expect(
            TextFolding.words("L'ÉTÉ « déjà » : Œuvre, naïve‑ment 42 fois… ÇA") == [
                "l", "ete", "deja", "oeuvre", "naive", "ment", "42", "fois", "ca",
            ])
        #expect(TextFolding.words("e\u{301}te\u{301}") == ["ete"])
        #expect(TextFolding.words("") == [])
        #expect(TextFolding.words("Straße ΣΟΦΊΑ 東京 🙂x") == ["strasse", "σοφία", "東京", "x"])
    }

    /// Random texts over ASCII, French letters, combining accents, other scripts,
    /// typographic punctuation and emoji: the same words as the reference.
    @Test func matchesTheScalarReadingOnRandomTexts() {
        let pieces: [String] = [
            "a", "Z", "7", " ", "'", "-", ".", "é", "È", "à", "ç", "Ç", "œ", "Œ", "ß", "ÿ", "Ÿ", "ñ", "\u{301}",
            "\u{308}", "\u{A0}", "\u{202F}", "’", "«", "»", "…", "Σ", "ж", "東", "🙂", "½", "٣", "\n", "\t",
        ]
        var generator = SplitMix(state: 0xF01D)
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(TextFolding.words(text) == Self.referenceWords(text), "\(text.debugDescription)")
        }
    }
}
