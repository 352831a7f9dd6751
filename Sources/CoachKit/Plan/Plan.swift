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

    /// The actions as the plan presents and numbers them: this week's first, then
    /// this month's, then this quarter's, each by priority. `/how N` counts this way.
    public var numberedActions: [Action] {
        Rule.Horizon.allCases.flatMap { horizon in actions.filter { $0.horizon == horizon } }
    }
}
