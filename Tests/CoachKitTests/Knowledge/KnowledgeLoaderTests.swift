import Foundation
import Testing

@testable import CoachKit

@Suite("Loading a knowledge folder")
struct KnowledgeLoaderTests {
    /// Each diagnostic as `FILE:LINE:COLUMN: severity: message`, the file relative to the folder.
    func lines(_ report: LoadReport, folder: URL) -> [String] {
        report.diagnostics.map { diagnostic in
            diagnostic.formatted(in: .en).replacingOccurrences(of: folder.relativePath + "/", with: "")
        }
    }

    @Test func aGoodFolderLoadsWithoutDiagnostics() throws {
        let report = try KnowledgeLoader.load(from: fixtures.appending(path: "good"))
        #expect(report.diagnostics.isEmpty)
        let knowledge = try #require(report.knowledge)
        // Kinds first (concept before tip), whatever the file names' order.
        #expect(knowledge.topics.map(\.id) == ["concept.first", "tip.first"])
        #expect(knowledge.questions.map(\.id) == ["name", "objective", "followers", "has_calendar"])
        let followers = try #require(knowledge.question("followers"))
        #expect(followers.kind == .number && followers.minimum == 0 && followers.maximum == 1000 && followers.isInteger)
        let name = try #require(knowledge.question("name"))
        #expect(name.isOptional && name.maximumLength == 40)
        #expect(knowledge.question("objective")?.option("relationships")?.label[.fr] == "Tisser des liens")
        #expect(knowledge.topic("tip.first")?.text[.en].body == "A paragraph.\n\nAnother.")
        #expect(knowledge.article.section("second")?.heading[.en] == "Second section")
    }

