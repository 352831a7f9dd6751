import CoachKit

/// A command line, understood: a command to run, or a request that any command takes.
enum Request: Equatable {
    case run(Invocation)
    /// `--help`, `-h` or `coach help [COMMAND]`: the help of the command (nil: `coach`).
    case help(CommandSyntax.Name?)
    case version
    /// `--generate-completion-script SHELL`.
    case completionScript(shell: String)
}

/// A command with the options and words given to it.
///
/// Options are kept in tables by option, not in a dictionary or a set: the first
/// dictionary of a new key type costs a scan of the runtime's conformance tables, a
/// noticeable part of a command's start.
struct Invocation: Equatable {
    let command: CommandSyntax.Name
    /// Whether the command was named (`coach shell`), rather than implied by `coach` alone.
    var isTyped = true
    /// Each option's value, by `CommandSyntax.Option.number`; the last one given,
    /// when one is given twice.
    private var values = [String?](repeating: nil, count: CommandSyntax.Option.allCases.count)
    private var flags = [Bool](repeating: false, count: CommandSyntax.Option.allCases.count)
    /// The words after the options (`ask`'s question).
    var words: [String] = []

    init(
        command: CommandSyntax.Name, isTyped: Bool = true, values: [(CommandSyntax.Option, String)] = [],
        flags: [CommandSyntax.Option] = [], words: [String] = []
    ) {
        self.command = command
        self.isTyped = isTyped
        self.words = words
        for (option, value) in values { self[option] = value }
        for flag in flags { set(flag) }
    }

    subscript(option: CommandSyntax.Option) -> String? {
        get { values[option.number] }
        set { values[option.number] = newValue }
    }

    func has(_ flag: CommandSyntax.Option) -> Bool { flags[flag.number] }

    mutating func set(_ flag: CommandSyntax.Option) { flags[flag.number] = true }

    /// The command whose help a usage error points to: nil for `coach` alone.
    var helpCommand: CommandSyntax.Name? { isTyped ? command : nil }
}

/// Reads `coach`'s command line by `CommandSyntax`.
///
/// `coach [COMMAND] [OPTIONS] [WORDS]`: options may come before or after the command's
/// name, `--NAME VALUE` or `--NAME=VALUE`, the last one given counting; `--` ends
/// the options. The first word that is not an option's value names the command;
/// without one, the command is the shell. Nothing here reflects on types: the whole
/// of a command line is read in a few thousand instructions (ArgumentParser took 6 M
/// to read `coach topics --json`, half of that command's run).
enum CommandLineParser {
    static func parse(_ arguments: [String]) throws(UsageError) -> Request {
        let end = arguments.firstIndex(of: "--") ?? arguments.endIndex
        let helpAsked = arguments[..<end].contains { $0 == "--help" || $0 == "-h" }
        var command: CommandSyntax.Name?
        var commandIndex: Int?
        do {
            switch try firstWord(in: arguments[..<end]) {
            case .none: break
            case .command(let name, let index): (command, commandIndex) = (name, index)
            case .help(let name): return .help(name)
            }
        } catch {
            // `coach nothing --help`: the help asked for, of `coach` itself.
            if helpAsked { return .help(nil) }
            throw error
        }
        let name = command ?? .shell
        let seeHelp = command

        // Requests any command takes, before anything else is checked.
        if helpAsked { return .help(command) }
        if arguments[..<end].contains("--version") { return .version }
        if let shell = try completionShell(in: arguments[..<end], command: seeHelp) {
            return .completionScript(shell: shell)
        }

        let syntax = CommandSyntax.of(name)
        var invocation = Invocation(command: name, isTyped: command != nil)
        var index = 0
        while index < arguments.count {
            defer { index += 1 }
            let argument = arguments[index]
            if index == commandIndex || index == end { continue }
            guard index < end, argument.hasPrefix("-"), argument != "-" else {
                guard syntax.words != nil else {
                    throw UsageError("usage.unexpected_argument", ["argument": argument], command: seeHelp)
                }
                invocation.words.append(argument)
                continue
            }
            let (typed, attached) = split(argument)
            guard argument.hasPrefix("--"), let option = syntax.option(typed) else {
                let names = syntax.allOptions.map { "--" + $0.name.rawValue }
                throw UsageError(
                    "usage.unknown_option", ["option": argument], command: seeHelp,
                    suggestion: Suggestion.closest(to: argument.hasPrefix("--") ? "--" + typed : argument, among: names)
                )
            }
            guard let kind = option.value else {
                guard attached == nil else {
                    throw UsageError("usage.no_value", ["option": "--" + typed], command: seeHelp)
                }
                invocation.set(option.name)
                continue
            }
            var value = attached
            if value == nil, index + 1 < end, !arguments[index + 1].hasPrefix("--") {
                index += 1
                value = arguments[index]
            }
            guard let value else { throw UsageError("usage.missing_value", option: option, command: seeHelp) }
            try check(value, of: option, kind: kind, command: seeHelp)
            invocation[option.name] = value
        }
        if let missing = syntax.options.first(where: { $0.isRequired && invocation[$0.name] == nil }) {
            throw UsageError("usage.missing_option", option: missing, command: seeHelp)
        }
        return .run(invocation)
    }

