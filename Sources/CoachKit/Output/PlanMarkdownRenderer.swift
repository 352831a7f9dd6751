/// The plan as GitHub-flavoured Markdown: headings, task lists, and every text that
/// came from the user escaped so that it cannot break the document or inject HTML.
public struct PlanMarkdownRenderer: Sendable {
    let knowledge: KnowledgeBase
    let strings: Strings

    public init(knowledge: KnowledgeBase, language: Language) {
        self.knowledge = knowledge
        strings = Strings.table(for: language)
    }

    public func render(_ plan: Plan, date: String) -> String {
        let language = strings.language
        let title = plan.name.map { strings("plan.title_named", ["name": Self.escape($0)]) } ?? strings("plan.title")
        var lines = ["# \(title)", "", "_\(date)_", ""]
        if !plan.diagnosis.isEmpty {
            lines += ["## \(strings("plan.diagnosis"))", ""]
            for item in plan.diagnosis {
                lines += ["- **\(Self.escape(item.title))** — \(Self.escape(item.text))"]
            }
            lines.append("")
        }
        var horizon: Rule.Horizon?
        for action in plan.numberedActions {
            if action.horizon != horizon {
                if horizon != nil { lines.append("") }
                horizon = action.horizon
                lines += ["## \(strings("plan.horizon.\(action.horizon.rawValue)"))", ""]
            }
            let source = knowledge.topic(action.source)?.text[language].title ?? action.source
            lines.append("- [ ] **\(Self.escape(action.title))**  ")
            lines.append("  \(Self.escape(action.detail))  ")
            lines.append(
                "  _\(Self.escape(strings("plan.why", ["because": action.because.joined(separator: ", "), "source": source])))_"
            )
        }
        if plan.actions.isEmpty { lines.append(strings("plan.no_actions")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text made inert: the punctuation that Markdown or HTML would act on is
    /// backslash-escaped, so that `<script>`, `[x](javascript:…)` or `# Title` stays
    /// text, and a line break cannot start a new block.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "!", "&":
                out += "\\" + String(character)
            case "\n", "\r":
                out += " "
            default:
                out.append(character)
            }
        }
        return out
    }
}
