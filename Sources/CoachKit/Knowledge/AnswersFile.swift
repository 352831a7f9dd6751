/// Answers files (`coach plan --answers FILE`): YAML or JSON, a map from question id
/// to value, partial or complete.
public enum AnswersFile {
    /// The largest answers file read: a complete one takes a few kilobytes.
    public static let maximumBytes = 1 << 20

    /// The answers in the file at `path`, named as given in messages. A missing or
    /// unreadable file throws; problems in its content throw every diagnostic at once.
    /// An empty file is refused: it is a mistake (a wrong path, a failed save), not a
    /// profile, which is written `{}`; but `/dev/null` and other devices and pipes
    /// stand for no answers.
    public static func load(path: String, knowledge: KnowledgeBase) throws(CoachError) -> Answers {
        let kind = FileSystem.kind(of: path)
        switch kind {
        case .missing: throw .fileNotFound(path)
        case .folder: throw .notAFile(path)
        case .file, .other: break
        }
        let data = try FileSystem.contents(of: path, limit: maximumBytes, display: path)
        if data.isEmpty, kind == .other { return Answers() }
        return try parse(data, path: path, knowledge: knowledge)
    }

    /// The answers in `data`, reported as coming from `path`.
    public static func parse(_ data: [UInt8], path: String, knowledge: KnowledgeBase) throws(CoachError) -> Answers {
        let log = DiagnosticLog()
        let reader = DocumentReader(file: path, log: log)
        guard let root = try DataNode.parse(data: data, path: path) else {
            throw .invalidData([Diagnostic(.error, .emptyFile, at: SourceLocation(file: path))])
        }
        let answers = AnswersReader(knowledge: knowledge, reader: reader).answers(from: root)
        guard !log.diagnostics.contains(where: \.isError) else { throw .invalidData(log.sorted()) }
        return answers
    }
}
