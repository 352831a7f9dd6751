import ArgumentParser
import CoachKit
import CoachShell
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "The interactive shell (what `coach` alone starts).")

    @OptionGroup var options: CommonOptions

    func run() throws {
        let knowledge = try options.loadKnowledge()
        let isTerminal = isatty(0) == 1 && isatty(1) == 1
        var reader: any LineReader = PlainLineReader(showsPrompt: false)
        if isTerminal {
            reader =
                EditLineReader(program: "coach", historyPath: Self.historyPath()) ?? PlainLineReader(showsPrompt: true)
        }
        let shell = Shell(
            knowledge: knowledge, language: options.language, version: CoachInfo.version, reader: reader,
            output: { Console.out($0) })
        shell.run()
    }

    /// `$XDG_STATE_HOME/coach/history`, by default under `~/.local/state`.
    static func historyPath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/coach/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/coach/history"
    }
}
