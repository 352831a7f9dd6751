import Testing

@testable import CoachKit

/// The fast path for rule files written one value a line (`RuleFileReader`): what it
/// reads, it reads exactly as the YAML tree and the decoder do, positions included;
/// anything else it leaves to them.
@Suite("Rule files read without their tree")
struct RuleFileReaderTests {
    /// Written as `coach-bench generate` writes rule bases, and in the other forms the
    /// fast path reads: a translation as two keys, comments and blank lines, accents,
    /// placeholders, lists and quotes inside a condition, keys in another order.
    static let samples: [String] = [
        """
        rules:
          - id: bench.r0
            when: n5 < 3 and c3 == 'o3' and not b9 and b7
            priority: 67
            horizon: this_week
            source: tip.bench
            fr: {title: bench.r0, detail: D}
            en: {title: bench.r0, detail: D}
          - id: bench.r1
            when: not b1 and c1 == 'o2'
            priority: 0
            horizon: this_quarter
            source: tip.bench
            fr: {title: bench.r1, detail: D}
            en: {title: bench.r1, detail: D}

        """,
        """
        # Rules on regularity: a comment, then blank lines.

        rules:

          - id: regularity.weekly_rhythm
            # Why: a rhythm the audience can count on.
            when: posts_per_week < 1 and objective in ['relationships', 'both']
            priority: 100
            horizon: this_month
            source: tip.regularity
            fr:
              title: Publiez chaque semaine, même peu
              detail: Un rendez-vous régulier vaut mieux que {followers} abonnés surpris.
            en:
              detail: A regular slot beats {followers} surprised followers.
              title: Post every week, even a little

          - when: (followers >= 1000) or not runs_events
            id: regularity.event_2
            horizon: this_week
            priority: 5
            en: {title: Café ou thé ?, detail: Été comme hiver (ou presque) !}
            source: tip.regularity
            fr: {title: Ça marche, detail: Déjà vu... encore}
        """,
        "rules:\n  - id: a.b\n    when: x\n    priority: 1\n    horizon: this_week\n    source: s\n"
            + "    fr: {title: t, detail: d}\n    en: {title: t, detail: d}",
    ]

    /// Everything the decoder reads into a rule's record, as text.
    static func describe(_ records: [RuleRecord]) -> [String] {
        func place(_ position: SourcePosition?) -> String { position.map { "\($0)" } ?? "-" }
        func source(_ text: SourceText) -> String {
            "\(text.text)|\(text.file)|\(place(text.position))|\(text.style)"
        }
        return records.map { record in
            [
                record.file, record.id, place(record.idPosition), "\(record.isDiagnosis)", source(record.condition),
                "\(record.priority)", "\(record.horizon.map(\.rawValue) ?? "-")", record.source,
                place(record.sourcePosition),
                record.supersedes.map { "\($0.id)@\(place($0.position))" }.joined(separator: ","),
                record.reports.map { "\($0.id)@\(place($0.position))" }.joined(separator: ","),
                record.text.fr.title, record.text.fr.detail, record.text.en.title, record.text.en.detail,
                record.texts.map(source).joined(separator: ";"),
            ].joined(separator: "\n")
        }
    }

    /// The records the tree gives, and how many problems the decoder reported; nil
    /// when the file is not YAML.
    static func throughTheTree(_ bytes: [UInt8]) -> (records: [RuleRecord], problems: Int)? {
        let log = DiagnosticLog()
        let reader = DocumentReader(file: "rules/sample.yaml", log: log)
        guard let root = try? DataNode.parse(yamlFile: bytes) else { return nil }
        let records = KnowledgeLoader.decodeRules(root, reader: reader)
        return (records, log.diagnostics.count)
    }

    @Test(arguments: samples.indices)
    func readsTheSamplesAsTheTreeDoes(sample: Int) throws {
        let bytes = Array(Self.samples[sample].utf8)
        let fast = try #require(RuleFileReader.records(file: bytes, path: "rules/sample.yaml"))
        let tree = try #require(Self.throughTheTree(bytes))
        #expect(tree.problems == 0)
        #expect(Self.describe(fast) == Self.describe(tree.records))
        #expect(fast.count >= 1)
        // With a byte order mark, the same.
        let marked = try #require(RuleFileReader.records(file: UTF8.byteOrderMark + bytes, path: "rules/sample.yaml"))
        #expect(Self.describe(marked) == Self.describe(fast))
    }

