import Testing

@testable import CoachKit

/// The tables a snapshot's search index is searched in, where they lie
/// (`SnapshotTable`): every key found by halving over bytes, nothing else read.
@Suite("Snapshot tables")
struct SnapshotTableTests {
    static let pairs: [(key: String, value: String)] = [
        ("media", "3"), ("communaute", "1"), ("zebre", "9"), ("com", "0"), ("communaute", "second"),
        ("équipe", "5"), ("e", "4"), ("", "empty"), ("community", "2"),
    ]

    /// Each key once (its first value), in the order of their bytes: a prefix first,
    /// accented letters after every ASCII one.
    @Test func findsEveryKeyAndOnlyThem() {
        let table = SnapshotTable(Self.pairs)
        #expect(table.count == 8)
        for (key, value) in Self.pairs where key != "communaute" || value == "1" {
            #expect(table.text(for: key) == value, "\(key)")
        }
        for absent in ["co", "communautes", "zz", "a", "Media", "equipe", "médi"] {
            #expect(table.value(for: absent) == nil, "\(absent)")
        }
        var keys: [String] = []
        table.forEach { key, _ in keys.append(String(decoding: key, as: UTF8.self)) }
        #expect(keys == ["", "com", "communaute", "community", "e", "media", "zebre", "équipe"])
    }

    /// Written and read back, the table is the same; read from a reader that does
    /// not lend its bytes, it keeps a copy that outlives them.
    @Test func readsBackWhatItWroteAndOutlivesItsSource() throws {
        var writer = SnapshotWriter()
        SnapshotTable(Self.pairs).write(to: &writer)
        let text = writer.take()
        var copy = text
        let table = try copy.withUTF8 { bytes in
            var reader = SnapshotReader(bytes)
            return try SnapshotTable(from: &reader)
        }
        copy = String(repeating: "x", count: text.utf8.count)
        #expect(table.text(for: "community") == "2" && table.text(for: "équipe") == "5")
        var again = SnapshotWriter()
        table.write(to: &again)
        #expect(again.take() == text)
    }

    /// Keys out of order, repeated, or cut short: refused when read, never searched
    /// wrongly.
    @Test(arguments: [
        "2\u{1}b\u{1}1\u{1}a\u{1}2\u{1}", "2\u{1}a\u{1}1\u{1}a\u{1}2\u{1}", "2\u{1}a\u{1}1\u{1}b\u{1}", "3\u{1}a\u{1}",
    ])
    func refusesTablesThatCannotBeSearched(text: String) {
        var text = text
        let read = text.withUTF8 { bytes in
            var reader = SnapshotReader(bytes)
            return try? SnapshotTable(from: &reader)
        }
        #expect(read == nil)
    }

    /// Lists of small numbers read back as written, and nothing above the largest
    /// the reader allows, however it is written.
    @Test func smallNumbersStayWithinTheirMaximum() {
        func read(_ text: String, maximum: Int) -> [Int]? {
            var text = text
            return text.withUTF8 { bytes in
                var index = 0
                var numbers: [Int] = []
                while index < bytes.count {
                    guard let number = SmallNumbers.next(in: bytes, at: &index, maximum: maximum) else { return nil }
                    numbers.append(number)
                }
                return numbers
            }
        }
        var text = ""
        for number in [0, 1, 62, 63, 1_000, 7] { SmallNumbers.append(number, to: &text) }
        #expect(read(text, maximum: 1_000) == [0, 1, 62, 63, 1_000, 7])
        #expect(read(text, maximum: 999) == nil)
        #expect(read("1", maximum: 1) == [1])
        for refused in ["2", "o5.", "o2.", "o.", "o1", "x"] { #expect(read(refused, maximum: 1) == nil, "\(refused)") }
    }
}
