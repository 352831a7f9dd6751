import Foundation
import Testing

@testable import CoachKit

/// The plain YAML reader against Yams: wherever it reads a document, it must give the
/// same tree, texts, styles and positions; everything else it must hand over.
@Suite("Plain YAML reader")
struct PlainYAMLReaderTests {
    /// The first difference between two trees, as a path and what differs; nil when equal.
    static func difference(_ left: DataNode, _ right: DataNode, path: String = "$") -> String? {
        guard left.position == right.position else {
            return
                "\(path): at \(left.position.map(\.description) ?? "-") vs \(right.position.map(\.description) ?? "-")"
        }
        switch (left, right) {
        case (.scalar(let a, let styleA, _), .scalar(let b, let styleB, _)):
            if a != b { return "\(path): \(a.debugDescription) vs \(b.debugDescription)" }
            if styleA != styleB { return "\(path): style \(styleA) vs \(styleB)" }
            return nil
        case (.mapping(let a, _), .mapping(let b, _)):
            guard a.count == b.count else { return "\(path): \(a.count) vs \(b.count) pairs" }
            for (pairA, pairB) in zip(a, b) {
                if pairA.key != pairB.key { return "\(path): key \(pairA.key) vs \(pairB.key)" }
                if pairA.keyPosition != pairB.keyPosition {
                    return "\(path).\(pairA.key): key at \(pairA.keyPosition!) vs \(pairB.keyPosition!)"
                }
                if let found = difference(pairA.value, pairB.value, path: path + "." + pairA.key) { return found }
            }
            return nil
        case (.sequence(let a, _), .sequence(let b, _)):
            guard a.count == b.count else { return "\(path): \(a.count) vs \(b.count) elements" }
            for (index, (elementA, elementB)) in zip(a, b).enumerated() {
                if let found = difference(elementA, elementB, path: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return "\(path): \(left.kind) vs \(right.kind)"
        }
    }

    /// What the plain reader made of `text` when Yams reads it too: nil when they
    /// agree or the plain reader declined, else the difference.
    static func disagreement(_ text: String) -> String? {
        guard let fast = try? PlainYAMLReader.read(text, budget: 1_000_000) else { return nil }
        guard let reference = try? DataNode.parse(yamlWithYams: text) else {
            return "read a document that Yams refuses"
        }
        return difference(fast, reference)
    }

    /// Where libyaml's event reader, which reads whatever the plain reader declines,
    /// parts from Yams: the same tree, or the same error at the same place.
    static func libYAMLDisagreement(_ text: String) -> String? {
        let mine = Result { () throws(LocatedProblem) in try DataNode.parse(yamlWithLibYAML: text) }
        let reference = Result { () throws(LocatedProblem) in try DataNode.parse(yamlWithYams: text) }
        switch (mine, reference) {
        case (.success(let a), .success(let b)):
            return difference(a, b)
        case (.failure(let a), .failure(let b)):
            // A document that expands past the budget is refused by both, but where
            // differs: libyaml's reader counts aliases as it composes, Yams counted
            // nodes as it converted them afterwards.
            if case .documentTooLarge = a.problem, a.problem == b.problem { return nil }
            // libyaml gives a character it refuses as a byte offset, which Yams left
            // unplaced and the coach places.
            if a.problem == b.problem, b.position == nil { return nil }
            return a.problem == b.problem && a.position == b.position
                ? nil
                : "\(a.problem) at \(a.position.map(\.description) ?? "-") vs \(b.problem) at \(b.position.map(\.description) ?? "-")"
        case (.success, .failure(let b)):
            return "read a document that Yams refuses (\(b.problem))"
        case (.failure(let a), .success):
            return "refused (\(a.problem)) a document that Yams reads"
        }
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func yamlFiles(under folder: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (walker?.compactMap { $0 as? URL } ?? []).filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }

    /// The YAML files the coach ships: its knowledge and its two locale tables.
    static var shippedFiles: [URL] {
        ["knowledge", "Sources/CoachKit/Localization", "locales"].flatMap {
            yamlFiles(under: repository.appending(path: $0))
        }
    }

    @Test("reads every shipped knowledge file, exactly as Yams does")
    func shippedKnowledge() throws {
        let files = Self.shippedFiles
        #expect(files.count > 40)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let fast = try? PlainYAMLReader.read(text, budget: 1_000_000)
            #expect(fast != nil, "declined \(file.lastPathComponent)")
            #expect(Self.disagreement(text) == nil, "\(file.lastPathComponent): \(Self.disagreement(text) ?? "")")
        }
    }

    @Test("agrees with Yams on every fixture it reads, and hands over the rest")
    func fixtures() throws {
        let files = Self.yamlFiles(under: Self.repository.appending(path: "Tests"))
        #expect(files.count >= 20)
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            #expect(Self.disagreement(text) == nil, "\(file.path): \(Self.disagreement(text) ?? "")")
        }
    }

    /// Each snippet: read exactly as Yams reads it, or declined.
    static let snippets: [String] = [
        "a: 1\nb: two words\n",
        "a:\n  b: c\n  d:\n    - e\n    - f: g\n      h: i\n",
        "key:\n- a\n- b\nnext: x\n",
        "- a\n-\n- - b\n  - c\n- d: e\n",
        "a:\nb: 2\n",
        "a:   # comment\n  b\n",
        "title: a plain\n  scalar on\n\n  three lines\nnext: 1\n",
        "a: 'single ''quoted'' text'\nb: \"double \\\"quoted\\\" \\u00e9\\n\\t end\"\n",
        "a: 'folded\n  quoted\n\n  text'\n",
        "a: \"line \\\n  joined\"\n",
        "a: |\n  literal\n    more\n\n  end\n",
        "a: |-\n  strip\n\n",
        "a: |+\n  keep\n\n\nb: 1\n",
        "a: >\n  folded\n  lines\n\n  paragraph\n    indented\n  back\n",
        "a: >-\n\n  leading blank\n  folded\n",
        "a: >\n  one\n\n\n  two\n",
        "a: |\n\n  after blank\n",
        "a: [1, 2, [3, 4], {b: c}]\n",
        "a: {b: 1, c: [x, y], 'd e': \"f\"}\n",
        "a: [\n  one,\n  two,   # comment\n  three,\n]\n",
        "a: {}\nb: []\n",
        "é: ü\nclé: \"été\"\n",
        "a: b # comment\nc: d#not a comment\n",
        "a: x:y\nb: http://example.com/path\n",
        "---\na: 1\n",
        "--- # header\na: 1\n...\n",
        "a: &anchor 1\nb: *anchor\n",
        "a: !tag x\n",
        "? complex\n: value\n",
        "a: 1\na: 2\n",
        "a:\n\tb: 1\n",
        "a: b: c\n",
        "- a\nb: c\n",
        "a: 'unterminated\n",
        "[a, b]\n",
        "{a: 1}\n",
        "just text\n",
        "  indented: root\n  second: key\n",
        "a:\n  - 1\n  -\n    b: c\n",
        "a: -1\nb: -x\nc: - x\n",
        "a: 1\r\nb: 2\r\n",
        "a: \"\\x41\\U0001F600\"\n",
        "list:\n  - {value: o0, fr: O0, en: O0}\n  - {value: o1, fr: 'O 1', en: \"O1\"}\n",
        "a: |\n  text\n # comment-like\n",
        "a: >\n  text\n\n",
        "a: |2\n   explicit\n",
        "# only a comment\n",
        "",
        "a: b\n---\nc: d\n",
        "a: [b, c\n",
        "a: {b: }\n",
        "a: [b: c]\n",
        "- - - deep\n",
        "a: 'x' trailing\n",
        "'quoted key': 1\n\"other\": 2\n",
        "a:\n  # comment\n  b: 1\n",
        "a: >+\n  keep\n\n",
        "a: 12:30\nb: ~\nc: null\n",
        "a: text # with: colon in comment\n",
        "url: <https://x>\n",
        "a: %\n",
        "a: @x\n",
        // Empty values after trailing spaces or a comment: positioned where libyaml puts them.
        "a: \nb: 1\n", "a:   # c\nb: 1\n", "- \n- a\n", "-   # c\n- a\n", "a:\n  - \n  - b\n", "a: \n",
        // Found by the mutation test: a root block scalar, tabs where libyaml reads indentation.
        ">+\nid: x\nsource: y\n", "|\n text\n", "a: >-\n  \tx\n", "a: b\n\t\nc: d\n", "a:\tb\n",
        // Keys that differ in bytes but not as text (a composed and a decomposed é).
        "caf\u{E9}: 1\ncafe\u{301}: 2\n", "{caf\u{E9}: 1, cafe\u{301}: 2}\n",
        // Long mappings, where duplicates are found through a set.
        (0..<20).map { "k\($0): v\n" }.joined() + "k3: again\n",
        "{" + (0..<20).map { "k\($0): v" }.joined(separator: ", ") + ", k7: again}\n",
        (0..<40).map { "k\($0): v\n" }.joined(),
    ]

    @Test("agrees with Yams on hand-written edge cases, or hands them over")
    func edgeCases() {
        for snippet in Self.snippets {
            #expect(
                Self.disagreement(snippet) == nil, "\(snippet.debugDescription): \(Self.disagreement(snippet) ?? "")")
        }
    }

