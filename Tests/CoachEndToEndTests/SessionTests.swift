import Foundation
import Testing

@Suite("The shell through a pipe, and its sessions")
struct SessionTests {
    let home = FileManager.default.temporaryDirectory.appending(path: "coach-session-\(UUID().uuidString)")

    var environment: [String: String] {
        ["XDG_DATA_HOME": home.appending(path: "data").path, "XDG_STATE_HOME": home.appending(path: "state").path]
    }

    @Test func aScriptedSessionEndsWithAnExportAndAgreesWithCoachPlan() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let export = home.appending(path: "plan.md")
        let script = [
            "Boulangerie Léa", "/set objective 1", "/set platforms facebook, instagram", "/set posts_per_week 0,5",
            "/set has_calendar non", "/set followers 850", "/export \(export.path)", "/quit",
        ].joined(separator: "\n")
        let result = try CoachProcess.run(["--session", "lea"], input: script + "\n", environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Plan written to \(export.path)."))
        #expect(!result.stdout.contains("\u{1B}["), "no escape codes through a pipe")
        let markdown = try String(contentsOf: export, encoding: .utf8)
        #expect(markdown.hasPrefix("# Action plan for Boulangerie Léa\n"))
        #expect(markdown.contains("- [ ] **"))

        // The same answers, through coach plan: the same plan.
        let fromSession = try CoachProcess.run(
            ["plan", "--session", "lea", "--format", "json"], environment: environment)
        #expect(fromSession.status == 0, "\(fromSession.stderr)")
        let answers = home.appending(path: "lea.yaml")
        try """
        name: Boulangerie Léa
        objective: visibility
        platforms: [facebook, instagram]
        posts_per_week: 0.5
        has_calendar: false
        followers: 850
        """.write(to: answers, atomically: true, encoding: .utf8)
        let fromFile = try CoachProcess.run(["plan", "--answers", answers.path, "--format", "json"])
        #expect(fromSession.stdout == fromFile.stdout)
    }

    @Test func aSessionResumesWhereItStopped() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        _ = try CoachProcess.run(["--lang", "fr"], input: "Café Léa\n", environment: environment)
        let second = try CoachProcess.run(["--lang", "fr"], input: "/reponses\n", environment: environment)
        #expect(second.stdout.hasPrefix("Reprise de la séance « default » : 1 réponse(s) conservée(s)"))
        #expect(second.stdout.contains("  name: Café Léa"))
    }

    @Test func aCorruptSessionIsSetAsideAndReported() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let sessions = home.appending(path: "data/coach/sessions")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        try "{ half a session".write(to: sessions.appending(path: "default.json"), atomically: true, encoding: .utf8)
        let plan = try CoachProcess.run(["plan", "--session", "default"], environment: environment)
        #expect(plan.status == 65)
        let result = try CoachProcess.run([], input: "", environment: environment)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Session “default” could not be read"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.contains("corrupt") }
        #expect(kept.count == 1)
        #expect(try String(contentsOf: sessions.appending(path: kept[0]), encoding: .utf8) == "{ half a session")
    }

    @Test func sessionNamesAreChecked() throws {
        #expect(try CoachProcess.run(["--session", "../escape"]).status == 64)
        let missing = try CoachProcess.run(["plan", "--session", "nobody"], environment: environment)
        #expect(missing.status == 66)
        #expect(missing.stderr.hasPrefix("coach: error: no such session: 'nobody' (nothing at '"))
        #expect(missing.stderr.contains("'coach --session nobody' starts it"))
        let absente = try CoachProcess.run(
            ["ask", "--session", "nobody", "--lang", "fr", "comment publier"], environment: environment)
        #expect(absente.status == 66)
        #expect(absente.stderr.hasPrefix("coach: error: aucune session « nobody »"))
        #expect(try CoachProcess.run(["plan", "--session", "a", "--answers", "b"]).status == 64)
    }
}
