import ArgumentParser
import Testing

@testable import coach

/// `coach COMMAND ARGUMENTS` is parsed from the command typed (`Coach.parse`), not
/// from `coach` as ArgumentParser does (`Coach.parseAsRoot`): the two must agree on
/// every command line, good or bad: the same command with the same values, or the
/// same error, message and exit code.
@Suite("Parsing from the command typed")
struct ParsingTests {
    static let commandLines: [[String]] = [
        ["plan", "--answers", "a.yaml"],
        ["plan", "--answers", "a.yaml", "--format", "json", "--lang", "fr"],
        ["plan", "--session", "léa", "--output", "plan.md", "--knowledge", "k"],
        ["plan", "--answers", "a.yaml", "--metrics", "posts.csv", "--skip-bad-rows"],
        ["plan", "--answers=a.yaml", "--format=markdown"],
        ["plan", "--answers", "a.yaml", "--format", "pfd"],
        ["plan", "--answer", "a.yaml"],
        ["plan", "--answers"],
        ["plan", "--answers", "a.yaml", "extra"],
        ["plan", "--answers", "a.yaml", "--answers", "b.yaml"],
        ["plan", "--lang", "de", "--answers", "a.yaml"],
        ["plan", "--", "--answers"],
        ["plan", "-x"],
        ["plan"],
        ["ask", "comment avoir plus de commentaires"],
        ["ask", "--json", "--limit", "5", "how", "do", "I", "grow"],
        ["ask", "--limit", "many", "why"],
        ["ask", "--answers", "a.yaml", "--session", "s", "why"],
        ["ask"],
        ["rate", "--followers", "1200", "--likes", "40", "--comments", "3", "--platform", "instagram"],
        ["rate", "--followers", "-5", "--likes", "1", "--comments", "1"],
        ["rate", "--likes", "1"],
        ["rate", "--followers", "1e3", "--likes", "1", "--comments", "2", "--size-band", "auto", "--json"],
        ["rate", "--impressions", "100", "--reach", "50", "--likes", "1", "--comments", "1", "--saves", "2"],
        ["topics"], ["topics", "--json"], ["topics", "--json", "--json"], ["topics", "x"],
        ["questions", "--json", "--lang", "en"], ["questions", "--knowledge"],
        ["check"], ["check", "--knowledge", "k", "--lang", "fr"], ["check", "k"],
        ["shell"], ["shell", "--session", "léa"], ["shell", "--session"], ["shell", "--lang", "EN"],
        // Without a command: the shell's.
        [], ["--session", "léa"], ["--lang", "fr", "--knowledge", "k"], ["--session"], ["--bogus"], ["léa"],
        ["--session", "plan"], ["--session", "x", "plan"], ["--lang", "fr", "topics"], ["--json"],
        ["--", "--session", "x"], ["rate"], ["plan", "--session=-x"], ["plan", "--session", "plan"],
        ["ask", "--", "--json", "-x"], ["ask", "help", "me"], ["ask", "how", "-x"], ["check", "-q"],
    ]

    /// What parsing gave: the command and its values, or the error as the user sees it.
    static func outcome(_ parse: () throws -> any ParsableCommand) -> String {
        do {
            var described = ""
            dump(try parse(), to: &described)
            return described
        } catch {
            return "\(Coach.exitCode(for: error).rawValue): \(Coach.message(for: error))"
        }
    }

    @Test(arguments: commandLines)
    func theCommandTypedParsesAsCoachWould(arguments: [String]) {
        let fromCoach = Self.outcome { try Coach.parseAsRoot(arguments) }
        let fromCommand = Self.outcome { try Coach.parse(arguments) }
        #expect(fromCommand == fromCoach)
    }

    /// Requests for help, the version or a completion script go through `coach`.
    @Test(arguments: [
        ["plan", "--help"], ["plan", "-h"], ["help", "plan"], ["ask", "--version"],
        ["topics", "--generate-completion-script", "bash"], ["check", "---completion", "--", "x"],
        ["-help"], ["--help-hidden"], ["--help=x"], ["-hx"], ["--version=1"], ["plan", "-xh"],
        ["plan", "-help"], ["plan", "--help=1"], ["ask", "how", "-help"], ["ask", "what", "--help"],
        ["--session", "x", "-help"], ["plan", "--session=-h"], ["--experimental-dump-help"],
    ])
    func requestsToCoachGoThroughIt(arguments: [String]) {
        #expect(Self.outcome { try Coach.parseAsRoot(arguments) } == Self.outcome { try Coach.parse(arguments) })
    }
}
