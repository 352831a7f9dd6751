import CoachKit

/// What each command takes on its command line, as data: the parser, the help and
/// the completion scripts all read this one table. What the options mean, in each
/// language, is in `locales/` (`cli.option.NAME`, `cli.COMMAND.abstract`).
struct CommandSyntax: Sendable {
    /// The commands, in the order the help lists them.
    enum Name: String, CaseIterable, Sendable {
        case shell, ask, plan, rate, topics, questions, check

        /// What the command does, in one line, in the language of `strings`.
        func abstract(_ strings: Strings) -> String {
            strings("cli.\(rawValue).abstract")
        }
    }

    /// An option's name, as typed after `--`.
    enum Option: String, CaseIterable, Sendable {
        case lang, knowledge, help, version, json, limit, answers, session, metrics, format, output
        case skipBadRows = "skip-bad-rows"
        case followers, reach, impressions, likes, comments, shares, saves, platform
        case sizeBand = "size-band"
        /// `--generate-completion-script SHELL`, which `coach` takes with any command
        /// or none; no command lists it.
        case generateCompletionScript = "generate-completion-script"

        /// The key of its description in `locales/`: `cli.option.KEY`, or
        /// `cli.COMMAND.option.KEY` where a command describes it in its own words.
        var key: String { rawValue.replacing("-", with: "_") }

        /// Its place among `allCases`.
        var number: Int { Self.ordered.firstIndex(of: self)! }

        /// `allCases`, made once: the synthesised property makes a new array each time.
        private static let ordered = allCases
    }

    /// What an option's value is, for the help and for completion.
    enum Value: Equatable, Sendable {
        /// A path to a file.
        case file
        /// A path to a folder.
        case directory
        /// A session's name (completed from the sessions saved).
        case session
        /// Free text: a number, a platform, a band.
        case text(String)
        /// One of these words.
        case choice(name: String, [String])

        /// The name the help shows between angle brackets.
        var placeholder: String {
            switch self {
            case .file: "file"
            case .directory: "dir"
            case .session: "name"
            case .text(let name), .choice(let name, _): name
            }
        }
    }

    /// One option of a command: a flag when it takes no value.
    struct OptionSyntax: Equatable, Sendable {
        let name: Option
        let value: Value?
        var isRequired = false

        /// `--answers <file>`, `--json`: its value named in the language of `strings`
        /// (`cli.value.*`).
        func usage(_ strings: Strings) -> String {
            guard let value else { return "--\(name.rawValue)" }
            let key = "cli.value.\(value.placeholder)"
            return "--\(name.rawValue) <\(strings.has(key) ? strings(key) : value.placeholder)>"
        }

        /// What the option does in `command`: the command's own words for it
        /// (`cli.COMMAND.option.KEY`), else every command's (`cli.option.KEY`).
        func description(in command: Name, _ strings: Strings) -> String {
            let own = "cli.\(command.rawValue).option.\(name.key)"
            let key = strings.has(own) ? own : "cli.option.\(name.key)"
            return strings(key, ["command": command.rawValue])
        }
    }

    let name: Name
    /// The command's own options, in the order the help lists them.
    let options: [OptionSyntax]
    /// The name of the words the command takes after its options (`ask`'s question).
    var words: String?
    /// Whether its help has a paragraph after the abstract (`cli.COMMAND.discussion`).
    var hasDiscussion = false

    /// Every option the command takes: its own, then those every command takes.
    var allOptions: [OptionSyntax] { options + Self.common }

    func option(_ name: String) -> OptionSyntax? {
        allOptions.first { $0.name.rawValue == name }
    }

    /// The options every command takes, `coach` alone included.
    static let common: [OptionSyntax] = [
        OptionSyntax(name: .lang, value: .choice(name: "fr|en", Language.allCases.map(\.rawValue))),
        OptionSyntax(name: .knowledge, value: .directory),
        OptionSyntax(name: .help, value: nil),
        OptionSyntax(name: .version, value: nil),
    ]

    static let all: [CommandSyntax] = [
        CommandSyntax(name: .shell, options: [OptionSyntax(name: .session, value: .session)]),
        CommandSyntax(
            name: .ask,
            options: [
                OptionSyntax(name: .json, value: nil),
                OptionSyntax(name: .limit, value: .text("n")),
                OptionSyntax(name: .answers, value: .file),
                OptionSyntax(name: .session, value: .session),
            ],
            words: "question", hasDiscussion: true),
        CommandSyntax(
            name: .plan,
            options: [
                OptionSyntax(name: .answers, value: .file),
                OptionSyntax(name: .session, value: .session),
                OptionSyntax(name: .metrics, value: .file),
                OptionSyntax(name: .skipBadRows, value: nil),
                OptionSyntax(name: .format, value: .choice(name: "format", PlanFormat.allCases.map(\.rawValue))),
                OptionSyntax(name: .output, value: .file),
            ],
            hasDiscussion: true),
        CommandSyntax(
            name: .rate,
            options: [
                OptionSyntax(name: .followers, value: .text("n")),
                OptionSyntax(name: .reach, value: .text("n")),
                OptionSyntax(name: .impressions, value: .text("n")),
                OptionSyntax(name: .likes, value: .text("n"), isRequired: true),
                OptionSyntax(name: .comments, value: .text("n"), isRequired: true),
                OptionSyntax(name: .shares, value: .text("n"), isRequired: true),
                OptionSyntax(name: .saves, value: .text("n")),
                OptionSyntax(name: .platform, value: .text("platform")),
                OptionSyntax(name: .sizeBand, value: .text("band")),
                OptionSyntax(name: .json, value: nil),
            ],
            hasDiscussion: true),
        CommandSyntax(name: .topics, options: [OptionSyntax(name: .json, value: nil)]),
        CommandSyntax(name: .questions, options: [OptionSyntax(name: .json, value: nil)]),
        CommandSyntax(name: .check, options: [], hasDiscussion: true),
    ]

    static func of(_ name: Name) -> CommandSyntax {
        all.first { $0.name == name }!
    }

    /// Whether `--NAME` takes a value in any command: such an option's value is never
    /// a command's name (`coach --session plan` resumes the session called plan).
    static func takesValue(_ name: String) -> Bool {
        name == completionScript.name.rawValue || all.contains { $0.option(name)?.value != nil }
    }

    /// `--generate-completion-script SHELL`, read before the command's options.
    static let completionScript = OptionSyntax(name: .generateCompletionScript, value: .text("shell"))
}
