#if canImport(Glibc)
    import Glibc
#endif

/// What the coach asks of the file system, from the C library: what a path is, a
/// file read in chunks, folders made, listed and removed, and errors told in the
/// system's words.
///
/// The C library rather than Foundation: linking FoundationEssentials alone (and
/// the concurrency, dispatch and string-processing libraries it brings) cost every
/// run some 70 page faults and a third of a millisecond before `main`, for a few
/// calls the C library makes as well (Linker/README.md).
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

    /// The names in `folder`, `.` and `..` left out, in the order the system gives
    /// them; nil when it cannot be read.
    public static func names(in folder: String) -> [String]? {
        guard let stream = opendir(folder) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Makes the folder at `path` and the folders above it that are missing; the
    /// system's words for what went wrong, or nil.
    public static func makeFolder(_ path: String) -> String? {
        if kind(of: path) == .folder { return nil }
        let parent = PathText.deletingLastComponent(path)
        if !parent.isEmpty, parent != path, let failure = makeFolder(parent) { return failure }
        // Another process may have made it meanwhile.
        guard mkdir(path, 0o755) == 0 || (errno == EEXIST && kind(of: path) == .folder) else { return lastReason }
        return nil
    }

    /// Removes `path` and, for a folder, everything in it; links are removed, not
    /// followed.
    static func remove(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if status.st_mode & S_IFMT == S_IFDIR {
            for name in names(in: path) ?? [] { remove(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Whether `path` is a file this process may run.
    static func isExecutableFile(_ path: String) -> Bool {
        kind(of: path) == .file && access(path, X_OK) == 0
    }

    /// The folder for temporary files: `TMPDIR`, else `/tmp`.
    static var temporaryFolder: String {
        guard let folder = Environment["TMPDIR"], !folder.isEmpty else { return "/tmp" }
        return folder
    }

    /// Writes `bytes` to the file at `path`, made or emptied first (not atomically:
    /// for the coach's own temporary files); the system's words for what went
    /// wrong, or nil.
    static func writeFile(_ bytes: [UInt8], to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return lastReason }
        defer { close(descriptor) }
        return write(bytes, to: descriptor)
    }

    /// The whole file at `path`; nil when it cannot be read.
    static func contents(of path: String) -> [UInt8]? {
        guard let file = FileReader(path: path) else { return nil }
        return try? file.readToEnd()
    }

    /// The paths of the regular files below `folder` (or links to them), relative to
    /// it, hidden ones included. Folders reached through a symbolic link are not
    /// entered, so a link to a parent cannot make the walk endless; devices and pipes
    /// are passed over, so that a pipe cannot make a read wait for ever.
    static func files(below folder: String) -> [String] {
        var found: [String] = []
        func walk(_ relative: String) {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            guard let names = names(in: path) else { return }
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
    static func contents(of path: String, limit: Int, display: String) throws(CoachError) -> [UInt8] {
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
    public static func write(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { write($0, to: descriptor) }
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
    static var lastReason: String { reason(errno) }

    /// The system's words for the error `code`: `Permission denied`, `File exists`.
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
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

    /// At most `count` bytes, from one read; empty at the end of the file. Throws the
    /// system's words on a read error.
    func read(upTo count: Int) throws(FileReadError) -> [UInt8] {
        try bytes(upTo: count) { buffer throws(FileReadError) in try read(into: buffer) }
    }

    /// The rest of the file; more than `limit` bytes throws `tooLarge`.
    ///
    /// The first buffer is sized from the file's size, so that it holds the whole file
    /// and a second read finds the end; later ones, each as large as all read so far,
    /// come only if the file grows meanwhile or has no size (a pipe, or a file of
    /// `/proc`), and are copied onto the first. No buffer goes past the byte after the
    /// limit, so that a pipe left open past the limit is refused, not waited on.
    func readToEnd(limit: Int = .max) throws(FileReadError) -> [UInt8] {
        var status = stat()
        let size = fstat(descriptor, &status) == 0 && status.st_size > 0 ? Int(status.st_size) : 0
        // One byte past the limit is enough to know the file is too large.
        let ceiling = limit < Int.max ? limit + 1 : Int.max
        var wanted = Swift.min(Swift.max(Swift.min(size, limit) + 1, 4096), ceiling)
        var data = try bytes(upTo: wanted) { buffer throws(FileReadError) in try fill(buffer) }
        // A buffer left short ends the file, within the limit, as no buffer reaches past
        // the byte after it; a full one may not, and is followed by another.
        var full = data.count == wanted
        while full {
            if data.count > limit { throw .tooLarge }
            wanted = Swift.min(data.count, ceiling - data.count)
            let more = try bytes(upTo: wanted) { buffer throws(FileReadError) in try fill(buffer) }
            data += more
            full = more.count == wanted
        }
        return data
    }

    /// The bytes `reading` puts into a buffer of `count`, which it is given
    /// uninitialised: nothing is zeroed only to be overwritten, and the pages of the
    /// buffer are first touched by the read itself.
    private func bytes(
        upTo count: Int, _ reading: (UnsafeMutableBufferPointer<UInt8>) throws(FileReadError) -> Int
    ) throws(FileReadError) -> [UInt8] {
        var failure: FileReadError?
        let data = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(FileReadError) { initialized = try reading(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
        return data
    }

    /// Fills `buffer` up to its end or the file's; how many bytes it now holds.
    private func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) throws(FileReadError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let now = try read(into: UnsafeMutableBufferPointer(rebasing: buffer[filled...]))
            if now == 0 { break }
            filled += now
        }
        return filled
    }

    /// One read into `buffer` (retried when a signal interrupts it); how many bytes
    /// it gave, none at the end of the file.
    private func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(FileReadError) -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        var result: Int
        repeat {
            result = Glibc.read(descriptor, base, buffer.count)
        } while result < 0 && errno == EINTR
        guard result >= 0 else { throw .failed(FileSystem.lastReason) }
        return result
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
    public static func expandingTilde(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }

    /// `~` and `~/…` with the home folder, from this process's `HOME`.
    public static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return expandingTilde(path, environment: Environment.variables(["HOME"]))
    }

    /// A path as the user gave it, for messages: `~` expanded, trailing slashes
    /// dropped (`knowledge/` → `knowledge`).
    public static func display(_ path: String) -> String {
        var path = expandingTilde(path)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// `path` made absolute as a file URL's path makes it: `~` expanded; a relative
    /// path taken from the working folder, its `.` and `..` resolved by their names
    /// (so `link/..` is the folder holding `link`, where the system would go to the
    /// link's target's parent); trailing slashes dropped.
    public static func absolute(_ path: String) -> String {
        var path = expandingTilde(path)
        guard !path.hasPrefix("/") else { return display(path) }
        // The C library sizes the working folder's path itself.
        guard let folder = getcwd(nil, 0) else { return display(path) }
        path = String(cString: folder) + "/" + path
        free(folder)
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        while components.last?.isEmpty == true { components.removeLast() }
        return "/" + components.joined(separator: "/")
    }
}
