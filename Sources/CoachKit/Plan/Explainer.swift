/// Why a rule is or is not in the plan.
public struct RuleExplanation: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// In the plan.
        case fired
        /// Its condition holds, but a rule that replaces it is in the plan.
        case superseded(by: String)
        /// Its condition is false.
        case failed
        /// Its condition hangs on questions not answered yet.
        case pending
    }

    /// One part of the condition (a term of its top-level `and`).
    public struct Condition: Sendable, Equatable {
        /// As written in the rule.
        public var text: String
        /// True, false, or nil while unknown.
        public var truth: Bool?
        /// The questions it waits on, when unknown.
        public var waitingOn: [String]
    }

    public var rule: String
    public var status: Status
    public var conditions: [Condition]
}

struct Explainer {
    let engine: Engine
    let evaluation: Evaluation

    private var knowledge: KnowledgeBase { engine.knowledge }

    func explain(rule index: Int) -> RuleExplanation {
        let rule = knowledge.rules[index]
        let status: RuleExplanation.Status
        if let winner = evaluation.supersededBy[index] {
            status = .superseded(by: knowledge.rules[winner].id)
        } else {
            switch evaluation.outcomes[index] {
            case true?: status = .fired
            case false?: status = .failed
            case nil: status = .pending
            }
        }
        let source = SourceText(text: rule.conditionText, file: "", position: nil, style: .plain)
        // The terms as written, from the tree; their truth and what they wait on,
        // from the engine, in the same order.
        let conditions = zip(Self.conjuncts(of: rule.condition), engine.terms(ofRule: index, evaluation.values)).map {
            part, term in
            RuleExplanation.Condition(
                text: source.excerpt(part.range), truth: term.truth,
                waitingOn: term.unknowns.map { knowledge.questions[$0].id })
        }
        return RuleExplanation(rule: rule.id, status: status, conditions: conditions)
    }

    /// The terms of a top-level `and`, or the whole condition, in the order of
    /// `Engine.terms(ofRule:_:)`.
    static func conjuncts(of expression: Expression) -> [Expression] {
        if case .and(let a, let b) = expression.node { return conjuncts(of: a) + conjuncts(of: b) }
        return [expression]
    }

    /// The answers and facts that made a fired rule's condition true, as `id = value`,
    /// in the order the condition names them (`Engine.support(ofRule:_:)`).
    ///
    /// `renderer` writes the values; a plan asks for hundreds of explanations, and
    /// passes the same one to each.
    func because(rule index: Int, renderer: ValueRenderer) -> [String] {
        engine.support(ofRule: index, evaluation.values).map { slot in
            // Made in one text sized once, rather than one text for each `+`.
            let name = knowledge.name(ofSlot: slot)
            let value = renderer.plain(evaluation.values[slot] ?? Value.none, rounded: true)
            var line = ""
            line.reserveCapacity(name.utf8.count + 3 + value.utf8.count)
            line += name
            line += " = "
            line += value
            return line
        }
    }
}
