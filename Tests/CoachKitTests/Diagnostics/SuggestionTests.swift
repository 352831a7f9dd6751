import Testing

@testable import CoachKit

@Suite("Did you mean …?")
struct SuggestionTests {
    @Test func theClosestCandidateWins() {
        #expect(Suggestion.closest(to: "titel", among: ["title", "summary", "body"]) == "title")
        #expect(Suggestion.closest(to: "post_per_week", among: ["posts_per_week", "followers"]) == "posts_per_week")
        #expect(Suggestion.closest(to: "visibilty", among: ["visibility", "relationships", "both"]) == "visibility")
        #expect(Suggestion.closest(to: "Summary", among: ["summary"]) == "summary")
    }

    @Test func farOffNamesGetNoSuggestion() {
        #expect(Suggestion.closest(to: "zzz", among: ["title", "summary"]) == nil)
        #expect(Suggestion.closest(to: "colour", among: ["body"]) == nil)
        #expect(Suggestion.closest(to: "x", among: []) == nil)
    }

    @Test func swapsCountOnce() {
        #expect(Suggestion.editDistance(Array("ab"), Array("ba"), limit: 3) == 1)
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting"), limit: 3) == 3)
        #expect(Suggestion.editDistance(Array("abc"), Array("abcdefgh"), limit: 2) == 3, "gives up past the limit")
    }
}
