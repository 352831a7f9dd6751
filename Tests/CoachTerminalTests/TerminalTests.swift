import Foundation
import Testing

/// The shell in a real terminal (tmux, installed by `make test`): line editing with
/// accents, completion, history, Ctrl-C, Ctrl-D, and a `kill -9` that loses nothing.
@Suite("The shell in a terminal", .serialized)
struct TerminalTests {
    init() {
        let found =
            ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/tmux") } ?? false
        #expect(found, "tmux is needed for these tests: make test installs it")
    }

    @Test func accentedInputEditsCorrectlyWithTheArrowKeys() throws {
        let terminal = try Terminal([], language: "C")  // a locale without UTF-8: the coach must cope
        #expect(terminal.waitFor("What is your organisation called?"))
        #expect(terminal.waitForPrompt())
        try terminal.type("Cafe Léa")
        try terminal.press("Left", "Left", "Left", "Left", "BSpace")
        try terminal.type("é")
        try terminal.press("Enter")
        #expect(terminal.waitFor("[2/≈"))
        #expect(terminal.waitForPrompt())
        try terminal.type("/answers")
        try terminal.press("Enter")
        #expect(terminal.waitFor("name: Café Léa"), "\(terminal.screen)")
    }

    @Test func tabCompletesCommandsAndUpRecallsHistory() throws {
        let terminal = try Terminal([])
        #expect(terminal.waitFor("What is your organisation called?"))
        #expect(terminal.waitForPrompt())
        try terminal.type("/whyn")
        try terminal.press("Tab")
        // The completion ends with a space, which capture-pane trims: type after it.
        try terminal.type("tip.regu")
        #expect(terminal.waitFor("> /whynot tip.regu"), "\(terminal.screen)")
        try terminal.press("Tab")
        #expect(terminal.waitFor("> /whynot tip.regularity"), "\(terminal.screen)")
        try terminal.press("Enter")
        #expect(terminal.waitFor("regularity."))
        #expect(terminal.waitForPrompt())
        try terminal.press("Up")
        #expect(terminal.waitFor("> /whynot tip.regularity"), "\(terminal.screen)")
    }

    @Test func ctrlCAbandonsTheLineAndCtrlDSavesAndLeaves() throws {
        let terminal = try Terminal(["--session", "keys"])
        #expect(terminal.waitFor("What is your organisation called?"))
        #expect(terminal.waitForPrompt())
        try terminal.type("a line I regret")
        // Ctrl-C once libedit shows the line: sent while it still reads the text, it
        // was taken with the text, and the line kept (once in CI, "a line I regre").
        #expect(terminal.waitFor("> a line I regret"), "\(terminal.screen)")
        try terminal.press("C-c")
        #expect(terminal.waitFor("^C"))
        #expect(terminal.waitForPrompt())
        try terminal.type("Atelier Zoé")
        try terminal.press("Enter")
        #expect(terminal.waitFor("[2/≈"))
        #expect(terminal.waitForPrompt())
        try terminal.press("C-d")
        #expect(terminal.waitFor("[exited 0]"), "\(terminal.screen)")
        let saved = try #require(terminal.session("keys"))
        #expect(saved.contains("\"name\": \"Atelier Zoé\""))
        #expect(!saved.contains("regret"))
    }

    @Test func killingTheProcessLosesNoAnswer() throws {
        let terminal = try Terminal(["--session", "killed"])
        #expect(terminal.waitFor("What is your organisation called?"))
        #expect(terminal.waitForPrompt())
        try terminal.type("Coop Belle-Rive")
        try terminal.press("Enter")
        #expect(terminal.waitFor("[2/≈"))
        #expect(terminal.waitForPrompt())
        try terminal.type("/set posts_per_week 0,5")
        try terminal.press("Enter")
        #expect(terminal.waitFor("posts_per_week = 0.5"))
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        kill.arguments = ["pkill", "-9", "-f", "--", "--session killed"]
        try kill.run()
        kill.waitUntilExit()
        #expect(terminal.waitFor("[exited 137]"), "\(terminal.screen)")
        let saved = try #require(terminal.session("killed"))
        #expect(saved.contains("\"name\": \"Coop Belle-Rive\""))
        #expect(saved.contains("\"posts_per_week\": 0.5"))
    }
}