    @Test("libyaml's event reader agrees with Yams on every file and edge case, errors included")
    func libYAMLReader() throws {
        let files = Self.shippedFiles + Self.yamlFiles(under: Self.repository.appending(path: "Tests"))
        let texts = files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
        #expect(texts.count > 60)
        for text in texts + Self.snippets {
            let found = Self.libYAMLDisagreement(text)
            #expect(found == nil, "\(text.prefix(200).debugDescription): \(found ?? "")")
        }
    }

    @Test("reads the common forms itself rather than handing them over")
    func coverage() {
        let common = [
            "a: 1\n", "a:\n  - b\n", "a: |\n  x\n", "a: >-\n  x\n  y\n", "a: [b, c]\n", "a: {b: c}\n",
            "a: 'b'\n", "a: \"b\\n\"\n", "- x: 1\n  y: 2\n",
        ]
        for text in common {
            #expect((try? PlainYAMLReader.read(text, budget: 100)) != nil, "declined \(text.debugDescription)")
        }
    }

    /// Rounds of the mutation test: `COACH_YAML_MUTATIONS=20000 swift test --filter
    /// PlainYAML` for a deeper search than the suite's default.
    static let mutationRounds = ProcessInfo.processInfo.environment["COACH_YAML_MUTATIONS"].flatMap { Int($0) } ?? 600

