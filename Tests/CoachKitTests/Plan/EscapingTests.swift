import Foundation
import Testing

@testable import CoachKit

/// Whatever the user types as the organisation's name stays text in the Markdown
/// export: no HTML, no link, no emphasis, no broken table, and the name still reads
/// as typed.
@Suite("Escaping what the user typed")
struct EscapingTests {
    static let hostileNames = [
        "<script>alert(1)</script>",
        "Bar | Baz | Qux",
        "*bold* and _italic_ and __strong__",
        "[x](javascript:alert(1))",
        "![pixel](https://evil.example/p.png)",
        "`code` and ``more``",
        "# Heading",
        "Café & <b>Co</b> &amp; &#60;",
        "contact@evil.example",
        "see http://evil.example and www.evil.example",
        "javascript:alert(1)",
        "two\nlines\r\n- a list",
        "~~gone~~ \\ back\\slash",
        "<!-- comment --> <div>",
        "1. numbered",
        "$x^2$ and #123",
    ]

    static let knowledge = shippedKnowledge

    static func markdown(name: String) -> String {
        var answers = Answers([
            "objective": .choice("visibility"), "platforms": .multi(["instagram"]), "posts_per_week": .number(1),
            "has_calendar": .boolean(false), "hours_per_week": .number(3),
        ])
        answers["name"] = .text(name)
        let plan = Planner(knowledge: knowledge).plan(for: answers, language: .en)
        return PlanMarkdownRenderer(knowledge: knowledge, language: .en).render(plan, date: "2026-11-26")
    }

    /// The text of the first `<h1>`, entities decoded, the word joiner dropped.
    static func rawTitle(in html: String) -> String? {
        guard let start = html.range(of: "<h1>"),
            let end = html.range(of: "</h1>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    static func title(in html: String) -> String? {
        rawTitle(in: html)?
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "\u{2060}", with: "")
    }

    @Test(arguments: hostileNames)
    func aHostileNameStaysText(name: String) throws {
        let markdown = Self.markdown(name: name)
        let html = try CommonMark.html(markdown)
        let title = try #require(Self.title(in: html))
        let expected = "Action plan for " + name.map { $0.isNewline ? " " : String($0) }.joined()
        #expect(title == expected, "the title shows the name as typed")
        #expect(try #require(Self.rawTitle(in: html)).allSatisfy { $0 != "<" }, "no element inside the title")
        let body = html.components(separatedBy: "</h1>").dropFirst().joined()
        #expect(!body.contains("<script") && !body.contains("<img") && !body.contains("<div") && !body.contains("<b>"))
        #expect(!body.contains("<!--") && !body.contains("<code") && !body.contains("<del"))
        #expect(CommonMark.links(in: html).allSatisfy { $0.hasPrefix("https://") && !$0.contains("evil") })
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("# ") }.count == 1, "one title line")
        #expect(html.components(separatedBy: "<h2>").count == markdown.components(separatedBy: "\n## ").count)
    }

    @Test func escapingLeavesOrdinaryTextReadable() {
        #expect(PlanMarkdownRenderer.escape("Boulangerie Léa : 2 h, 50 %") == "Boulangerie Léa : 2 h, 50 %")
        #expect(PlanMarkdownRenderer.escape("a|b") == "a\\|b")
        #expect(PlanMarkdownRenderer.escape("https://x") == "https\\://x")
        #expect(PlanMarkdownRenderer.escape("WWW.x") == "WWW\\.x")
        #expect(PlanMarkdownRenderer.escape("a\u{7}b") == "a b")
        #expect(PlanMarkdownRenderer.escape("abc\u{202E}def") == "abcdef", "no bidirectional override")
        #expect(PlanMarkdownRenderer.escape("#1 $5") == "\\#\u{2060}1 \\$5")
    }

    /// Tables stay whole whatever their cells hold: today the cells come from the
    /// knowledge, tomorrow from a posts CSV.
    @Test func hostileCellsKeepTablesWhole() throws {
        var answers = Answers([
            "platforms": .multi(["instagram"]), "posts_per_week": .number(1), "has_calendar": .boolean(false),
            "hours_per_week": .number(4), "objective": .choice("visibility"),
        ])
        answers["name"] = .text("Léa")
        var plan = Planner(knowledge: Self.knowledge).plan(for: answers, language: .en)
        let hostile = Self.hostileNames
        var rhythm = try #require(plan.rhythm)
        rhythm.slots = rhythm.slots.enumerated().map { index, slot in
            var slot = slot
            slot.purpose = hostile[index % hostile.count]
            return slot
        }
        plan.rhythm = rhythm
        plan.indicators = plan.indicators.enumerated().map { index, indicator in
            var indicator = indicator
            indicator.title = hostile[(index + 3) % hostile.count]
            indicator.note = hostile[(index + 7) % hostile.count] + " | " + hostile[index % hostile.count]
            return indicator
        }
        let markdown = PlanMarkdownRenderer(knowledge: Self.knowledge, language: .en).render(plan, date: "2026-11-26")
        let tables = CommonMark.tableRows(in: markdown)
        #expect(tables.count == 2)
        for rows in tables { #expect(Set(rows).count == 1, "\(rows)") }
        let html = try CommonMark.html(markdown)
        let allowed: Set = [
            "h1", "h2", "p", "ul", "li", "input", "strong", "em", "br", "a", "table", "thead", "tbody", "tr", "th",
            "td",
        ]
        #expect(
            CommonMark.tags(in: html).subtracting(allowed).isEmpty, "\(CommonMark.tags(in: html).subtracting(allowed))")
        #expect(
            html.components(separatedBy: "<tr>").count - 1
                == markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| ---") }.count)
    }
}
