import Foundation
import Testing

@testable import CoachKit

/// CoachKit reaches the system through the C library, not Foundation (which the coach
/// does not link): these hold its paths, folders, environment, time stamps and
/// threads to what Foundation does.
@Suite("The system without Foundation")
struct SystemTests {
    /// A path reaches the file a file URL's path reaches, and is shown as the URL's
    /// relative path shows it.
    @Test(arguments: [
        "a/../b", "./x", "x/", "/x//y", "x y", "a%20b", "/", ".", "..", "a/./b/", "//x", "x//", "knowledge",
        "/tmp/../etc/./hosts", "../../up", "~/z", "~",
    ])
    func pathsResolveAsFileURLsDo(path: String) {
        let url = URL(fileURLWithPath: path)
        var expected = url.path(percentEncoded: false)
        while expected.count > 1, expected.hasSuffix("/") { expected.removeLast() }
        #expect(PathText.absolute(path) == expected)
        var relative = url.relativePath
        while relative.count > 1, relative.hasSuffix("/") { relative.removeLast() }
        #expect(PathText.display(path) == relative)
    }

    @Test func foldersAreMadeListedAndRemoved() throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "coach-system-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(FileSystem.makeFolder(root + "/a/b/c") == nil)
        #expect(FileSystem.makeFolder(root + "/a/b/c") == nil, "an existing folder is fine")
        #expect(FileSystem.kind(of: root + "/a/b/c") == .folder)
        #expect(FileSystem.writeFile(Array("x".utf8), to: root + "/a/file") == nil)
        #expect(FileSystem.makeFolder(root + "/a/file/d") != nil, "a file is in the way")
        #expect(FileSystem.names(in: root + "/a")?.sorted() == ["b", "file"])
        #expect(FileSystem.names(in: root + "/missing") == nil)
        #expect(FileSystem.contents(of: root + "/a/file") == Array("x".utf8))
        try FileManager.default.createSymbolicLink(atPath: root + "/a/b/link", withDestinationPath: root + "/a/file")
        FileSystem.remove(root + "/a/b")
        #expect(FileSystem.kind(of: root + "/a/b") == .missing)
        #expect(FileSystem.kind(of: root + "/a/file") == .file, "a link is removed, not what it names")
    }

    @Test func atomicWritesReplaceWholeAndNameTheFileAsGiven() throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "coach-system-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(FileSystem.makeFolder(root) == nil)
        try AtomicFile.write(Array("one".utf8), to: root + "/plan.md")
        try AtomicFile.write(Array("two".utf8), to: root + "/./plan.md")
        #expect(FileSystem.contents(of: root + "/plan.md") == Array("two".utf8))
        #expect(FileSystem.names(in: root) == ["plan.md"], "no temporary file is left")
        #expect(throws: CoachError.cannotWrite(root + "/none/plan.md", reason: "No such file or directory")) {
            try AtomicFile.write([], to: root + "/none/plan.md/")
        }
    }

    @Test func theEnvironmentIsTheProcesss() {
        #expect(Environment.all == ProcessInfo.processInfo.environment)
        #expect(Environment["PATH"] == ProcessInfo.processInfo.environment["PATH"])
        #expect(PathText.expandingTilde("~/x", environment: ["HOME": "/h"]) == "/h/x")
        #expect(PathText.expandingTilde("~x", environment: ["HOME": "/h"]) == "~x")
    }

    /// A session set aside is stamped as Foundation's ISO 8601 date, colons left out.
    @Test func stampsAreISO8601InUTC() throws {
        let before = Date().formatted(.iso8601).replacingOccurrences(of: ":", with: "")
        let stamp = Clock.stamp()
        let after = Date().formatted(.iso8601).replacingOccurrences(of: ":", with: "")
        #expect(stamp == before || stamp == after)
        #expect(stamp.count == "2026-11-27T230512Z".count)
    }

    @Test(arguments: [
        ("a-b-c", "-", "_"), ("", "x", "y"), ("xx", "x", "xx"), ("café", "é", "e"), ("e\u{301}", "e", "x"),
        ("ab\u{2060}cd\u{2060}", "\u{2060}", ""), ("abab", "ab", "-"), ("aaa", "aa", "b"),
    ])
    func replacingAsFoundationDoes(text: String, target: String, replacement: String) {
        #expect(text.replacing(target, with: replacement) == text.replacingOccurrences(of: target, with: replacement))
    }

    @Test(arguments: [0, 1, 2, 3, 17, 1000])
    func aConcurrentMapKeepsTheOrder(count: Int) {
        let values = Array(0..<count)
        #expect(values.concurrentMap { $0 * 3 + 1 } == values.map { $0 * 3 + 1 })
    }
}
