import Foundation
import Testing

@testable import CoachKit

/// Files are read whole into a buffer sized from the file's size: every size around
/// the buffer's edges reads back the same bytes, a file past the limit is refused,
/// and a pipe (which has no size) is read as it comes.
@Suite("Reading a whole file")
struct FileReadingTests {
    static func bytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) } }

    @Test(arguments: [0, 1, 4095, 4096, 4097, 70_000, 200_001])
    func aFileReadsBackWhole(size: Int) throws {
        let folder = try temporaryFolder([:])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "f")
        try Data(Self.bytes(size)).write(to: file)
        let read = try FileSystem.contents(of: file.path, limit: 1 << 20, display: "f")
        #expect(Array(read) == Self.bytes(size))
    }

    @Test(arguments: [(10, 9), (10, 10), (5000, 4999), (5000, 5000)])
    func theLimitIsTheLastByteAllowed(size: Int, limit: Int) throws {
        let folder = try temporaryFolder([:])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "f")
        try Data(Self.bytes(size)).write(to: file)
        let read = Result { () throws(CoachError) in try FileSystem.contents(of: file.path, limit: limit, display: "f")
        }
        switch read {
        case .success(let data): #expect(size <= limit && data.count == size)
        case .failure(let error): #expect(size > limit, "\(error)")
        }
    }

    @Test func aPipeIsReadAsItComes() throws {
        let pipe = Pipe()
        let written = Self.bytes(150_000)
        let writer = Thread {
            pipe.fileHandleForWriting.write(Data(written))
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        let read = try FileSystem.contents(
            of: "/proc/self/fd/\(pipe.fileHandleForReading.fileDescriptor)", limit: 1 << 20, display: "pipe")
        #expect(Array(read) == written)
    }

    /// The reader's buffer grows as a pipe is read: past the limit, the pipe is
    /// refused all the same.
    @Test func aPipePastTheLimitIsRefused() throws {
        let pipe = Pipe()
        let writer = Thread {
            pipe.fileHandleForWriting.write(Data(Self.bytes(150_000)))
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        let read = Result { () throws(CoachError) in
            try FileSystem.contents(
                of: "/proc/self/fd/\(pipe.fileHandleForReading.fileDescriptor)", limit: 100_000, display: "pipe")
        }
        guard case .failure(.invalidData(let diagnostics)) = read else {
            Issue.record("not refused: \(read)")
            return
        }
        #expect(diagnostics.map(\.problem) == [.fileTooLarge(100_000)])
    }

    /// A pipe left open past a small limit is refused once it has sent one byte more,
    /// not waited on until it fills a buffer of the usual size. The writer closes its
    /// end after ten seconds, so that a reader that waits still ends.
    @Test func aPipeLeftOpenPastASmallLimitIsRefusedAtOnce() throws {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(Self.bytes(200)))
        let closer = Thread {
            Thread.sleep(forTimeInterval: 10)
            try? pipe.fileHandleForWriting.close()
        }
        closer.start()
        let start = Date()
        let read = Result { () throws(CoachError) in
            try FileSystem.contents(
                of: "/proc/self/fd/\(pipe.fileHandleForReading.fileDescriptor)", limit: 100, display: "pipe")
        }
        #expect(Date().timeIntervalSince(start) < 5)
        guard case .failure(.invalidData(let diagnostics)) = read else {
            Issue.record("not refused: \(read)")
            return
        }
        #expect(diagnostics.map(\.problem) == [.fileTooLarge(100)])
    }

    /// A read that fails (a folder opens, but does not read) is reported as such.
    @Test func aFailedReadIsUnreadable() throws {
        let folder = try temporaryFolder([:])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: CoachError.unreadable("folder")) {
            try FileSystem.contents(of: folder.path, limit: 1 << 20, display: "folder")
        }
    }
}
