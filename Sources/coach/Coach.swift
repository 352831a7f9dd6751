import ArgumentParser
import CoachKit

#if canImport(Glibc)
    import Glibc
#endif

@main
struct Coach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coach",
        abstract: "A strategy coach for your social-media presence, in French and English.",
        discussion: """
            Run `coach` alone for the interactive shell. Shell completion: \
            `coach --generate-completion-script bash|zsh|fish`.
            """,
        version: "coach \(CoachInfo.version)",
        subcommands: [
            ShellCommand.self, Ask.self, PlanCommand.self, Rate.self, Topics.self, Questions.self, Check.self,
        ],
        defaultSubcommand: ShellCommand.self
    )

    /// ArgumentParser's own `main`, except that a usage error is one line in SPEC's form,
    /// `coach: error: MESSAGE`, with a hint, rather than a message and the usage.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let word = arguments.first, let line = UsageLine.unknownCommand(word, among: commandNames) {
            Console.err(line)
            Glibc.exit(Console.Exit.usage)
        }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            // `coach --bogus` is the shell's usage error, but the user typed no command.
            let command = UsageLine.command(in: fullMessage(for: error, columns: 1_000))
            finish(error, command: command == "shell" && arguments.first != "shell" ? nil : command)
        }
        do {
            try command.run()
        } catch {
            finish(error, command: type(of: command).configuration.commandName)
        }
    }

    /// The names `coach WORD` takes as a command.
    static var commandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }

    /// Ends the process for `error`, raised for `command` (nil: `coach` itself): a
    /// usage error as one line, an `ExitCode` (whose message is already printed) as
    /// is, help and the rest as ArgumentParser does.
    private static func finish(_ error: any Error, command: String?) -> Never {
        if let exit = error as? ExitCode { Glibc.exit(exit.rawValue) }
        guard exitCode(for: error).rawValue == Console.Exit.usage else { self.exit(withError: error) }
        Console.err(UsageLine.from(message: message(for: error), command: command))
        Glibc.exit(Console.Exit.usage)
    }
}
