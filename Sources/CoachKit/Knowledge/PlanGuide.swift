/// How the plan document is put together beyond the rules (`knowledge/plan.yaml`):
/// the clauses of its opening summary, its weekly publishing rhythm and the
/// indicators it asks the user to follow.
public struct PlanGuide: Sendable {
    /// For a fact, the clause that says where the user stands, by the fact's value.
    public struct SummaryClauses: Sendable {
        public var fact: String
        public var clauses: [String: Localized<String>]
    }

    public struct Rhythm: Sendable {
        /// What a post of the rhythm is for.
        public struct Purpose: Sendable {
            public var id: String
            public var condition: Expression?
            public var source: String
            public var label: Localized<String>
        }

        /// When regularity matters enough for the plan to hold a rhythm.
        public var condition: Expression
        /// How many posts a week the rhythm holds.
        public var posts: Expression
        /// The fewest posts a week a platform gets, or it is left out.
        public var postsPerPlatform: Int
        public var source: String
        /// The order in which days are filled.
        public var days: [Weekday]
        /// The formats that suit each platform, best first.
        public var formats: [String: [String]]
        public var purposes: [Purpose]
    }

    public struct Indicator: Sendable {
        public enum Unit: String, Sendable, CaseIterable {
            case percent, number
        }

        public struct Text: Sendable {
            public var title: String
            /// What to aim for and why, in one sentence.
            public var target: String
        }

        public var id: String
        public var condition: Expression?
        /// The value today, when it can be known.
        public var now: Expression?
        /// The number to reach, when there is one.
        public var target: Expression?
        public var unit: Unit
        public var source: String
        /// The published reports behind the target.
        public var reports: [String]
        public var text: Localized<Text>
    }

    /// In the order the summary says them: the first is the sentence's main clause.
    public var summary: [SummaryClauses] = []
    public var rhythm: Rhythm?
    public var indicators: [Indicator] = []
}

/// The days of the week, Monday first.
public enum Weekday: String, Sendable, CaseIterable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Published engagement figures and the reports they come from
/// (`knowledge/benchmarks.yaml`). Only figures found in published material.
public struct Benchmarks: Sendable {
    public struct Report: Sendable {
        public var id: String
        public var title: String
        public var publisher: String
        /// The year of publication.
        public var year: Int
        /// The year the data covers, when the report says.
        public var dataYear: Int?
        public var url: String
        /// Read on the publisher's own page, rather than through a copy or a summary.
        public var readAtSource: Bool
    }

    /// What the interactions are divided by.
    public enum Basis: String, Sendable, CaseIterable {
        case followers, reach, impressions
    }

    public enum Statistic: String, Sendable, CaseIterable {
        case median, average
    }

    public struct Figure: Sendable {
        public var platform: String
        public var basis: Basis
        public var statistic: Statistic
        /// In percent.
        public var value: Double
        public var report: String
        /// Whose accounts the figure describes.
        public var population: Localized<String>
        /// The size band of accounts it describes, when the report gives one.
        public var band: String? = nil
        /// What the report counts as interactions (likes, comments, shares, saves,
        /// clicks…), when it says.
        public var counted: [String] = []
    }

    /// Accounts by follower count, as a report groups them.
    public struct SizeBand: Sendable {
        public var id: String
        /// From `minimum` followers, up to but not including `maximum` (none: no limit).
        public var minimum: Double
        public var maximum: Double?

        public func contains(_ followers: Double) -> Bool {
            followers >= minimum && maximum.map { followers < $0 } != false
        }
    }

    /// Within this share of a benchmark, on either side, a rate is "around" it.
    public var around: Double = 0.25
    public var reports: [Report] = []
    public var figures: [Figure] = []
    /// Platforms for which no published figure was found.
    public var unpublished: [String] = []
    public var sizeBands: [SizeBand] = []
    /// What a verdict means and what to do, one line per verdict (`below`, `around`,
    /// `above`) and for no figure (`none`).
    public var advice: [String: Localized<String>] = [:]

    public func report(_ id: String) -> Report? {
        reports.first { $0.id == id }
    }

    /// The figure for all accounts of a platform on a basis (not one size band's).
    public func figure(platform: String, basis: Basis) -> Figure? {
        figures.first { $0.platform == platform && $0.basis == basis && $0.band == nil }
    }

    /// The figure for accounts of `band` on a platform and basis, when a report gives one.
    public func figure(platform: String, basis: Basis, band: String) -> Figure? {
        figures.first { $0.platform == platform && $0.basis == basis && $0.band == band }
    }

    /// The figure to set a rate against: the one for the account's size band where a
    /// report gives one, else the one for all accounts; nil when neither exists or
    /// the figure is 0.
    public func figure(platform: String, basis: Basis, preferring band: String?) -> Figure? {
        let found =
            band.flatMap { self.figure(platform: platform, basis: basis, band: $0) }
            ?? self.figure(platform: platform, basis: basis)
        return found.flatMap { $0.value > 0 ? $0 : nil }
    }

    /// `rate` against `figure`: around within `around` of it either way.
    public func verdict(for rate: Double, against figure: Figure) -> Plan.Verdict {
        rate < figure.value * (1 - around) ? .below : rate > figure.value * (1 + around) ? .above : .around
    }

    /// The size band `followers` falls in, among those some figure uses.
    public func band(for followers: Double) -> SizeBand? {
        sizeBands.first { $0.contains(followers) }
    }
}
