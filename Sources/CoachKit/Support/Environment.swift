#if canImport(Glibc)
    import Glibc
#endif

/// The process's environment, from the C library, read a variable at a time where
/// it can be: a table of every variable costs about a third of a million
/// instructions, for a command that reads one or two of them.
public enum Environment {
    /// The variable's value, or nil when it is not set.
    public static subscript(name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The variables of `names` that are set, by name.
    public static func variables(_ names: [String]) -> [String: String] {
        var found: [String: String] = [:]
        for name in names { found[name] = self[name] }
        return found
    }

    /// Every variable, by name (the first, should one be set twice): for a program
    /// the coach runs.
    public static var all: [String: String] {
        var variables: [String: String] = [:]
        // No table at all once the environment is cleared (`clearenv`), though the
        // C library's declaration, as Swift sees it, says there always is one.
        guard UInt(bitPattern: environ) != 0 else { return [:] }
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                let name = String(text[..<equals])
                if variables[name] == nil { variables[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return variables
    }
}
