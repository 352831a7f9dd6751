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
/// - `topics/ID.yaml`: one knowledge entry per file, named after its id;
/// - `facts.yaml`: derived facts (optional);
/// - `rules/*.yaml`: the rules, grouped by theme (optional);
/// - `scenarios/*.yaml`: scenario tests (optional), run by `coach check`.
///
/// Topics are ordered by kind, then by the article's order of sections, then by
/// their `order` within a section, then by id.
public enum KnowledgeLoader {
    /// A file to read: where to report it, where it sits in the folder, its text.
    struct SourceFile {
        enum Contents {
            case yaml(String)
            /// A file on disk, read when its turn comes, so that its text is held
            /// only while it is decoded.
            case file(path: String, size: Int)
            /// A link to a file outside the folder: not read, reported.
            case outside
        }

        var displayPath: String
        var relativePath: String
        var contents: Contents

        /// A file of the built-in knowledge, shown under `knowledge/`.
        init(embedded file: EmbeddedFile) {
            self.init(displayPath: "knowledge/" + file.path, relativePath: file.path, contents: .yaml(file.yaml))
        }

        init(displayPath: String, relativePath: String, contents: Contents) {
            self.displayPath = displayPath
            self.relativePath = relativePath
            self.contents = contents
        }
    }

    static let knownFiles = [
        "sources.yaml", "questions.yaml", "facts.yaml", "plan.yaml", "benchmarks.yaml", "search.yaml", "metrics.yaml",
    ]
    static let topicsFolder = "topics"
    static let rulesFolder = "rules"
    static let scenariosFolder = "scenarios"

    /// Loads the folder at `folder`. Only a folder that cannot be used at all throws;
    /// every problem inside it is a diagnostic.
    /// Files are named in diagnostics under the folder's path as given
    /// (`PathText.display`); a folder that cannot be used, by its absolute path.
    public static func load(from folder: String, includingScenarios: Bool = true) throws(CoachError) -> LoadReport {
        let folderPath = PathText.absolute(folder)
        switch FileSystem.kind(of: folderPath) {
        case .missing: throw .folderNotFound(folderPath)
        case .file, .other: throw .notAFolder(folderPath)
        case .folder: break
        }
        let display = PathText.display(folder)
        let paths = yamlPaths(in: folderPath).filter { includingScenarios || !$0.hasPrefix(scenariosFolder + "/") }
        let root = FileSystem.realPath(folderPath)
        let files = paths.map { relative in
            let path = (folderPath == "/" ? "" : folderPath) + "/" + relative
            // A third-party folder must not make the coach read, and then quote in its
            // messages, a file from elsewhere through a link.
            guard let root, let target = FileSystem.realPath(path), target.hasPrefix(root + "/") else {
                return SourceFile(displayPath: display + "/" + relative, relativePath: relative, contents: .outside)
            }
            return SourceFile(
                displayPath: display + "/" + relative, relativePath: relative,
                contents: .file(path: path, size: FileSystem.size(of: path)))
        }
        return load(files: files, folderPath: display)
    }

    /// Loads the knowledge compiled into the binary: the `parts` asked for, and its
    /// scenarios when asked (only `coach check` runs them, with every part).
    public static func loadBuiltIn(includingScenarios: Bool, parts: KnowledgeBase.Parts = .all) -> LoadReport {
        let embedded = EmbeddedFile.files(in: "knowledge").filter { file in
            if file.path.hasPrefix(scenariosFolder + "/") { return includingScenarios }
            return part(of: file.path).map(parts.contains) ?? true
        }
        let files = embedded.map(SourceFile.init(embedded:))
        return load(files: files, folderPath: "knowledge", parts: parts)
    }

    /// Reads the built-in search vocabulary and metrics, those of `parts`, into `base`;
    /// their diagnostics.
    static func addBuiltIn(_ parts: KnowledgeBase.Parts, to base: inout KnowledgeBase) -> [Diagnostic] {
        let log = DiagnosticLog()
        for file in EmbeddedFile.files(in: "knowledge") {
            guard let part = part(of: file.path), part != .interview, parts.contains(part) else { continue }
            let (decoded, fileLog) = decode(SourceFile(embedded: file))
            log.append(contentsOf: fileLog)
            switch decoded {
            case .search(let search?): base.search = search
            case .metrics(let metrics?): base.metrics = metrics
            default: break
            }
        }
        base.parts.formUnion(parts.subtracting(.interview))
        return log.sorted()
    }

