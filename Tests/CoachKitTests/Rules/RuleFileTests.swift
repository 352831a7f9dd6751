import Foundation
import Testing

@testable import CoachKit

/// Rule and fact files: every problem is reported at its line and column, inside
/// the expression when it is there.
@Suite("Rule and fact files")
struct RuleFileTests {
    /// The fixture knowledge base with `files` added or replaced; the diagnostics'
    /// lines, paths relative to the folder.
    func diagnostics(_ files: [String: String]) throws -> [String] {
        let folder = try temporaryFolder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: fixtures.appending(path: "rules"), to: folder)
        // The fixture's scenario names the fixture's rules, which these tests replace.
        if !files.keys.contains(where: { $0.hasPrefix("scenarios/") }) {
            try FileManager.default.removeItem(at: folder.appending(path: "scenarios/quiet.yaml"))
        }
        for (path, text) in files {
            try text.write(to: folder.appending(path: path), atomically: true, encoding: .utf8)
        }
        let report = try KnowledgeLoader.load(from: folder)
        return report.diagnostics.map {
            $0.formatted(in: .en).replacingOccurrences(of: folder.relativePath + "/", with: "")
        }
    }

    func rule(_ when: String, extra: String = "") -> String {
        """
        rules:
          - id: test.rule
            when: \(when)
            priority: 50
            horizon: this_week
            source: tip.first\(extra)
            fr: {title: T, detail: D}
            en: {title: T, detail: D}

        """
    }

    @Test func aMisspeltOptionIsPointedAtInsideTheCondition() throws {
        let found = try diagnostics(["rules/all.yaml": rule("posts > 1 and objective == 'visibilty'")])
        #expect(
            found == [
                "rules/all.yaml:3:38: error: 'visibilty' is not an option of objective; did you mean 'visibility'?"
            ])
    }

    @Test func aMissingSourcesFileHidesNoOtherProblem() throws {
        let folder = try temporaryFolder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: fixtures.appending(path: "rules"), to: folder)
        try FileManager.default.removeItem(at: folder.appending(path: "sources.yaml"))
        try FileManager.default.removeItem(at: folder.appending(path: "scenarios/quiet.yaml"))
        try rule("postz > 1").write(to: folder.appending(path: "rules/all.yaml"), atomically: true, encoding: .utf8)
        let report = try KnowledgeLoader.load(from: folder)
        #expect(report.knowledge == nil)
        #expect(
            report.diagnostics.map { $0.message(in: .en) } == [
                "missing 'sources.yaml'", "unknown question or fact 'postz'; did you mean 'posts'?",
            ])
    }

    @Test func aQuotedConditionCountsItsQuote() throws {
        let found = try diagnostics(["rules/all.yaml": rule("\"posts > 1 and postz < 3\"")])
        #expect(found == ["rules/all.yaml:3:26: error: unknown question or fact 'postz'; did you mean 'posts'?"])
    }

    @Test func syntaxAndTypeErrors() throws {
        #expect(
            try diagnostics(["rules/all.yaml": rule("posts = 1")]) == [
                "rules/all.yaml:3:17: error: '=' alone is not an operator; write '==' to compare"
            ])
        #expect(
            try diagnostics(["rules/all.yaml": rule("calendar > 2")]) == [
                "rules/all.yaml:3:11: error: expected a number, found a condition (true or false)"
            ])
        #expect(
            try diagnostics(["rules/all.yaml": rule("posts + 1")]) == [
                "rules/all.yaml:3:11: error: expected a condition (true or false), found a number"
            ])
    }

    /// Placeholders are found by bytes but placed in scalars, as diagnostics count
    /// columns: accented letters before them must not shift them.
    @Test func placeholdersAreFoundAndPlacedInScalars() {
        let found = Placeholder.all(in: "Été {a}, déjà {b_2}{X}{}{c")
        #expect(found.map(\.name) == ["a", "b_2"])
        #expect(found.map(\.offset) == [5, 15])
        #expect(Placeholder.all(in: "{{a}}").map(\.name) == [])
        #expect(Placeholder.all(in: "x {a} {").map(\.offset) == [3])
    }

    @Test func referencesPlaceholdersAndFields() throws {
        let text = """
            rules:
              - id: test.rule
                when: posts > 1
                priority: 150
                source: tip.frist
                supersedes: [test.nothing]
                fr: {title: T, detail: "Vous publiez {postz} fois."}
                en: {title: T, detail: D}

            """
        #expect(
            try diagnostics(["rules/all.yaml": text]) == [
                "rules/all.yaml:2:5: error: missing key 'horizon'",
                "rules/all.yaml:4:15: error: 150 is out of range: from 0 to 100",
            ])
        let fixed = text.replacingOccurrences(of: "150", with: "50")
            .replacingOccurrences(of: "source:", with: "horizon: this_week\n    source:")
        #expect(
            try diagnostics(["rules/all.yaml": fixed]) == [
                "rules/all.yaml:6:13: error: unknown knowledge entry 'tip.frist'; did you mean 'tip.first'?",
                "rules/all.yaml:7:18: error: unknown rule 'test.nothing'",
                "rules/all.yaml:8:43: error: unknown question or fact 'postz'; did you mean 'posts'?",
            ])
    }

    @Test func rulesThatSupersedeEachOtherInACycleAreFoundOnce() throws {
        func rule(_ id: String, supersedes: String) -> String {
            """
              - id: \(id)
                when: posts > 1
                priority: 50
                horizon: this_week
                source: tip.first
                supersedes: [\(supersedes)]
                fr: {title: T, detail: D}
                en: {title: T, detail: D}

            """
        }
        let text =
            "rules:\n" + rule("test.first", supersedes: "test.second") + rule("test.second", supersedes: "test.first")
            + rule("test.third", supersedes: "test.secnd")
        let found = try diagnostics(["rules/all.yaml": text])
        #expect(
            found == [
                "rules/all.yaml:2:9: error: these rules supersede each other in a cycle: test.first → test.second → test.first",
                "rules/all.yaml:23:18: error: unknown rule 'test.secnd'; did you mean 'test.second'?",
            ], "\(found)")
    }

    @Test func factsThatDependOnEachOtherInACycleAreAnError() throws {
        let facts = """
            facts:
              - id: a
                type: number
                value: b + 1
              - id: b
                type: number
                value: a * 2

            """
        let found = try diagnostics(["facts.yaml": facts])
        #expect(
            found.contains {
                $0.hasPrefix("facts.yaml:") && $0.contains("error: these facts depend on each other in a cycle: ")
            })
    }

    @Test func aFactNeedsOneDefinitionAndItsOptions() throws {
        let original = try String(contentsOf: fixtures.appending(path: "rules/facts.yaml"), encoding: .utf8)
        let facts =
            original + """
                  - id: level
                    type: choice
                    options: [low, high]
                    cases:
                      - when: posts < 1
                        is: hihg
                  - id: empty
                    type: number

                """
        #expect(
            try diagnostics(["facts.yaml": facts]) == [
                "facts.yaml:18:13: error: 'hihg' is not an option of level; did you mean 'high'?",
                "facts.yaml:19:5: error: a fact has either 'value:' or 'cases:', exactly one of them",
            ])
    }

    @Test func scenarioExpectationsNameKnownIds() throws {
        let scenario = """
            answers: {posts: 0, objective: visibilty}
            expect:
              actions: [regularity.strat]
              facts: {orientashun: media}

            """
        #expect(
            try diagnostics(["scenarios/quiet.yaml": scenario]) == [
                "scenarios/quiet.yaml:1:32: error: 'visibilty' is not an option of objective; did you mean 'visibility'?",
                "scenarios/quiet.yaml:3:13: error: unknown rule 'regularity.strat'; did you mean 'regularity.start'?",
                "scenarios/quiet.yaml:4:11: error: unknown fact 'orientashun'; did you mean 'orientation'?",
            ])
    }

    @Test func aFailingScenarioIsReportedAtItsExpectation() throws {
        let folder = try temporaryFolder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: fixtures.appending(path: "rules"), to: folder)
        try """
        answers: {posts: 5}
        expect:
          actions: [regularity.more]
          not_missing: [calendar]
          facts: {orientation: media}

        """.write(to: folder.appending(path: "scenarios/busy.yaml"), atomically: true, encoding: .utf8)
        let knowledge = try #require(try KnowledgeLoader.load(from: folder).knowledge)
        let failures = ScenarioRunner(knowledge: knowledge).run().map {
            $0.formatted(in: .en).replacingOccurrences(of: folder.relativePath + "/", with: "")
        }
        #expect(
            failures == [
                "scenarios/busy.yaml:3:13: error: the scenario expects the action 'regularity.more', which the plan does not have",
                "scenarios/busy.yaml:4:17: error: the scenario expects 'calendar' not to be asked any more, but it still is",
                "scenarios/busy.yaml:5:11: error: the scenario expects orientation = media, but it is none",
            ])
    }
}
