import Testing

@testable import CoachKit

/// The YAML reader's shortcuts over raw bytes, held to the plain reading they stand for.
@Suite("The YAML reader's byte shortcuts")
struct ByteTricksTests {
    @Test func eightBytesArePrintableExactlyWhenEachIsOrEndsALine() {
        var generator = SplitMix(state: 7)
        let interesting: [UInt8] = [
            0x00, 0x01, 0x09, 0x0A, 0x0B, 0x0D, 0x1F, 0x20, 0x21, 0x41, 0x7E, 0x7F, 0x80, 0x8A, 0xC2, 0xFF,
        ]
        for round in 0..<200_000 {
            var bytes = (0..<8).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
            // Most rounds plant one or two unusual bytes among printable ones.
            for _ in 0..<(round % 3) {
                bytes[Int.random(in: 0..<8, using: &generator)] =
                    round % 5 == 0
                    ? UInt8.random(in: 0...0xFF, using: &generator)
                    : interesting.randomElement(using: &generator)!
            }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let expected = bytes.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0x0A }
            #expect(PlainYAMLReader.isPrintableASCIIOrLineFeed(word) == expected, "\(bytes)")
            if PlainYAMLReader.isPrintableASCIIOrLineFeed(word) != expected { return }
        }
    }

    @Test func theWholeTextCheckMatchesTheByteByByteOne() {
        let texts = [
            "id: x\nwhen: a and b\n", "titre: Été à Montréal\n", "a\u{0}b", "tab\there", "x\u{85}y", "x\u{2028}y",
            "\u{FEFF}start", "mid\u{FEFF}dle", "del\u{7F}", "", String(repeating: "abcdefg\n", count: 9),
            String(repeating: "é", count: 9) + "\u{1}",
        ]
        for text in texts {
            var copy = text
            let found = copy.withUTF8 { PlainYAMLReader.printable($0) }
            let bytes = Array(text.utf8)
            let refused =
                bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } || bytes.contains(0x7F)
                || text.unicodeScalars.contains("\u{FEFF}")  // a leading one is stripped before
                || text.unicodeScalars.contains {
                    (0x80...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}"
                }
            #expect((found == nil) == refused, "\(text.debugDescription)")
            if let found { #expect((found == .ascii) == bytes.allSatisfy { $0 < 0x80 }, "\(text.debugDescription)") }
        }
    }

    @Test func shortTextsGiveBackTheTextOfTheBytes() {
        var generator = SplitMix(state: 11)
        var made = ShortTexts()
        let alphabet = Array("ab_.é0".utf8)
        // Texts of every length up to 20, often repeated, sometimes at the very end of
        // the buffer, where the eight-byte reads cannot be used.
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...20, using: &generator)
            let padding = Int.random(in: 0...20, using: &generator)
            var bytes = (0..<(length + padding)).map { _ in alphabet.randomElement(using: &generator)! }
            // Keep the text valid UTF-8: an é's two bytes stay together.
            bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
            let end = min(length, bytes.count)
            let expected = String(decoding: bytes[0..<end], as: UTF8.self)
            let found = bytes.withUnsafeBufferPointer { made.text(in: $0, from: 0, to: end) }
            #expect(found == expected)
            if found != expected { return }
        }
    }

    /// Trimming a `String` from its bytes gives what trimming its characters gives:
    /// 20 000 random texts with spaces, tabs, line breaks, no-break spaces, accents
    /// and emoji at either end, and the empty text.
    @Test func trimmingAStringMatchesTrimmingItsCharacters() {
        var random = SplitMix(state: 11)
        let pieces = [" ", "\t", "\n", "\r\n", "\u{A0}", "a", "Z", "é", "~", "!", "🙂", "e\u{301}", "\u{2003}"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            let characters = Array(text)
            let start = characters.firstIndex { !$0.isWhitespace }
            let end = characters.lastIndex { !$0.isWhitespace }
            let expected = start.map { String(characters[$0...end!]) } ?? ""
            #expect(text.trimmed == expected, "\(Array(text.unicodeScalars))")
            #expect(text[...].trimmed == expected)
            if text.trimmed != expected { return }
        }
    }
}
