import Testing

@testable import CoachKit

/// The knowledge base that ships: complete, clean, and the same from its YAML and
/// from the compact form the build prepares.
@Suite("The built-in knowledge")
struct BuiltInKnowledgeTests {
    static let topicIDs = [
        "concept.social_network", "concept.social_media", "concept.media_era", "concept.audience",
        "concept.community", "concept.social_media_manager", "concept.community_manager", "concept.engagement_rate",
        "tip.quality_content", "tip.interactivity", "tip.regularity", "tip.authenticity", "tip.analysis",
        "ingredient.active_engagement", "ingredient.added_value", "ingredient.recognition", "ingredient.feedback",
    ]

    /// SPEC "The interview: question ids": each id, its type, and its option values.
    static let questions: [(id: String, kind: Question.Kind, options: [String])] = [
        ("name", .text, []),
        ("objective", .choice, ["visibility", "relationships", "both"]),
        (
            "platforms", .multi,
            [
                "facebook", "instagram", "linkedin", "tiktok", "youtube", "x", "pinterest", "threads", "discord",
                "forum", "newsletter",
            ]
        ),
        ("followers", .number, []), ("posts_per_week", .number, []), ("has_calendar", .boolean, []),
        ("avg_likes", .number, []), ("avg_comments", .number, []), ("avg_shares", .number, []),
        ("formats", .multi, ["text", "photo", "video", "stories", "live", "polls"]),
        ("asks_questions", .boolean, []), ("replies_to_comments", .choice, ["always", "sometimes", "rarely"]),
        ("members_interact", .boolean, []), ("shows_behind_scenes", .boolean, []),
        ("uses_analytics", .choice, ["never", "sometimes", "monthly", "weekly"]),
        ("team", .choice, ["solo", "social_media_manager", "community_manager", "both"]),
        ("hours_per_week", .number, []), ("runs_events", .boolean, []), ("offers_exclusive_value", .boolean, []),
        ("recognizes_members", .boolean, []), ("collects_feedback", .boolean, []),
    ]

    @Test func itHasNoErrorAndNoWarning() {
        let report = KnowledgeLoader.loadBuiltIn(includingScenarios: true)
        #expect(report.diagnostics.map { $0.formatted(in: .en) } == [])
    }

    @Test func itHasEveryKnowledgeEntryOfTheSpec() throws {
        let knowledge = try KnowledgeBase.builtIn()
        #expect(Set(knowledge.topics.map(\.id)) == Set(Self.topicIDs))
        #expect(knowledge.topics.count == Self.topicIDs.count)
        for topic in knowledge.topics {
            for language in Language.allCases {
                let text = topic.text[language]
                #expect((3...6).contains(text.steps.count), "\(topic.id) \(language)")
                #expect(!text.keywords.isEmpty, "\(topic.id) \(language)")
                #expect(text.body.count > text.summary.count, "\(topic.id) \(language): the body explains more")
            }
            #expect(topic.text.fr.title != topic.text.en.title || topic.text.fr.summary != topic.text.en.summary)
            #expect(!topic.related.isEmpty, "\(topic.id)")
            #expect(knowledge.article.section(topic.source) != nil)
        }
    }

    @Test func topicsComeInTheArticlesOrder() throws {
        let knowledge = try KnowledgeBase.builtIn()
        #expect(
            knowledge.topics.filter { $0.kind == .tip }.map(\.id) == [
                "tip.quality_content", "tip.interactivity", "tip.regularity", "tip.authenticity", "tip.analysis",
            ])
        #expect(knowledge.topics.first?.kind == .concept && knowledge.topics.last?.kind == .ingredient)
    }

    @Test func itHasEveryQuestionOfTheSpecWithItsTypeAndOptions() throws {
        let knowledge = try KnowledgeBase.builtIn()
        for expected in Self.questions {
            let question = try #require(knowledge.question(expected.id), "\(expected.id)")
            #expect(question.kind == expected.kind, "\(expected.id)")
            #expect(question.options.map(\.value) == expected.options, "\(expected.id)")
            if question.kind == .number {
                #expect(question.minimum == 0, "\(expected.id) is a number ≥ 0")
            }
        }
        #expect(
            knowledge.questions.filter { !$0.isFromPosts }.count == Self.questions.count, "the rest come from posts")
        #expect(knowledge.question("name")?.isOptional == true)
        #expect(knowledge.question("posts_per_week")?.isInteger == false, "0.5 means every other week")
    }
}
