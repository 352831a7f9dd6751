import Testing

@testable import CoachKit

/// A knowledge file's bytes are parsed where they lie (`DataNode.parse(yamlFile:)`):
/// the same tree or the same located error as the text they used to be made into
/// first (checked as UTF-8, a leading byte order mark removed, `parse(yaml:)`).
@Suite("A YAML file read from its bytes")
struct YAMLFileTests {
    /// The text-first reading the bytes' one replaced.
    static func throughText(_ bytes: [UInt8]) -> Result<DataNode, LocatedProblem> {
        guard var text = String(validating: bytes, as: UTF8.self) else {
            return .failure(LocatedProblem(problem: .notUTF8, position: nil))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return Result { () throws(LocatedProblem) in try DataNode.parse(yaml: text) }
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    @Test(arguments: [
        [], bom, bom + bom, bom + Array("\u{301}a: 1\n".utf8), bom + Array("a: b\n".utf8), Array("a: b\n".utf8),
        // Declined by the fast reader, read by libyaml: an error or a value on line 1.
        bom + Array("a: [b\n".utf8), bom + Array("a: &x b\nc: *x\n".utf8), bom + Array("{a: 1}: b\n".utf8),
        bom + Array("rules:\n  - id: été\n    when: x\n".utf8), [0x61, 0x3A, 0x20, 0xFF, 0x0A], bom + [0xC3],
        Array("a: é\nb: \u{FEFF}\n".utf8),
    ])
    func bytesReadAsTheirTextWas(bytes: [UInt8]) {
        let direct = Result { () throws(LocatedProblem) in try DataNode.parse(yamlFile: bytes) }
        switch (direct, Self.throughText(bytes)) {
        case (.success(let a), .success(let b)):
            #expect(PlainYAMLReaderTests.difference(a, b) == nil, "\(bytes)")
        case (.failure(let a), .failure(let b)):
            #expect(a.problem == b.problem && a.position == b.position, "\(bytes): \(a) vs \(b)")
        default:
            Issue.record("\(bytes): \(direct) vs \(Self.throughText(bytes))")
        }
    }
}
