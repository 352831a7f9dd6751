import Foundation

/// The built `coach` binary, run as a user would run it.
struct CoachProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `COACH_BIN` (set by `make test`), else the binary beside the test bundle.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["COACH_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appending(path: "coach")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/coach")
    }()

    /// Runs `coach arguments…` with `input` on standard input and a clean, English,
    /// colourless environment plus `environment`; gives up after `timeout` seconds.
    static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:],
        executable: URL = binary, directory: URL? = nil, timeout: TimeInterval = 20
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // A home of its own for each run, so that no session or history leaks between tests.
        let home = FileManager.default.temporaryDirectory.appending(path: "coach-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        var base = ["PATH": "/usr/bin:/bin", "HOME": home.path, "LANG": "C.UTF-8"]
        // Under `make sanitize`, the sanitizers' settings reach the coach too.
        for name in ["ASAN_OPTIONS", "TSAN_OPTIONS", "UBSAN_OPTIONS"] {
            base[name] = ProcessInfo.processInfo.environment[name]
        }
        base.merge(environment) { $1 }
        process.environment = base
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Read both pipes while the process runs, so that a large output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data()
        nonisolated(unsafe) var err = Data()
        DispatchQueue.global().async(group: group) { out = stdout.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { err = stderr.fileHandleForReading.readDataToEndOfFile() }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw TimedOut(arguments: arguments)
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    struct TimedOut: Error {
        var arguments: [String]
    }

    /// The JSON object a command printed.
    static func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let dictionary = object as? [String: Any] else { throw NotAnObject() }
        return dictionary
    }

    struct NotAnObject: Error {}
}

/// The unit tests' fixtures, shared with these tests.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "CoachKitTests/Fixtures")
