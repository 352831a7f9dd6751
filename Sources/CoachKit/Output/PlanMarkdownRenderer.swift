/// The plan as GitHub-flavoured Markdown, to print or pin above a desk: headings,
/// task lists and tables. Every text is escaped, so that nothing the user typed (the
/// name today, a CSV's content tomorrow) can inject HTML or a link, start emphasis,
/// or break a table.
public struct PlanMarkdownRenderer: Sendable {
    let wording: PlanWording

    public init(knowledge: KnowledgeBase, language: Language) {
        wording = PlanWording(knowledge: knowledge, language: language)
    }

    public func render(_ plan: Plan, date: String) -> String {
        var lines = [
            "# " + Self.escape(wording.title(of: plan)), "",
            "_" + Self.escape(wording("plan.date", ["date": wording.date(date)])) + "_", "",
        ]
        if !plan.summary.isEmpty { lines += [Self.escape(plan.summary), ""] }
        lines += diagnosis(plan)
        lines += actions(plan)
        lines += rhythm(plan)
        lines += indicators(plan)
        lines += concepts(plan)
        lines += sources(plan)
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    private func diagnosis(_ plan: Plan) -> [String] {
        guard !plan.diagnosis.isEmpty || plan.engagement != nil else { return [] }
        var lines = ["## " + Self.escape(wording("plan.diagnosis")), ""]
        for item in plan.diagnosis {
            lines.append("- **\(Self.escape(item.title))** — \(Self.escape(item.text))")
        }
        if let engagement = plan.engagement {
            lines.append(
                "- **\(Self.escape(wording("plan.engagement.title")))** — \(Self.escape(wording.engagement(engagement)))"
            )
        }
        return lines + [""]
    }

    private func actions(_ plan: Plan) -> [String] {
        guard !plan.actions.isEmpty else { return [Self.escape(wording("plan.no_actions")), ""] }
        var lines: [String] = []
        var horizon: Rule.Horizon?
        for (index, action) in plan.numberedActions.enumerated() {
            if action.horizon != horizon {
                if horizon != nil { lines.append("") }
                horizon = action.horizon
                lines += ["## " + Self.escape(wording("plan.horizon.\(action.horizon.rawValue)")), ""]
            }
            lines.append("- [ ] **\(index + 1)\\. \(Self.escape(action.title))**  ")
            lines.append("  \(Self.escape(action.detail))  ")
            lines.append("  _\(Self.escape(wording.why(action)))_")
        }
        return lines + [""]
    }

    private func rhythm(_ plan: Plan) -> [String] {
        guard let rhythm = plan.rhythm else { return [] }
        var lines = ["## " + Self.escape(wording("plan.rhythm")), "", Self.escape(wording.rhythmIntro(rhythm)), ""]
        lines += table(
            header: ["plan.rhythm.day", "plan.rhythm.platform", "plan.rhythm.format", "plan.rhythm.purpose"].map {
                wording($0)
            },
            rows: rhythm.slots.map { slot in
                [wording.day(slot.day), wording.platform(slot.platform), wording.format(slot.format), slot.purpose]
            })
        return lines + [""]
    }

    private func indicators(_ plan: Plan) -> [String] {
        guard !plan.indicators.isEmpty else { return [] }
        var lines = ["## " + Self.escape(wording("plan.indicators")), ""]
        lines += table(
            header: ["plan.indicators.name", "plan.indicators.now", "plan.indicators.target", "plan.indicators.goal"]
                .map { wording($0) },
            rows: plan.indicators.map { [$0.title, wording.now($0), wording.target($0), $0.note] })
        return lines + [""]
    }

    private func concepts(_ plan: Plan) -> [String] {
        guard !plan.concepts.isEmpty else { return [] }
        var lines = ["## " + Self.escape(wording("plan.concepts")), ""]
        for concept in plan.concepts {
            lines.append("- **\(Self.escape(concept.title))** — \(Self.escape(concept.text))")
        }
        return lines + [""]
    }

    private func sources(_ plan: Plan) -> [String] {
        guard !plan.sources.isEmpty else { return [] }
        var lines = ["## " + Self.escape(wording("plan.sources")), ""]
        let sections = plan.sources.filter { $0.kind == .section }
        if !sections.isEmpty {
            lines.append(
                "- " + Self.escape(wording.article) + " — "
                    + sections.map { Self.escape(wording.reference($0)) }.joined(separator: ", "))
        }
        for report in plan.sources where report.kind == .report {
            var line = "- " + Self.escape(wording.reference(report))
            if let url = report.url, Self.isWebAddress(url) { line += ", <\(url)>" }
            if report.readAtSource == false { line += " (" + Self.escape(wording("plan.sources.second_hand")) + ")" }
            lines.append(line)
        }
        return lines + [""]
    }

    /// A table whose every row has as many cells as the header.
    private func table(header: [String], rows: [[String]]) -> [String] {
        func row(_ cells: [String]) -> String {
            "| " + (0..<header.count).map { Self.escape($0 < cells.count ? cells[$0] : "") }.joined(separator: " | ")
                + " |"
        }
        return [row(header), "|" + String(repeating: " --- |", count: header.count)] + rows.map(row)
    }

    /// An address safe to link: http or https, with no character that could end the
    /// autolink early or smuggle markup in.
    static func isWebAddress(_ text: String) -> Bool {
        (text.hasPrefix("https://") || text.hasPrefix("http://"))
            && !text.contains { $0 == "<" || $0 == ">" || $0 == " " || $0 == "\"" || $0.isNewline }
    }

    private static func isBidirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// Text made inert. The punctuation Markdown or HTML would act on is
    /// backslash-escaped, so that `<script>`, `[x](javascript:…)`, `*`, `_`, `|`, `$` or
    /// a leading `#` stay text; a line break or a control character becomes a space,
    /// so that nothing can start a new block; bidirectional overrides are dropped; and
    /// what GitHub would link even when escaped is broken: a scheme's colon, `www.`,
    /// the `@` of an address and the `#` of an issue number (these two followed by an
    /// invisible word joiner, as no escape stops them).
    public static func escape(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            switch character {
            case "#" where index + 1 < characters.count && characters[index + 1].isNumber:
                // GitHub links `#123` to an issue even when escaped.
                out += "\\#\u{2060}"
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "!", "&", "$":
                out += "\\" + String(character)
            case ":" where index + 1 < characters.count && !characters[index + 1].isWhitespace:
                out += "\\:"
            case "." where index >= 3 && String(characters[(index - 3)..<index]).lowercased() == "www":
                out += "\\."
            case "@":
                out += "@\u{2060}"
            case _ where character.unicodeScalars.contains(where: isBidirectionalControl):
                // An override could make the text read other than it is.
                break
            case _
            where character.isNewline || character.unicodeScalars.contains { $0.properties.generalCategory == .control }:
                out += " "
            default:
                out.append(character)
            }
        }
        return out
    }
}
