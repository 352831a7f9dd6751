import CoachKit
import Foundation
import Testing

@testable import CoachShell

/// A reader that plays back lines, then ends the input.
final class ScriptedReader: LineReader {
    var lines: [LineEvent]
    private(set) var prompts: [String] = []

    init(_ lines: [LineEvent]) {
        self.lines = lines
    }

    func readLine(prompt: String) -> LineEvent {
        prompts.append(prompt)
        return lines.isEmpty ? .endOfInput : lines.removeFirst()
    }
}

@Suite("The shell's interview and commands")
struct ShellTests {
    let knowledge: KnowledgeBase
    let folder: URL

    init() throws {
        // As `coach` gives it: the search vocabulary and the metrics are read when needed.
        knowledge = try KnowledgeBase.builtIn(.interview)
        folder = FileManager.default.temporaryDirectory.appending(path: "coach-shell-\(UUID().uuidString)")
    }

    /// Runs the shell on `lines` and returns what it wrote, and the shell.
    func run(_ lines: [String], session: Session? = nil, language: Language = .en, events: [LineEvent]? = nil)
        -> (output: String, shell: Shell)
    {
        var output: [String] = []
        let shell = Shell(
            knowledge: knowledge, session: session ?? Session(name: "test"), store: SessionStore(folder: folder),
            language: language, version: "test", reader: ScriptedReader(events ?? lines.map(LineEvent.line)),
            today: "2026-11-26", output: { output.append($0) })
        shell.run(resumed: session != nil)
        return (output.joined(separator: "\n"), shell)
    }

