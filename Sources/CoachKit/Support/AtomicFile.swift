import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Writes files so that a reader, or a crash, never sees half of one: the data goes
/// to a temporary file beside the target, is flushed to disk, then renamed over it.
/// Two writers of one file (two coach processes on one session) never corrupt it:
/// each rename is whole, and the last one wins.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws(CoachError) {
        let folder = url.deletingLastPathComponent()
        // A name of its own for each write, so that two writers, in two processes or
        // two threads, never share a temporary file: the last rename wins, whole.
        let unique = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = folder.appending(path: ".\(url.lastPathComponent).\(unique).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(url.relativePath, reason: FileSystem.lastReason) }
        var failure = FileSystem.write(data, to: descriptor)
        if failure == nil, fsync(descriptor) != 0 { failure = FileSystem.lastReason }
        close(descriptor)
        if failure == nil, rename(temporary.path, url.path) != 0 { failure = FileSystem.lastReason }
        if let failure {
            unlink(temporary.path)
            throw .cannotWrite(url.relativePath, reason: failure)
        }
    }
}
