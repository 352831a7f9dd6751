import CoachKit

/// A command line the coach cannot take: a message from `locales/` (`usage.*`),
/// printed in the user's language as one line, with a hint.
struct UsageError: Error, Equatable {
    let key: String
    let arguments: [String: String]
    /// The command whose help the hint points to; nil for `coach`'s.
    let command: CommandSyntax.Name?
    /// The likely intent of a misspelt name: the hint, instead of the help.
    let suggestion: String?

    init(
        _ key: String, _ arguments: [String: String] = [:], command: CommandSyntax.Name?, suggestion: String? = nil
    ) {
        self.key = key
        self.arguments = arguments
        self.command = command
        self.suggestion = suggestion
    }

    /// The message, for `coach: error: `: what the user typed shown escaped, so that
    /// the message stays one line.
    func message(in language: Language) -> String {
        let strings = Strings.table(for: language)
        var text = strings(key, arguments.mapValues(Problem.shown))
        if let suggestion {
            text += strings("hint.separator") + strings("hint.did_you_mean", ["name": suggestion])
        } else {
            text += strings("usage.see_help", ["command": "coach" + (command.map { " " + $0.rawValue } ?? "")])
        }
        return UsageLine.oneLine(text)
    }
}
