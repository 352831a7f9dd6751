import CoachKit
import Testing

@testable import coach

@Suite("Help and completion scripts")
struct HelpTests {
    /// Each command's help lists each of its options once, described in the
    /// language asked for, and names its required options in its usage line.
    @Test(arguments: CommandSyntax.Name.allCases)
    func everyOptionIsDescribed(command: CommandSyntax.Name) {
        let syntax = CommandSyntax.of(command)
        for language in Language.allCases {
            let help = HelpText(language: language).text(for: command)
            let strings = Strings.table(for: language)
            let abstract = strings("cli.\(command.rawValue).abstract")
            #expect(help.hasPrefix("coach \(command.rawValue): " + abstract.prefix(40)))
            let described = help.split(separator: "\n").map { $0.drop { $0 == " " } }
            for option in syntax.allOptions {
                let name = option.name == .help ? "-h, --help" : option.usage(strings)
                #expect(
                    described.filter { $0.hasPrefix(name + " ") || $0 == name }.count == 1,
                    "\(option.name) in \(command)")
                #expect(strings.has("cli.option.\(option.name.key)"), "\(option.name)")
            }
            #expect(help.split(separator: "--version", omittingEmptySubsequences: false).count == 2)
            for line in help.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        }
        #expect(HelpText(language: .en).text(for: .rate).contains("coach rate --likes <n> --comments <n> --shares <n>"))
    }

    @Test func theRootHelpListsEveryCommand() {
        let english = HelpText(language: .en).text(for: nil)
        let french = HelpText(language: .fr).text(for: nil)
        for command in CommandSyntax.Name.allCases {
            #expect(english.contains("  \(command.rawValue) "))
            #expect(french.contains(Strings.table(for: .fr)("cli.\(command.rawValue).abstract").prefix(30)))
        }
        #expect(french.contains("Commandes :") && !french.contains("Commands:"))
    }

    @Test(arguments: CompletionScript.shells)
    func aCompletionScriptNamesEveryCommandAndOption(shell: String) {
        let script = CompletionScript(language: .en).script(for: shell)
        for syntax in CommandSyntax.all {
            #expect(script.contains(syntax.name.rawValue))
            for option in syntax.allOptions { #expect(script.contains(option.name.rawValue), "\(option.name)") }
        }
        for format in PlanFormat.allCases { #expect(script.contains(format.rawValue)) }
        // The sessions saved are listed by a command of the script's own shell.
        #expect(script.contains("coach/sessions"))
        if shell == "zsh" {
            #expect(script.contains("_coach_sessions() {") && script.contains(":name:_coach_sessions'"))
        }
    }
}
