import CoachKit
import Testing

@testable import coach

/// The snapshot `coach` starts from (Sources/coach/BuiltInSnapshot.swift) must be of
/// the knowledge it embeds: after a change to knowledge/, the coach reads the YAML,
/// slower, until `make snapshot` writes it again.
@Suite("The built-in knowledge's snapshot")
struct BuiltInSnapshotTests {
    @Test func isOfTheKnowledgeTheCoachEmbeds() throws {
        let report = KnowledgeLoader.loadBuiltIn(includingScenarios: false)
        let knowledge = try #require(report.knowledge)
        let expected = try KnowledgeSnapshot.text(of: knowledge)
        let committed = builtInSnapshot.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        #expect(committed == expected, "Sources/coach/BuiltInSnapshot.swift is out of date: run make snapshot")
    }

    @Test func isWhatTheCoachStartsFrom() throws {
        let read = try BuiltInKnowledge.load(.all)
        let loaded = try KnowledgeBase.builtIn()
        #expect(try KnowledgeSnapshot.text(of: read) == KnowledgeSnapshot.text(of: loaded))
        let interview = try BuiltInKnowledge.load(.interview)
        #expect(interview.parts == .interview && interview.search.synonyms.isEmpty)
        let added = try BuiltInKnowledge.adding(.search, to: interview)
        #expect(added.parts == [.interview, .search])
        #expect(added.search.synonyms == loaded.search.synonyms)
    }
}
