import CoachKit

/// A usage error's message as SPEC prints every error, on one line with a hint, for
/// `Console.usage` to print after `coach: error: `. ArgumentParser's messages may span lines (a list of values, the shells it
/// knows); this folds them into one, and escapes whatever line breaks or control
/// characters the user's own text brought in.
enum UsageLine {
    /// `coach WORD` where WORD is neither a command nor an option: the shell, which
    /// `coach` alone starts, takes no such word.
    static func unknownCommand(_ word: String, among commands: [String]) -> String? {
        guard !word.hasPrefix("-"), !commands.contains(word) else { return nil }
        let hint = Suggestion.closest(to: word, among: commands).map { "; did you mean '\($0)'?" } ?? seeHelp(nil)
        return "unknown command '\(Problem.shown(word))'" + hint
    }

    /// The one line for ArgumentParser's `message`, raised while parsing or running
    /// `command` (nil for `coach` itself).
    static func message(_ message: String, command: String?) -> String {
        var text = message
        // ArgumentParser's own continuation lines: a list of values, the known shells.
        text = text.replacing(":\n  - ", with: ": ").replacing("\n  - ", with: ", ")
        text = text.replacing(".\nPlease use", with: ". Please use").replacing(":\n    ", with: ": ")
        while text.hasSuffix("\n") || text.hasSuffix(".") { text.removeLast() }
        let suggests = text.contains(". Did you mean '")
        text = text.replacing(". Did you mean '", with: "; did you mean '")
        if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true {
            text = first.lowercased() + text.dropFirst()
        }
        return oneLine(text) + (suggests ? "" : seeHelp(command))
    }

    /// Where to read more: `(see 'coach plan --help')`.
    static func seeHelp(_ command: String?) -> String {
        " (see 'coach\(command.map { " " + $0 } ?? "") --help')"
    }

    /// The text with every control character and line break escaped (`\n`, `\r`,
    /// `\u{1B}`), so that it stays one line and shows what was typed.
    static func oneLine(_ text: String) -> String {
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