    /// The first word of a command line that is not an option's value.
    private enum FirstWord {
        /// None: the shell.
        case none
        case command(CommandSyntax.Name, at: Int)
        /// `coach help [COMMAND]`.
        case help(CommandSyntax.Name?)
    }

    /// The command named, and where. `coach help` asks for help; any other word that
    /// is not a command's name is refused.
    private static func firstWord(in arguments: ArraySlice<String>) throws(UsageError) -> FirstWord {
        var index = arguments.startIndex
        var helpWord = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument.hasPrefix("--") {
                // As the options are read below: the next word is a value unless it is
                // an option itself.
                let (name, attached) = split(argument)
                if attached == nil, CommandSyntax.takesValue(name), index + 1 < arguments.endIndex,
                    !arguments[index + 1].hasPrefix("--")
                {
                    index += 1
                }
            } else if !argument.hasPrefix("-") || argument == "-" {
                let command = CommandSyntax.Name(rawValue: argument)
                if helpWord {
                    // `coach help help` is the help of `coach`.
                    if argument == "help" { return .help(nil) }
                    guard let command else { throw unknownCommand(argument) }
                    return .help(command)
                }
                if let command { return .command(command, at: index) }
                guard argument == "help" else { throw unknownCommand(argument) }
                helpWord = true
            }
            index += 1
        }
        return helpWord ? .help(nil) : .none
    }

    private static func unknownCommand(_ word: String) -> UsageError {
        let names = CommandSyntax.Name.allCases.map(\.rawValue) + ["help"]
        return UsageError(
            "usage.unknown_command", ["command": word], command: nil,
            suggestion: Suggestion.closest(to: word, among: names))
    }

    /// The shell of `--generate-completion-script SHELL`, when it is asked for.
    private static func completionShell(
        in arguments: ArraySlice<String>, command: CommandSyntax.Name?
    ) throws(UsageError) -> String? {
        let option = CommandSyntax.completionScript
        guard
            let index = arguments.firstIndex(where: {
                $0.hasPrefix("--") && split($0).0 == option.name.rawValue
            })
        else {
            return nil
        }
        var shell = split(arguments[index]).1
        if shell == nil, index + 1 < arguments.endIndex, !arguments[index + 1].hasPrefix("-") {
            shell = arguments[index + 1]
        }
        guard let shell else { throw UsageError("usage.missing_value", option: option, command: command) }
        guard CompletionScript.shells.contains(shell) else {
            throw UsageError(
                "usage.unknown_shell", ["shell": shell, "shells": CompletionScript.shells.joined(separator: ", ")],
                command: command, suggestion: Suggestion.closest(to: shell, among: CompletionScript.shells))
        }
        return shell
    }

    /// Refuses a value that the option cannot take.
    private static func check(
        _ value: String, of option: CommandSyntax.OptionSyntax, kind: CommandSyntax.Value,
        command: CommandSyntax.Name?
    ) throws(UsageError) {
        if option.name == .lang {
            guard Language(code: value) == nil else { return }
            throw UsageError("error.unknown_language", ["code": value], command: command)
        }
        guard case .choice(_, let values) = kind, !values.contains(value) else { return }
        throw UsageError(
            "usage.invalid_choice",
            ["value": value, "option": "--" + option.name.rawValue, "values": values.joined(separator: ", ")],
            command: command, suggestion: Suggestion.closest(to: value, among: values))
    }

    /// `--name=value` as (`name`, `value`); `--name` as (`name`, nil). Only the two
    /// dashes go: `---help` is no option's name.
    private static func split(_ argument: String) -> (String, String?) {
        let body = argument.dropFirst(2)
        guard let equals = body.firstIndex(of: "=") else { return (String(body), nil) }
        return (String(body[..<equals]), String(body[body.index(after: equals)...]))
    }
}