    @Test func everyProblemOfABrokenFolderIsReportedWhereItIs() throws {
        let folder = fixtures.appending(path: "broken")
        let report = try KnowledgeLoader.load(from: folder)
        #expect(report.hasErrors)
        #expect(
            lines(report, folder: folder) == [
                "questions.yaml:3:11: error: unknown question type 'choise'; expected text, choice, multi, number or boolean; did you mean 'choice'?",
                "questions.yaml:7:5: error: a multi question needs at least one option",
                "questions.yaml:9:9: error: missing the English translation of 'help'",
                "questions.yaml:13:10: error: min 100 is above max 10",
                "questions.yaml:16:9: error: duplicate id 'followers', first defined at questions.yaml:10:9",
                "questions.yaml:18:5: error: unknown key 'optinal'; did you mean 'optional'?",
                "topics/concept.frist.yaml:1:5: error: id 'concept.first' does not match the file name 'concept.frist.yaml'",
                "topics/concept.frist.yaml:8:3: warning: 1 step(s); write between 3 and 6",
                "topics/concept.frist.yaml:14:3: warning: 1 step(s); write between 3 and 6",
                "topics/tip.broken.yaml:1:1: error: missing the English text ('en:')",
                "topics/tip.broken.yaml:2:9: error: unknown article section 'secnd'; did you mean 'second'?",
                "topics/tip.broken.yaml:3:11: error: unknown knowledge entry 'tip.missing'",
                "topics/tip.broken.yaml:3:24: error: unknown knowledge entry 'concept.frist'; did you mean 'concept.first'?",
                "topics/tip.broken.yaml:5:3: error: unknown key 'titel'; did you mean 'title'?",
                "topics/tip.syntax.yaml:3:3: error: YAML syntax: did not find expected ',' or ']'",
            ])
    }

    /// A third-party folder: a link to a file elsewhere is reported, not read; a link
    /// to a parent folder does not make the walk endless.
    @Test func linksCannotLeadOutOfTheFolderOrRoundInCircles() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "coach-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: fixtures.appending(path: "good"), to: folder)
        let outside = folder.deletingLastPathComponent().appending(path: "coach-outside-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: outside) }
        try "secret: the contents of a file elsewhere\n".write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: folder.appending(path: "topics/tip.linked.yaml"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(
            at: folder.appending(path: "topics/loop"), withDestinationURL: folder)
        // A pipe named like a knowledge file is passed over, not read for ever.
        #expect(mkfifo(folder.appending(path: "topics/tip.pipe.yaml").path, 0o644) == 0)
        // A link to a file inside the folder is read as any other.
        try FileManager.default.createSymbolicLink(
            at: folder.appending(path: "topics/tip.second.yaml"),
            withDestinationURL: folder.appending(path: "topics/tip.first.yaml"))

        let report = try KnowledgeLoader.load(from: folder)
        let messages = report.diagnostics.map { $0.formatted(in: .en) }
        #expect(
            messages.contains {
                $0.contains("topics/tip.linked.yaml: error: a link to a file outside the knowledge folder")
            })
        #expect(!messages.contains { $0.contains("secret") })
        #expect(messages.contains { $0.contains("tip.second.yaml") && $0.contains("duplicate") })
    }

    /// Three rule files of 600 rules, enough to be compiled in pieces on every core;
    /// `mistakes` replaces lines of a rule: (file, rule) -> the rule's lines.
    func largeRuleBase(mistakes: [String: String] = [:]) throws -> URL {
        var files: [String: String] = [:]
        for name in ["a", "b", "c"] {
            var text = "rules:\n"
            for index in 0..<600 {
                text +=
                    mistakes["\(name)\(index)"]
                        ?? """
                          - id: gen.\(name)\(index)
                            when: followers > \(index) and has_calendar
                            priority: 50
                            horizon: this_week
                            source: tip.first
                            fr: {title: T, detail: D}
                            en: {title: T, detail: D}

                        """
            }
            files["rules/\(name).yaml"] = text
        }
        let folder = try temporaryFolder(files)
        try FileManager.default.createDirectory(at: folder.appending(path: "topics"), withIntermediateDirectories: true)
        for name in ["sources.yaml", "questions.yaml", "topics/concept.first.yaml", "topics/tip.first.yaml"] {
            try FileManager.default.copyItem(
                at: fixtures.appending(path: "good/\(name)"), to: folder.appending(path: name))
        }
        return folder
    }

    @Test func largeRuleBasesKeepTheirRulesInOrder() throws {
        let folder = try largeRuleBase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try KnowledgeLoader.load(from: folder)
        #expect(report.diagnostics.isEmpty, "\(lines(report, folder: folder).prefix(3))")
        let rules = try #require(report.knowledge).rules
        #expect(rules.map(\.id) == ["a", "b", "c"].flatMap { name in (0..<600).map { "gen.\(name)\($0)" } })
        #expect(rules[1_234].conditionText == "followers > 34 and has_calendar")
        #expect(rules[1_234].condition.variables.map(\.slot) == [2, 3])
    }

    @Test func largeRuleBasesReportEveryMistakeOnceWhereItIs() throws {
        func rule(_ id: String, when: String = "followers > 1", source: String = "tip.first", extra: String = "")
            -> String
        {
            "  - id: \(id)\n    when: \(when)\n    priority: 50\n    horizon: this_week\n    source: \(source)\n"
                + extra + "    fr: {title: T, detail: D}\n    en: {title: T, detail: D}\n"
        }
        let folder = try largeRuleBase(mistakes: [
            "b10": rule("gen.b10", when: "followers > 10 and nobody"),
            "c20": rule("gen.a5"),
            "c30": rule("gen.c30", source: "tip.nothing"),
            "a40": rule("gen.a40", extra: "    supersedes: [gen.none]\n"),
            // Placeholders are checked in titles and details, wherever they are.
            "a50": "  - id: gen.a50\n    when: followers > 1\n    priority: 50\n    horizon: this_week\n"
                + "    source: tip.first\n    fr: {title: T, detail: 'Vos {nobdy} abonnés'}\n"
                + "    en: {title: 'Your {followers} {fans}', detail: D}\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try KnowledgeLoader.load(from: folder)
        let found = lines(report, folder: folder)
        // Each rule takes 7 lines after `rules:`: rule N of a file starts at line 2 + 7 N.
        #expect(
            found == [
                "rules/a.yaml:287:18: error: unknown rule 'gen.none'",
                "rules/a.yaml:358:34: error: unknown question or fact 'nobdy'",
                "rules/a.yaml:359:36: error: unknown question or fact 'fans'",
                "rules/b.yaml:73:30: error: unknown question or fact 'nobody'",
                "rules/c.yaml:142:9: error: duplicate id 'gen.a5', first defined at rules/a.yaml:37:9",
                "rules/c.yaml:216:13: error: unknown knowledge entry 'tip.nothing'",
            ])
        // The rule whose condition is wrong is left out; the others stay, in order.
        let rules = try #require(report.knowledge).rules
        #expect(rules.count == 1_799)
        #expect(!rules.contains { $0.id == "gen.b10" })
        #expect(rules[600].id == "gen.b0" && rules.last?.id == "gen.c599")
    }

    @Test func aMissingFolderThrowsRatherThanReporting() {
        #expect(throws: CoachError.folderNotFound("/no/such/folder")) {
            try KnowledgeLoader.load(from: URL(fileURLWithPath: "/no/such/folder"))
        }
        #expect(throws: CoachError.notAFolder(fixtures.appending(path: "good/sources.yaml").path)) {
            try KnowledgeLoader.load(from: fixtures.appending(path: "good/sources.yaml"))
        }
    }

    @Test func missingFilesAreNamed() throws {
        let folder = try temporaryFolder(["notes.yaml": "a: 1\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try KnowledgeLoader.load(from: folder)
        let messages = report.diagnostics.map { $0.message(in: .en) }
        #expect(messages.contains("missing 'sources.yaml'"))
        #expect(messages.contains("missing 'questions.yaml'"))
        #expect(messages.contains("missing 'topics/'"))
        #expect(messages.contains("'notes.yaml' is not part of a knowledge base and is ignored"))
        #expect(report.knowledge == nil)
    }

    @Test(arguments: [
        (
            "questions:\n  - id: a\n    type: choice\n    fr: {prompt: p, help: h}\n    en: {prompt: p, help: h}\n",
            "3:5: error: a choice question needs at least one option"
        ),
        (
            "questions:\n  - id: a\n    type: boolean\n    min: 1\n    fr: {prompt: p, help: h}\n    en: {prompt: p, help: h}\n",
            "4:5: error: 'min' only applies to number questions, not to a boolean question"
        ),
        (
            "questions:\n  - id: a\n    type: number\n    max: lots\n    fr: {prompt: p, help: h}\n    en: {prompt: p, help: h}\n",
            "4:10: error: 'lots' is not a number"
        ),
        (
            "questions:\n  - id: a\n    type: text\n    optional: maybe\n    fr: {prompt: p, help: h}\n    en: {prompt: p, help: h}\n",
            "4:15: error: 'maybe' is not true or false"
        ),
        (
            "questions:\n  - id: Bad-Id\n    type: text\n    fr: {prompt: p, help: h}\n    en: {prompt: p, help: h}\n",
            "2:9: error: 'Bad-Id' is not a valid id; expected [a-z][a-z0-9_]*"
        ),
        (
            "questions:\n  - id: a\n    type: multi\n    options:\n      - {value: x, fr: X, en: X}\n      - {value: x, fr: Y, en: Y}\n    fr: {prompt: p, help: h}\n    en: {prompt: p, help: h}\n",
            "6:17: error: option 'x' appears twice"
        ),
        (
            "questions:\n  - id: a\n    type: number\n    fr: {prompt: p, help: ''}\n    en: {prompt: p, help: h}\n",
            "4:27: error: 'help' is empty"
        ),
        ("questions: {id: a}\n", "1:12: error: expected a list, found a mapping (key: value)"),
        (
            "questions:\n  - id: a\n    type: text\n    fr: {prompt: p, help: h}\n    en: {prompt: p, help: h}\n  - &x {id: b}\n  - *x\n  - *y\n",
            "8:5: error: YAML syntax: found undefined alias"
        ),
    ])
    func malformedQuestions(yaml: String, expected: String) throws {
        let folder = try temporaryFolder(["questions.yaml": yaml])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try KnowledgeLoader.load(from: folder)
        let found = lines(report, folder: folder).filter { $0.hasPrefix("questions.yaml:") }
        #expect(found.first == "questions.yaml:" + expected, "\(found)")
    }

    @Test func aTopicOfAnUnknownKindGetsASuggestion() throws {
        let folder = try temporaryFolder(["topics/tips.x.yaml": "id: tips.x\nsource: a\nfr: {}\nen: {}\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try KnowledgeLoader.load(from: folder)
        let found = lines(report, folder: folder)
        #expect(
            found.contains(
                "topics/tips.x.yaml:1:5: error: unknown kind of entry 'tips'; ids start with concept., tip. or ingredient.; did you mean 'tip'?"
            ), "\(found)")
        #expect(found.contains("topics/tips.x.yaml:3:5: error: missing the French translation of 'title'"), "\(found)")
    }

    @Test func aByteOrderMarkIsIgnoredAndInvalidUTF8IsReported() throws {
        let good = fixtures.appending(path: "good")
        let folder = try temporaryFolder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: good, to: folder)
        let sources = folder.appending(path: "sources.yaml")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(contentsOf: sources)).write(to: sources)
        #expect(try KnowledgeLoader.load(from: folder).diagnostics.isEmpty)
        try Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: folder.appending(path: "topics/tip.bad.yaml"))
        let report = try KnowledgeLoader.load(from: folder)
        #expect(lines(report, folder: folder) == ["topics/tip.bad.yaml: error: the file is not UTF-8 text"])
    }

    /// A file the fast reader declines is read by libyaml, from after its byte order
    /// mark: the error is where it is in the text, as without the mark.
    @Test func aByteOrderMarkMovesNoErrorInFilesLibYAMLReads() throws {
        let folder = try temporaryFolder(["questions.yaml": "questions:\n  - id: [a, b\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = lines(try KnowledgeLoader.load(from: folder), folder: folder).filter {
            $0.hasPrefix("questions.yaml")
        }
        let file = folder.appending(path: "questions.yaml")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(contentsOf: file)).write(to: file)
        let marked = lines(try KnowledgeLoader.load(from: folder), folder: folder).filter {
            $0.hasPrefix("questions.yaml")
        }
        #expect(plain.count == 1 && plain.first?.hasPrefix("questions.yaml:3:") == true, "\(plain)")
        #expect(marked == plain)
    }
}
