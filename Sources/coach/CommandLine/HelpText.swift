import CoachKit

/// `coach --help` and `coach COMMAND --help`, in the user's language: the syntax from
/// `CommandSyntax`, the words from `locales/` (`cli.*`).
struct HelpText {
    let strings: Strings
    /// The column at which descriptions wrap.
    var width = 80

    init(language: Language) {
        strings = Strings.table(for: language)
    }

    /// The help of `command`, or of `coach` itself.
    func text(for command: CommandSyntax.Name?) -> String {
        guard let command else { return rootText() }
        let syntax = CommandSyntax.of(command)
        var lines =
            wrapped("coach \(command.rawValue): " + command.abstract(strings), indent: 0) + [""]
        var usage = "coach \(command.rawValue)"
        for option in syntax.options where option.isRequired { usage += " " + option.usage(strings) }
        usage += " [" + strings("cli.placeholder.options") + "]"
        if let words = syntax.words { usage += " <\(words)>…" }
        lines += [strings("cli.heading.usage") + " " + usage, ""]
        if syntax.hasDiscussion {
            lines += wrapped(strings("cli.\(command.rawValue).discussion"), indent: 0) + [""]
        }
        lines.append(strings("cli.heading.options"))
        lines += table(syntax.allOptions.map { (optionName($0), $0.description(in: command, strings)) })
        return lines.joined(separator: "\n")
    }

    private func rootText() -> String {
        let shell = CommandSyntax.of(.shell)
        var lines = wrapped("coach: " + strings("cli.coach.abstract"), indent: 0) + [""]
        lines += [
            strings("cli.heading.usage") + " coach [" + strings("cli.placeholder.command") + "] ["
                + strings("cli.placeholder.options") + "]", "",
        ]
        lines += wrapped(strings("cli.coach.discussion"), indent: 0) + [""]
        lines.append(strings("cli.heading.commands"))
        lines += table(CommandSyntax.Name.allCases.map { ($0.rawValue, $0.abstract(strings)) })
        lines += ["", strings("cli.heading.options")]
        lines += table(shell.allOptions.map { (optionName($0), $0.description(in: .shell, strings)) })
        lines += ["", strings("cli.coach.more")]
        return lines.joined(separator: "\n")
    }

    private func optionName(_ option: CommandSyntax.OptionSyntax) -> String {
        option.name == .help ? "-h, --help" : option.usage(strings)
    }

    /// Two columns: names, then descriptions wrapped beside them.
    private func table(_ rows: [(String, String)]) -> [String] {
        let column = min(26, (rows.map(\.0.count).max() ?? 0) + 4)
        var lines: [String] = []
        for (name, description) in rows {
            var text = wrapped(description, indent: column)
            let head = "  " + name
            if head.count + 2 <= column {
                text[0] = head.padded(to: column) + text[0].dropFirst(column)
            } else {
                text.insert(head, at: 0)
            }
            lines += text
        }
        return lines
    }

    /// `text` in lines of at most `width` characters, each indented by `indent`.
    private func wrapped(_ text: String, indent: Int) -> [String] {
        let margin = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, indent + line.count + 1 + word.count > width {
                lines.append(margin + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(margin + line)
        return lines
    }
}
