import Foundation

/// What loading a knowledge base found: the knowledge when it could be assembled,
/// and every diagnostic, errors and warnings, in file order.
public struct LoadReport: Sendable {
    public var knowledge: KnowledgeBase?
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
}

/// Reads a knowledge folder (or the built-in copy of one) and checks everything it
/// can: syntax, keys, types, translations, ids and the references between them.
///
/// A knowledge folder holds:
/// - `sources.yaml`: the article and its sections;
/// - `questions.yaml`: the interview;
/// - `topics/ID.yaml`: one knowledge entry per file, named after its id.
///
/// Topics are ordered by kind, then by the article's order of sections, then by
/// their `order` within a section, then by id.
public enum KnowledgeLoader {
    /// A file to read: where to report it, where it sits in the folder, its text.
    struct SourceFile {
        enum Contents {
            case yaml(String)
            case json(String)
            case unreadable(Problem)
        }

        var displayPath: String
        var relativePath: String
        var contents: Contents
    }

    static let knownFiles = ["sources.yaml", "questions.yaml"]
    static let topicsFolder = "topics"

    /// Loads the folder at `folder`. Only a folder that cannot be used at all throws;
    /// every problem inside it is a diagnostic.
    public static func load(from folder: URL) throws(CoachError) -> LoadReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw .folderNotFound(folder.path)
        }
        guard isDirectory.boolValue else { throw .notAFolder(folder.path) }
        let display = folder.relativePath.hasSuffix("/") ? String(folder.relativePath.dropLast()) : folder.relativePath
        let files = yamlPaths(in: folder).map { relative in
            SourceFile(
                displayPath: display + "/" + relative,
                relativePath: relative,
                contents: read(folder.appending(path: relative)))
        }
        return load(files: files, folderPath: display)
    }

    /// Loads the knowledge compiled into the binary: from the YAML text when
    /// `withPositions` (for `coach check`), else from the build's compact form.
    public static func loadBuiltIn(withPositions: Bool) -> LoadReport {
        let files = EmbeddedFile.files(in: "knowledge").map { file in
            SourceFile(
                displayPath: "knowledge/" + file.path,
                relativePath: file.path,
                contents: !withPositions && file.json != nil ? .json(file.json!) : .yaml(file.yaml))
        }
        return load(files: files, folderPath: "knowledge")
    }

    // MARK: - Files

    /// The YAML files below `folder`, relative to it, sorted; hidden ones skipped.
    private static func yamlPaths(in folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { path in
                (path.hasSuffix(".yaml") || path.hasSuffix(".yml"))
                    && !path.split(separator: "/").contains { $0.hasPrefix(".") }
            }
            .sorted()
    }

    private static func read(_ url: URL) -> SourceFile.Contents {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .unreadable(.unreadable((error as NSError).localizedDescription))
        }
        guard var text = String(data: data, encoding: .utf8) else { return .unreadable(.notUTF8) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return .yaml(text)
    }

    // MARK: - Loading

    static func load(files: [SourceFile], folderPath: String) -> LoadReport {
        let log = DiagnosticLog()
        var article: (Article, ArticleSites)?
        var questions: [QuestionRecord] = []
        var topics: [TopicRecord] = []
        var sawQuestions = false
        var sawTopics = false

        for file in files {
            let reader = DocumentReader(file: file.displayPath, log: log)
            let root: DataNode
            switch file.contents {
            case .unreadable(let problem):
                reader.error(problem, at: nil)
                continue
            case .yaml(let text):
                do { root = try DataNode.parse(yaml: text) } catch {
                    reader.error(error.problem, at: error.position)
                    continue
                }
            case .json(let text):
                do { root = try DataNode.parse(json: text) } catch {
                    reader.error(error.problem, at: error.position)
                    continue
                }
            }

            let parts = file.relativePath.split(separator: "/").map(String.init)
            switch parts.count == 1 ? parts[0] : parts.count == 2 ? parts[0] + "/" : file.relativePath {
            case "sources.yaml":
                article = decodeSources(root, reader: reader)
            case "questions.yaml":
                sawQuestions = true
                questions = decodeQuestions(root, reader: reader)
            case topicsFolder + "/":
                sawTopics = true
                let name = (parts[1] as NSString).deletingPathExtension
                if let record = decodeTopic(root, fileName: name, reader: reader) { topics.append(record) }
            default:
                let guess = Suggestion.closest(
                    to: file.relativePath,
                    among: knownFiles + [topicsFolder + "/" + (parts.last ?? "")])
                reader.warning(.unknownFile(file.relativePath, suggestion: guess), at: nil)
            }
        }

        let folderReader = DocumentReader(file: folderPath, log: log)
        if article == nil, !files.contains(where: { $0.relativePath == "sources.yaml" }) {
            folderReader.error(.missingFile("sources.yaml"), at: nil)
        }
        if !sawQuestions { folderReader.error(.missingFile("questions.yaml"), at: nil) }
        if !sawTopics { folderReader.error(.missingFile(topicsFolder + "/"), at: nil) }

        checkReferences(article: article, topics: topics, questions: questions, log: log)

        var knowledge: KnowledgeBase?
        if let (article, _) = article {
            let sectionOrder = Dictionary(
                article.sections.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            func rank(_ topic: Topic) -> (Topic.Kind, Int, Int, String) {
                (topic.kind, sectionOrder[topic.source] ?? .max, topic.order ?? .max, topic.id)
            }
            let ordered = topics.compactMap(\.topic).sorted { rank($0) < rank($1) }
            knowledge = KnowledgeBase(article: article, topics: ordered, questions: questions.compactMap(\.question))
        }
        return LoadReport(knowledge: knowledge, diagnostics: log.sorted())
    }

    // MARK: - Cross-references

    private static func checkReferences(
        article: (Article, ArticleSites)?, topics: [TopicRecord], questions: [QuestionRecord], log: DiagnosticLog
    ) {
        let firstTopic = firstDefinitions(topics.map { ($0.id, $0.file, $0.idPosition) }, log: log)
        _ = firstDefinitions(questions.map { ($0.id, $0.file, $0.idPosition) }, log: log)

        let topicIDs = Set(firstTopic.keys).sorted()
        for record in topics {
            for (id, position) in record.related {
                if id == record.id {
                    log.warning(.selfReference(id), in: record.file, at: position)
                } else if firstTopic[id] == nil {
                    log.error(
                        .unknownReference(id, kind: .topic, suggestion: Suggestion.closest(to: id, among: topicIDs)),
                        in: record.file, at: position)
                }
            }
        }

        guard let (article, sites) = article else { return }
        let firstSection = firstDefinitions(
            zip(article.sections, sites.sections).map { ($0.id, sites.file, $1) }, log: log)
        let sectionIDs = article.sections.map(\.id)
        for record in topics {
            guard let source = record.source, firstSection[source] == nil else { continue }
            log.error(
                .unknownReference(
                    source, kind: .section, suggestion: Suggestion.closest(to: source, among: sectionIDs)),
                in: record.file, at: record.sourcePosition)
        }
    }

    /// Where each id is first defined; every later definition is reported.
    private static func firstDefinitions(
        _ definitions: [(id: String?, file: String, position: SourcePosition?)], log: DiagnosticLog
    ) -> [String: SourceLocation] {
        var first: [String: SourceLocation] = [:]
        for definition in definitions {
            guard let id = definition.id else { continue }
            if let earlier = first[id] {
                log.error(.duplicateID(id, first: earlier), in: definition.file, at: definition.position)
            } else {
                first[id] = SourceLocation(file: definition.file, position: definition.position)
            }
        }
        return first
    }
}
