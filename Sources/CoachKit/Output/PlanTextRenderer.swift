/// The plan as plain text for a terminal or a pipe: diagnosis, then actions by
/// horizon, each with its reason and source.
public struct PlanTextRenderer: Sendable {
    let knowledge: KnowledgeBase
    let strings: Strings

    public init(knowledge: KnowledgeBase, language: Language) {
        self.knowledge = knowledge
        strings = Strings.table(for: language)
    }

    public func render(_ plan: Plan) -> String {
        let language = strings.language
        var lines: [String] = []
        lines.append(plan.name.map { strings("plan.title_named", ["name": $0]) } ?? strings("plan.title"))
        lines.append("")
        if !plan.diagnosis.isEmpty {
            lines.append(strings("plan.diagnosis"))
            for item in plan.diagnosis {
                lines.append("  • \(item.title)")
                lines.append("    \(item.text)")
            }
            lines.append("")
        }
        var number = 0
        for horizon in Rule.Horizon.allCases {
            let actions = plan.actions.filter { $0.horizon == horizon }
            guard !actions.isEmpty else { continue }
            lines.append(strings("plan.horizon.\(horizon.rawValue)"))
            for action in actions {
                number += 1
                lines.append("  \(number). \(action.title)")
                lines.append("     \(action.detail)")
                let source = knowledge.topic(action.source)?.text[language].title ?? action.source
                lines.append(
                    "     "
                        + strings("plan.why", ["because": action.because.joined(separator: ", "), "source": source]))
            }
            lines.append("")
        }
        if plan.actions.isEmpty { lines += [strings("plan.no_actions"), ""] }
        if !plan.missing.isEmpty {
            lines.append(
                strings(
                    "plan.missing", ["count": String(plan.missing.count), "ids": plan.missing.joined(separator: ", ")]))
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
