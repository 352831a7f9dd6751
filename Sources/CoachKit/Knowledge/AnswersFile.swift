import Foundation

/// Answers files (`coach plan --answers FILE`): YAML or JSON, a map from question id
/// to value, partial or complete.
public enum AnswersFile {
    /// The answers in `url`. A missing or unreadable file throws; problems in its
    /// content throw every diagnostic at once.
    public static func load(from url: URL, knowledge: KnowledgeBase) throws(CoachError) -> Answers {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .fileNotFound(url.relativePath)
        }
        if isDirectory.boolValue { throw .notAFile(url.relativePath) }
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw .unreadable(url.relativePath) }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw .unreadable(url.relativePath)
        }
        return try parse(data, path: url.relativePath, knowledge: knowledge)
    }

    /// The answers in `data`, reported as coming from `path`.
    public static func parse(_ data: Data, path: String, knowledge: KnowledgeBase) throws(CoachError) -> Answers {
        let log = DiagnosticLog()
        let reader = DocumentReader(file: path, log: log)
        guard var text = String(data: data, encoding: .utf8) else {
            throw .invalidData([Diagnostic(.error, .notUTF8, at: SourceLocation(file: path))])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let root: DataNode
        do {
            root = try DataNode.parse(yaml: text)
        } catch  where error.problem == .emptyFile {
            return Answers()
        } catch  where text.trimmed.hasPrefix("{") && (try? DataNode.parse(json: text)) != nil {
            // Valid JSON that libyaml refuses (surrogate-pair escapes such as "\ud83d\ude00"):
            // read as JSON, without positions.
            root = (try? DataNode.parse(json: text)) ?? .mapping([], at: nil)
        } catch {
            throw .invalidData([
                Diagnostic(.error, error.problem, at: SourceLocation(file: path, position: error.position))
            ])
        }
        let answers = AnswersReader(knowledge: knowledge, reader: reader).answers(from: root)
        guard !log.diagnostics.contains(where: \.isError) else { throw .invalidData(log.sorted()) }
        return answers
    }
}
