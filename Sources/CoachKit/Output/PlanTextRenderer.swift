/// The plan as text for a terminal or a pipe, with the same parts as the Markdown
/// export; wrapped to `width` when given, styled only when `style` is enabled.
/// Actions are numbered as `/how N` counts them.
public struct PlanTextRenderer: Sendable {
    let wording: PlanWording
    let width: Int?
    let style: TextStyle

    public init(
        knowledge: KnowledgeBase, language: Language, width: Int? = nil, style: TextStyle = TextStyle(isEnabled: false)
    ) {
        wording = PlanWording(knowledge: knowledge, language: language)
        self.width = width
        self.style = style
    }

    private func paragraph(_ text: String, indent: String) -> String {
        TextLayout.paragraph(text, width: width, indent: indent)
    }

    public func render(_ plan: Plan, date: String? = nil) -> String {
        var lines: [String] = [style.accent(wording.title(of: plan))]
        if let date { lines.append(style.dim(wording("plan.date", ["date": wording.date(date)]))) }
        lines.append("")
        if !plan.summary.isEmpty { lines += [paragraph(plan.summary, indent: ""), ""] }
        if !plan.diagnosis.isEmpty || plan.engagement != nil {
            lines.append(style.bold(wording("plan.diagnosis")))
            for item in plan.diagnosis {
                lines.append("  • " + style.bold(item.title))
                lines.append(paragraph(item.text, indent: "    "))
            }
            if let engagement = plan.engagement {
                lines.append("  • " + style.bold(wording("plan.engagement.title")))
                lines.append(paragraph(wording.engagement(engagement), indent: "    "))
            }
            lines.append("")
        }
        var horizon: Rule.Horizon?
        for (index, action) in plan.numberedActions.enumerated() {
            if action.horizon != horizon {
                if horizon != nil { lines.append("") }
                horizon = action.horizon
                lines.append(style.bold(wording("plan.horizon.\(action.horizon.rawValue)")))
            }
            lines.append("  \(index + 1). " + style.bold(action.title))
            lines.append(paragraph(action.detail, indent: "     "))
            lines.append(style.dim(paragraph(wording.why(action), indent: "     ")))
        }
        lines += plan.actions.isEmpty ? [wording("plan.no_actions"), ""] : [""]
        if let rhythm = plan.rhythm {
            lines += [style.bold(wording("plan.rhythm")), paragraph(wording.rhythmIntro(rhythm), indent: "  ")]
            let rows = rhythm.slots.map { slot in
                [wording.day(slot.day), wording.platform(slot.platform), wording.format(slot.format), slot.purpose]
            }
            lines += columns(rows, indent: "  ")
            lines.append("")
        }
        if !plan.indicators.isEmpty {
            lines.append(style.bold(wording("plan.indicators")))
            for indicator in plan.indicators {
                let figures =
                    wording("plan.indicators.now") + " " + wording.now(indicator)
                    + (indicator.target == nil
                        ? "" : " → " + wording("plan.indicators.target") + " " + wording.target(indicator))
                lines.append("  • " + style.bold(indicator.title) + " — " + figures)
                lines.append(paragraph(indicator.note, indent: "    "))
            }
            lines.append("")
        }
        if !plan.concepts.isEmpty {
            lines.append(style.bold(wording("plan.concepts")))
            for concept in plan.concepts {
                lines.append(paragraph(concept.title + " — " + concept.text, indent: "  "))
            }
            lines.append("")
        }
        if !plan.sources.isEmpty {
            lines.append(style.bold(wording("plan.sources")))
            let sections = plan.sources.filter { $0.kind == .section }
            if !sections.isEmpty {
                lines.append(
                    paragraph(
                        wording.article + " — " + sections.map(wording.reference).joined(separator: ", "), indent: "  ")
                )
            }
            for report in plan.sources where report.kind == .report {
                var line = wording.reference(report) + (report.url.map { ", " + $0 } ?? "")
                if report.readAtSource == false { line += " (" + wording("plan.sources.second_hand") + ")" }
                lines.append(paragraph(line, indent: "  "))
            }
            lines.append("")
        }
        if !plan.missing.isEmpty {
            lines.append(
                paragraph(
                    wording(
                        "plan.missing",
                        ["count": String(plan.missing.count), "ids": plan.missing.joined(separator: ", ")]),
                    indent: ""))
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Rows laid out in aligned columns.
    private func columns(_ rows: [[String]], indent: String) -> [String] {
        guard let count = rows.map(\.count).max() else { return [] }
        let widths = (0..<count).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = indent
            for (column, cell) in row.enumerated() {
                line += cell
                if column < row.count - 1 { line += String(repeating: " ", count: widths[column] - cell.count + 2) }
            }
            return line
        }
    }
}
