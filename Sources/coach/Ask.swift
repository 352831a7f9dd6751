import CoachKit

#if canImport(Glibc)
    import Glibc
#endif

/// `coach ask`: a question in the user's own words, answered from the guidance.
struct Ask: Command {
    let options: CommonOptions
    let json: Bool
    /// How many entries to give, the best first.
    let limit: Int
    let answers: String?
    let session: String?
    let question: [String]

    init(_ invocation: Invocation) throws(UsageError) {
        options = CommonOptions(invocation)
        json = invocation.has(.json)
        answers = invocation[.answers]
        session = invocation[.session]
        question = invocation.words
        let command = invocation.helpCommand
        guard !question.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) else {
            throw UsageError("usage.ask_question", command: command)
        }
        let limit = invocation[.limit].map { Int($0) } ?? 3
        guard let limit, (1...50).contains(limit) else {
            throw UsageError("usage.limit", ["value": invocation[.limit] ?? ""], command: command)
        }
        self.limit = limit
        if answers != nil, session != nil { throw UsageError("usage.answers_or_session", command: command) }
        try Profile.checkSession(session, command: command)
    }

    func run() throws {
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
