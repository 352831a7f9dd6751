import CoachKit

/// A command line the coach cannot take: a message from `locales/` (`usage.*`),
/// printed in the user's language as one line, with a hint.
struct UsageError: Error, Equatable {
    let key: String
    /// What the user typed, by argument name: shown escaped and shortened.
    let arguments: [String: String]
    /// The option the message names as `{option}`, with its value's placeholder.
    let option: CommandSyntax.OptionSyntax?
    /// The coach's own words, by argument name, already in the user's language.
    let phrases: [String: String]
    /// The command whose help the hint points to; nil for `coach`'s.
    let command: CommandSyntax.Name?
    /// The likely intent of a misspelt name: the hint, instead of the help.
    let suggestion: String?

    init(
        _ key: String, _ arguments: [String: String] = [:], option: CommandSyntax.OptionSyntax? = nil,
        phrases: [String: String] = [:], command: CommandSyntax.Name?, suggestion: String? = nil
    ) {
        self.key = key
        self.arguments = arguments
        self.option = option
        self.phrases = phrases
        self.command = command
        self.suggestion = suggestion
    }

    /// The message, for `coach: error: `: what the user typed shown escaped, so that
    /// the message stays one line.
    func message(in language: Language) -> String {
        let strings = Strings.table(for: language)
        var values = arguments.mapValues(Problem.shown).merging(phrases) { typed, _ in typed }
        if let option { values["option"] = option.usage(strings) }
        var text = strings(key, values)
        if let suggestion {
            text += strings("hint.separator") + strings("hint.did_you_mean", ["name": suggestion])
        } else {
            text += strings("usage.see_help", ["command": "coach" + (command.map { " " + $0.rawValue } ?? "")])
        }
        return Self.oneLine(text)
    }

    /// The text with every control character and line break escaped (`\n`, `\r`,
    /// `\u{1B}`), so that it stays one line and shows what was typed.
    private static func oneLine(_ text: String) -> String {
        func breaks(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isControlCharacter || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
        guard text.unicodeScalars.contains(where: breaks) else { return text }
        var line = ""
        for scalar in text.unicodeScalars {
            if breaks(scalar) {
                line += scalar.escaped(asASCII: true)
            } else {
                line.unicodeScalars.append(scalar)
            }
        }
        return line
    }
}
