import Foundation
import Testing

@Suite("coach plan, end to end")
struct PlanCommandTests {
    let answers = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

    @Test func aYAMLProfileGivesAPlanInJSON() throws {
        let result = try CoachProcess.run([
            "plan", "--answers", answers.appending(path: "bakery.yaml").path, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try CoachProcess.json(result.stdout)
        #expect(plan["schema"] as? String == "coach.plan/1")
        #expect(plan["language"] as? String == "en")
        let profile = try #require(plan["profile"] as? [String: Any])
        #expect(profile["posts_per_week"] as? Double == 0.5, "a decimal comma is read")
        #expect(profile["has_calendar"] as? Bool == false)
        let facts = try #require(plan["facts"] as? [String: Any])
        #expect(facts["orientation"] as? String == "media")
        let actions = try #require(plan["actions"] as? [[String: Any]])
        #expect(!actions.isEmpty)
        let priorities = actions.compactMap { $0["priority"] as? Int }
        #expect(priorities == priorities.sorted(by: >), "highest priority first")
        for action in actions {
            for key in ["id", "title", "detail", "source", "rule"] {
                #expect((action[key] as? String)?.isEmpty == false, "\(key)")
            }
            #expect(["this_week", "this_month", "this_quarter"].contains(action["horizon"] as? String))
            #expect((action["because"] as? [String])?.isEmpty == false)
        }
        #expect(actions.contains { ($0["because"] as? [String])?.contains("posts_per_week = 0.5") == true })
        let missing = try #require(plan["missing"] as? [String])
        #expect(!missing.contains("objective") && !missing.contains("name"))
        #expect(
            (plan["diagnosis"] as? [[String: Any]])?.contains { $0["source"] as? String == "concept.social_media" }
                == true)
    }

    @Test func aJSONProfileGivesAPlanInFrenchText() throws {
        let result = try CoachProcess.run([
            "plan", "--answers", answers.appending(path: "consultant.json").path, "--lang", "fr",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Votre plan d'action\n"))
        #expect(result.stdout.contains("Ce mois-ci"))
        #expect(result.stdout.contains("Vos 1\u{202F}200 abonnés"), "thousands grouped the French way")
        #expect(result.stdout.contains("Pourquoi : "))
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test func everyProblemOfAnAnswersFileIsLocated() throws {
        let path = answers.appending(path: "broken-answers.yaml").path
        let result = try CoachProcess.run(["plan", "--answers", path])
        #expect(result.status == 65)
        #expect(result.stdout == "")
        let lines = result.stderr.split(separator: "\n").map { $0.replacingOccurrences(of: path, with: "FILE") }
        #expect(
            lines == [
                "FILE:1:1: error: unknown question 'objectiv'; did you mean 'objective'?",
                "FILE:2:23: error: 'tiktk' is not an option of platforms; did you mean 'tiktok'?",
                "FILE:3:12: error: -3 is out of range: from 0 to 1000000000",
                "FILE:4:17: error: 'often' is not a number",
                "FILE:5:15: error: 'maybe' is not true or false",
                "FILE:6:7: error: 'agency' is not an option of team",
            ])
    }

    @Test func missingInputsAndUnwritableOutputs() throws {
        #expect(try CoachProcess.run(["plan", "--answers", "/no/such/answers.yaml"]).status == 66)
        #expect(try CoachProcess.run(["plan", "--answers", answers.path]).status == 66, "a folder is not a file")
        #expect(try CoachProcess.run(["plan"]).status == 64, "--answers is required")
        #expect(try CoachProcess.run(["plan", "--answers", "/dev/null", "--format", "pdf"]).status == 64)
        let bakery = answers.appending(path: "bakery.yaml").path
        let unwritable = try CoachProcess.run(["plan", "--answers", bakery, "--output", "/no/such/dir/plan.txt"])
        #expect(unwritable.status == 73)
        #expect(unwritable.stderr.hasPrefix("coach: error: cannot write '/no/such/dir/plan.txt'"))
    }

    /// Without --format, the output file's extension chooses, as the shell's /export
    /// does; a format given explicitly wins.
    @Test func theOutputsExtensionChoosesTheFormat() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "coach-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bakery = answers.appending(path: "bakery.yaml").path
        func written(_ name: String, _ extra: [String] = []) throws -> String {
            let path = folder.appending(path: name).path
            let result = try CoachProcess.run(["plan", "--answers", bakery, "--output", path] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        #expect(try written("plan.md").hasPrefix("# "))
        #expect(try CoachProcess.json(written("plan.json"))["schema"] as? String == "coach.plan/1")
        let text = try written("plan.txt")
        #expect(!text.hasPrefix("# ") && !text.hasPrefix("{"))
        #expect(try written("forced.md", ["--format", "text"]) == text)
    }

    @Test func anOutputFileIsWrittenWhole() throws {
        let output = FileManager.default.temporaryDirectory.appending(path: "coach-plan-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try CoachProcess.run([
            "plan", "--answers", answers.appending(path: "bakery.yaml").path, "--format", "json", "--output",
            output.path,
        ])
        #expect(result.status == 0)
        #expect(result.stdout == "")
        let written = try String(contentsOf: output, encoding: .utf8)
        #expect(try CoachProcess.json(written)["schema"] as? String == "coach.plan/1")
    }

    @Test func anEmptyProfileAsksTheWholeInterview() throws {
        let result = try CoachProcess.run(["plan", "--answers", "/dev/null", "--format", "json"])
        #expect(result.status == 0)
        let plan = try CoachProcess.json(result.stdout)
        #expect((plan["actions"] as? [Any])?.isEmpty == true)
        let missing = try #require(plan["missing"] as? [String])
        #expect(missing.count >= 15)
        #expect(Set(missing).count == missing.count)
    }

    @Test func withoutPandocOtherFormatsNameThePackageToInstall() throws {
        let bakery = answers.appending(path: "bakery.yaml").path
        let output = FileManager.default.temporaryDirectory.appending(path: "coach-\(UUID().uuidString).html")
        let result = try CoachProcess.run(
            ["plan", "--answers", bakery, "--format", "html", "--output", output.path],
            environment: ["PATH": "/nonexistent"])
        #expect(result.status == 74)
        #expect(
            result.stderr.contains(
                "the html export needs pandoc, which is not installed; install the Debian package 'pandoc'"))
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing half-written")
        let binary = try CoachProcess.run(["plan", "--answers", bakery, "--format", "docx"])
        #expect(binary.status == 64, "a binary format needs --output")
        #expect(binary.stderr.contains("give --output FILE"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pandoc")))
    func withPandocThePlanBecomesHTMLAndWord() throws {
        let bakery = answers.appending(path: "bakery.yaml").path
        let folder = FileManager.default.temporaryDirectory.appending(path: "coach-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try CoachProcess.run(["plan", "--answers", bakery, "--format", "html", "--lang", "fr"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("<html") && html.stdout.contains("lang=\"fr\""))
        #expect(html.stdout.contains("<table") && html.stdout.contains("type=\"checkbox\""))
        #expect(!html.stdout.contains("<script"))
        let docx = folder.appending(path: "plan.docx")
        let word = try CoachProcess.run(["plan", "--answers", bakery, "--format", "docx", "--output", docx.path])
        #expect(word.status == 0, "\(word.stderr)")
        let data = try Data(contentsOf: docx)
        #expect(data.prefix(2) == Data("PK".utf8), "a docx is a zip archive")
    }

    @Test func aPostsCSVFillsTheAnswersTheFileLeavesOut() throws {
        let posts = answers.deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "CoachKitTests/Fixtures/posts")
        let bakery = answers.appending(path: "bakery.yaml").path
        let result = try CoachProcess.run([
            "plan", "--answers", bakery, "--metrics", posts.appending(path: "french.csv").path, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let profile = try #require(try CoachProcess.json(result.stdout)["profile"] as? [String: Any])
        #expect((profile["avg_likes"] as? NSNumber)?.doubleValue == 11.125)
        #expect((profile["posts_per_week"] as? NSNumber)?.doubleValue == 0.5, "the answers file wins")
        let bad = try CoachProcess.run(["plan", "--metrics", posts.appending(path: "bad-rows.csv").path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("bad-rows.csv:3:1: error: '2026-13-40' is not a date"))
        let skipped = try CoachProcess.run([
            "plan", "--metrics", posts.appending(path: "bad-rows.csv").path, "--skip-bad-rows",
        ])
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("2 post(s) read, 2 bad row(s) skipped"))
        #expect(try CoachProcess.run(["plan", "--metrics", "/no/such.csv"]).status == 66)
    }
}
