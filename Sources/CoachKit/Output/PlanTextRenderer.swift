/// The plan as text for a terminal or a pipe: diagnosis, then actions by horizon,
/// each with its reason and source; wrapped to `width` when given, styled only when
/// `style` is enabled.
public struct PlanTextRenderer: Sendable {
    let knowledge: KnowledgeBase
    let strings: Strings
    let width: Int?
    let style: TextStyle

    public init(
        knowledge: KnowledgeBase, language: Language, width: Int? = nil, style: TextStyle = TextStyle(isEnabled: false)
    ) {
        self.knowledge = knowledge
        strings = Strings.table(for: language)
        self.width = width
        self.style = style
    }

    private func paragraph(_ text: String, indent: String) -> String {
        guard let width else { return indent + text }
        return TextLayout.wrap(text, width: width, indent: indent)
    }

    public func render(_ plan: Plan) -> String {
        let language = strings.language
        var lines: [String] = []
        lines.append(style.accent(plan.name.map { strings("plan.title_named", ["name": $0]) } ?? strings("plan.title")))
        lines.append("")
        if !plan.diagnosis.isEmpty {
            lines.append(style.bold(strings("plan.diagnosis")))
            for item in plan.diagnosis {
                lines.append("  • " + style.bold(item.title))
                lines.append(paragraph(item.text, indent: "    "))
            }
            lines.append("")
        }
        var horizon: Rule.Horizon?
        for (index, action) in plan.numberedActions.enumerated() {
            if action.horizon != horizon {
                if horizon != nil { lines.append("") }
                horizon = action.horizon
                lines.append(style.bold(strings("plan.horizon.\(action.horizon.rawValue)")))
            }
            lines.append("  \(index + 1). " + style.bold(action.title))
            lines.append(paragraph(action.detail, indent: "     "))
            let source = knowledge.topic(action.source)?.text[language].title ?? action.source
            let why = strings("plan.why", ["because": action.because.joined(separator: ", "), "source": source])
            lines.append(style.dim(paragraph(why, indent: "     ")))
        }
        if !plan.actions.isEmpty { lines.append("") }
        if plan.actions.isEmpty { lines += [strings("plan.no_actions"), ""] }
        if !plan.missing.isEmpty {
            lines.append(
                paragraph(
                    strings(
                        "plan.missing",
                        ["count": String(plan.missing.count), "ids": plan.missing.joined(separator: ", ")]),
                    indent: ""))
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