    /// The part a knowledge file belongs to; nil for the article, the topics and any
    /// file that belongs to none (read always).
    static func part(of relativePath: String) -> KnowledgeBase.Parts? {
        switch relativePath {
        case "questions.yaml", "facts.yaml", "plan.yaml", "benchmarks.yaml": .interview
        case "search.yaml": .search
        case "metrics.yaml": .metrics
        case _ where relativePath.hasPrefix(rulesFolder + "/"): .interview
        default: nil
        }
    }

    // MARK: - Files

    /// The YAML files below `folder`, relative to it, sorted; hidden ones skipped.
    private static func yamlPaths(in folder: String) -> [String] {
        FileSystem.files(below: folder)
            .filter { path in
                (path.hasSuffix(".yaml") || path.hasSuffix(".yml"))
                    && !path.split(separator: "/").contains { $0.hasPrefix(".") }
            }
            .sorted()
    }

    /// The largest knowledge file read: 50 000 rules take about 10 MB.
    static let maximumFileBytes = 64 << 20

    /// A file's bytes, up to the largest a knowledge file may be.
    private static func read(_ path: String) throws(LocatedProblem) -> [UInt8] {
        do throws(FileReadError) {
            guard let file = FileReader(path: path) else { throw .failed(FileSystem.lastReason) }
            return try file.readToEnd(limit: maximumFileBytes)
        } catch {
            switch error {
            case .tooLarge: throw LocatedProblem(problem: .fileTooLarge(maximumFileBytes), position: nil)
            case .failed(let reason): throw LocatedProblem(problem: .unreadable(reason), position: nil)
            }
        }
    }

    // MARK: - Loading

