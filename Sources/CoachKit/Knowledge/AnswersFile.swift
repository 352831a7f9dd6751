import FoundationEssentials

/// Answers files (`coach plan --answers FILE`): YAML or JSON, a map from question id
/// to value, partial or complete.
public enum AnswersFile {
    /// The answers in `url`. A missing or unreadable file throws; problems in its
    /// content throw every diagnostic at once.
    public static func load(from url: URL, knowledge: KnowledgeBase) throws(CoachError) -> Answers {
        switch FileSystem.kind(of: url.path) {
        case .missing: throw .fileNotFound(url.relativePath)
        case .folder: throw .notAFile(url.relativePath)
        case .file: break
        }
        guard let file = FileReader(path: url.path) else { throw .unreadable(url.relativePath) }
        let data: Data
        do {
            data = try file.readToEnd()
        } catch {
            throw .unreadable(url.relativePath)
        }
        return try parse(data, path: url.relativePath, knowledge: knowledge)
    }

    /// The answers in `data`, reported as coming from `path`.
    public static func parse(_ data: Data, path: String, knowledge: KnowledgeBase) throws(CoachError) -> Answers {
        let log = DiagnosticLog()
        let reader = DocumentReader(file: path, log: log)
        guard let root = try DataNode.parse(data: data, path: path) else { return Answers() }
        let answers = AnswersReader(knowledge: knowledge, reader: reader).answers(from: root)
        guard !log.diagnostics.contains(where: \.isError) else { throw .invalidData(log.sorted()) }
        return answers
    }
}
