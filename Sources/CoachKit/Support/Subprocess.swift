#if canImport(Glibc)
    import Glibc
#endif

/// Another program, run to its end: pandoc, for the exports it converts.
enum Subprocess {
    struct Failure: Error {
        var reason: String
    }

    /// Runs `executable` with `arguments`, with this process's
    /// environment; nothing on its standard input, its output discarded, its
    /// errors written to the file `errorsTo`. Returns its exit status.
    static func run(_ executable: String, arguments: [String], errorsTo: String) throws(Failure)
        -> Int32
    {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorsTo, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure(reason: FileSystem.reason(spawned)) }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 {
            guard errno == EINTR else { throw Failure(reason: FileSystem.lastReason) }
        }
        // Exited: its status; killed by a signal: 128 and the signal, as shells say.
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
