import CoachKit

#if canImport(Glibc)
    import Glibc
#endif

/// A command of the coach, made from its command line.
protocol Command {
    init(_ invocation: Invocation) throws(UsageError)
    func run() throws
}

@main
enum Coach {
    /// Reads the command line, runs what it asks for, and ends the process with its
    /// exit status: 0, 64 for a usage error (one line, SPEC's form, in the user's
    /// language), or what the command ended with.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let language = CommonOptions.language(of: arguments)
        do {
            switch try CommandLineParser.parse(arguments) {
            case .version:
                Console.out("coach \(CoachInfo.version)")
            case .help(let command):
                Console.out(HelpText(language: language).text(for: command))
            case .completionScript(let shell):
                Console.out(CompletionScript(language: language).script(for: shell))
            case .run(let invocation):
                try command(invocation).run()
            }
        } catch let error as UsageError {
            Glibc.exit(Console.usage(error, language: language).rawValue)
        } catch let exit as ExitCode {
            Glibc.exit(exit.rawValue)
        } catch {
            Glibc.exit(Console.fail(error, language: language).rawValue)
        }
        Glibc.exit(0)
    }

    /// The command `invocation` names, with its options.
    static func command(_ invocation: Invocation) throws(UsageError) -> any Command {
        switch invocation.command {
        case .shell: try ShellCommand(invocation)
        case .ask: try Ask(invocation)
        case .plan: try PlanCommand(invocation)
        case .rate: Rate(invocation)
        case .topics: Topics(invocation)
        case .questions: Questions(invocation)
        case .check: Check(invocation)
        }
    }
}
