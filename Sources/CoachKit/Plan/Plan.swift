/// The tailored plan for one profile: what the coach sees, and what to do about it.
public struct Plan: Sendable {
    /// An item of the diagnosis.
    public struct DiagnosisItem: Sendable, Equatable {
        public var id: String
        public var title: String
        public var text: String
        /// The knowledge entry it comes from.
        public var source: String
    }

    /// An action to take.
    public struct Action: Sendable, Equatable {
        public var id: String
        public var title: String
        public var detail: String
        public var priority: Int
        public var horizon: Rule.Horizon
        public var source: String
        public var rule: String
        /// The answers and facts that made the rule's condition true, as `id = value`.
        public var because: [String]
    }

    public var language: Language
    /// The organisation's name, when given.
    public var name: String?
    /// The answers, in the order of the questions.
    public var profile: [(id: String, answer: Answers.Answer)]
    /// The questions that can still change the plan, in the order they would be asked.
    public var missing: [String]
    /// The derived facts that have a value.
    public var facts: [(id: String, value: Value)]
    public var diagnosis: [DiagnosisItem]
    /// Highest priority first.
    public var actions: [Action]
    /// Two or three sentences: where the user stands and what matters most.
    public var summary: String = ""
    /// The engagement rate against the published figure for the main platform.
    public var engagement: Engagement?
    /// The weekly publishing rhythm, when regularity matters.
    public var rhythm: Rhythm?
    public var indicators: [Indicator] = []
    /// The knowledge entries the plan draws on, in the knowledge base's order.
    public var concepts: [Concept] = []
    /// The article's sections and the published reports behind the plan.
    public var sources: [Source] = []

    /// How an engagement rate compares with a benchmark.
    public enum Verdict: String, Sendable {
        case below, around, above
    }

    /// The rate set against one published figure.
    public struct Comparison: Sendable {
        public var benchmark: Benchmarks.Figure
        public var report: Benchmarks.Report
        public var verdict: Verdict
    }

    public struct Engagement: Sendable {
        /// Interactions per post for every hundred followers: a rate by followers.
        public var rate: Double
        /// Against the published figure by followers of each of the user's platforms
        /// that has one. The answers do not say on which platform the followers
        /// were counted, so the coach sets the rate against each rather than guess.
        public var comparisons: [Comparison]
        /// The user's platforms with no published figure by followers.
        public var unpublished: [String]
        /// The share of a benchmark within which the rate is "around" it.
        public var tolerance: Double
    }

    /// One post of the weekly rhythm.
    public struct Slot: Sendable, Equatable {
        public var day: Weekday
        public var platform: String
        public var format: String
        public var purpose: String
    }

    public struct Rhythm: Sendable {
        public var postsPerWeek: Int
        public var platforms: [String]
        public var slots: [Slot]
        public var hoursPerWeek: Double?
        public var source: String
    }

    public struct Indicator: Sendable {
        public var id: String
        public var title: String
        /// The value today, when known.
        public var now: Value?
        public var target: Double?
        public var unit: PlanGuide.Indicator.Unit
        /// What to aim for and why.
        public var note: String
        public var source: String
    }

    public struct Concept: Sendable, Equatable {
        public var id: String
        public var title: String
        /// The entry in one sentence.
        public var text: String
    }

    public struct Source: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case section, report
        }

        public var kind: Kind
        public var id: String
        public var title: String
        /// For a report: its publisher, year and address, and whether it was read at the source.
        public var publisher: String?
        public var year: Int?
        public var url: String?
        public var readAtSource: Bool?
    }

    /// The actions as the plan presents and numbers them: this week's first, then
    /// this month's, then this quarter's, each by priority. `/how N` counts this way.
    public var numberedActions: [Action] {
        numberedOrder.map { actions[$0] }
    }

    /// The places in `actions` of the actions in the order `numberedActions` gives
    /// them: what a summary needs of it, without a copy of every action (a plan of
    /// 10 000 rules has hundreds).
    var numberedOrder: [Int] {
        Rule.Horizon.allCases.flatMap { horizon in actions.indices.filter { actions[$0].horizon == horizon } }
    }
}
