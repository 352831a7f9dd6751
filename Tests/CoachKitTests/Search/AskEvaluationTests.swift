import Foundation
import Testing

@testable import CoachKit

/// `coach ask` against the evaluation set in `Fixtures/ask-eval.yaml`: questions as
/// people type them (both languages, without accents, misspelt), written before the
/// search was tuned, with the entries that answer them. The suite prints top-1 and
/// top-3 accuracy and fails below 90 % top-1 or 100 % top-3.
@Suite("coach ask: the evaluation set")
struct AskEvaluationTests {
    struct Case {
        var question: String
        var ids: [String]
    }

    static func load(_ file: String = "ask-eval.yaml") throws -> (cases: [Case], noMatch: [String]) {
        let text = try String(contentsOf: fixtures.appending(path: file), encoding: .utf8)
        let root = try DataNode.parse(yaml: text)
        func value(_ node: DataNode, _ key: String) -> DataNode? {
            guard case .mapping(let pairs, _) = node else { return nil }
            return pairs.first { $0.key == key }?.value
        }
        func texts(_ node: DataNode?) -> [String] {
            guard case .sequence(let elements, _)? = node else { return [] }
            return elements.compactMap { if case .scalar(let text, _, _) = $0 { text } else { nil } }
        }
        guard case .sequence(let questions, _)? = value(root, "questions") else { return ([], []) }
        let cases = questions.compactMap { entry -> Case? in
            guard case .scalar(let question, _, _)? = value(entry, "q") else { return nil }
            return Case(question: question, ids: texts(value(entry, "ids")))
        }
        return (cases, texts(value(root, "no_match")))
    }

