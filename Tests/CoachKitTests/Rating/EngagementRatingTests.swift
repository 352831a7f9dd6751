import Testing

@testable import CoachKit

/// `coach rate`: the rate on the right basis, compared only with a figure on the
/// same basis, for the account's size band where a report gives one.
@Suite("The engagement rate against published figures")
struct EngagementRatingTests {
    static let knowledge = shippedKnowledge
    static let platforms = knowledge.question("platforms")?.options.map(\.value) ?? []

    func rate(_ input: EngagementRating.Input) throws -> EngagementRating {
        try EngagementRating.rate(input, benchmarks: Self.knowledge.benchmarks, platforms: Self.platforms)
    }

    @Test func theBasisIsReachThenImpressionsThenFollowers() throws {
        let byFollowers = try rate(.init(followers: 1000, likes: 8, comments: 1, shares: 1))
        #expect(byFollowers.basis == .followers && byFollowers.rate == 1)
        let byImpressions = try rate(.init(followers: 1000, impressions: 500, likes: 8, comments: 1, shares: 1))
        #expect(byImpressions.basis == .impressions && byImpressions.rate == 2)
        let byReach = try rate(
            .init(followers: 1000, reach: 200, impressions: 500, likes: 8, comments: 1, shares: 1, saves: 2))
        #expect(byReach.basis == .reach && byReach.rate == 6)
    }

    @Test func aRateIsOnlyJudgedAgainstAFigureOnTheSameBasis() throws {
        let reach = try rate(
            .init(followers: 1000, reach: 200, likes: 8, comments: 1, shares: 1, platform: "instagram"))
        #expect(reach.benchmark == nil && reach.verdict == nil, "no published figure by reach")
        let impressions = try rate(
            .init(followers: 900, impressions: 1000, likes: 40, comments: 10, shares: 2, platform: "linkedin"))
        #expect(impressions.benchmark?.basis == .impressions && impressions.benchmark?.value == 5.2)
        let followers = try rate(.init(followers: 900, likes: 40, comments: 10, shares: 2, platform: "linkedin"))
        #expect(followers.benchmark == nil, "LinkedIn's figure is by impressions, never set against followers")
    }

    @Test func theVerdictUsesAQuarterEitherWay() throws {
        func verdict(_ likes: Double) throws -> Plan.Verdict? {
            try rate(.init(followers: 500, likes: likes, comments: 0, shares: 0, platform: "instagram", sizeBand: nil))
                .verdict
        }
        // Instagram, all brand accounts: 0.36 %; around is 0.27 % to 0.45 %.
        #expect(try verdict(1.3) == .below)  // 0.26 %
        #expect(try verdict(1.4) == .around)  // 0.28 %
        #expect(try verdict(2.2) == .around)  // 0.44 %
        #expect(try verdict(2.3) == .above)  // 0.46 %
    }

    @Test func theSizeBandFigureIsUsedWhereTheFollowersFallInOne() throws {
        let nano = try rate(.init(followers: 5000, likes: 80, comments: 5, shares: 4, platform: "instagram"))
        #expect(nano.band == "nano" && nano.benchmark?.value == 1.78)
        let none = try rate(
            .init(followers: 5000, likes: 80, comments: 5, shares: 4, platform: "instagram", sizeBand: nil))
        #expect(none.band == nil && none.benchmark?.value == 0.36)
        let between = try rate(.init(followers: 200_000, likes: 80, comments: 5, shares: 4, platform: "instagram"))
        #expect(between.band == nil && between.benchmark?.value == 0.36, "no published figure for that band")
    }

    @Test func badFiguresAreNamed() {
        #expect(throws: EngagementRating.Failure.zero("followers")) {
            try rate(.init(followers: 0, likes: 1, comments: 1, shares: 1))
        }
        #expect(throws: EngagementRating.Failure.negative("likes")) {
            try rate(.init(followers: 10, likes: -1, comments: 1, shares: 1))
        }
        #expect(throws: EngagementRating.Failure.notFinite("reach")) {
            try rate(.init(followers: 10, reach: .infinity, likes: 1, comments: 1, shares: 1))
        }
        #expect(throws: EngagementRating.Failure.noDenominator) {
            try rate(.init(followers: nil, likes: 1, comments: 1, shares: 1))
        }
        #expect(throws: EngagementRating.Failure.unknownPlatform("tiktk", suggestion: "tiktok")) {
            try rate(.init(followers: 10, likes: 1, comments: 1, shares: 1, platform: "tiktk"))
        }
    }

    @Test func everyOptionOfThePlatformsQuestionHasAFigureOrNone() {
        let benchmarks = Self.knowledge.benchmarks
        for platform in Self.platforms {
            #expect(
                benchmarks.figure(platform: platform, basis: .followers) != nil
                    || benchmarks.unpublished.contains(platform), "\(platform)")
        }
        for figure in benchmarks.figures {
            #expect(benchmarks.report(figure.report) != nil, "\(figure.report)")
            #expect(figure.value > 0 && figure.value < 100)
        }
    }
}
