import ArgumentParser
import CoachKit
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask", _superCommandName: "coach",
        abstract: "Ask the coach a question in your own words, in French or English.",
        discussion: """
            Without --lang the answer comes in the question's language. With --session or \
            --answers, it also says what your plan holds on the subject.
            """)

    @OptionGroup var options: CommonOptions

    @Flag(help: "Print JSON (schema coach.ask/1).")
    var json = false

    @Option(help: ArgumentHelp("How many entries to give, the best first (default 3).", valueName: "n"))
    var limit = 3

    @Option(help: ArgumentHelp("A YAML or JSON file of answers.", valueName: "file"), completion: .file())
    var answers: String?

    @Option(help: ArgumentHelp("A session of the shell, by name.", valueName: "name"))
    var session: String?

    @Argument(help: "The question.")
    var question: [String] = []

    /// Checks what the options say together; called by `run()`, so that ArgumentParser
    /// reports an unknown option (a likely typo) before any of these.
    func checkUsage() throws {
        guard !question.joined().allSatisfy(\.isWhitespace) else {
            throw ValidationError("ask a question: coach ask \"how do I get more comments?\"")
        }
        guard (1...50).contains(limit) else { throw ValidationError("--limit takes a number from 1 to 50") }
        if answers != nil, session != nil { throw ValidationError("give --answers FILE or --session NAME, not both") }
        try Profile.checkSession(session)
    }

    func run() throws {
        try checkUsage()
        // The interview only to say what a profile's plan holds on the subject.
        let knowledge = try options.loadKnowledge(answers == nil && session == nil ? .search : [.search, .interview])
        let text = question.joined(separator: " ")
        let asker = Asker(knowledge: knowledge)
        // Its index goes with the process, like the knowledge base (2.8 M
        // instructions to free it word by word).
        ProcessLifetime.keep(asker)
        let answer = asker.ask(text, language: options.lang, fallback: options.language, limit: limit)
        var plan: Plan?
        do {
            if let profile = try Profile.load(file: answers, session: session, knowledge: knowledge) {
                plan = Planner(knowledge: knowledge).plan(for: profile, language: answer.language)
            }
        } catch {
            throw Console.fail(error, language: answer.language)
        }
        if json {
            Console.out(AskDocument.json(answer, knowledge: knowledge, plan: plan).text())
            return
        }
        let terminal = isatty(1) == 1
        let colors = terminal && Environment["NO_COLOR"] == nil
        let renderer = AskTextRenderer(
            knowledge: knowledge, width: terminal ? ShellCommand.terminalWidth() : nil,
            style: TextStyle(isEnabled: colors))
        Console.out(renderer.render(answer, plan: plan))
    }
}