    /// Loads `files`, which hold the `parts` of a knowledge base: a part left out is
    /// not looked for.
    static func load(files: [SourceFile], folderPath: String, parts: KnowledgeBase.Parts = .all) -> LoadReport {
        let log = DiagnosticLog()
        var article: (Article, ArticleSites)?
        var questions: [QuestionRecord] = []
        var topics: [TopicRecord] = []
        var facts: [FactRecord] = []
        var rules: [[RuleRecord]] = []
        var guide: PlanGuideRecord?
        var benchmarks: BenchmarksRecord?
        var search: SearchVocabulary?
        var metrics: MetricsVocabulary?
        var scenarioFiles: [(DataNode, String, DocumentReader)] = []
        var sawQuestions = false
        var sawTopics = false

        // Files are parsed and decoded side by side, each with its own log; what they
        // gave is then gathered in file order, so diagnostics keep theirs.
        var decodedFiles = decodeConcurrently(files)
        for (file, (decoded, fileLog)) in zip(files, decodedFiles) {
            log.append(contentsOf: fileLog)
            switch decoded {
            case .nothing: break
            case .sources(let value): article = value
            case .questions(let value):
                sawQuestions = true
                questions = value
            case .facts(let value): facts = value
            case .guide(let value): guide = value
            case .benchmarks(let value): benchmarks = value
            case .search(let value): search = value
            case .metrics(let value): metrics = value
            case .topic(let value):
                sawTopics = true
                if let value { topics.append(value) }
            case .rules(let value): rules.append(value)
            case .scenario(let root, let name):
                scenarioFiles.append((root, name, DocumentReader(file: file.displayPath, log: log)))
            }
        }

        let folderReader = DocumentReader(file: folderPath, log: log)
        if article == nil, !files.contains(where: { $0.relativePath == "sources.yaml" }) {
            folderReader.error(.missingFile("sources.yaml"), at: nil)
        }
        if !sawQuestions, parts.contains(.interview) { folderReader.error(.missingFile("questions.yaml"), at: nil) }
        if !sawTopics { folderReader.error(.missingFile(topicsFolder + "/"), at: nil) }

        checkReferences(article: article, topics: topics, questions: questions, log: log)

        // Without a readable sources.yaml there is no knowledge base to return, but the
        // rest is still checked against a stand-in article, so that every problem shows.
        let usable = article?.0 ?? .empty
        let sectionOrder = Dictionary(
            usable.sections.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        func rank(_ topic: Topic) -> (Topic.Kind, Int, Int, String) {
            (topic.kind, sectionOrder[topic.source] ?? .max, topic.order ?? .max, topic.id)
        }
        let ordered = topics.compactMap(\.topic).sorted { rank($0) < rank($1) }
        var base = KnowledgeBase(article: usable, topics: ordered, questions: questions.compactMap(\.question))
        // The rule files' records are then held by `rules` alone, which compiling them
        // frees file by file.
        decodedFiles = []
        compile(
            &base, questions: questions, facts: facts, rules: consume rules, guide: guide, benchmarks: benchmarks,
            log: log)
        if let search { base.search = search }
        if let metrics { base.metrics = metrics }
        base.parts = parts
        base.scenarios = scenarioFiles.compactMap { root, name, reader in
            decodeScenario(root, name: name, knowledge: base, reader: reader)
        }
        checkScenarioReferences(base, log: log)
        let knowledge = article == nil ? nil : base
        return LoadReport(knowledge: knowledge, diagnostics: log.sorted())
    }

    /// What one file holds, decoded on its own.
    enum DecodedFile {
        case nothing
        case sources((Article, ArticleSites)?)
        case questions([QuestionRecord])
        case facts([FactRecord])
        case guide(PlanGuideRecord?)
        case benchmarks(BenchmarksRecord?)
        case search(SearchVocabulary?)
        case metrics(MetricsVocabulary?)
        case topic(TopicRecord?)
        case rules([RuleRecord])
        case scenario(DataNode, name: String)
    }

    /// How much text makes reading on several threads worth starting them: below
    /// it (the built-in knowledge is about 280 KB) one thread finishes sooner.
    static let concurrentReadingThreshold = 512 * 1024

    /// Every file decoded, in order, with its diagnostics; on several threads when
    /// there is enough to share.
    private static func decodeConcurrently(_ files: [SourceFile]) -> [(DecodedFile, DiagnosticLog)] {
        let size = files.reduce(0) { total, file in
            switch file.contents {
            case .yaml(let text): total + text.utf8.count
            case .file(_, let size): total + size
            case .outside: total
            }
        }
        guard files.count > 1, size >= concurrentReadingThreshold else { return files.map(decode) }
        return files.concurrentMap(decode)
    }

    private static func decode(_ file: SourceFile) -> (DecodedFile, DiagnosticLog) {
        let log = DiagnosticLog()
        let reader = DocumentReader(file: file.displayPath, log: log)
        let parts = file.relativePath.split(separator: "/").map(String.init)
        let root: DataNode
        do throws(LocatedProblem) {
            switch file.contents {
            case .yaml(let yaml): root = try DataNode.parse(yaml: yaml)
            case .file(let path, _):
                let bytes = try read(path)
                // A rule file written one value a line is read without its tree.
                if parts.count == 2, parts[0] == rulesFolder,
                    let records = RuleFileReader.records(file: bytes, path: file.displayPath)
                {
                    return (.rules(records), log)
                }
                root = try DataNode.parse(yamlFile: bytes)
            case .outside: throw LocatedProblem(problem: .linkOutsideFolder, position: nil)
            }
        } catch {
            reader.error(error.problem, at: error.position)
            return (.nothing, log)
        }
        let decoded: DecodedFile
        switch parts.count == 1 ? parts[0] : parts.count == 2 ? parts[0] + "/" : file.relativePath {
        case "sources.yaml": decoded = .sources(decodeSources(root, reader: reader))
        case "questions.yaml": decoded = .questions(decodeQuestions(root, reader: reader))
        case "facts.yaml": decoded = .facts(decodeFacts(root, reader: reader))
        case "plan.yaml": decoded = .guide(decodePlanGuide(root, reader: reader))
        case "benchmarks.yaml": decoded = .benchmarks(decodeBenchmarks(root, reader: reader))
        case "search.yaml": decoded = .search(decodeSearch(root, reader: reader))
        case "metrics.yaml": decoded = .metrics(decodeMetrics(root, reader: reader))
        case topicsFolder + "/":
            let name = PathText.deletingExtension(parts[1])
            decoded = .topic(decodeTopic(root, fileName: name, reader: reader))
        case rulesFolder + "/": decoded = .rules(decodeRules(root, reader: reader))
        case scenariosFolder + "/": decoded = .scenario(root, name: PathText.deletingExtension(parts[1]))
        default:
            let guess = Suggestion.closest(
                to: file.relativePath,
                among: knownFiles + [topicsFolder, rulesFolder, scenariosFolder].map { $0 + "/" + (parts.last ?? "") })
            reader.warning(.unknownFile(file.relativePath, suggestion: guess), at: nil)
            decoded = .nothing
        }
        return (decoded, log)
    }

    // MARK: - Rules and facts

    private static func compile(
        _ knowledge: inout KnowledgeBase, questions records: [QuestionRecord], facts: [FactRecord],
        rules: consuming [[RuleRecord]], guide: PlanGuideRecord?, benchmarks: BenchmarksRecord?, log: DiagnosticLog
    ) {
        // Facts share the names of questions: a fact named like a question is an error.
        let questionIDs = Set(knowledge.questions.map(\.id))
        var firstFact: [String: SourceLocation] = [:]
        var usable: [FactRecord] = []
        for fact in facts {
            if questionIDs.contains(fact.id) {
                log.error(
                    .duplicateID(fact.id, first: SourceLocation(file: "questions.yaml")), in: fact.file,
                    at: fact.idPosition)
            } else if let earlier = firstFact[fact.id] {
                log.error(.duplicateID(fact.id, first: earlier), in: fact.file, at: fact.idPosition)
            } else {
                firstFact[fact.id] = SourceLocation(file: fact.file, position: fact.idPosition)
                usable.append(fact)
            }
        }
        let compiler = KnowledgeCompiler(questions: knowledge.questions, facts: usable, log: log)
        var sites: [Int: (String, SourcePosition?)] = [:]
        for (index, question) in knowledge.questions.enumerated() {
            guard let record = records.first(where: { $0.id == question.id }), let source = record.askIf else {
                continue
            }
            knowledge.questions[index].askIf = compiler.compile(source, expecting: .boolean)
            knowledge.questions[index].askIfText = source.text
            sites[index] = (source.file, source.position)
        }
        let compiled = compiler.compileFacts()
        for (index, fact) in usable.enumerated() {
            sites[knowledge.questions.count + index] = (fact.file, fact.idPosition)
        }
        knowledge.derivedOrder = compiler.derivedOrder(facts: compiled, questions: knowledge.questions, sites: sites)
        // A fact with an error is kept with no value, so that slots stay aligned.
        knowledge.facts = zip(usable, compiled).map { record, fact in
            fact
                ?? Fact(
                    id: record.id, kind: record.kind, options: record.options, definition: .cases([], otherwise: nil))
        }
        let topicIDs = Set(knowledge.topics.map(\.id))
        if let benchmarks { knowledge.benchmarks = compiler.checkBenchmarks(benchmarks) }
        let reportIDs = knowledge.benchmarks.reports.map(\.id)
        knowledge.rules = compiler.compileRules(consume rules, topicIDs: topicIDs, reportIDs: reportIDs)
        if let guide { knowledge.planGuide = compiler.compileGuide(guide, topicIDs: topicIDs, reportIDs: reportIDs) }
    }

    private static func checkScenarioReferences(_ knowledge: KnowledgeBase, log: DiagnosticLog) {
        let ruleIDs = knowledge.rules.map(\.id)
        let topicIDs = knowledge.topics.map(\.id)
        let questionIDs = knowledge.questions.map(\.id)
        let factIDs = knowledge.facts.map(\.id)
        for scenario in knowledge.scenarios {
            for expectation in scenario.expectations {
                let (id, kind, known): (String, Problem.ReferenceKind, [String]) =
                    switch expectation.kind {
                    case .action(let id), .noAction(let id), .diagnosis(let id), .noDiagnosis(let id):
                        (id, .rule, ruleIDs)
                    case .source(let id), .noSource(let id): (id, .topic, topicIDs)
                    case .missing(let id), .notMissing(let id): (id, .question, questionIDs)
                    case .fact(let id, _): (id, .fact, factIDs)
                    }
                if !known.contains(id) {
                    log.error(
                        .unknownReference(id, kind: kind, suggestion: Suggestion.closest(to: id, among: known)),
                        in: expectation.location.file, at: expectation.location.position)
                }
            }
        }
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
