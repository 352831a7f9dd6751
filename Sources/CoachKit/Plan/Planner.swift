/// Builds plans and explains them: the library's entry point for advice.
public struct Planner: Sendable {
    public let engine: Engine

    public init(knowledge: KnowledgeBase) {
        engine = Engine(knowledge: knowledge)
    }

    public var knowledge: KnowledgeBase { engine.knowledge }

    /// The plan for `answers`, in `language`.
    public func plan(for answers: Answers, language: Language) -> Plan {
        plan(for: answers, evaluation: engine.evaluate(answers), language: language)
    }

    func plan(for answers: Answers, evaluation: Evaluation, language: Language) -> Plan {
        let knowledge = engine.knowledge
        let renderer = ValueRenderer(knowledge: knowledge, language: language)
        let explainer = Explainer(engine: engine, evaluation: evaluation)
        // Explanations name values as answers write them, the same in both languages.
        let plain = ValueRenderer(knowledge: knowledge, language: .en)
        var diagnosis: [Plan.DiagnosisItem] = []
        var actions: [Plan.Action] = []
        // Highest priority first; the order of the rules breaks ties.
        let ordered = evaluation.fired.sorted {
            (-knowledge.rules[$0].priority, $0) < (-knowledge.rules[$1].priority, $1)
        }
        // Each rule is read where it lies, field by field: a copy of each one fired
        // cost a tenth of re-planning 10 000 rules.
        let rules = knowledge.rules
        for index in ordered {
            let text = rules[index].text[language]
            let title = renderer.fill(text.title, values: evaluation.values)
            let detail = renderer.fill(text.detail, values: evaluation.values)
            if rules[index].isDiagnosis {
                diagnosis.append(
                    Plan.DiagnosisItem(id: rules[index].id, title: title, text: detail, source: rules[index].source))
            } else if let horizon = rules[index].horizon {
                actions.append(
                    Plan.Action(
                        id: rules[index].id, title: title, detail: detail, priority: rules[index].priority,
                        horizon: horizon, source: rules[index].source, rule: rules[index].id,
                        because: explainer.because(rule: index, renderer: plain)))
            }
        }
        let profile = knowledge.questions.compactMap { question in
            answers[question.id].map { (id: question.id, answer: $0) }
        }
        let facts = knowledge.facts.enumerated().compactMap { index, fact -> (id: String, value: Value)? in
            guard let value = evaluation.values[knowledge.questions.count + index], value != .none else { return nil }
            return (fact.id, value)
        }
        var name: String?
        if case .text(let text)? = answers["name"] { name = text }
        var plan = Plan(
            language: language, name: name, profile: profile, missing: evaluation.missing, facts: facts,
            diagnosis: diagnosis, actions: actions)
        PlanComposer(knowledge: knowledge, language: language, values: evaluation.values, firedRules: ordered)
            .compose(&plan)
        return plan
    }

    /// The questions a fact is computed from, in the interview's order.
    public func questions(behind fact: String) -> [String] {
        guard let index = knowledge.facts.firstIndex(where: { $0.id == fact }) else { return [] }
        let dependencies = Dependencies(knowledge: knowledge)
        let slot = knowledge.questions.count + index
        let expression = Expression(.variable(fact, slot: Int32(slot)), 0..<0)
        return dependencies.questions(of: expression).map { knowledge.questions[$0].id }
    }

    /// The ids of the rules waiting on `question`'s answer.
    public func rulesWaiting(on question: String, answers: Answers) -> [String] {
        guard let slot = knowledge.questions.firstIndex(where: { $0.id == question }) else { return [] }
        let evaluation = engine.evaluate(answers)
        return Interview(engine: engine, answers: answers, evaluation: evaluation).rulesWaiting(on: slot)
            .map { knowledge.rules[$0].id }
    }

    /// Why a rule is or is not in the plan: its status and each part of its
    /// condition, true, false or still unknown.
    public func explain(rule id: String, answers: Answers) -> RuleExplanation? {
        guard let index = knowledge.rules.firstIndex(where: { $0.id == id }) else { return nil }
        let evaluation = engine.evaluate(answers)
        return Explainer(engine: engine, evaluation: evaluation).explain(rule: index)
    }

    /// Why a knowledge entry's advice is or is not in the plan: the explanation of
    /// each rule drawing on it.
    public func explain(topic id: String, answers: Answers) -> [RuleExplanation] {
        let evaluation = engine.evaluate(answers)
        let explainer = Explainer(engine: engine, evaluation: evaluation)
        return knowledge.rules.indices.filter { knowledge.rules[$0].source == id }.map { explainer.explain(rule: $0) }
    }
}
