import Testing

@testable import CoachKit

/// The JSON that libyaml refuses is read by the coach's own JSON reader: values as
/// the loaders expect them, errors where they are, and no nesting deep enough to
/// overflow the stack.
@Suite("JSON reader")
struct JSONReaderTests {
    @Test func readsValuesAsPlainTextInWrittenOrder() throws {
        let root = try DataNode.parse(json: #"{"a": "x\"\u00e9\ud83d\ude00\n", "b": 3}"#)
        guard case .mapping(let pairs, _) = root else {
            Issue.record("not a mapping")
            return
        }
        #expect(pairs.map(\.key) == ["a", "b"])
        guard case .scalar(let text, .plain, _) = pairs[0].value else {
            Issue.record("not a scalar")
            return
        }
        #expect(text == "x\"é😀\n")
        #expect(pairs[1].value.position == SourcePosition(line: 1, column: 39))
        #expect(pairs[0].keyPosition == SourcePosition(line: 1, column: 2))
        let list = try DataNode.parse(json: "[1, -2.5e3, true, null]")
        guard case .sequence(let elements, _) = list else {
            Issue.record("not a list")
            return
        }
        let texts = elements.map { element -> String in
            if case .scalar(let text, _, _) = element { return text }
            return "?"
        }
        #expect(texts == ["1", "-2.5e3", "true", ""])
        #expect(elements[3].isNull)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "1:9"),
        ("{\"a\" 1}", "1:6"),
        ("[1, 2", "1:6"),
        ("{\"a\": \"\\ud83d\"}", "1:14"),
        ("{\"a\": \"\\x\"}", "1:8"),
        ("\n  [tru]", "2:4"),
        ("[1] 2", "1:5"),
        ("\"é\nx\"", "1:3"),
        ("{\"a\": 1, \"a\": 2}", "1:2"),
        ("[nan]", "1:2"),
        ("[01]", "1:2"),
        ("[.5]", "1:2"),
        ("[1e]", "1:2"),
    ])
    func malformedJSONIsLocated(text: String, position: String) {
        #expect(throws: LocatedProblem.self) { try DataNode.parse(json: text) }
        do {
            _ = try DataNode.parse(json: text)
        } catch {
            #expect(error.position?.description == position, "\(text.debugDescription)")
        }
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let deep = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        #expect(throws: LocatedProblem.self) { try DataNode.parse(json: deep) }
        let fine = String(repeating: "[", count: 150) + String(repeating: "]", count: 150)
        #expect((try? DataNode.parse(json: fine)) != nil)
    }
}
