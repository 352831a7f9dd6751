import CoachKit
import Testing

@testable import coach

/// `coach`'s command line, read by `CommandLineParser` from `CommandSyntax`.
@Suite("Parsing the command line")
struct ParsingTests {
    typealias Option = CommandSyntax.Option

    static func run(
        _ command: CommandSyntax.Name, typed: Bool = true, _ values: KeyValuePairs<Option, String> = [:],
        flags: [Option] = [], words: [String] = []
    ) -> Request {
        .run(
            Invocation(
                command: command, isTyped: typed, values: values.map { ($0.key, $0.value) }, flags: flags, words: words)
        )
    }

    static let good: [([String], Request)] = [
        (["plan", "--answers", "a.yaml"], run(.plan, [.answers: "a.yaml"])),
        (
            ["plan", "--answers", "a.yaml", "--format", "json", "--lang", "fr"],
            run(.plan, [.answers: "a.yaml", .format: "json", .lang: "fr"])
        ),
        (["plan", "--answers=a.yaml", "--format=markdown"], run(.plan, [.answers: "a.yaml", .format: "markdown"])),
        (["plan", "--answers", "a.yaml", "--answers", "b.yaml"], run(.plan, [.answers: "b.yaml"])),
        (
            ["plan", "--answers", "a.yaml", "--metrics", "posts.csv", "--skip-bad-rows"],
            run(.plan, [.answers: "a.yaml", .metrics: "posts.csv"], flags: [.skipBadRows])
        ),
        // Options before the command's name, and a value that is a command's name.
        (["--lang", "fr", "topics"], run(.topics, [.lang: "fr"])),
        (["--session", "plan"], run(.shell, typed: false, [.session: "plan"])),
        (["--session", "x", "plan", "--answers", "a"], run(.plan, [.session: "x", .answers: "a"])),
        (["plan", "--session=-x"], run(.plan, [.session: "-x"])),
        (
            ["rate", "--likes", "1", "--comments", "2", "--shares", "-3"],
            run(.rate, [.likes: "1", .comments: "2", .shares: "-3"])
        ),
        // Without a command: the shell.
        ([], run(.shell, typed: false)),
        (["--lang", "EN"], run(.shell, typed: false, [.lang: "EN"])),
        (["shell", "--session", "léa"], run(.shell, [.session: "léa"])),
        // The question's words, among options and after `--`.
        (
            ["ask", "--json", "how", "--limit", "5", "do", "I", "grow"],
            run(.ask, [.limit: "5"], flags: [.json], words: ["how", "do", "I", "grow"])
        ),
        (["ask", "--", "--json", "-x"], run(.ask, words: ["--json", "-x"])),
        (["ask", "help", "me", "-"], run(.ask, words: ["help", "me", "-"])),
        (["topics", "--json", "--json"], run(.topics, flags: [.json])),
        // Only `--NAME` is an option: a word that spells one is a word.
        (["ask", "generate-completion-script", "bash"], run(.ask, words: ["generate-completion-script", "bash"])),
        // Requests any command takes.
        (["--help"], .help(nil)), (["-h"], .help(nil)), (["help"], .help(nil)), (["help", "plan"], .help(.plan)),
        (["help", "help"], .help(nil)), (["--bogus", "x", "--help"], .help(nil)), (["nothing", "-h"], .help(nil)),
        (["plan", "--help"], .help(.plan)), (["plan", "--bogus", "-h"], .help(.plan)),
        (["ask", "what", "--help"], .help(.ask)), (["--lang", "fr", "rate", "-h"], .help(.rate)),
        (["--version"], .version), (["ask", "--version"], .version), (["plan", "--lang", "fr", "--version"], .version),
        (["--generate-completion-script", "zsh"], .completionScript(shell: "zsh")),
        (["--generate-completion-script=fish"], .completionScript(shell: "fish")),
    ]

    @Test(arguments: good)
    func aGoodCommandLine(arguments: [String], expected: Request) throws {
        #expect(try CommandLineParser.parse(arguments) == expected)
    }

    static let bad: [([String], String, CommandSyntax.Name?)] = [
        (["plan", "--answer", "a.yaml"], "usage.unknown_option", .plan),
        (["plan", "-x"], "usage.unknown_option", .plan),
        (["plan", "--answers"], "usage.missing_value", .plan),
        (["plan", "--answers", "--format", "json"], "usage.missing_value", .plan),
        (["plan", "--answers", "a.yaml", "extra"], "usage.unexpected_argument", .plan),
        (["plan", "--", "--answers"], "usage.unexpected_argument", .plan),
        (["plan", "--answers", "a.yaml", "--format", "pfd"], "usage.invalid_choice", .plan),
        (["plan", "--lang", "de", "--answers", "a.yaml"], "error.unknown_language", .plan),
        (["topics", "--json=yes"], "usage.no_value", .topics),
        (["topics", "x"], "usage.unexpected_argument", .topics),
        (["check", "k"], "usage.unexpected_argument", .check),
        (["rate", "--likes", "1"], "usage.missing_option", .rate),
        (["tpoics"], "usage.unknown_command", nil), (["léa"], "usage.unknown_command", nil),
        (["help", "nothing"], "usage.unknown_command", nil),
        (["--json"], "usage.unknown_option", nil), (["--session"], "usage.missing_value", nil),
        (["--generate-completion-script", "tcsh"], "usage.unknown_shell", nil),
        (["--generate-completion-script"], "usage.missing_value", nil),
        (["topics", "---help"], "usage.unknown_option", .topics), (["-help"], "usage.unknown_option", nil),
        // An option's value is never an option, here as where the command is found.
        (["--session", "--lang", "fr", "plan"], "usage.missing_value", .plan),
    ]

