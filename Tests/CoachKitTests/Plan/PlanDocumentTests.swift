import Foundation
import Testing

@testable import CoachKit

/// The plan as a document, checked against golden files: several scenarios, both
/// languages, the three formats. `COACH_RECORD=1 swift test` rewrites the golden
/// files from the current output, and fails, so that a recording is never mistaken
/// for a pass; review the diff, then run again without it.
@Suite("The plan as a document")
struct PlanDocumentTests {
    static let knowledge = shippedKnowledge
    static let golden = fixtures.appending(path: "golden")
    static let date = "2026-11-26"
    static let scenarios = [
        "bakery_rare_posts", "fitness_coach_community", "b2b_consultant_linkedin", "streamer_discord",
    ]
    static let recording = ProcessInfo.processInfo.environment["COACH_RECORD"] == "1"

    static func plan(_ scenario: String, _ language: Language) throws -> Plan {
        let found = try #require(knowledge.scenarios.first { $0.name == scenario }, "no scenario \(scenario)")
        return Planner(knowledge: knowledge).plan(for: found.answers, language: language)
    }

    static func render(_ plan: Plan, _ format: String) -> String {
        switch format {
        case "md": PlanMarkdownRenderer(knowledge: knowledge, language: plan.language).render(plan, date: date)
        case "json": PlanDocument.json(plan, knowledge: knowledge, date: date).text() + "\n"
        default: PlanTextRenderer(knowledge: knowledge, language: plan.language).render(plan, date: date) + "\n"
        }
    }

    static let cases: [(String, Language, String)] = scenarios.flatMap { scenario in
        Language.allCases.flatMap { language in ["md", "json", "txt"].map { (scenario, language, $0) } }
    }

    @Test(arguments: cases)
    func matchesItsGoldenFile(scenario: String, language: Language, format: String) throws {
        let text = Self.render(try Self.plan(scenario, language), format)
        let file = Self.golden.appending(path: "\(scenario).\(language.rawValue).\(format)")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(file.lastPathComponent): review the diff, then run again without COACH_RECORD")
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        if text != expected {
            let got = text.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(got, want)).firstIndex { $0.0 != $0.1 } ?? min(got.count, want.count)
            Issue.record(
                """
                \(file.lastPathComponent) differs at line \(line + 1):
                  expected: \(line < want.count ? String(want[line]) : "<end>")
                  got:      \(line < got.count ? String(got[line]) : "<end>")
                (COACH_RECORD=1 swift test rewrites the golden files)
                """)
        }
    }

    /// Every golden Markdown file, rendered by cmark-gfm as GitHub would: only the
    /// elements the coach writes, task lists present, tables whole.
    @Test(arguments: scenarios.flatMap { scenario in Language.allCases.map { (scenario, $0) } })
    func goldenMarkdownRendersCleanly(scenario: String, language: Language) throws {
        let file = Self.golden.appending(path: "\(scenario).\(language.rawValue).md")
        let markdown = try String(contentsOf: file, encoding: .utf8)
        let html = try CommonMark.html(markdown)
        let allowed: Set = [
            "h1", "h2", "p", "ul", "li", "input", "strong", "em", "br", "a", "table", "thead", "tbody", "tr", "th",
            "td",
        ]
        #expect(
            CommonMark.tags(in: html).subtracting(allowed).isEmpty,
            "unexpected: \(CommonMark.tags(in: html).subtracting(allowed))")
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" />"), "actions are a task list")
        #expect(CommonMark.links(in: html).allSatisfy { $0.hasPrefix("https://") }, "only the reports' addresses")
        let tables = CommonMark.tableRows(in: markdown)
        #expect(!tables.isEmpty, "the indicators at least are a table")
        for rows in tables {
            #expect(rows.count >= 3, "a header, its rule and at least one row")
            #expect(Set(rows).count == 1, "every row has as many cells as the header: \(rows)")
        }
        #expect(html.components(separatedBy: "<h1>").count == 2, "one title")
    }

    @Test func everyPartOfTheDocumentIsThere() throws {
        let plan = try Self.plan("bakery_rare_posts", .en)
        let markdown = Self.render(plan, "md")
        for heading in [
            "## Where you stand", "## This week", "## Your weekly rhythm", "## Indicators to follow",
            "## The ideas behind this plan", "## Sources",
        ] {
            #expect(markdown.contains("\n\(heading)\n"), "missing \(heading)")
        }
        #expect(markdown.hasPrefix("# Action plan for Boulangerie Léa\n\n_Made on November 26, 2026_\n"))
        #expect(plan.summary.contains("What matters most now: 1) "))
        #expect(plan.concepts.contains { $0.id == "tip.regularity" })
        #expect(plan.sources.contains { $0.kind == .section && $0.id == "improve_engagement" })
    }

    @Test func theFrenchDateReadsAsInFrench() {
        let wording = PlanWording(knowledge: Self.knowledge, language: .fr)
        #expect(wording.date("2026-11-26") == "26 novembre 2026")
        #expect(wording.date("2027-03-01") == "1er mars 2027")
        #expect(wording.date("not a date") == "not a date")
    }
}
