import Foundation
import Testing

/// Hostile input, as files a user or a stranger might hand the coach: each is refused
/// with its exit code and a message of a few short lines that names the file, and
/// none crashes the coach or makes it hang. The corpus is in Fixtures/hostile; the
/// inputs too large to keep there are made by the tests.
@Suite("Hostile input")
struct HostileInputTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appending(path: "Fixtures/hostile")

    /// One input and what the coach must say of it.
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var status: Int32
        var message: String
        var testDescription: String { file }
    }

    static let answers: [Case] = [
        Case(file: "malformed.yaml", status: 65, message: "malformed.yaml:3:1: error: YAML syntax"),
        Case(file: "wrong-type.yaml", status: 65, message: "expected a number, found a list"),
        Case(file: "nan.yaml", status: 65, message: "'.nan' is not a number"),
        Case(file: "infinity.yaml", status: 65, message: "'-.inf' is not a number"),
        Case(file: "overflow.yaml", status: 65, message: "'1e400' is not a number"),
        Case(file: "negative.yaml", status: 65, message: "out of range"),
        Case(file: "unknown-key.yaml", status: 65, message: "did you mean 'posts_per_week'?"),
        Case(file: "invalid-utf8.yaml", status: 65, message: "invalid-utf8.yaml: error: the file is not UTF-8 text"),
        Case(
            file: "nul-byte.yaml", status: 65,
            message: "nul-byte.yaml:1:18: error: YAML syntax: control characters are not allowed"),
        Case(
            file: "control-in-key.yaml", status: 65,
            message: "control-in-key.yaml:1:5: error: YAML syntax: control characters"),
        Case(file: "long-key.yaml", status: 65, message: "long-key.yaml:1:100001: error: YAML syntax"),
        Case(file: "long-unknown-key.yaml", status: 65, message: "unknown question 'kkkk"),
        Case(file: "escaped-nul.json", status: 65, message: "'3\\0' is not a number"),
        Case(file: "alias-bomb.yaml", status: 65, message: "expands to more than 1000000 values"),
        Case(file: "empty.yaml", status: 65, message: "empty.yaml: error: the file is empty"),
        Case(file: "comments-only.yaml", status: 65, message: "comments-only.yaml: error: the file is empty"),
        Case(file: "binary.yaml", status: 65, message: "binary.yaml: error: the file is not UTF-8 text"),
        Case(file: "two-documents.yaml", status: 65, message: "two-documents.yaml:2:1: error: YAML syntax"),
        Case(file: "json-surrogate.json", status: 65, message: "json-surrogate.json:1:"),
        Case(file: "json-deep.json", status: 65, message: "nested more than 200 deep"),
        Case(file: "missing.yaml", status: 66, message: "coach: error:"),
    ]

    static let posts: [Case] = [
        Case(file: "posts-nan.csv", status: 65, message: "posts-nan.csv:2:1: error: 'nan' is not a count of likes"),
        Case(
            file: "posts-invalid-utf8.csv", status: 65,
            message: "posts-invalid-utf8.csv:2:1: error: the file is not UTF-8"),
        Case(file: "posts-unterminated.csv", status: 65, message: "posts-unterminated.csv:2:1: error: a quoted value"),
        Case(file: "posts-binary.csv", status: 65, message: "posts-binary.csv:"),
        Case(file: "posts-empty.csv", status: 65, message: "posts-empty.csv: error: the file is empty"),
    ]

    /// What every refusal must look like: the exit code, the expected words, a few
    /// lines that name the file, none of them long.
    static func check(_ result: CoachProcess.Result, _ expected: Case) {
        #expect(result.status == expected.status, "\(expected.file): \(result.stderr.prefix(300))")
        #expect(result.stderr.contains(expected.message), "\(expected.file): \(result.stderr.prefix(300))")
        let lines = result.stderr.split(separator: "\n")
        #expect((1...5).contains(lines.count), "\(expected.file): \(lines.count) lines")
        #expect(lines.allSatisfy { $0.count <= 400 }, "\(expected.file): a line of \(lines.map(\.count).max() ?? 0)")
        #expect(lines.first?.contains(expected.file) == true || expected.status == 66)
        #expect(!result.stderr.contains("\0"))
    }

    @Test(arguments: answers)
    func answersFiles(_ expected: Case) throws {
        let result = try CoachProcess.run(
            ["plan", "--answers", Self.corpus.appending(path: expected.file).path, "--format", "json"], timeout: 20)
        Self.check(result, expected)
    }

    @Test(arguments: posts)
    func postsFiles(_ expected: Case) throws {
        let result = try CoachProcess.run(
            [
                "plan", "--answers", Self.bakery.path, "--metrics", Self.corpus.appending(path: expected.file).path,
                "--format", "json",
            ], timeout: 20)
        Self.check(result, expected)
    }

    /// A posts CSV with a value far longer than any post's: refused, not cut.
    @Test func aHugeValueInAPostsFile() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "coach-huge-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let row = "2026-10-01,instagram,\"" + String(repeating: "x", count: 70_000) + "\",1,1,1,100\n"
        try ("date,platform,format,likes,comments,shares,reach\n" + row).write(
            to: file, atomically: true, encoding: .utf8)
        let result = try CoachProcess.run(
            ["plan", "--answers", Self.bakery.path, "--metrics", file.path, "--format", "json"], timeout: 20)
        Self.check(
            result,
            Case(file: file.lastPathComponent, status: 65, message: ":2:1: error: a value is longer than 64 KB"))
    }

    static let bakery = corpus.deletingLastPathComponent().appending(path: "bakery.yaml")

    /// The same hostile files as a rule file of a knowledge folder: the folder is
    /// refused with 65, at the file.
    @Test(arguments: [
        ("binary.yaml", "error: the file is not UTF-8 text"),
        ("invalid-utf8.yaml", "error: the file is not UTF-8 text"),
        ("alias-bomb.yaml", "error: the document expands to more than 1000000 values"),
        ("json-deep.json", "nested more than 200 deep"),
        ("empty.yaml", "error: the file is empty"),
        ("malformed.yaml", ":3:1: error: YAML syntax"),
    ])
    func inAKnowledgeFolder(file: String, message: String) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "coach-hostile-kb-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: fixtures.appending(path: "good"), to: folder)
        try FileManager.default.createDirectory(
            at: folder.appending(path: "rules"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.corpus.appending(path: file), to: folder.appending(path: "rules/hostile.yaml"))
        let result = try CoachProcess.run(["topics", "--knowledge", folder.path], timeout: 20)
        Self.check(result, Case(file: "rules/hostile.yaml", status: 65, message: message))
    }

    /// The inputs too large for the repository: nesting 200 000 deep in YAML and JSON,
    /// a long value, a 6 MB value, a file over the answers limit, and a folder given
    /// as a file.
    @Test func generatedInputs() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "coach-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs: [(String, String, Case)] = [
            (
                "deep.yaml", String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000),
                Case(file: "deep.yaml", status: 65, message: "deep.yaml:1:201: error: lists and mappings are nested")
            ),
            (
                "deep-block.yaml", (0..<700).map { String(repeating: " ", count: $0) + "- \n" }.joined(),
                Case(file: "deep-block.yaml", status: 65, message: "nested more than 200 deep")
            ),
            (
                "deep.json",
                "{\"a\": " + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "}",
                Case(file: "deep.json", status: 65, message: "nested more than 200 deep")
            ),
            (
                "long-name.yaml", "name: \"" + String(repeating: "x", count: 500_000) + "\"\n",
                Case(file: "long-name.yaml", status: 65, message: "at most 80")
            ),
            // One line of 600 KB: a column counted from the line's start at every value
            // once made this take a minute; the test's timeout is the guard.
            (
                "long-line.yaml", "name: [" + Array(repeating: "1", count: 300_000).joined(separator: ",") + "]\n",
                Case(file: "long-line.yaml", status: 65, message: "long-line.yaml:1:7: error: expected")
            ),
            (
                "long-line.json",
                "{\"name\": \"\\ud83d\\ude00\", \"posts\": ["
                    + Array(repeating: "1", count: 300_000).joined(separator: ",") + "]}",
                Case(file: "long-line.json", status: 65, message: "long-line.json:1:")
            ),
            (
                "six-megabytes.yaml", "name: \"" + String(repeating: "x", count: 6 << 20) + "\"\n",
                Case(file: "six-megabytes.yaml", status: 65, message: "larger than 1 MB")
            ),
            (
                "too-large.yaml", "name: x\n" + String(repeating: "# padding\n", count: 120_000),
                Case(file: "too-large.yaml", status: 65, message: "larger than 1 MB")
            ),
        ]
        for (name, text, expected) in inputs {
            try text.write(to: folder.appending(path: name), atomically: true, encoding: .utf8)
            let result = try CoachProcess.run(
                ["plan", "--answers", folder.appending(path: name).path, "--format", "json"], timeout: 20)
            Self.check(result, expected)
        }
        let directory = folder.appending(path: "folder.yaml")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let result = try CoachProcess.run(["plan", "--answers", directory.path], timeout: 20)
        #expect(result.status == 66)
        #expect(result.stderr.contains("is a folder, not a file"))
    }
}
