import CoachKit

/// `coach --generate-completion-script bash|zsh|fish`: completion of commands,
/// options and their values, from `CommandSyntax`; zsh and fish also show what each
/// one does, in the language of the coach that wrote the script. `--session`
/// completes with the sessions saved, `--lang` and `--format` with their values.
struct CompletionScript {
    static let shells = ["bash", "zsh", "fish"]

    let strings: Strings

    init(language: Language) {
        strings = Strings.table(for: language)
    }

    func script(for shell: String) -> String {
        switch shell {
        case "zsh": zsh()
        case "fish": fish()
        default: bash()
        }
    }

    /// The sessions saved, one name a line, as a command of bash and zsh, and of fish.
    private static let sessions =
        #"ls "${XDG_DATA_HOME:-$HOME/.local/share}/coach/sessions" 2>/dev/null | sed -n 's/\.json$//p'"#
    private static let fishSessions =
        #"command ls (set -q XDG_DATA_HOME; and echo $XDG_DATA_HOME; or echo $HOME/.local/share)/coach/sessions 2>/dev/null | string replace -r -f '\.json$' ''"#

    private func bash() -> String {
        let commands = CommandSyntax.Name.allCases.map(\.rawValue)
        var lines = [
            "# bash completion for coach: coach --generate-completion-script bash",
            "_coach() {",
            "    local current=\"${COMP_WORDS[COMP_CWORD]}\" previous=\"${COMP_WORDS[COMP_CWORD-1]}\"",
            "    local command=\"\" index",
            "    for ((index = 1; index < COMP_CWORD; index++)); do",
            "        case \"${COMP_WORDS[index]}\" in",
            "            \(commands.joined(separator: "|"))) command=\"${COMP_WORDS[index]}\"; break ;;",
            "        esac",
            "    done",
            "    case \"$previous\" in",
        ]
        var byValue: [(String, [String])] = []
        for syntax in CommandSyntax.all {
            for option in syntax.allOptions {
                guard let value = option.value, !byValue.contains(where: { $0.1.contains("--" + option.name.rawValue) })
                else { continue }
                let action: String
                switch value {
                case .file: action = "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$current\"))"
                case .directory: action = "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$current\"))"
                case .session: action = "COMPREPLY=($(compgen -W \"$(\(Self.sessions))\" -- \"$current\"))"
                case .choice(_, let values):
                    action = "COMPREPLY=($(compgen -W \"\(values.joined(separator: " "))\" -- \"$current\"))"
                case .text: action = "COMPREPLY=()"
                }
                if let index = byValue.firstIndex(where: { $0.0 == action }) {
                    byValue[index].1.append("--" + option.name.rawValue)
                } else {
                    byValue.append((action, ["--" + option.name.rawValue]))
                }
            }
        }
        for (action, options) in byValue {
            lines.append("        \(options.joined(separator: "|"))) \(action); return ;;")
        }
        lines += ["    esac", "    local words", "    case \"$command\" in"]
        for syntax in CommandSyntax.all where syntax.name != .shell {
            let options = syntax.allOptions.map { "--" + $0.name.rawValue }
            lines.append("        \(syntax.name.rawValue)) words=\"\(options.joined(separator: " "))\" ;;")
        }
        let shell = CommandSyntax.of(.shell).allOptions.map { "--" + $0.name.rawValue }
        lines += [
            "        *) words=\"\(shell.joined(separator: " "))\"",
            "           [[ \"$current\" != -* ]] && words=\"\(commands.joined(separator: " ")) help\" ;;",
            "    esac",
            "    COMPREPLY=($(compgen -W \"$words\" -- \"$current\"))",
            "}",
            "complete -F _coach coach",
        ]
        return lines.joined(separator: "\n")
    }