    @Test(arguments: bad)
    func aBadCommandLine(arguments: [String], key: String, command: CommandSyntax.Name?) {
        #expect(throws: UsageError.self) { try CommandLineParser.parse(arguments) }
        do {
            _ = try CommandLineParser.parse(arguments)
        } catch {
            #expect(error.key == key)
            #expect(error.command == command)
        }
    }

    @Test func aMisspeltNameGetsItsLikelyIntent() throws {
        let cases: [([String], String)] = [
            (["plan", "--answer", "a.yaml"], "--answers"), (["tpoics"], "topics"),
            (["plan", "--answers", "a", "--format", "mardown"], "markdown"),
            (["rate", "--size-bnd", "x"], "--size-band"),
        ]
        for (arguments, suggestion) in cases {
            #expect(throws: UsageError.self) { try CommandLineParser.parse(arguments) }
            do { _ = try CommandLineParser.parse(arguments) } catch { #expect(error.suggestion == suggestion) }
        }
    }

    /// The commands' own checks, made when each is built from its command line.
    @Test(arguments: [
        (["ask"], "usage.ask_question"), (["ask", " "], "usage.ask_question"),
        (["ask", "--limit", "many", "why"], "usage.limit"), (["ask", "--limit", "51", "why"], "usage.limit"),
        (["ask", "--answers", "a.yaml", "--session", "s", "why"], "usage.answers_or_session"),
        (["plan"], "usage.plan_profile"), (["plan", "--answers", "a", "--session", "b"], "usage.plan_profile"),
        (["plan", "--answers", "a", "--format", "pdf"], "usage.binary_format"),
        (["plan", "--session", "a b"], "usage.session_name"), (["--session", "../x"], "usage.session_name"),
    ])
    func aCommandRefusesWhatItsOptionsSayTogether(arguments: [String], key: String) throws {
        guard case .run(let invocation) = try CommandLineParser.parse(arguments) else {
            Issue.record("\(arguments) is not a command to run")
            return
        }
        #expect(throws: UsageError.self) { try Coach.command(invocation) }
        do { _ = try Coach.command(invocation) } catch { #expect(error.key == key) }
    }

    @Test func theCommandsTakeTheirValues() throws {
        guard case .run(let invocation) = try CommandLineParser.parse(["ask", "--limit", "7", "--lang", "fr", "why"]),
            let ask = try Coach.command(invocation) as? Ask
        else {
            Issue.record("not ask")
            return
        }
        #expect(ask.limit == 7 && ask.question == ["why"] && ask.options.language == .fr)
    }

    /// A usage error is one line, in the language asked for, with its hint.
    @Test func theMessageIsOneLineInTheUsersLanguage() {
        let error = UsageError("usage.unknown_option", ["option": "--x\n- y"], command: .plan)
        #expect(error.message(in: .en) == "unknown option '--x\\n- y' (see 'coach plan --help')")
        #expect(error.message(in: .fr) == "option inconnue : « --x\\n- y » (voir « coach plan --help »)")
        let missing = UsageError(
            "usage.missing_value", option: CommandSyntax.of(.topics).option("knowledge"), command: .topics)
        #expect(missing.message(in: .en) == "missing value for '--knowledge <dir>' (see 'coach topics --help')")
        #expect(
            missing.message(in: .fr)
                == "il manque la valeur de « --knowledge <dossier> » (voir « coach topics --help »)")
        // What the user typed is shortened; the coach's own reason is not.
        let reason = String(repeating: "r", count: 150)
        let long = UsageError(
            "usage.option_value", ["option": String(repeating: "x", count: 150)], phrases: ["problem": reason],
            command: .rate)
        #expect(long.message(in: .en).contains("x…: " + reason + " (see"))
        let suggested = UsageError("usage.unknown_command", ["command": "tpoics"], command: nil, suggestion: "topics")
        #expect(suggested.message(in: .en) == "unknown command 'tpoics'; did you mean 'topics'?")
        #expect(CommonOptions.language(of: ["plan", "--lang", "fr", "--bogus"]) == .fr)
        #expect(CommonOptions.language(of: ["plan", "--lang=en"]) == .en)
    }
}
