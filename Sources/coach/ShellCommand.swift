import CoachKit
import CoachShell

#if canImport(Glibc)
    import Glibc
#endif

/// The guided interview and a conversation about the plan: what `coach` alone starts.
struct ShellCommand: Command {
    let options: CommonOptions
    /// The session to start or resume.
    let session: String

    init(_ invocation: Invocation) throws(UsageError) {
        options = CommonOptions(invocation)
        session = invocation[.session] ?? "default"
        try Profile.checkSession(session, command: invocation.helpCommand)
    }

    func run() throws {
        let language = options.language
        // The search vocabulary and the metrics are read when first needed.
        let knowledge = try options.loadKnowledge(.interview)
        let store = SessionStore(environment: Environment.variables(SessionStore.variables))
        let loaded: (Session, SessionStore.Notice?)
        do {
            loaded = try store.load(session, knowledge: knowledge, setAside: true)
        } catch {
            throw Console.fail(error, language: language)
        }
        var notice: String?
        if case .setAside(let path, let problems)? = loaded.1 {
            notice = Strings.table(for: language)(
                "shell.set_aside",
                ["name": session, "path": path, "problem": problems.first?.message(in: language) ?? ""])
        }

        let isTerminal = isatty(0) == 1 && isatty(1) == 1
        let colors = isTerminal && Environment["NO_COLOR"] == nil
        var reader: any LineReader = PlainLineReader(showsPrompt: false)
        var editor: EditLineReader?
        if isTerminal {
            editor = EditLineReader(program: "coach", historyPath: Self.historyPath(), colors: colors)
            reader = editor ?? PlainLineReader(showsPrompt: true)
        }
        let shell = Shell(
            knowledge: knowledge, session: loaded.0, store: store, language: language, version: CoachInfo.version,
            reader: reader, style: TextStyle(isEnabled: colors), width: { isTerminal ? Self.terminalWidth() : nil },
            today: Clock.today(), output: { Console.out($0) })
        editor?.completer = { [unowned shell] line in shell.completions(for: line) }
        shell.run(resumed: true, notice: notice)
    }

    /// `$XDG_STATE_HOME/coach/history`, by default under `~/.local/state`.
    static func historyPath() -> String? {
        if let state = Environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/coach/history"
        }
        guard let home = Environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/coach/history"
    }

    static func terminalWidth() -> Int? {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
