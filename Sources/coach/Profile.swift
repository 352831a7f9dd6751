import CoachKit

/// The answers a command works from: an answers file, or a shell session by name.
enum Profile {
    /// The answers of `file` or of `session` (a session that does not exist is a
    /// missing input); nil when neither is given.
    static func load(file: String?, session: String?, knowledge: KnowledgeBase) throws -> Answers? {
        if let file {
            return try AnswersFile.load(path: file, knowledge: knowledge)
        }
        guard let session else { return nil }
        let store = SessionStore(environment: Environment.variables(SessionStore.variables))
        guard FileSystem.kind(of: store.path(for: session)) != .missing else {
            throw CoachError.sessionNotFound(session, path: store.path(for: session))
        }
        return try store.load(session, knowledge: knowledge, setAside: false).0.answers
    }

    /// Refuses a session name that could not be a file name of the session store.
    static func checkSession(_ name: String?, command: CommandSyntax.Name?) throws(UsageError) {
        guard let name, !SessionStore.isValid(name: name) else { return }
        throw UsageError("usage.session_name", ["name": name], command: command)
    }
}
