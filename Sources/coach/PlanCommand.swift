import CoachKit

#if canImport(Glibc)
    import Glibc
#endif

/// `coach plan`: the tailored action plan for a profile, without the shell.
struct PlanCommand: Command {
    let options: CommonOptions
    let answers: String?
    let session: String?
    /// A CSV of posts, whose figures fill the answers the profile leaves out.
    let metrics: String?
    let skipBadRows: Bool
    let format: PlanFormat?
    /// The file to write the plan to, instead of standard output.
    let output: String?

    init(_ invocation: Invocation) throws(UsageError) {
        options = CommonOptions(invocation)
        answers = invocation[.answers]
        session = invocation[.session]
        metrics = invocation[.metrics]
        skipBadRows = invocation.has(.skipBadRows)
        format = invocation[.format].flatMap(PlanFormat.init(rawValue:))
        output = invocation[.output]
        let command = invocation.helpCommand
        guard answers == nil || session == nil, answers != nil || session != nil || metrics != nil else {
            throw UsageError("usage.plan_profile", command: command)
        }
        if let format, format.isBinary, output == nil {
            throw UsageError("usage.binary_format", ["format": format.rawValue], command: command)
        }
        try Profile.checkSession(session, command: command)
    }

    /// The format asked for; without one, the one `--output`'s extension names (`.md`,
    /// `.json`, `.txt`, `.html`…), as the shell's `/export` reads it; else text.
    var chosenFormat: PlanFormat {
        format ?? output.map(PlanFormat.init(fileName:)) ?? .text
    }

    func run() throws {
        let language = options.language
        let knowledge = try options.loadKnowledge(metrics == nil ? .interview : [.interview, .metrics])
        do {
            var answers = try Profile.load(file: self.answers, session: session, knowledge: knowledge) ?? Answers()
            if let metrics {
                let summary = try PostsReader(knowledge: knowledge).read(
                    metrics, skipBadRows: skipBadRows)
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
                environment: chosenFormat.needsPandoc ? Environment.all : [:])
            // On a terminal, text is wrapped to its width, in colour unless NO_COLOR is set.
            let terminal = output == nil && isatty(1) == 1
            let colors = terminal && Environment["NO_COLOR"] == nil
            let data = try exporter.render(
                plan, as: chosenFormat, date: Clock.today(),
                width: terminal ? ShellCommand.terminalWidth() : nil,
                style: TextStyle(isEnabled: colors))
            if let output {
                try AtomicFile.write(data, to: output)
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