    private func zsh() -> String {
        func quoted(_ text: String) -> String {
            "'" + text.replacing("'", with: "'\\''") + "'"
        }
        func escaped(_ text: String) -> String {
            var result = ""
            for character in text {
                if "[]:\\".contains(character) { result.append("\\") }
                result.append(character)
            }
            return result
        }
        func specs(_ syntax: CommandSyntax) -> [String] {
            syntax.allOptions.map { option in
                let help = escaped(option.description(in: syntax.name, strings))
                if option.name == .help { return "'(-h --help)'{-h,--help}" + quoted("[\(help)]") }
                let name = "--" + option.name.rawValue
                guard let value = option.value else { return quoted("\(name)[\(help)]") }
                let action: String
                switch value {
                case .file: action = "_files"
                case .directory: action = "_files -/"
                case .session: action = "_coach_sessions"
                case .choice(_, let values): action = "(\(values.joined(separator: " ")))"
                case .text: action = " "
                }
                return quoted("\(name)=[\(help)]:\(value.placeholder):\(action)")
            }
        }
        var lines = [
            "#compdef coach",
            "# zsh completion for coach: coach --generate-completion-script zsh",
            "_coach_sessions() {",
            "    local -a sessions",
            "    sessions=(${(f)\"$(\(Self.sessions))\"})",
            "    compadd -a sessions",
            "}",
            "_coach() {",
            "    local -a commands",
            "    commands=(",
        ]
        for command in CommandSyntax.Name.allCases {
            lines.append("        " + quoted("\(command.rawValue):" + command.abstract(strings)))
        }
        lines += [
            "    )",
            "    local command=\"\" word",
            "    for word in \"${(@)words[2,CURRENT-1]}\"; do",
            "        case $word in",
            "            (\(CommandSyntax.Name.allCases.map(\.rawValue).joined(separator: "|"))) command=$word; break ;;",
            "        esac",
            "    done",
            "    if [[ -z $command ]]; then",
            "        _arguments \\",
        ]
        for spec in specs(CommandSyntax.of(.shell)) { lines.append("            \(spec) \\") }
        lines += [
            "            '1: :{_describe command commands}'",
            "        return",
            "    fi",
            "    case $command in",
        ]
        for syntax in CommandSyntax.all {
            lines.append("        \(syntax.name.rawValue))")
            lines.append("            _arguments \\")
            let words = syntax.words.map { ["'*:\($0): '"] } ?? []
            for spec in specs(syntax) + words { lines.append("                \(spec) \\") }
            lines.append("                '1: :(\(syntax.name.rawValue))' ;;")
        }
        lines += ["    esac", "}", "_coach \"$@\""]
        return lines.joined(separator: "\n")
    }

    private func fish() -> String {
        func quoted(_ text: String) -> String {
            "'" + text.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "'"
        }
        let commands = CommandSyntax.Name.allCases.map(\.rawValue).joined(separator: " ")
        var lines = [
            "# fish completion for coach: coach --generate-completion-script fish",
            "complete -c coach -f",
        ]
        for command in CommandSyntax.Name.allCases {
            lines.append(
                "complete -c coach -n 'not __fish_seen_subcommand_from \(commands)' -a \(command.rawValue) -d "
                    + quoted(command.abstract(strings)))
        }
        for syntax in CommandSyntax.all {
            // The shell's options, with `coach shell` or with no command at all.
            let others = CommandSyntax.Name.allCases.filter { $0 != .shell }.map(\.rawValue).joined(separator: " ")
            let condition =
                syntax.name == .shell
                ? "'not __fish_seen_subcommand_from \(others)'"
                : "'__fish_seen_subcommand_from \(syntax.name.rawValue)'"
            for option in syntax.allOptions {
                var line = "complete -c coach -n \(condition) -l \(option.name.rawValue)"
                if option.name == .help { line += " -s h" }
                switch option.value {
                case nil: break
                case .file?, .directory?: line += " -r -F"
                case .session?: line += " -x -a " + quoted("(\(Self.fishSessions))")
                case .choice(_, let values)?: line += " -x -a " + quoted(values.joined(separator: " "))
                case .text?: line += " -x"
                }
                lines.append(line + " -d " + quoted(option.description(in: syntax.name, strings)))
            }
        }
        return lines.joined(separator: "\n")
    }
}
