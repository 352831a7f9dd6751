import ArgumentParser
import CoachKit
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", _superCommandName: "coach",
        abstract: "The tailored action plan for a profile, without the shell.",
        discussion: """
            The answers file is YAML or JSON: a map from question id to answer (a list for \
            questions with several answers). It may be partial: the plan then lists the \
            questions that could still change it.
            """)

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("A YAML or JSON file of answers.", valueName: "file"), completion: .file())
    var answers: String?

    @Option(help: ArgumentHelp("A session of the shell, by name.", valueName: "name"))
    var session: String?

    /// Checks what the options say together; called by `run()`, so that ArgumentParser
    /// reports an unknown option (a likely typo) before any of these.
    func checkUsage() throws {
        guard answers == nil || session == nil, answers != nil || session != nil || metrics != nil else {
            throw ValidationError("give either --answers FILE or --session NAME (and --metrics FILE if you like)")
        }
        if let format, format.isBinary, output == nil {
            throw ValidationError("--format \(format.rawValue) writes a binary file: give --output FILE")
        }
        try Profile.checkSession(session)
    }

    @Option(
        help: ArgumentHelp(
            "A CSV of posts (date, likes, comments, shares…): its averages, pace and formats fill the answers the file leaves out.",
            valueName: "file"), completion: .file())
    var metrics: String?

    @Flag(help: "Skip and count the rows of the posts CSV that cannot be read, instead of stopping at the first.")
    var skipBadRows = false

    @Option(
        help: ArgumentHelp(
            "The output format: text, json or markdown; html, docx or pdf when pandoc is installed (default: from --output's extension, as /export does, else text).",
            valueName: "format"))
    var format: PlanFormat?

    /// The format asked for; without one, the one `--output`'s extension names (`.md`,
    /// `.json`, `.txt`, `.html`…), as the shell's `/export` reads it; else text.
    var chosenFormat: PlanFormat {
        format ?? output.map(PlanFormat.init(fileName:)) ?? .text
    }

    @Option(
        help: ArgumentHelp("Write the plan to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        try checkUsage()
        let language = options.language
        let knowledge = try options.loadKnowledge(metrics == nil ? .interview : [.interview, .metrics])
        do {
            var answers = try Profile.load(file: self.answers, session: session, knowledge: knowledge) ?? Answers()
            if let metrics {
                let summary = try PostsReader(knowledge: knowledge).read(
                    URL(fileURLWithPath: metrics), skipBadRows: skipBadRows)
                for (id, answer) in summary.answers where answers[id] == nil { answers[id] = answer }
                if summary.skippedRows > 0 {
                    Console.err(
                        "coach: \(metrics): \(summary.posts) post(s) read, \(summary.skippedRows) bad row(s) skipped")
                }
            }
            let planner = Planner(knowledge: knowledge)
            let plan = planner.plan(for: answers, language: language)
            // Like the knowledge base, the engine's tables and the plan go with the process.
            ProcessLifetime.keep(planner)
            ProcessLifetime.keep(plan)
            let exporter = PlanExporter(
                knowledge: knowledge, language: language,
                environment: chosenFormat.needsPandoc ? ProcessInfo.processInfo.environment : [:])
            // On a terminal, text is wrapped to its width, in colour unless NO_COLOR is set.
            let terminal = output == nil && isatty(1) == 1
            let colors = terminal && Environment["NO_COLOR"] == nil
            let data = try exporter.render(
                plan, as: chosenFormat, date: ShellCommand.today(),
                width: terminal ? ShellCommand.terminalWidth() : nil,
                style: TextStyle(isEnabled: colors))
            if let output {
                try AtomicFile.write(data, to: URL(fileURLWithPath: output))
            } else if let failure = Console.write(data, to: 1) {
                // A full disk or a closed pipe: the plan did not reach its reader.
                Console.err("coach: error: cannot write the plan: \(failure)")
                throw ExitCode(Console.Exit.ioError)
            }
        } catch {
            throw Console.fail(error, language: language)
        }
    }
}

// Value lists given outright: ArgumentParser would otherwise describe each case
// through the runtime's reflection, a noticeable part of every start-up. A case's
// description is its raw value, which ArgumentParser shows as no description.
extension PlanFormat: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public static var allValueDescriptions: [String: String] { [:] }
}
