#if canImport(Glibc)
    import Glibc
#endif

/// Writes files so that a reader, or a crash, never sees half of one: the data goes
/// to a temporary file beside the target, is flushed to disk, then renamed over it.
/// Two writers of one file (two coach processes on one session) never corrupt it:
/// each rename is whole, and the last one wins.
public enum AtomicFile {
    /// Writes `bytes` to the file at `path`; problems name it as the user gave it
    /// (`PathText.display`).
    public static func write(_ bytes: [UInt8], to path: String) throws(CoachError) {
        let target = PathText.absolute(path)
        let display = PathText.display(path)
        let folder = PathText.deletingLastComponent(target)
        // A name of its own for each write, so that two writers, in two processes or
        // two threads, never share a temporary file: the last rename wins, whole.
        let unique = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // (The folder is empty only when the working folder could not be found.)
        let base = folder.isEmpty ? "." : folder == "/" ? "" : folder
        let temporary = base + "/.\(PathText.lastComponent(target)).\(unique).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(display, reason: FileSystem.lastReason) }
        var failure = FileSystem.write(bytes, to: descriptor)
        if failure == nil, fsync(descriptor) != 0 { failure = FileSystem.lastReason }
        close(descriptor)
        if failure == nil, rename(temporary, target) != 0 { failure = FileSystem.lastReason }
        if let failure {
            unlink(temporary)
            throw .cannotWrite(display, reason: failure)
        }
    }
}
