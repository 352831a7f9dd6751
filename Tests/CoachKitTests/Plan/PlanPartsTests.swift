import Foundation
import Testing

@testable import CoachKit

/// The parts of the plan beyond the rules: the engagement rate against its
/// benchmark, the weekly rhythm, the indicators and the summary.
@Suite("The plan's summary, benchmark, rhythm and indicators")
struct PlanPartsTests {
    static let knowledge = shippedKnowledge

    func plan(_ answers: [String: Answers.Answer], language: Language = .en) -> Plan {
        Planner(knowledge: Self.knowledge).plan(for: Answers(answers), language: language)
    }

    /// Under 1 000 followers, no size band's figure applies.
    func rated(_ platform: String, likes: Double, followers: Double = 500) -> Plan {
        plan([
            "platforms": .multi([platform]), "followers": .number(followers), "avg_likes": .number(likes),
            "avg_comments": .number(0), "avg_shares": .number(0),
        ])
    }

    @Test func theRateIsJudgedAgainstEachPlatformsFigureByFollowers() throws {
        // Instagram's published median by followers is 0.36 %; "around" is within 25 %.
        #expect(rated("instagram", likes: 1).engagement?.comparisons.first?.verdict == .below)  // 0.2 %
        #expect(rated("instagram", likes: 1.75).engagement?.comparisons.first?.verdict == .around)  // 0.35 %
        #expect(rated("instagram", likes: 2.2).engagement?.comparisons.first?.verdict == .around)  // 0.44 %
        #expect(rated("instagram", likes: 2.3).engagement?.comparisons.first?.verdict == .above)  // 0.46 %
        let comparison = try #require(rated("instagram", likes: 1).engagement?.comparisons.first)
        #expect(comparison.benchmark.platform == "instagram" && comparison.benchmark.value == 0.36)
        #expect(comparison.report.year == 2025)

        let both = try #require(
            plan([
                "platforms": .multi(["facebook", "instagram", "youtube"]), "followers": .number(500),
                "avg_likes": .number(1), "avg_comments": .number(0), "avg_shares": .number(0),
            ]).engagement)
        #expect(both.comparisons.map(\.benchmark.platform) == ["facebook", "instagram"])
        #expect(both.comparisons.map(\.verdict) == [.above, .below], "0.2 % against 0.063 % and 0.36 %")
        #expect(both.unpublished == ["youtube"])
        let sentence = PlanWording(knowledge: Self.knowledge, language: .en).engagement(both)
        #expect(sentence.contains("is above the median of 0.063% that Rival IQ (2024) reports"), "\(sentence)")
        #expect(sentence.contains(", and below the median of 0.36%"), "\(sentence)")
    }

    @Test func aSizeBandsFigureIsUsedWhereTheFollowersFallInOne() throws {
        let engagement = try #require(rated("instagram", likes: 20, followers: 5000).engagement)
        #expect(engagement.comparisons.first?.benchmark.band == "nano")
        #expect(engagement.comparisons.first?.benchmark.value == 1.78)
    }

    @Test func withoutAPublishedFigureThereIsNoVerdict() throws {
        let engagement = try #require(rated("linkedin", likes: 20).engagement)
        #expect(engagement.comparisons.isEmpty && engagement.unpublished == ["linkedin"])
        let sentence = PlanWording(knowledge: Self.knowledge, language: .en).engagement(engagement)
        #expect(sentence.contains("no published figure by followers was found for LinkedIn"))
        #expect(
            plan(["followers": .number(0), "avg_likes": .number(1)]).engagement == nil, "no rate without followers")
    }

    @Test func theRhythmIsSizedToTheTimeAvailable() throws {
        let base: [String: Answers.Answer] = [
            "platforms": .multi(["instagram", "tiktok", "linkedin"]), "posts_per_week": .number(1),
            "has_calendar": .boolean(false), "formats": .multi(["photo", "video"]),
        ]
        var answers = base
        answers["hours_per_week"] = .number(2)
        let small = try #require(plan(answers).rhythm)
        #expect(small.postsPerWeek == 2, "one more, which two hours allow")
        #expect(small.platforms == ["instagram"], "two posts are not spread over three platforms")
        #expect(small.slots.map(\.day) == [.tuesday, .thursday])
        #expect(small.slots.allSatisfy { ["photo", "video"].contains($0.format) })

        answers["posts_per_week"] = .number(0.5)
        #expect(plan(answers).rhythm?.postsPerWeek == 1, "every other week becomes once a week first")

        answers["hours_per_week"] = .number(10)
        answers["posts_per_week"] = .number(5)
        let large = try #require(plan(answers).rhythm)
        #expect(large.postsPerWeek == 5)
        #expect(large.platforms == ["instagram", "tiktok"], "two posts each at least")
        #expect(large.slots.map(\.day) == [.monday, .tuesday, .wednesday, .thursday, .saturday])
        #expect(large.slots.filter { $0.platform == "tiktok" }.allSatisfy { $0.format == "video" })

        answers["hours_per_week"] = .number(0.5)
        #expect(plan(answers).rhythm?.postsPerWeek == 1, "never less than one post")
    }

    @Test func noRhythmWhenRegularityIsInHand() {
        #expect(
            plan([
                "platforms": .multi(["instagram"]), "posts_per_week": .number(4), "has_calendar": .boolean(true),
                "hours_per_week": .number(6),
            ]).rhythm == nil)
        #expect(plan(["posts_per_week": .number(1), "has_calendar": .boolean(false)]).rhythm == nil, "no platform yet")
    }

    @Test func indicatorsShowTodaysValueAndATarget() throws {
        let plan = plan([
            "followers": .number(1000), "avg_likes": .number(4), "avg_comments": .number(1), "avg_shares": .number(0),
            "posts_per_week": .number(1), "hours_per_week": .number(4), "asks_questions": .boolean(false),
        ])
        let rate = try #require(plan.indicators.first { $0.id == "engagement_rate" })
        #expect(rate.now == .number(0.5) && rate.target == 1)
        let comments = try #require(plan.indicators.first { $0.id == "comments_per_post" })
        #expect(comments.target == 2)
        let posts = try #require(plan.indicators.first { $0.id == "posts_per_week" })
        #expect(posts.target == 2)
        let wording = PlanWording(knowledge: Self.knowledge, language: .fr)
        let reacting = try #require(plan.indicators.first { $0.id == "posts_inviting_reaction" })
        #expect(wording.now(reacting) == "non" || wording.now(reacting) == "Non")
        #expect(wording.now(try #require(plan.indicators.first { $0.id == "analytics_review" })) == "à mesurer")
        #expect(!plan.indicators.contains { $0.id == "member_conversations" }, "shown only for relationships")
    }

    @Test func theSummarySaysWhereTheUserStandsAndWhatMattersMost() throws {
        let plan = plan(
            [
                "objective": .choice("visibility"), "platforms": .multi(["instagram"]),
                "members_interact": .boolean(false), "posts_per_week": .number(0),
            ], language: .fr)
        let sentences = plan.summary.components(separatedBy: ". ")
        #expect(sentences.count <= 3)
        #expect(plan.summary.hasPrefix("Vous misez surtout sur la diffusion"))
        #expect(plan.summary.contains(", et vos abonnés regardent encore"))
        let number = try #require(plan.numberedActions.firstIndex(of: plan.actions[0])) + 1
        #expect(plan.summary.contains("L'essentiel pour l'instant : \(number)) \(plan.actions[0].title) ; "))
    }

    @Test func theFirstSentenceOfASummary() {
        #expect(PlanComposer.firstSentence(of: "One. Two.") == "One.")
        #expect(PlanComposer.firstSentence(of: "Up 3.5 times. Then") == "Up 3.5 times.")
        #expect(PlanComposer.firstSentence(of: "Only one") == "Only one")
        #expect(PlanComposer.firstSentence(of: "Déjà vu ? Écoutez. Puis") == "Déjà vu ?")
        #expect(PlanComposer.firstSentence(of: "Wait! no. Yes. No") == "Wait! no.")
        #expect(PlanComposer.firstSentence(of: "Ends here.") == "Ends here.")
        #expect(PlanComposer.firstSentence(of: "Trailing. ") == "Trailing. ")
        #expect(PlanComposer.firstSentence(of: ". A") == ".")
        #expect(PlanComposer.firstSentence(of: "e.g. this. Ω then") == "e.g. this.")
    }
}
