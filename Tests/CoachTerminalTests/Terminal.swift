import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real terminal for the coach: tmux runs it in a detached session of 100×30,
/// the tests type into it with send-keys and read it with capture-pane.
final class Terminal {
    let server = "coach-test-\(UUID().uuidString.prefix(8))"
    let home: URL

    /// The built binary: `COACH_BIN` (set by `make test`), else beside the test bundle.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["COACH_BIN"], !path.isEmpty { return path }
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appending(path: "coach")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return ".build/debug/coach"
    }()

    /// Starts `coach arguments…` in a fresh home; the shell line reports the exit code.
    init(_ arguments: [String], language: String = "C.UTF-8") throws {
        home = FileManager.default.temporaryDirectory.appending(path: "coach-terminal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let command =
            [
                "env", "HOME=\(home.path)", "XDG_DATA_HOME=\(home.path)/data", "XDG_STATE_HOME=\(home.path)/state",
                "LANG=\(language)", "TERM=xterm-256color", Self.binary,
            ] + arguments
        // The wrapping shell ignores Ctrl-C, as a login shell would; the coach installs
        // its own handler, so the ignored disposition it inherits does not matter.
        let line =
            "trap '' INT; " + command.map { "'\($0)'" }.joined(separator: " ") + "; echo \"[exited $?]\"; sleep 60"
        try tmux(["new-session", "-d", "-x", "100", "-y", "30", "sh", "-c", line])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: home)
    }

    /// Runs `tmux ARGUMENTS` and returns what it printed.
    ///
    /// Through `system(3)`, not `Process`: the tmux server that new-session starts
    /// inherits the client's descriptors, and Foundation's `Process` then never sees
    /// the client end. `system` waits for the shell alone, and the output goes
    /// through a file.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = home.appending(path: "tmux-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        let quoted = (["tmux", "-u", "-L", server] + arguments).map {
            "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        let status = system(quoted.joined(separator: " ") + " </dev/null >'\(output.path)' 2>/dev/null")
        guard status == 0 else { throw TmuxFailed(arguments: arguments) }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    struct TmuxFailed: Error {
        var arguments: [String]
    }

    /// Types `text` as is.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-l", "--", text])
    }

    /// Presses named keys: `Enter`, `Left`, `BSpace`, `Tab`, `Up`, `C-c`, `C-d`.
    func press(_ keys: String...) throws {
        try tmux(["send-keys"] + keys)
    }

    var screen: String {
        (try? tmux(["capture-pane", "-p"])) ?? ""
    }

    /// Waits until the screen shows `text`, polling; false after `timeout` seconds.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen.contains(text) { return true }
            usleep(50_000)
        }
        return false
    }

    /// Waits until the last line shows an empty prompt (`>` or `coach>`): keys sent
    /// before libedit reads are taken by the kernel's line discipline instead.
    @discardableResult
    func waitForPrompt(timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let last = screen.split(separator: "\n").last.map(String.init) ?? ""
            if last == ">" || last == "coach>" { return true }
            usleep(50_000)
        }
        return false
    }

    /// The saved session file, if any.
    func session(_ name: String = "default") -> String? {
        try? String(contentsOf: home.appending(path: "data/coach/sessions/\(name).json"), encoding: .utf8)
    }
}
