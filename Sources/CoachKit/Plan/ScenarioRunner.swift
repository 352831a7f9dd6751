/// Runs the knowledge authors' scenarios: each expectation the plan does not meet is
/// a diagnostic at the line that states it.
public struct ScenarioRunner: Sendable {
    let planner: Planner

    public init(knowledge: KnowledgeBase) {
        planner = Planner(knowledge: knowledge)
    }

    /// The failures of every scenario, in file order.
    public func run() -> [Diagnostic] {
        planner.knowledge.scenarios.flatMap(failures)
    }

    func failures(of scenario: Scenario) -> [Diagnostic] {
        let plan = planner.plan(for: scenario.answers, language: .en)
        let actions = Set(plan.actions.map(\.rule))
        let sources = Set(plan.actions.map(\.source))
        let diagnosis = Set(plan.diagnosis.map(\.id))
        let facts = Dictionary(plan.facts.map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        let renderer = ValueRenderer(knowledge: planner.knowledge, language: .en)
        return scenario.expectations.compactMap { expectation in
            let problem: Problem? =
                switch expectation.kind {
                case .action(let id): actions.contains(id) ? nil : .scenarioExpectsAction(id)
                case .noAction(let id): actions.contains(id) ? .scenarioForbidsAction(id) : nil
                case .source(let id): sources.contains(id) ? nil : .scenarioExpectsSource(id)
                case .noSource(let id): sources.contains(id) ? .scenarioForbidsSource(id) : nil
                case .diagnosis(let id): diagnosis.contains(id) ? nil : .scenarioExpectsDiagnosis(id)
                case .noDiagnosis(let id): diagnosis.contains(id) ? .scenarioForbidsDiagnosis(id) : nil
                case .missing(let id): plan.missing.contains(id) ? nil : .scenarioExpectsMissing(id)
                case .notMissing(let id): plan.missing.contains(id) ? .scenarioForbidsMissing(id) : nil
                case .fact(let id, let expected):
                    Self.matches(facts[id] ?? Value.none, expected)
                        ? nil
                        : .scenarioExpectsFact(
                            id, expected: renderer.plain(expected), found: renderer.plain(facts[id] ?? Value.none))
                }
            return problem.map { Diagnostic(.error, $0, at: expectation.location) }
        }
    }

    /// Numbers match to two decimals, as a scenario writes them.
    static func matches(_ found: Value, _ expected: Value) -> Bool {
        if case .number(let a) = found, case .number(let b) = expected { return abs(a - b) < 0.005 }
        return found == expected
    }
}