    /// Forms the fast path leaves to the tree: each is YAML the decoder reads, or
    /// reports, on its own.
    @Test func leavesOtherFormsToTheTree() {
        let rule = Self.samples[2]
        let changes: [(String, String)] = [
            ("when: x", "when: 'x'"),  // quoted
            ("when: x", "when: >-\n      x"),  // folded
            ("when: x", "when: x\n      and y"),  // on two lines
            ("when: x", "when: x # why"),  // a comment after it
            ("when: x", "when: x\n    supersedes: [a.c]"),
            ("when: x", "when: x\n    diagnosis: true"),
            ("when: x", "when: x\n    when: y"),  // twice
            ("when: x", "wen: x"),  // misspelt
            ("when: x", "when: ~"),  // null
            ("when: x", "when:\tx"),  // a tab
            ("priority: 1", "priority: 101"),
            ("priority: 1", "priority: high"),
            ("this_week", "this_year"),
            ("id: a.b", "id: ab"),
            ("{title: t, detail: d}", "{title: t}"),
            ("{title: t, detail: d}", "{title: 't', detail: d}"),
            ("\n", "\r\n"),
            ("rules:", "rules: []\nfacts:"),
            ("source: s", "source: s\u{7}"),
        ]
        var others: [String] = changes.map { old, new in rule.replacing(old, with: new) }
        others += ["rules:\n", "rules: []\n"]
        for (index, text) in others.enumerated() {
            #expect(RuleFileReader.records(file: Array(text.utf8), path: "rules/x.yaml") == nil, "form \(index)")
        }
    }

    /// 20 000 files changed a byte or a line at a time: whenever the fast path
    /// reads one, the tree reads it without a problem and gives the same records.
    @Test func readsWhatItReadsAsTheTreeDoes() {
        let palette: [[UInt8]] = [
            " ", ":", "#", "-", "{", "}", ",", "'", "\"", "\n", "\t", "x", "é", "~", "[", "]", "0", "\r", "\u{7}",
            "  ", ": ", " #", "{followers}", "\u{A0}", "&a", "*a", "!", "?", "|", ">", "%", "@", "`", ".", "é:",
        ].map { Array($0.utf8) }
        var generator = SplitMix(state: 261_128)
        var (read, agreed) = (0, 0)
        for round in 0..<20_000 {
            var bytes = Array(Self.samples[round % Self.samples.count].utf8)
            for _ in 0...(round % 3) { Self.change(&bytes, palette: palette, using: &generator) }
            guard let fast = RuleFileReader.records(file: bytes, path: "rules/sample.yaml") else { continue }
            read += 1
            let tree = Self.throughTheTree(bytes)
            let same = tree.map { $0.problems == 0 && Self.describe($0.records) == Self.describe(fast) } ?? false
            #expect(same, "\(String(decoding: bytes, as: UTF8.self))")
            if same { agreed += 1 }
        }
        // Both kinds of change are met: files read, and files left to the tree.
        #expect(read > 1_500 && read < 19_000 && agreed == read, "\(read) read")
    }

    /// One change: a byte replaced, inserted or removed; a line removed, repeated or
    /// moved; a line indented one more or one less.
    static func change(_ bytes: inout [UInt8], palette: [[UInt8]], using generator: inout SplitMix) {
        guard !bytes.isEmpty else { return }
        let at = Int.random(in: 0..<bytes.count, using: &generator)
        let piece = palette.randomElement(using: &generator)!
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        let line = Int.random(in: 0..<lines.count, using: &generator)
        switch Int.random(in: 0..<7, using: &generator) {
        case 0: bytes.replaceSubrange(at...at, with: piece)
        case 1: bytes.insert(contentsOf: piece, at: at)
        case 2: bytes.remove(at: at)
        case 3:
            lines.remove(at: line)
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case 4:
            lines.insert(lines[line], at: Int.random(in: 0...lines.count, using: &generator))
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case 5:
            lines[line].insert(UInt8(ascii: " "), at: 0)
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        default:
            if lines[line].first == UInt8(ascii: " ") { lines[line].removeFirst() }
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        }
    }
}
