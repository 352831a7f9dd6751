import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// What the coach asks of the file system, from the C library: what a path is, a
/// file read in chunks, and errors told in the system's words.
public enum FileSystem {
    /// What a path names: `other` is a device or a pipe, such as `/dev/null`.
    public enum Kind: Sendable { case missing, file, folder, other }

    /// What is at `path`, links followed.
    public static func kind(of path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        default: return .other
        }
    }

    /// The size of the file at `path` in bytes; 0 when it cannot be read.
    static func size(of path: String) -> Int {
        var status = stat()
        guard stat(path, &status) == 0 else { return 0 }
        return Int(status.st_size)
    }

    /// The system's words for an error: `Permission denied`, `No such file or directory`.
    static func reason(_ error: any Error) -> String {
        if let error = error as? CocoaError, let underlying = error.userInfo["NSUnderlyingError"] as? POSIXError {
            return String(cString: strerror(underlying.code.rawValue))
        }
        if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
        return "\(error)"
    }

    /// The paths of the regular files below `folder` (or links to them), relative to
    /// it, hidden ones included. Folders reached through a symbolic link are not
    /// entered, so a link to a parent cannot make the walk endless; devices and pipes
    /// are passed over, so that a pipe cannot make a read wait for ever.
    static func files(below folder: String) -> [String] {
        var found: [String] = []
        func walk(_ relative: String) {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard lstat(folder + "/" + child, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: walk(child)
                case S_IFREG: found.append(child)
                case S_IFLNK where kind(of: folder + "/" + child) == .file: found.append(child)
                default: break
                }
            }
        }
        walk("")
        return found
    }

    /// `path` with every link and `..` resolved; nil when it names nothing.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The whole file at `path`, up to `limit` bytes: a larger one is invalid data.
    /// Problems name the file as `display`.
    static func contents(of path: String, limit: Int, display: String) throws(CoachError) -> Data {
        guard let file = FileReader(path: path) else { throw .unreadable(display) }
        do {
            return try file.readToEnd(limit: limit)
        } catch .tooLarge {
            throw .invalidData([Diagnostic(.error, .fileTooLarge(limit), at: SourceLocation(file: display))])
        } catch {
            throw .unreadable(display)
        }
    }

    /// Writes all of `data` to the file descriptor; the system's words for what went
    /// wrong, or nil.
    public static func write(_ data: Data, to descriptor: Int32) -> String? {
        data.withUnsafeBytes { write($0, to: descriptor) }
    }

    /// Writes all of `bytes` to the file descriptor; the system's words for what went
    /// wrong, or nil.
    public static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return lastReason
            }
            offset += written
        }
        return nil
    }

    /// The words for the C library's last error.
    static var lastReason: String { String(cString: strerror(errno)) }
}

/// A file open for reading: in chunks (a posts CSV is streamed), or whole.
struct FileReader: ~Copyable {
    private let descriptor: Int32

    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// At most `count` bytes; empty at the end of the file. Throws the system's
    /// words on a read error.
    func read(upTo count: Int) throws(FileReadError) -> Data {
        var data = Data(count: count)
        data.count = try read(into: &data, from: 0)
        return data
    }

    /// Reads into `data` from `start` to its end, as much as one read gives (retried
    /// when a signal interrupts it); how many bytes `data` now holds from its start.
    private func read(into data: inout Data, from start: Int) throws(FileReadError) -> Int {
        let read = data.withUnsafeMutableBytes { buffer in
            guard start < buffer.count, let base = buffer.baseAddress else { return 0 }
            var result: Int
            repeat {
                result = Glibc.read(descriptor, base + start, buffer.count - start)
            } while result < 0 && errno == EINTR
            return result
        }
        guard read >= 0 else { throw .failed(FileSystem.lastReason) }
        return start + read
    }

    /// The rest of the file; more than `limit` bytes throws `tooLarge`.
    ///
    /// The buffer is sized from the file's size, so that one read fills it and a
    /// second finds the end; it grows if the file grows meanwhile, or has no size
    /// (a pipe, or a file of `/proc`).
    func readToEnd(limit: Int = .max) throws(FileReadError) -> Data {
        var status = stat()
        let size = fstat(descriptor, &status) == 0 && status.st_size > 0 ? Int(status.st_size) : 0
        var data = Data(count: Swift.max(Swift.min(size, limit) + 1, 4096))
        var filled = 0
        // One byte past the limit is enough to know the file is too large.
        let ceiling = limit < Int.max ? limit + 1 : Int.max
        while true {
            if filled == data.count { data.count = Swift.min(2 * filled, ceiling) }
            let now = try read(into: &data, from: filled)
            if now == filled {
                data.count = filled
                return data
            }
            filled = now
            if filled > limit { throw .tooLarge }
        }
    }
}

enum FileReadError: Error {
    case failed(String)
    case tooLarge
}

/// Paths as text, in the slash-separated form the coach's messages show.
public enum PathText {
    /// `rules/posts.yaml` → `posts.yaml`.
    public static func lastComponent(_ path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? trimmed
    }

    /// `posts.yaml` → `yaml`; empty without an extension.
    public static func pathExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// `posts.yaml` → `posts`.
    public static func deletingExtension(_ path: String) -> String {
        let ext = pathExtension(path)
        return ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
    }

    /// `a/b/c` → `a/b`; `c` → empty; `/c` → `/`.
    public static func deletingLastComponent(_ path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// `~` and `~/…` with the home folder, from `HOME`.
    public static func expandingTilde(
        _ path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }
}

extension URL {
    /// The file's path, as `path` gives it: percent escapes decoded, a folder's
    /// trailing slash dropped. `path` costs some 200 000 instructions the first
    /// time a process asks for it; `path(percentEncoded:)` does not.
    var filePath: String {
        var path = path(percentEncoded: false)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
