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
        let commands = commandNames
        if let word = arguments.first, let message = UsageLine.unknownCommand(word, among: commands) {
            Glibc.exit(Console.usage(message).rawValue)
        }
        // The command the hint names: the one typed, or `coach` itself for the shell
        // that `coach` alone starts.
        let typed = arguments.first.flatMap { commands.contains($0) && $0 != "help" ? $0 : nil }
        var command: any ParsableCommand
        do {
            command = try parse(arguments)
        } catch {
            finish(error, command: typed)
        }
        do {
            try command.run()
        } catch {
            finish(error, command: typed)
        }
    }

    /// The command `arguments` ask for, parsed.
    ///
    /// `coach COMMAND ARGUMENTS` is parsed from the command typed, which names `coach`
    /// as its super-command, as ArgumentParser would parse it from `coach`; `coach`
    /// without a command (`coach --session léa`) from the shell, unless a command's name
    /// appears further on. From `coach`, ArgumentParser first builds the argument sets
    /// of `coach`, of the command and of the shell to look for pass-through arguments,
    /// and parses the arguments twice more looking for a request for a completion
    /// script: `coach plan` on 100 rules ran 3.9 M more instructions (ArgumentParser
    /// 11.6 M, now 7.2 M). Help, completion scripts and `help` still go through `coach`.
    static func parse(_ arguments: [String]) throws -> any ParsableCommand {
        guard !arguments.contains(where: needsTheRoot) else { return try parseAsRoot(arguments) }
        if let command = arguments.first.flatMap(subcommand(named:)) {
            return try command.parseAsRoot(Array(arguments.dropFirst()))
        }
        guard let shell = configuration.defaultSubcommand, !arguments.contains(where: { subcommand(named: $0) != nil })
        else { return try parseAsRoot(arguments) }
        return try shell.parseAsRoot(arguments)
    }

    /// The command called `name`.
    private static func subcommand(named name: String) -> (any ParsableCommand.Type)? {
        configuration.subcommands.first { $0.configuration.commandName == name }
    }

    /// Whether an argument may ask `coach` itself for something: help, the version, a
    /// completion script, or ArgumentParser's own requests (`---completion`,
    /// `--experimental-dump-help`). ArgumentParser reads help in `--help=x`,
    /// `--help-hidden`, `-help` and any cluster of short flags holding `h` (`-xh`); no
    /// command has short options of its own, so every such cluster goes to `coach`.
    /// Sending more lines through `coach` than needed is only slower.
    private static func needsTheRoot(_ argument: String) -> Bool {
        if argument == "help" || argument.hasPrefix("--help") || argument.hasPrefix("--version")
            || argument.hasPrefix("--generate-completion-script") || argument.hasPrefix("---")
            || argument.hasPrefix("--experimental")
        {
            return true
        }
        return argument.hasPrefix("-") && !argument.hasPrefix("--") && argument.contains("h")
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
        Glibc.exit(Console.usage(UsageLine.message(message(for: error), command: command)).rawValue)
    }
}
