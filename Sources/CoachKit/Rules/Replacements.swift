/// For each rule that fired, the rule in the plan that replaced it, if any: a table
/// by rule, made at the first replacement (most plans have a few, most rules none).
///
/// Read as the dictionary it replaces was (`evaluation.supersededBy[rule]`): a table
/// rather than a `[Int: Int]`, whose first use in a process looked up `Int: Hashable`
/// through the binary's conformance records.
public struct Replacements: Sendable, Equatable {
    private let ruleCount: Int
    private var winners: [Int?] = []

    init(ruleCount: Int) { self.ruleCount = ruleCount }

    /// The rule that replaced rule `rule`; nil if none did, or if there is no such
    /// rule.
    public internal(set) subscript(rule: Int) -> Int? {
        get { winners.indices.contains(rule) ? winners[rule] : nil }
        set {
            precondition((0..<ruleCount).contains(rule), "no rule \(rule)")
            if winners.isEmpty { winners = [Int?](repeating: nil, count: ruleCount) }
            winners[rule] = newValue
        }
    }
}
