import CoachKit

/// A usage error as SPEC prints every error: one line, `coach: error: MESSAGE`, with a
/// hint. ArgumentParser's messages span several lines (a list of values, the usage,
/// "See …"); this folds them into one.
enum UsageLine {
    /// `coach WORD` where WORD is neither a command nor an option: the shell, which
    /// `coach` alone starts, takes no such word.
    static func unknownCommand(_ word: String, among commands: [String]) -> String? {
        guard !word.hasPrefix("-"), !commands.contains(word) else { return nil }
        let hint = Suggestion.closest(to: word, among: commands).map { "did you mean '\($0)'?" } ?? "see 'coach --help'"
        return "coach: error: unknown command '\(Problem.shown(word))'; \(hint)"
    }

    /// The one line for ArgumentParser's `message`, raised while parsing or running
    /// `command` (`plan`, or `plan` under `coach`; nil for `coach` itself).
    static func from(message: String, command: String?) -> String {
        var text = ""
        for line in message.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop(while: { $0 == " " })
            if line.hasPrefix("Help:") || line.hasPrefix("Usage:") { break }
            if trimmed.hasPrefix("- ") {
                // One of a list of values: "one of the following:\n  - text\n  - json".
                text += (text.hasSuffix(":") ? " " : ", ") + trimmed.dropFirst(2)
            } else {
                text += (text.isEmpty ? "" : " ") + trimmed
            }
        }
        if text.hasSuffix(".") { text.removeLast() }
        text = text.replacing(". Did you mean", with: "; did you mean")
        if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true {
            text = first.lowercased() + text.dropFirst()
        }
        if !text.contains("did you mean") {
            text += " (see 'coach\(command.map { " " + $0 } ?? "") --help')"
        }
        return "coach: error: " + text
    }

    /// The command a full message's usage line names: `plan` in "Usage: coach plan
    /// [--lang <lang>] …", nil for "Usage: coach <subcommand>".
    static func command(in fullMessage: String) -> String? {
        guard let usage = fullMessage.split(separator: "\n").first(where: { $0.hasPrefix("Usage: coach") }) else {
            return nil
        }
        let words = usage.dropFirst("Usage: coach".count).split(separator: " ")
            .prefix(while: { !$0.hasPrefix("[") && !$0.hasPrefix("<") && !$0.hasPrefix("-") })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
