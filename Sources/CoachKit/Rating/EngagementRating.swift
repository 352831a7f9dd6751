/// `coach rate`: an engagement rate from given figures, set against the published
/// figure for the same platform and basis (and size band, where a report gives one).
public struct EngagementRating: Sendable {
    /// The figures of an account's recent posts, per post.
    public struct Input: Sendable {
        public var followers: Double?
        public var reach: Double?
        public var impressions: Double?
        public var likes: Double
        public var comments: Double
        public var shares: Double
        public var saves: Double?
        public var platform: String?
        /// `auto` (from the followers), a band's id, or nil for no band.
        public var sizeBand: String?

        public init(
            followers: Double?, reach: Double? = nil, impressions: Double? = nil, likes: Double, comments: Double,
            shares: Double, saves: Double? = nil, platform: String? = nil, sizeBand: String? = "auto"
        ) {
            self.followers = followers
            self.reach = reach
            self.impressions = impressions
            self.likes = likes
            self.comments = comments
            self.shares = shares
            self.saves = saves
            self.platform = platform
            self.sizeBand = sizeBand
        }
    }

    /// What makes figures unusable, named by the option that holds them.
    public enum Failure: Error, Sendable, Equatable {
        case notFinite(String)
        case negative(String)
        /// No positive denominator: followers, reach or impressions.
        case noDenominator
        case zero(String)
        case unknownPlatform(String, suggestion: String?)
        case unknownBand(String, suggestion: String?)
    }

    /// In percent: interactions for every hundred followers, people reached or impressions.
    public var rate: Double
    public var basis: Benchmarks.Basis
    public var interactions: Double
    public var denominator: Double
    public var platform: String?
    /// The size band the figure is for, when one was used.
    public var band: String?
    public var benchmark: Benchmarks.Figure?
    public var report: Benchmarks.Report?
    public var verdict: Plan.Verdict?
    public var tolerance: Double

    /// Rates `input` against `benchmarks`; the rate is by reach when reach is given,
    /// else by impressions, else by followers, and is only ever compared with a
    /// figure on the same basis.
    public static func rate(
        _ input: Input, benchmarks: Benchmarks, platforms: [String]
    ) throws(Failure) -> EngagementRating {
        let values: [(String, Double?)] = [
            ("followers", input.followers), ("reach", input.reach), ("impressions", input.impressions),
            ("likes", input.likes), ("comments", input.comments), ("shares", input.shares), ("saves", input.saves),
        ]
        for (name, value) in values {
            guard let value else { continue }
            if !value.isFinite { throw .notFinite(name) }
            if value < 0 { throw .negative(name) }
        }
        if let platform = input.platform, !platforms.contains(platform) {
            throw .unknownPlatform(platform, suggestion: Suggestion.closest(to: platform, among: platforms))
        }
        let basis: Benchmarks.Basis
        let denominator: Double
        if let reach = input.reach {
            (basis, denominator) = (.reach, reach)
        } else if let impressions = input.impressions {
            (basis, denominator) = (.impressions, impressions)
        } else if let followers = input.followers {
            (basis, denominator) = (.followers, followers)
        } else {
            throw .noDenominator
        }
        guard denominator > 0 else { throw .zero(basis.rawValue) }
        let interactions = input.likes + input.comments + input.shares + (input.saves ?? 0)
        let rate = interactions / denominator * 100
        guard rate.isFinite else { throw .notFinite(basis.rawValue) }

        var band: String?
        switch input.sizeBand {
        case nil: break
        case "auto"?: band = input.followers.flatMap { benchmarks.band(for: $0)?.id }
        case let name?:
            let names = benchmarks.sizeBands.map(\.id)
            guard names.contains(name) else {
                throw .unknownBand(name, suggestion: Suggestion.closest(to: name, among: names + ["auto"]))
            }
            band = name
        }
        var rating = EngagementRating(
            rate: rate, basis: basis, interactions: interactions, denominator: denominator, platform: input.platform,
            band: nil, benchmark: nil, report: nil, verdict: nil, tolerance: benchmarks.around)
        guard let platform = input.platform else { return rating }
        guard let figure = benchmarks.figure(platform: platform, basis: basis, preferring: band) else { return rating }
        rating.band = figure.band
        rating.benchmark = figure
        rating.report = benchmarks.report(figure.report)
        rating.verdict = benchmarks.verdict(for: rate, against: figure)
        return rating
    }
}
