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

/// Commands read only the parts of the built-in knowledge they use
/// (`KnowledgeBase.Parts`): each part must load alone, cleanly, and give what the whole
/// knowledge gives; a part left out must be empty, not half there.
@Suite("The built-in knowledge, in parts")
struct BuiltInKnowledgePartsTests {
    static let whole = shippedKnowledge
    static let subsets: [KnowledgeBase.Parts] = [
        [], .interview, .search, .metrics, [.interview, .metrics], [.search, .interview], .all,
    ]

    @Test(arguments: subsets)
    func eachPartLoadsAloneAndMatchesTheWhole(parts: KnowledgeBase.Parts) throws {
        let report = KnowledgeLoader.loadBuiltIn(includingScenarios: false, parts: parts)
        #expect(report.diagnostics.map { $0.formatted(in: .en) } == [])
        let knowledge = try #require(report.knowledge)
        let whole = Self.whole

        for language in Language.allCases {
            #expect(
                TopicsDocument.json(knowledge: knowledge, language: language).text()
                    == TopicsDocument.json(knowledge: whole, language: language).text())
        }

        #expect(knowledge.questions.isEmpty != parts.contains(.interview))
        #expect(knowledge.rules.isEmpty != parts.contains(.interview))
        #expect(knowledge.benchmarks.reports.isEmpty != parts.contains(.interview))
        if parts.contains(.interview) {
            #expect(
                QuestionsDocument.json(knowledge: knowledge, language: .fr).text()
                    == QuestionsDocument.json(knowledge: whole, language: .fr).text())
            #expect(knowledge.facts.map(\.id) == whole.facts.map(\.id))
            #expect(knowledge.rules.map(\.id) == whole.rules.map(\.id))
            for scenario in whole.scenarios.prefix(4) {
                let plan = Planner(knowledge: knowledge).plan(for: scenario.answers, language: .fr)
                let wholePlan = Planner(knowledge: whole).plan(for: scenario.answers, language: .fr)
                #expect(
                    PlanDocument.json(plan, knowledge: knowledge, date: "2026-11-27").text()
                        == PlanDocument.json(wholePlan, knowledge: whole, date: "2026-11-27").text(),
                    "\(scenario.name)")
            }
        }

        #expect(knowledge.search.synonyms.isEmpty != parts.contains(.search))
        if parts.contains(.search) {
            for question in ["comment avoir plus de commentaires", "what is a community manager"] {
                let answer = Asker(knowledge: knowledge).ask(question, language: nil, fallback: .en, limit: 3)
                let wholeAnswer = Asker(knowledge: whole).ask(question, language: nil, fallback: .en, limit: 3)
                #expect(
                    AskDocument.json(answer, knowledge: knowledge).text()
                        == AskDocument.json(wholeAnswer, knowledge: whole).text())
            }
        }

        #expect(knowledge.metrics.headers.isEmpty != parts.contains(.metrics))
        #expect(knowledge.metrics.headers == (parts.contains(.metrics) ? whole.metrics.headers : [:]))
        #expect(knowledge.metrics.formats == (parts.contains(.metrics) ? whole.metrics.formats : [:]))
    }

    /// The shell reads the search vocabulary and the metrics when first needed.
    @Test func partsAddedLaterAreTheWholeKnowledgesOwn() throws {
        let whole = Self.whole
        #expect(whole.parts == .all)
        let topicsOnly = try KnowledgeBase.builtIn([])
        #expect(topicsOnly.parts == [])

        let withSearch = try topicsOnly.adding(.search)
        #expect(withSearch.parts == .search)
        let question = "comment avoir plus de commentaires"
        let answer = Asker(knowledge: withSearch).ask(question, language: nil, fallback: .en, limit: 3)
        let wholeAnswer = Asker(knowledge: whole).ask(question, language: nil, fallback: .en, limit: 3)
        #expect(
            AskDocument.json(answer, knowledge: withSearch).text()
                == AskDocument.json(wholeAnswer, knowledge: whole).text())
        #expect(withSearch.metrics.headers.isEmpty && withSearch.rules.isEmpty)

        let withAll = try withSearch.adding([.metrics, .interview])
        #expect(withAll.parts == .all)
        #expect(withAll.metrics.headers == whole.metrics.headers)
        #expect(withAll.rules.map(\.id) == whole.rules.map(\.id))
        #expect(withAll.search.synonyms == whole.search.synonyms)
    }

    @Test func everyFileBelongsToItsPart() {
        #expect(KnowledgeLoader.part(of: "sources.yaml") == nil)
        #expect(KnowledgeLoader.part(of: "topics/concept.audience.yaml") == nil)
        #expect(KnowledgeLoader.part(of: "rules/roles.yaml") == .interview)
        #expect(KnowledgeLoader.part(of: "questions.yaml") == .interview)
        #expect(KnowledgeLoader.part(of: "search.yaml") == .search)
        #expect(KnowledgeLoader.part(of: "metrics.yaml") == .metrics)
        // Every shipped file outside the article, the topics and the scenarios is in a part.
        let unparted = EmbeddedFile.files(in: "knowledge").map(\.path).filter {
            KnowledgeLoader.part(of: $0) == nil && $0 != "sources.yaml" && !$0.hasPrefix("topics/")
                && !$0.hasPrefix("scenarios/")
        }
        #expect(unparted == [])
    }
}