    @Test func theInterviewAsksTheNameThenWhatMatters() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (output, shell) = run(["Boulangerie Léa"])
        #expect(output.contains("I will ask you about"))
        #expect(output.contains("[1/≈") && output.contains("What is your organisation called?"))
        let next = try #require(Planner(knowledge: knowledge).plan(for: Answers(), language: .en).missing.first)
        #expect(shell.pending?.id == next, "after the name, the weightiest question")
        #expect(shell.session.answers["name"] == .text("Boulangerie Léa"))
        #expect(output.hasSuffix("Your answers are saved. See you soon."))
    }

    @Test func aBadAnswerIsRefusedAndTheQuestionAskedAgain() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (output, shell) = run(["/skip", "often"])
        let pending = try #require(shell.pending)
        if pending.kind == .number || pending.kind == .boolean || pending.kind.hasOptions {
            #expect(output.contains("✗ "))
            #expect(output.components(separatedBy: pending.prompt.en).count == 3, "asked, refused, asked again")
        }
        #expect(shell.session.answers["name"] == .skipped)
    }

    @Test func everyAnswerIsSavedAtOnce() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = run(["Café Léa"])
        let (saved, _) = try SessionStore(folder: folder).load("test", knowledge: knowledge, setAside: false)
        #expect(saved.answers["name"] == .text("Café Léa"))
    }

    @Test func theShellAndCoachPlanAgree() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = Session(name: "test")
        session.record(.choice("visibility"), for: "objective")
        session.record(.multi(["instagram"]), for: "platforms")
        session.record(.number(0.5), for: "posts_per_week")
        session.record(.boolean(false), for: "has_calendar")
        let (output, shell) = run(["/plan"], session: session)
        #expect(output.contains("Resuming session “test”: 4 answer(s) kept"))
        let plan = Planner(knowledge: knowledge).plan(for: shell.session.answers, language: .en)
        let rendered = PlanTextRenderer(knowledge: knowledge, language: .en).render(plan)
        #expect(output.contains(rendered))
    }

    /// Once nothing is pending, a line is a question, answered as `coach ask` would,
    /// in its own language, with what the plan says on it.
    @Test func aLineWithNoQuestionPendingIsAskedOfTheCoach() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = Session(name: "test")
        for question in knowledge.questions {
            let answer: Answers.Answer =
                switch question.kind {
                case .text: .text("Studio")
                case .number: .number(0.5)
                case .boolean: .boolean(false)
                case .choice: .choice(question.options[0].value)
                case .multi: .multi([question.options[0].value])
                }
            session.record(answer, for: question.id)
        }
        let (output, _) = run(
            ["comment avoir plus de commentaires sur mes publications ?", "how do I post regularly"], session: session)
        #expect(output.contains("Étapes"), "answered in French")
        #expect(output.contains("Steps"), "then in English")
        #expect(output.contains("(tip.regularity)"))
        #expect(output.contains("In your plan") || output.contains("Your plan has no action from this entry yet."))
    }

    @Test func importTurnsAPostsCSVIntoAnswers() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appending(path: "../CoachKitTests/Fixtures/posts/english.csv").standardized
        let (output, shell) = run(["Studio", "/import \(csv.path)", "/import /no/such.csv"])
        #expect(output.contains("Imported 6 post(s), about 1.45 a week (0 bad row(s) skipped)"))
        #expect(shell.session.answers["avg_likes"] == .number(72.5))
        #expect(shell.session.answers["formats"] == .multi(["photo", "video"]))
        #expect(shell.session.answers["longest_gap_days"] == .number(7))
        #expect(output.contains("[7/≈"), "name and 5 answers from the posts; the 6 posts-only answers not counted")
        #expect(output.contains("no such file"))
    }

    @Test func commandsHaveFrenchAliasesAndCtrlCKeepsTheSession() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (output, shell) = run(
            [], language: .en,
            events: [
                .line("/aide"), .interrupted, .line("/langue fr"), .line("Chez Léa"), .line("/reponses"),
                .line("/quitter"), .line("/plan"),
            ])
        #expect(output.contains("/whynot TOPIC (/pourquoipas)  why some advice is not in the plan"))
        #expect(output.contains("Le coach parle maintenant français."))
        #expect(output.contains("  name: Chez Léa"))
        #expect(output.hasSuffix("Vos réponses sont enregistrées. À bientôt."), "nothing runs after /quitter")
        #expect(shell.language == .fr)
    }

    @Test func backSetAndRestart() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (output, shell) = run([
            "Léa", "/set posts_per_week 0,5", "/set objective Tisser des liens avec les gens", "/back",
            "/set team agency",
            "/restart", "/restart",
        ])
        #expect(output.contains("posts_per_week = 0.5; the plan is re-derived."))
        #expect(output.contains("Answer to “objective” taken back."))
        #expect(output.contains("✗ 'agency' is not an option of team"))
        #expect(output.contains("This erases the 2 answer(s) of session “test”. Type /restart again to confirm."))
        #expect(output.contains("Session “test” starts over."))
        #expect(shell.session.answers.isEmpty)
    }

    @Test func whyWhatifHowAndWhynot() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = Session(name: "test")
        session.record(.text("Léa"), for: "name")
        session.record(.choice("visibility"), for: "objective")
        session.record(.multi(["instagram"]), for: "platforms")
        session.record(.number(0.5), for: "posts_per_week")
        session.record(.boolean(false), for: "has_calendar")
        let (output, shell) = run(
            [
                "/why", "/whatif posts_per_week 5", "/how 1", "/how 99", "/whynot tip.regularity",
                "/whynot nothing.here",
            ],
            session: session)
        #expect(output.contains("Why this question: "))
        #expect(output.contains("If posts_per_week were 5:"))
        #expect(output.contains("  − Move up to one post a week"))
        #expect(output.contains("(nothing saved)"))
        #expect(shell.session.answers["posts_per_week"] == .number(0.5), "whatif saves nothing")
        #expect(output.contains("Action 1: "))
        #expect(output.contains("  Because: posts_per_week = 0.5"))
        #expect(output.contains("in the article's section “How to improve your engagement rate”"))
        #expect(output.contains("There is no action 99"))
        #expect(output.contains("regularity.post_more: in the plan."))
        #expect(output.contains("    ✗ posts_per_week == 0"))
        #expect(output.contains("No knowledge entry or rule is called “nothing.here”."))
    }

    @Test func exportWritesMarkdownUnderADefaultName() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            Shell.defaultExportName(for: "Boulangerie Léa", date: "2026-11-26") == "plan-boulangerie-lea-2026-11-26.md")
        #expect(Shell.defaultExportName(for: nil, date: "2026-11-26") == "plan-2026-11-26.md")
        #expect(Shell.defaultExportName(for: "../../etc", date: "2026-11-26") == "plan-etc-2026-11-26.md")
        let file = folder.appending(path: "out.md")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (output, _) = run(["<script>alert(1)</script>", "/export \(file.path)"])
        #expect(output.contains("Plan written to \(file.path)."))
        let markdown = try String(contentsOf: file, encoding: .utf8)
        #expect(markdown.hasPrefix("# Action plan for \\<script\\>alert(1)\\</script\\>\n"))
    }

    @Test func completionOffersCommandsOptionsAndIds() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, shell) = run(["Léa"])
        #expect(shell.completions(for: "/wh") == ["/whatif", "/why", "/whynot"])
        #expect(shell.completions(for: "/pourq") == ["/pourquoi", "/pourquoipas"])
        #expect(shell.completions(for: "/set posts_") == ["posts_per_week"])
        #expect(shell.completions(for: "/set objective vis") == ["visibility"])
        #expect(shell.completions(for: "/set objective tiss").isEmpty, "labels follow the language: English here")
        #expect(shell.completions(for: "/whynot tip.reg") == ["tip.regularity"] + [])
        #expect(shell.completions(for: "/lang f") == ["fr"])
        let pendingOptions = shell.completions(for: "")
        if let pending = shell.pending, pending.kind.hasOptions {
            #expect(!pendingOptions.isEmpty)
        }
    }
}

@Suite("Path completion")
struct PathCompletionTests {
    @Test func foldersEndWithASlashAndWhatWasTypedIsKept() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "coach-paths-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appending(path: "plans"), withIntermediateDirectories: true)
        try "x".write(to: folder.appending(path: "posts.csv"), atomically: true, encoding: .utf8)
        #expect(Shell.paths(matching: folder.path + "/p") == [folder.path + "/plans/", folder.path + "/posts.csv"])
        #expect(Shell.paths(matching: folder.path + "/pl") == [folder.path + "/plans/"])
        #expect(Shell.paths(matching: folder.path + "/plans/").isEmpty)
    }
}