    /// Read from the knowledge folder, so that tuning `search.yaml` needs no rebuild;
    /// another test holds the built-in copy to be the same.
    static let knowledge: KnowledgeBase = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appending(path: "../../../knowledge").standardized
        guard let knowledge = try? KnowledgeBase.load(from: folder) else { fatalError("knowledge/ does not load") }
        return knowledge
    }()
    static let asker = Asker(knowledge: knowledge)

    /// Top-1 and top-3 counts over `cases`, printed with the misses.
    static func score(_ cases: [Case], name: String) -> (first: Int, top3: Int, misses: [String]) {
        var first = 0
        var top3 = 0
        var misses: [String] = []
        for item in cases {
            let answer = Self.asker.ask(item.question, language: nil, fallback: .en, limit: 3)
            let ids = answer.hits.map { Self.knowledge.topics[$0.topic].id }
            if let best = ids.first, item.ids.contains(best) {
                first += 1
            } else {
                misses.append("\(item.question) → \(ids.first ?? "nothing") (want \(item.ids[0]))")
            }
            if ids.contains(where: item.ids.contains) {
                top3 += 1
            } else {
                misses.append("NOT IN TOP 3: \(item.question) → \(ids)")
            }
        }
        let top1Rate = Double(first) / Double(max(1, cases.count))
        let top3Rate = Double(top3) / Double(max(1, cases.count))
        print(
            "coach ask \(name): \(cases.count) questions, top-1 \(first) (\(Int((top1Rate * 100).rounded())) %), "
                + "top-3 \(top3) (\(Int((top3Rate * 100).rounded())) %)")
        for miss in misses { print("  " + miss) }
        return (first, top3, misses)
    }

    @Test func answersAtLeastNineInTenFirstAndAllInTheTopThree() throws {
        let (cases, _) = try Self.load()
        #expect(cases.count >= 40)
        let (first, top3, misses) = Self.score(cases, name: "evaluation")
        let top1Rate = Double(first) / Double(cases.count)
        let top3Rate = Double(top3) / Double(cases.count)
        #expect(top1Rate >= 0.9, "top-1 \(top1Rate): \(misses)")
        #expect(top3 == cases.count, "top-3 \(top3Rate): \(misses)")
    }

    /// Questions written after the tuning and never used for it: an estimate of how
    /// the search generalises. Its bar (70 % top-1, 85 % top-3) was set before the
    /// set was first run.
    @Test func heldOutQuestionsGeneralise() throws {
        let (cases, noMatch) = try Self.load("ask-heldout.yaml")
        #expect(cases.count >= 30)
        let (first, top3, misses) = Self.score(cases, name: "held-out")
        #expect(Double(first) / Double(cases.count) >= 0.7, "\(misses)")
        #expect(Double(top3) / Double(cases.count) >= 0.85, "\(misses)")
        let found = noMatch.filter { !Self.asker.ask($0, language: nil, fallback: .en, limit: 3).hits.isEmpty }
        print("coach ask held-out: \(noMatch.count - found.count) of \(noMatch.count) outside questions find nothing")
        #expect(found.count <= 1, "\(found)")
    }

    @Test(arguments: ["ask-eval.yaml", "ask-heldout.yaml"])
    func questionsOutsideTheGuidanceFindNothing(file: String) throws {
        let (_, noMatch) = try Self.load(file)
        #expect(noMatch.count >= 4)
        for question in noMatch {
            let answer = Self.asker.ask(question, language: nil, fallback: .en, limit: 3)
            #expect(answer.hits.isEmpty, "\(question) → \(answer.hits.map { Self.knowledge.topics[$0.topic].id })")
        }
    }

    @Test func theQuestionsLanguageIsDetected() {
        let vocabulary = Self.knowledge.search
        #expect(Asker.language(of: "comment publier plus souvent", vocabulary: vocabulary, fallback: .en) == .fr)
        #expect(Asker.language(of: "how do I post more often", vocabulary: vocabulary, fallback: .fr) == .en)
        #expect(Asker.language(of: "régularité", vocabulary: vocabulary, fallback: .en) == .fr, "accents say French")
        #expect(
            Asker.language(of: "engagement", vocabulary: vocabulary, fallback: .fr) == .fr, "a tie keeps the fallback")
    }

    @Test func stemmingAndTyposMeetTheSameTerms() {
        let index = Self.asker.index
        let publier = Set(index.queryTerms("publier").keys)
        #expect(publier == Set(index.queryTerms("publications").keys))
        #expect(Set(index.queryTerms("engager").keys).isSubset(of: Set(index.queryTerms("engagement").keys)))
        #expect(index.queryTerms("engagment").keys.contains { index.queryTerms("engagement")[$0] != nil })
        #expect(SearchIndex.isOneEditAway(Array("calandrier"), Array("calendrier")))
        #expect(SearchIndex.isOneEditAway(Array("comunaute"), Array("communaute")))
        #expect(SearchIndex.isOneEditAway(Array("tpi"), Array("tip")), "two letters swapped")
        #expect(!SearchIndex.isOneEditAway(Array("audience"), Array("audiences2")))
    }

    /// A posting keeps a count for each field inline, in as many lanes as it has:
    /// a field added to the vocabulary must fit, and its counts be kept apart.
    @Test func aPostingCountsEveryFieldApart() {
        #expect(SearchIndex.FieldCounts.count <= 8)
        var counts = SearchIndex.FieldCounts()
        for field in counts.indices { counts[field] = field * 10 + 1 }
        #expect(counts.indices.map { counts[$0] } == counts.indices.map { $0 * 10 + 1 })
        counts[0] = Int.max
        #expect(counts[0] == SearchIndex.FieldCounts.maximum)
    }

    /// A term's postings read back from their one field as written, small numbers and
    /// large; a field that is not postings is refused.
    @Test func postingsReadBackAsWritten() throws {
        var counts = SearchIndex.FieldCounts()
        for field in counts.indices {
            counts[field] = [0, 1, 62, 63, 1_000, SearchIndex.FieldCounts.maximum][field % 6]
        }
        let list = SearchIndex.PostingList(postings: [
            SearchIndex.Posting(document: 3, counts: counts), SearchIndex.Posting(document: 70, counts: counts),
        ])
        var writer = SnapshotWriter()
        writer.write(list)
        let text = writer.take()
        let read = try Array(text.utf8).withUnsafeBufferPointer { bytes in
            var reader = SnapshotReader(bytes)
            return try reader.read(SearchIndex.PostingList.self)
        }
        #expect(read.postings.map(\.document) == [3, 70])
        #expect(read.postings.allSatisfy { $0.counts == counts })
        for damaged in [
            "x\u{1}", "000000\u{1}", "00000000\u{1}", "o12\u{1}", "o.000000\u{1}", "o99999999999.000000\u{1}",
        ] {
            #expect(throws: KnowledgeSnapshot.Failure.self, "\(damaged)") {
                try Array(damaged.utf8).withUnsafeBufferPointer { bytes in
                    var reader = SnapshotReader(bytes)
                    _ = try reader.read(SearchIndex.PostingList.self)
                }
            }
        }
    }

    /// A pasted page of made-up words is answered, not looked up word by word for
    /// typos forever: only its first words are read, and a few typos at most.
    @Test(.timeLimit(.minutes(1)))
    func aHugeQuestionIsAnswered() {
        var words: [String] = []
        var seed: UInt64 = 7
        for _ in 0..<120_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            words.append(String((0..<7).map { Character(Unicode.Scalar(UInt8(97 + (seed >> UInt64($0 * 5)) % 26))) }))
        }
        let question = words.joined(separator: " ")
        #expect(question.utf8.count > 900_000)
        let answer = Self.asker.ask(question, language: nil, fallback: .en, limit: 3)
        #expect(answer.hits.isEmpty)
        #expect(Self.asker.ask("  \n\t ?! 🙂 ", language: nil, fallback: .fr, limit: 3).hits.isEmpty)
    }

    @Test func theSameQuestionGetsTheSameAnswer() {
        let question = "engagment calandrier comunaute"
        let first = Self.asker.ask(question, language: nil, fallback: .en, limit: 3).hits
        for _ in 0..<5 { #expect(Self.asker.ask(question, language: nil, fallback: .en, limit: 3).hits == first) }
    }
}
