import ArgumentParser
import CoachKit

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
}
