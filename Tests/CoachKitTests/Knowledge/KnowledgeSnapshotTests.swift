import Foundation
import Testing

@testable import CoachKit

/// The built-in knowledge's snapshot (`KnowledgeSnapshot`), which the coach reads at
/// start-up instead of the YAML: it must give back exactly the knowledge the YAML
/// gives, part by part, and refuse what it cannot read.
@Suite("The knowledge snapshot")
struct KnowledgeSnapshotTests {
    static let whole = shippedKnowledge
    static let text: String = {
        do { return try KnowledgeSnapshot.text(of: whole) } catch { fatalError("no snapshot: \(error)") }
    }()

    static func read(_ text: String, parts: KnowledgeBase.Parts = .all) throws -> KnowledgeBase {
        var text = text
        return try text.withUTF8 { bytes in try KnowledgeSnapshot.knowledge(from: bytes, parts: parts) }
    }

    /// Written again from what it gives back, the snapshot is the same: no field is
    /// lost between writing and reading.
    @Test func readsBackWhatItWrote() throws {
        let read = try Self.read(Self.text)
        let same = try KnowledgeSnapshot.text(of: read) == Self.text
        #expect(same)
        #expect(read.parts == .all)
    }

    /// What the coach shows from the snapshot is what it shows from the YAML: every
    /// scenario's plan in both languages and three forms, the catalogues, answers.
    @Test func givesTheSamePlansAndAnswersAsTheYAML() throws {
        let read = try Self.read(Self.text)
        let whole = Self.whole
        for scenario in shippedKnowledge.scenarios {
            for language in Language.allCases {
                let plan = Planner(knowledge: read).plan(for: scenario.answers, language: language)
                let expected = Planner(knowledge: whole).plan(for: scenario.answers, language: language)
                #expect(
                    PlanDocument.json(plan, knowledge: read, date: "2026-11-27").text()
                        == PlanDocument.json(expected, knowledge: whole, date: "2026-11-27").text(),
                    "\(scenario.name) \(language)")
                #expect(
                    PlanMarkdownRenderer(knowledge: read, language: language).render(plan, date: "2026-11-27")
                        == PlanMarkdownRenderer(knowledge: whole, language: language).render(
                            expected, date: "2026-11-27"))
                #expect(
                    PlanTextRenderer(knowledge: read, language: language).render(plan, date: "2026-11-27")
                        == PlanTextRenderer(knowledge: whole, language: language).render(expected, date: "2026-11-27"))
            }
        }
        for language in Language.allCases {
            #expect(
                TopicsDocument.json(knowledge: read, language: language).text()
                    == TopicsDocument.json(knowledge: whole, language: language).text())
            #expect(
                QuestionsDocument.json(knowledge: read, language: language).text()
                    == QuestionsDocument.json(knowledge: whole, language: language).text())
        }
        // The search index comes ready from the snapshot: the same hits, with the same
        // scores, typos and synonyms included.
        let questions = [
            "comment avoir plus de commentaires", "what does a community manager do", "taux",
            "comment augmenter mon taux d'engagment", "how often should I post", "publier régulièrement",
            "réseau social ou média social ?", "zzz qqq",
        ]
        for question in questions {
            let answer = Asker(knowledge: read).ask(question, language: nil, fallback: .fr, limit: 5)
            let expected = Asker(knowledge: whole).ask(question, language: nil, fallback: .fr, limit: 5)
            #expect(
                AskDocument.json(answer, knowledge: read).text()
                    == AskDocument.json(expected, knowledge: whole).text())
        }
        #expect(read.derivedOrder == whole.derivedOrder)
        #expect(read.metrics.headers == whole.metrics.headers && read.metrics.formats == whole.metrics.formats)
    }

    @Test(arguments: BuiltInKnowledgePartsTests.subsets)
    func readsOnlyThePartsAskedFor(parts: KnowledgeBase.Parts) throws {
        let read = try Self.read(Self.text, parts: parts)
        let loaded = try KnowledgeBase.builtIn(parts)
        #expect(read.parts == parts)
        #expect(read.topics.map(\.id) == loaded.topics.map(\.id))
        #expect(read.article.sections.map(\.id) == loaded.article.sections.map(\.id))
        #expect(read.questions.map(\.id) == loaded.questions.map(\.id))
        #expect(read.rules.map(\.id) == loaded.rules.map(\.id))
        #expect(read.search.synonyms == loaded.search.synonyms)
        #expect(read.metrics.headers == loaded.metrics.headers)
    }

    /// The shell reads the search vocabulary and the metrics when first needed.
    @Test func addsPartsLater() throws {
        var text = Self.text
        let topicsOnly = try Self.read(text, parts: [])
        let added = try text.withUTF8 { bytes in
            try KnowledgeSnapshot.knowledge(from: bytes, adding: [.search, .metrics], to: topicsOnly)
        }
        #expect(added.parts == [.search, .metrics])
        #expect(added.search.synonyms == Self.whole.search.synonyms)
        #expect(added.metrics.headers == Self.whole.metrics.headers)
        #expect(added.rules.isEmpty)
        #expect(added.topics.map(\.id) == Self.whole.topics.map(\.id))
    }

    /// The snapshot compiled in is of the knowledge embedded: after a change to
    /// knowledge/ (or to how it is loaded), the coach reads the YAML, slower, until
    /// `make snapshot` writes it again.
    @Test func theSnapshotCompiledInIsUpToDate() throws {
        let compiled = builtInSnapshot.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        // Compared aside, so that a failure does not print 600 KB twice.
        let upToDate = compiled == Self.text
        #expect(upToDate, "Sources/CoachKit/Knowledge/BuiltInSnapshot.swift is out of date: run make snapshot")
        // And the coach starts from it.
        let started = try KnowledgeSnapshot.builtIn(.all)
        let same = try KnowledgeSnapshot.text(of: started) == Self.text
        #expect(same)
    }

    /// A snapshot of other knowledge (an older one, once knowledge/ changed) is
    /// refused: the coach then reads the YAML.
    @Test func refusesASnapshotOfOtherKnowledge() throws {
        let other = Self.text.replacingOccurrences(
            of: "\u{1}" + EmbeddedFile.knowledgeDigest + "\u{1}", with: "\u{1}0123456789abcdef\u{1}")
        #expect(other != Self.text)
        #expect(throws: KnowledgeSnapshot.Failure.self) { try Self.read(other) }
    }

    /// Cut anywhere, a snapshot is refused, never read wrong nor read past its end.
    @Test func refusesASnapshotCutShort() throws {
        let bytes = Array(Self.text.utf8)
        var generator = SystemRandomNumberGenerator()
        var cuts = Set((0..<200).map { _ in Int.random(in: 0..<bytes.count, using: &generator) })
        cuts.formUnion([0, 1, 20, bytes.count - 2, bytes.count - 1])
        for cut in cuts {
            let failed = bytes[..<cut].withUnsafeBufferPointer { prefix in
                (try? KnowledgeSnapshot.knowledge(from: prefix, parts: .all)) == nil
            }
            #expect(failed, "cut at byte \(cut) of \(bytes.count)")
        }
    }

    /// Counts, lengths and numbers out of reach are refused, not trusted.
    @Test func refusesCountsAndNumbersOutOfReach() throws {
        let fields = Self.text.split(separator: "\u{1}", omittingEmptySubsequences: false).map(String.init)
        // Fields 2 to 5 are the parts' lengths; field 11, the number of the article's
        // sections (after its title, publisher and language).
        #expect(Int(fields[11]) == Self.whole.article.sections.count)
        for (field, value) in [
            (2, "-5"), (2, "99999999999999999999"), (3, "0"), (11, "-1"), (11, "9223372036854775807"), (11, "x"),
        ] {
            var damaged = fields
            damaged[field] = value
            let text = damaged.joined(separator: "\u{1}")
            #expect(throws: KnowledgeSnapshot.Failure.self, "field \(field) = \(value)") { try Self.read(text) }
        }
    }

    /// Whatever byte is changed, the snapshot is read or refused: never a crash, never
    /// a read past its end; most changes are caught.
    @Test func survivesChangedBytes() {
        var bytes = Array(Self.text.utf8)
        var generator = SystemRandomNumberGenerator()
        var refused = 0
        let rounds = 300
        for _ in 0..<rounds {
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            let saved = bytes[at]
            bytes[at] = [0x01, 0x02, UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "a")].randomElement(
                using: &generator)!
            let failed = bytes.withUnsafeBufferPointer {
                (try? KnowledgeSnapshot.knowledge(from: $0, parts: .all)) == nil
            }
            if failed { refused += 1 }
            bytes[at] = saved
        }
        #expect(refused > 0)
    }

    /// Read as the snapshot compiled in is, the texts that most commands read for a
    /// few entries or none (an entry's texts, a question's prompt and help, a rule's
    /// wording and condition as written) stay the snapshot's bytes until read, and
    /// then read as the YAML has them; one set anew holds its new value.
    @Test func keepsSeldomReadTextsAsBytesUntilRead() throws {
        var text = Self.text
        try text.withUTF8 { bytes in
            var read = try KnowledgeSnapshot.read(bytes, parts: .all, into: nil, lendsBytes: true)
            for (topic, expected) in zip(read.topics, Self.whole.topics) {
                for language in Language.allCases {
                    let text = topic.text[language]
                    #expect(!text.deferredTitle.isMade && !text.deferredSummary.isMade)
                    #expect(!text.deferredBody.isMade && !text.deferredSteps.isMade)
                    #expect(!text.deferredKeywords.isMade && !text.deferredQuestions.isMade)
                    #expect(text == expected.text[language], "\(topic.id)")
                    #expect(text.steps == expected.text[language].steps && text.body == expected.text[language].body)
                }
            }
            for (question, expected) in zip(read.questions, Self.whole.questions) {
                #expect(!question.deferredPrompt.isMade && !question.deferredHelp.isMade)
                #expect(question.prompt == expected.prompt && question.help == expected.help, "\(question.id)")
                #expect(question.hasAskIf == (expected.askIf != nil) && question.deferredAskIf?.isMade != true)
                #expect(question.askIf.map(Self.written) == expected.askIf.map(Self.written), "\(question.id)")
            }
            #expect(read.facts.count == Self.whole.facts.count)
            for (fact, expected) in zip(read.facts, Self.whole.facts) {
                #expect(!fact.deferredDefinition.isMade)
                #expect(Self.written(fact.definition) == Self.written(expected.definition), "\(fact.id)")
            }
            #expect(read.rules.count == Self.whole.rules.count)
            for (rule, expected) in zip(read.rules, Self.whole.rules) {
                #expect(
                    !rule.deferredText.isMade && !rule.deferredConditionText.isMade && !rule.deferredCondition.isMade)
                #expect(rule.text == expected.text && rule.conditionText == expected.conditionText, "\(rule.id)")
                #expect(Self.written(rule.condition) == Self.written(expected.condition), "\(rule.id)")
            }
            #expect(try KnowledgeSnapshot.text(of: read) == Self.text)
            read.topics[0].text.fr.body = "Autre chose."
            read.rules[0].conditionText = "true"
            #expect(read.topics[0].text.fr.body == "Autre chose." && read.topics[0].text.fr.deferredBody.isMade)
            #expect(read.rules[0].conditionText == "true" && read.topics[1].text.fr == Self.whole.topics[1].text.fr)
        }
        // The commands read the snapshot compiled in this way, while it is current.
        if let builtIn = try? KnowledgeSnapshot.builtIn(.all) {
            #expect(builtIn.topics.allSatisfy { !$0.text.fr.deferredBody.isMade && !$0.text.en.deferredSteps.isMade })
            #expect(builtIn.rules.allSatisfy { !$0.deferredText.isMade })
        }
    }

    /// A question's `ask_if` (the built-in knowledge has none) stays bytes too, and is
    /// the same once made; the interview built on the snapshot asks as the YAML's does.
    @Test func keepsAskIfAsBytesUntilRead() throws {
        let knowledge = try KnowledgeBase.load(from: fixtures.appending(path: "rules"))
        let asked = try #require(knowledge.questions.first { $0.askIf != nil })
        var text = try KnowledgeSnapshot.text(of: knowledge)
        try text.withUTF8 { bytes in
            let read = try KnowledgeSnapshot.read(bytes, parts: .all, into: nil, lendsBytes: true)
            let question = try #require(read.questions.first { $0.id == asked.id })
            #expect(question.hasAskIf && question.deferredAskIf?.isMade == false)
            #expect(question.askIf.map(Self.written) == asked.askIf.map(Self.written))
            #expect(read.questions.filter(\.hasAskIf).count == knowledge.questions.filter { $0.askIf != nil }.count)
            for answers in [[:], ["followers": Answers.Answer.number(0)], ["followers": .number(500)]] {
                let expected = Planner(knowledge: knowledge).plan(for: Answers(answers), language: .en)
                let plan = Planner(knowledge: read).plan(for: Answers(answers), language: .en)
                #expect(plan.missing == expected.missing && plan.missing.isEmpty == false, "\(answers)")
            }
        }
    }

    /// Whatever byte is changed, a snapshot read as the one compiled in is read or
    /// refused, and every text it keeps as bytes then reads without a crash, as do
    /// searches in its index, kept as bytes too (typos and synonyms included).
    @Test func survivesChangedBytesInTextsKeptAsBytes() {
        var bytes = Array(Self.text.utf8)
        // Seeded: a failure names its byte, and comes back at the next run.
        var generator = SplitMix(state: 2026)
        var read = 0
        for _ in 0..<200 {
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            let saved = bytes[at]
            bytes[at] = [0x01, 0x02, UInt8(ascii: "9"), UInt8(ascii: "-")].randomElement(using: &generator)!
            bytes.withUnsafeBufferPointer { bytes in
                guard let knowledge = try? KnowledgeSnapshot.read(bytes, parts: .all, into: nil, lendsBytes: true)
                else { return }
                read += 1
                let topics = knowledge.topics.map { $0.text.fr.body.count + $0.text.en.steps.count }.reduce(0, +)
                let rules = knowledge.rules.map { $0.text.en.detail.count + $0.conditionText.count }.reduce(0, +)
                let conditions = knowledge.rules.map { $0.condition.slots.count }.reduce(0, +)
                let length = topics + rules + conditions
                #expect(length > 0, "byte \(at) changed")
                for question in ["comment avoir plus de commentaires", "commnuaute engagemnt", "community manager"] {
                    let answer = Asker(knowledge: knowledge).ask(question, language: nil, fallback: .fr, limit: 5)
                    #expect(
                        answer.hits.allSatisfy { knowledge.topics.indices.contains($0.topic) }, "byte \(at) changed")
                }
            }
            bytes[at] = saved
        }
        #expect(read > 0)
    }

    /// Changes 300 bytes of `written`, the part of the snapshot that `write` writes, one
    /// at a time, with the seed `seed`; `check` looks at each snapshot that still reads.
    /// How many read, and where `written` lies in the snapshot.
    static func changingBytes(
        of write: (inout SnapshotWriter) -> Void, seed: UInt64, check: (KnowledgeBase, _ at: Int) -> Void
    ) throws -> (read: Int, written: String, found: Range<String.Index>) {
        var writer = SnapshotWriter()
        write(&writer)
        let written = writer.take()
        let found = try #require(Self.text.range(of: written))
        let start = Self.text.utf8.distance(from: Self.text.startIndex, to: found.lowerBound)
        var bytes = Array(Self.text.utf8)
        var generator = SplitMix(state: seed)
        var read = 0
        for _ in 0..<300 {
            let at = Int.random(in: start..<(start + written.utf8.count), using: &generator)
            let saved = bytes[at]
            bytes[at] = [0x01, 0x02, UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "3"), UInt8(ascii: "x")]
                .randomElement(using: &generator)!
            bytes.withUnsafeBufferPointer { bytes in
                guard let knowledge = try? KnowledgeSnapshot.read(bytes, parts: .all, into: nil, lendsBytes: true)
                else { return }
                read += 1
                check(knowledge, at)
            }
            bytes[at] = saved
        }
        return (read, written, found)
    }

    /// Whatever byte of the rules is changed, the snapshot is refused, or read and
    /// every rule's condition, kept as bytes, is then made without a crash: what
    /// reading steps over is checked as making it would check it.
    @Test func survivesChangedBytesInConditionsKeptAsBytes() throws {
        let (read, _, _) = try Self.changingBytes(of: { $0.write(Self.whole.rules) }, seed: 27) { knowledge, at in
            let slots = knowledge.rules.flatMap(\.condition.slots)
            #expect(slots.allSatisfy { (0..<knowledge.slotCount).contains($0) }, "byte \(at) changed")
        }
        #expect(read > 0 && read < 300)
    }

    /// Whatever byte of the questions and facts is changed, the snapshot is refused, or
    /// read and every `ask_if` and fact, kept as bytes, is then made without a crash,
    /// naming only the knowledge's slots: they are checked against the count of slots
    /// the snapshot gives before them, which must be the questions' and facts'.
    @Test func survivesChangedBytesInQuestionsAndFactsKeptAsBytes() throws {
        let write: (inout SnapshotWriter) -> Void = { writer in
            writer.write(Self.whole.slotCount)
            writer.write(Self.whole.questions)
            writer.write(Self.whole.facts)
        }
        let (read, written, found) = try Self.changingBytes(of: write, seed: 28) { knowledge, at in
            let slots =
                knowledge.questions.compactMap(\.askIf).flatMap(\.slots)
                + knowledge.facts.flatMap(\.expressions).flatMap(\.slots)
            #expect(slots.allSatisfy { (0..<knowledge.slotCount).contains($0) }, "byte \(at) changed")
        }
        #expect(read > 0 && read < 300)
        // The count of slots alone changed: refused, whichever way.
        for count in [Self.whole.slotCount - 1, Self.whole.slotCount + 1] {
            var text = Self.text
            text.replaceSubrange(found, with: String(count) + "\u{1}" + written.drop { $0 != "\u{1}" }.dropFirst())
            #expect(throws: KnowledgeSnapshot.Failure.self, "\(count) slots") { try Self.read(text) }
        }
    }

    /// A condition kept as bytes is made when read, checked as reading checks it:
    /// bytes that do not make one whole expression, or name a slot the knowledge
    /// lacks, make a condition that is always false; the others, the tree written.
    @Test func conditionsKeptAsBytesAreCheckedWhenMade() throws {
        let condition = try #require(Self.whole.rules.first { $0.condition.slots.count >= 2 }?.condition)
        var writer = SnapshotWriter()
        writer.write(counted: condition)
        let whole = Array(writer.take().utf8)
        let never = Self.written(CoachKit.Expression(.boolean(false), 0..<0))
        func made(_ bytes: [UInt8], slotLimit: Int? = nil) -> String? {
            bytes.withUnsafeBufferPointer { buffer in
                var reader = SnapshotReader(buffer, lendsBytes: true)
                reader.slotLimit = slotLimit
                return (try? Deferred<CoachKit.Expression>(from: &reader)).map { Self.written($0.value) }
            }
        }
        #expect(made(whole) == Self.written(condition))
        #expect(made(whole, slotLimit: condition.slots.max()!) == never, "a slot beyond the knowledge's")
        // Cut short, or followed by a byte of something else.
        let tree: [UInt8] = Array(whole[(whole.firstIndex(of: 1)! + 1)...])
        let shorter: [UInt8] = Array(String(tree.count - 1).utf8) + [1] + tree.dropLast()
        let longer: [UInt8] = Array(String(tree.count + 1).utf8) + [1] + tree + [UInt8(ascii: "7")]
        #expect(made(shorter) == never)
        #expect(made(longer) == never)
        let beyond: [UInt8] = Array("999\u{1}".utf8) + whole
        #expect(made(beyond) == nil, "a count beyond the snapshot is refused")
    }

    /// A value kept as bytes (an entry's steps) is made when read: whole, the list
    /// written; cut short or run on, the empty list. Read from text, a value that is
    /// not whole is refused.
    @Test func valuesKeptAsBytesAreCheckedWhenMade() throws {
        let steps = ["Première étape.", "Second step", ""]
        var writer = SnapshotWriter()
        writer.write(counted: steps)
        let whole = Array(writer.take().utf8)
        let value: [UInt8] = Array(whole[(whole.firstIndex(of: 1)! + 1)...])
        func made(_ bytes: [UInt8], lends: Bool = true) -> [String]? {
            bytes.withUnsafeBufferPointer { buffer in
                var reader = SnapshotReader(buffer, lendsBytes: lends)
                return (try? Deferred<[String]>(from: &reader))?.value
            }
        }
        #expect(made(whole) == steps && made(whole, lends: false) == steps)
        let shorter: [UInt8] = Array(String(value.count - 1).utf8) + [1] + value.dropLast()
        let longer: [UInt8] = Array(String(value.count + 2).utf8) + [1] + value + Array("7\u{1}".utf8)
        #expect(made(shorter) == [] && made(longer) == [])
        #expect(made(shorter, lends: false) == nil && made(longer, lends: false) == nil)
    }

    /// The benchmarks' reports are read on their own from the benchmarks' bytes,
    /// which stay bytes: the same reports as the YAML's. Once the benchmarks are set,
    /// the reports are theirs; bytes damaged within the reports give none, as the
    /// benchmarks do. The benchmarks compiled in are whole, so their reports read
    /// alone are theirs.
    @Test func readsTheBenchmarksReportsWithoutTheFigures() throws {
        func summaries(_ reports: [Benchmarks.Report]) -> [String] {
            reports.map { "\($0.id) \($0.year) \($0.url)" }
        }
        let expected = summaries(Self.whole.benchmarks.reports)
        #expect(expected.count > 1)
        var text = Self.text
        try text.withUTF8 { bytes in
            var read = try KnowledgeSnapshot.read(bytes, parts: .all, into: nil, lendsBytes: true)
            #expect(read.deferredBenchmarks.part(Benchmarks.reports(from:)).map(summaries) == expected)
            #expect(summaries(read.benchmarkReports) == expected)
            read.benchmarks.reports.removeFirst()
            #expect(read.deferredBenchmarks.part(Benchmarks.reports(from:)) == nil)
            #expect(summaries(read.benchmarkReports) == Array(expected.dropFirst()))
        }
        // The benchmarks' first 12 bytes, counted as a whole value: cut inside the
        // first report.
        var writer = SnapshotWriter()
        writer.write(counted: Self.whole.benchmarks)
        let whole = Array(writer.take().utf8)
        let cut: [UInt8] = Array("12\u{1}".utf8) + whole[(whole.firstIndex(of: 1)! + 1)...].prefix(12)
        cut.withUnsafeBufferPointer { buffer in
            var reader = SnapshotReader(buffer, lendsBytes: true)
            let benchmarks = try? Deferred<Benchmarks>(from: &reader)
            #expect(benchmarks?.part(Benchmarks.reports(from:)) == nil && benchmarks?.value.reports.isEmpty == true)
        }
        if let builtIn = try? KnowledgeSnapshot.builtIn(.all) {
            #expect(summaries(builtIn.benchmarks.reports) == expected)
            #expect(summaries(builtIn.benchmarkReports) == expected)
        }
    }

    static func written(_ value: some SnapshotCodable) -> String {
        var writer = SnapshotWriter()
        writer.write(value)
        return writer.take()
    }

    /// The engine's tables come ready in the snapshot: the same as the engine works
    /// out from the YAML's rules, and dropped when the rules change.
    @Test func holdsTheEngineTablesTheRulesGive() throws {
        var read = try Self.read(Self.text)
        let tables = try #require(read.engineTables)
        var fromSnapshot = SnapshotWriter()
        fromSnapshot.write(tables)
        var fromRules = SnapshotWriter()
        fromRules.write(Engine.Tables(knowledge: Self.whole))
        #expect(fromSnapshot.take() == fromRules.take())
        var byShares = SnapshotWriter()
        byShares.write(Engine.Tables(knowledge: Self.whole, rulesPerShare: 7))
        var again = SnapshotWriter()
        again.write(tables)
        #expect(byShares.take() == again.take())
        read.rules.removeLast()
        #expect(read.engineTables == nil)
        #expect(Engine(knowledge: read).questionsByRule.count == read.rules.count)
    }

    /// Numbers read back exactly, whole or not, however large or small, signed
    /// zeros, infinities and all; a number written otherwise is refused.
    @Test func readsNumbersBackExactly() throws {
        let numbers: [Double] = [
            0, -0.0, 1, -2, 1.5, 0.01, -1e-9, 1e300, 9_007_199_254_740_992, 9_007_199_254_740_994, .infinity,
            -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 2.99, 100,
        ]
        var writer = SnapshotWriter()
        writer.write(numbers + [.nan])
        var text = writer.take()
        let read = try text.withUTF8 { bytes in
            var reader = SnapshotReader(bytes)
            return try reader.read([Double].self)
        }
        #expect(read.dropLast().map(\.bitPattern) == numbers.map(\.bitPattern))
        #expect(read.last?.isNaN == true)
        for field in ["x", "xg", "x10000000000000000", "9007199254740993", "1.5", "-"] {
            var text = field + "\u{1}"
            #expect(throws: KnowledgeSnapshot.Failure.self, "\(field)") {
                try text.withUTF8 { bytes in
                    var reader = SnapshotReader(bytes)
                    return try reader.read(Double.self)
                }
            }
        }
    }

    /// Whole numbers read back to Int's limits, and one past them is refused.
    @Test func readsWholeNumbersToTheirLimits() throws {
        func read(_ field: String) throws -> Int {
            var text = field + "\u{1}"
            return try text.withUTF8 { bytes in
                var reader = SnapshotReader(bytes)
                return try reader.read(Int.self)
            }
        }
        for number in [0, 7, -7, 10, 123_456_789_012_345_678, -999_999_999_999_999_999, Int.max, Int.min, Int.max - 9] {
            #expect(try read(String(number)) == number)
        }
        for field in ["9223372036854775808", "-9223372036854775809", "99999999999999999999", "-", "", "12a", "1-"] {
            #expect(throws: KnowledgeSnapshot.Failure.self, "\(field)") { try read(field) }
        }
    }

    /// An enumeration is written as its case's place: every case reads back as itself,
    /// and a place no case has is refused.
    @Test func readsEnumerationsByTheirPlace() throws {
        func read<Value: SnapshotEnumeration>(_ field: some StringProtocol, as _: Value.Type) throws -> Value {
            var text = String(field) + "\u{1}"
            return try text.withUTF8 { bytes in
                var reader = SnapshotReader(bytes)
                return try reader.read(Value.self)
            }
        }
        for horizon in Rule.Horizon.allCases {
            #expect(try read(Self.written(horizon).dropLast(), as: Rule.Horizon.self) == horizon)
        }
        for function in CoachKit.Expression.Function.allCases {
            #expect(try read(Self.written(function).dropLast(), as: CoachKit.Expression.Function.self) == function)
        }
        #expect(Self.written(Language.en) != Self.written(Language.fr))
        for field in [String(Rule.Horizon.allCases.count), "-1", "", "week", "99999999999999999999"] {
            #expect(throws: KnowledgeSnapshot.Failure.self, "\(field)") { try read(field, as: Rule.Horizon.self) }
        }
    }

    /// A text holding a separator cannot be written.
    @Test func refusesATextHoldingASeparator() {
        var knowledge = Self.whole
        knowledge.topics[0].text.en.title = "A \u{1} B"
        #expect(throws: KnowledgeSnapshot.Failure.self) { try KnowledgeSnapshot.text(of: knowledge) }
    }
}