    @Test("mutated knowledge files: never a different reading or error from Yams")
    func mutations() throws {
        let files = [
            "knowledge/topics/tip.regularity.yaml", "knowledge/questions.yaml", "knowledge/rules/roles.yaml",
            "knowledge/plan.yaml", "locales/en.yaml",
        ].map { Self.repository.appending(path: $0) }.filter { FileManager.default.fileExists(atPath: $0.path) }
        #expect(files.count >= 4)
        let texts = try files.map { Array(try String(contentsOf: $0, encoding: .utf8).utf8) }
        var random = SplitMix(state: 7)
        let pieces: [[UInt8]] = [
            " ", "\n", ": ", "- ", "#", "'", "\"", "|", ">", "[", "]", "{", "}", ",", "\t", "\\", "? ", "&a ", "*a",
            "!t ",
            "---\n", "...\n", "  ", "\r\n", "é", "''", "|-\n", ">+\n", "\n\n", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}",
            "\u{9F}", "\u{FEFF}", "\u{FFFE}",
        ].map { Array($0.utf8) }
        for round in 0..<Self.mutationRounds {
            var mutated = texts[round % texts.count]
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0..<mutated.count, using: &random)
                if Bool.random(using: &random) {
                    mutated.insert(contentsOf: pieces.randomElement(using: &random)!, at: at)
                } else {
                    mutated.remove(at: at)
                }
            }
            let mutatedText = String(decoding: mutated, as: UTF8.self)
            let found = Self.disagreement(mutatedText) ?? Self.libYAMLDisagreement(mutatedText)
            #expect(found == nil, "round \(round): \(found ?? "")\n\(mutatedText.prefix(2_000))")
            if found != nil { return }
        }
    }
}
