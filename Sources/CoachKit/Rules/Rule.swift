/// A rule of the knowledge base: when its condition holds, the plan gets an action
/// (or, for a diagnosis rule, an item of the diagnosis).
public struct Rule: Sendable, Identifiable {
    /// When an action should be done.
    public enum Horizon: String, Sendable, CaseIterable, Codable {
        case thisWeek = "this_week"
        case thisMonth = "this_month"
        case thisQuarter = "this_quarter"
    }

    /// What the rule says, in one language; `{id}` placeholders quote answers and facts.
    public struct Text: Sendable, Equatable {
        public var title: String
        public var detail: String
    }

    public var id: String
    public var isDiagnosis: Bool
    /// From the built-in knowledge, made when read (`Deferred`): the engine reads its
    /// program (`Program`), explanations read the tree.
    public var condition: Expression {
        get { deferredCondition.value }
        set { deferredCondition.value = newValue }
    }
    var deferredCondition: Deferred<Expression>
    /// The condition as written, for explanations.
    public var conditionText: String {
        get { deferredConditionText.value }
        set { deferredConditionText.value = newValue }
    }
    var deferredConditionText: Deferred<String>
    /// 0 to 100: the plan lists higher priorities first.
    public var priority: Int
    /// Nil for diagnosis rules.
    public var horizon: Horizon?
    /// The knowledge entry the advice comes from.
    public var source: String
    /// Rules this one replaces when both fire.
    public var supersedes: [String]
    /// The published reports behind figures the rule quotes (ids in `benchmarks.yaml`).
    public var reports: [String] = []
    /// Read only for the rules in the plan: from the built-in knowledge, the wording
    /// and the condition as written are made when read (`Deferred`).
    public var text: Localized<Text> {
        get { deferredText.value }
        set { deferredText.value = newValue }
    }
    var deferredText: Deferred<Localized<Text>>
}
