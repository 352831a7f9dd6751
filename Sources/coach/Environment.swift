#if canImport(Glibc)
    import Glibc
#endif

/// The process's environment, read a variable at a time. `ProcessInfo`'s table
/// copies every variable into a dictionary: about a third of a million instructions,
/// for a command that reads one or two of them.
enum Environment {
    /// The variable's value, or nil when it is not set.
    static subscript(name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The variables of `names` that are set, by name.
    static func variables(_ names: [String]) -> [String: String] {
        var found: [String: String] = [:]
        for name in names { found[name] = self[name] }
        return found
    }
}
