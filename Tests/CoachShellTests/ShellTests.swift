import CoachKit
import Testing

@testable import CoachShell

/// A reader that plays back lines, then ends the input.
final class ScriptedReader: LineReader {
    var lines: [LineEvent]

    init(_ lines: [LineEvent]) {
        self.lines = lines
    }

    func readLine(prompt: String) -> LineEvent {
        lines.isEmpty ? .endOfInput : lines.removeFirst()
    }
}

@Suite("The shell's commands")
struct ShellTests {
    func transcript(_ events: [LineEvent], language: Language = .en) throws -> [String] {
        var output: [String] = []
        let shell = Shell(
            knowledge: try KnowledgeBase.builtIn(), language: language, version: "test",
            reader: ScriptedReader(events), output: { output.append($0) })
        shell.run()
        return output
    }

    @Test func aTopicIsShownByNumberOrId() throws {
        let byNumber = try transcript([.line("1")])
        let byID = try transcript([.line("concept.audience")])
        let knowledge = try KnowledgeBase.builtIn()
        #expect(byNumber.contains { $0.contains(knowledge.topics[0].text.en.title) })
        #expect(byID.contains { $0.contains(try! #require(knowledge.topic("concept.audience")).text.en.summary) })
    }

    @Test func commandsHaveFrenchAliasesAndCtrlCKeepsTheSession() throws {
        let output = try transcript([
            .line("/fiches"), .interrupted, .line("/langue fr"), .line("/aide"), .line("/quitter"), .line("1"),
        ])
        #expect(output.contains { $0.contains("Concepts") })
        #expect(output.contains("Le coach parle maintenant français."))
        #expect(output.last == "À bientôt.")
        #expect(!output.contains { $0.contains("Première") }, "nothing is read after /quitter")
    }

    @Test func unknownInputIsExplained() throws {
        let output = try transcript([.line("what now?"), .line("/dance"), .line("99")])
        #expect(output.contains("Nothing matches 'what now?'. Type /topics to see what the coach knows."))
        #expect(output.contains("Unknown command '/dance'. Type /help."))
        #expect(output.contains("Nothing matches '99'. Type /topics to see what the coach knows."))
    }
}
