/// Where the parts of an entry were written, for diagnostics about references
/// that can only be checked once every file is read.
/// What could be read of a topic file, complete or not, and where each part was
/// written: references are checked across files even when an entry has errors.
struct TopicRecord {
    var file: String
    var id: String?
    var idPosition: SourcePosition?
    var source: String?
    var sourcePosition: SourcePosition?
    var related: [(id: String, position: SourcePosition?)] = []
    /// The entry, when it has no error.
    var topic: Topic?
}

struct QuestionRecord {
    var file: String
    var id: String?
    var idPosition: SourcePosition?
    var question: Question?
    /// `ask_if` as written, compiled once every question and fact is known.
    var askIf: SourceText?
}

struct ArticleSites {
    var file: String
    var sections: [SourcePosition?]
}

extension KnowledgeLoader {
    static let identifierPattern = "[a-z][a-z0-9_]*"
    static let topicIDPattern = "KIND.name (\(Topic.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"

    /// Whether `text` is a lowercase identifier such as `posts_per_week`.
    static func isIdentifier(_ text: Substring) -> Bool {
        isIdentifier(bytes: text.utf8)
    }

    /// `[a-z][a-z0-9_]*`, in bytes: the one rule for ids and names.
    static func isIdentifier(bytes: some Collection<UInt8>) -> Bool {
        guard let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }

    // MARK: - Topics

    static let topicKeys = ["id", "source", "order", "related", "fr", "en"]
    static let topicTextKeys = ["title", "summary", "body", "steps", "keywords", "questions"]
    static let stepRange = 3...6

    static func decodeTopic(_ root: DataNode, fileName: String, reader: DocumentReader) -> TopicRecord? {
        guard let fields = reader.fields(of: root, allowed: topicKeys) else { return nil }
        var record = TopicRecord(file: reader.file, idPosition: fields["id"]?.position ?? fields.position)

        var kind: Topic.Kind?
        let id = fields.requiredText("id")
        if let id {
            let parts = id.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count != 2 || !isIdentifier(parts[1]) || !isIdentifier(parts[0]) {
                reader.error(.invalidID(id, pattern: topicIDPattern), at: fields["id"]?.position)
            } else if let known = Topic.Kind(rawValue: String(parts[0])) {
                kind = known
            } else {
                reader.error(
                    .unknownKind(
                        String(parts[0]),
                        suggestion: Suggestion.closest(to: String(parts[0]), among: Topic.Kind.allCases.map(\.rawValue))
                    ),
                    at: fields["id"]?.position)
            }
            if id != fileName {
                reader.error(.idDoesNotMatchFile(id: id, file: fileName + ".yaml"), at: fields["id"]?.position)
            }
        }

        record.id = id
        let source = fields.requiredText("source")
        record.source = source
        record.sourcePosition = fields["source"]?.position
        let order = fields["order"].flatMap(reader.integer)

        if let node = fields["related"], let elements = reader.elements(of: node) {
            for element in elements {
                if let value = reader.text(element, key: "related") {
                    record.related.append((value, element.position))
                }
            }
        }

        let french = topicText(fields, language: .fr, reader: reader)
        let english = topicText(fields, language: .en, reader: reader)
        if let id, let kind, let source, let french, let english {
            record.topic = Topic(
                id: id, kind: kind, source: source, order: order, related: record.related.map(\.id),
                text: Localized(fr: french, en: english))
        }
        return record
    }

    private static func topicText(_ topic: Fields, language: Language, reader: DocumentReader) -> Topic.Text? {
        guard let node = topic[language.rawValue] else {
            topic.reportMissing(.missingTranslation(field: nil, language: language), key: language.rawValue)
            return nil
        }
        guard let fields = reader.fields(of: node, allowed: topicTextKeys) else { return nil }
        func text(_ key: String) -> String? {
            guard let value = fields[key] else {
                fields.reportMissing(.missingTranslation(field: key, language: language), key: key)
                return nil
            }
            return reader.text(value, key: key)
        }
        func list(_ key: String) -> [String]? {
            guard let value = fields[key] else {
                fields.reportMissing(.missingTranslation(field: key, language: language), key: key)
                return nil
            }
            return reader.texts(value, key: key)
        }
        let title = text("title")
        let summary = text("summary")
        let body = text("body")
        let steps = list("steps")
        let keywords = list("keywords")
        if let steps, !stepRange.contains(steps.count) {
            reader.warning(
                .stepCount(steps.count, minimum: stepRange.lowerBound, maximum: stepRange.upperBound),
                at: fields.position(of: "steps"))
        }
        // Optional: questions people ask when this entry is the answer, for `coach ask`.
        let questions = fields["questions"].flatMap { reader.texts($0, key: "questions") } ?? []
        guard let title, let summary, let body, let steps, let keywords else { return nil }
        return Topic.Text(
            title: title, summary: summary, body: body, steps: steps, keywords: keywords, questions: questions)
    }

    // MARK: - Questions

    static let questionKeys = [
        "id", "type", "optional", "min", "max", "integer", "max_length", "ask_if", "from_posts", "fr", "en",
        "options",
    ]

    static func decodeQuestions(_ root: DataNode, reader: DocumentReader) -> [QuestionRecord] {
        guard let fields = reader.fields(of: root, allowed: ["questions"]),
            let list = fields.required("questions"),
            let elements = reader.elements(of: list)
        else { return [] }
        return elements.compactMap { decodeQuestion($0, reader: reader) }
    }

    private static func decodeQuestion(_ node: DataNode, reader: DocumentReader) -> QuestionRecord? {
        guard let fields = reader.fields(of: node, allowed: questionKeys) else { return nil }
        let id = fields.requiredText("id")
        var record = QuestionRecord(file: reader.file, id: id, idPosition: fields["id"]?.position ?? fields.position)
        record.askIf = fields["ask_if"].flatMap { reader.sourceText($0, key: "ask_if") }
        if let id, !isIdentifier(Substring(id)) {
            reader.error(.invalidID(id, pattern: identifierPattern), at: fields["id"]?.position)
        }

        var kind: Question.Kind?
        if let type = fields.requiredText("type") {
            kind = Question.Kind(rawValue: type)
            if kind == nil {
                reader.error(
                    .unknownQuestionType(
                        type, suggestion: Suggestion.closest(to: type, among: Question.Kind.allCases.map(\.rawValue))),
                    at: fields["type"]?.position)
            }
        }

        let isOptional = fields["optional"].flatMap(reader.boolean) ?? false
        let texts = localizedTexts(fields, keys: ["prompt", "help"], reader: reader)

        var options: [Question.Option] = []
        if let kind {
            if kind.hasOptions {
                if let node = fields["options"] {
                    options = decodeOptions(node, reader: reader)
                    if case .sequence(let elements, _) = node, elements.isEmpty {
                        reader.error(.missingOptions(type: kind.rawValue), at: node.position)
                    }
                } else {
                    reader.error(.missingOptions(type: kind.rawValue), at: fields.position(of: "type"))
                }
            } else if fields.has("options") {
                reader.error(.unexpectedOptions(type: kind.rawValue), at: fields.position(of: "options"))
            }
        }

        var minimum: Double?
        var maximum: Double?
        var isInteger = false
        for key in ["min", "max", "integer"] where fields.has(key) && kind != nil && kind != .number {
            reader.error(.boundOnNonNumber(key: key, type: kind!.rawValue), at: fields.position(of: key))
        }
        if kind == .number || kind == nil {
            minimum = fields["min"].flatMap(reader.number)
            maximum = fields["max"].flatMap(reader.number)
            isInteger = fields["integer"].flatMap(reader.boolean) ?? false
            if let minimum, let maximum, minimum > maximum {
                reader.error(.minAboveMax(min: minimum, max: maximum), at: fields["max"]?.position)
            }
        }

        var maximumLength: Int?
        if let node = fields["max_length"] {
            if let kind, kind != .text {
                reader.error(.lengthOnNonText(type: kind.rawValue), at: fields.position(of: "max_length"))
            } else if let length = reader.integer(node) {
                if length < 1 {
                    reader.error(.minAboveMax(min: 1, max: Double(length)), at: node.position)
                } else {
                    maximumLength = length
                }
            }
        }

        guard let id, let kind, let texts,
            let prompt = texts.fr["prompt"].flatMap({ fr in texts.en["prompt"].map { Localized(fr: fr, en: $0) } }),
            let help = texts.fr["help"].flatMap({ fr in texts.en["help"].map { Localized(fr: fr, en: $0) } })
        else { return record }
        record.question = Question(
            id: id, kind: kind, isOptional: isOptional, deferredPrompt: Deferred(prompt),
            deferredHelp: Deferred(help), options: options, minimum: minimum, maximum: maximum,
            isInteger: isInteger, maximumLength: maximumLength,
            isFromPosts: fields["from_posts"].flatMap(reader.boolean) ?? false)
        return record
    }

    private static func decodeOptions(_ node: DataNode, reader: DocumentReader) -> [Question.Option] {
        guard let elements = reader.elements(of: node) else { return [] }
        var options: [Question.Option] = []
        var seen: Set<String> = []
        for element in elements {
            guard let fields = reader.fields(of: element, allowed: ["value", "fr", "en"]) else { continue }
            let value = fields.requiredText("value")
            if let value {
                if !isIdentifier(Substring(value)) {
                    reader.error(.invalidID(value, pattern: identifierPattern), at: fields["value"]?.position)
                }
                if !seen.insert(value).inserted {
                    reader.error(.duplicateOption(value), at: fields["value"]?.position)
                }
            }
            let label = localizedText(fields, reader: reader)
            if let value, let label { options.append(Question.Option(value: value, label: label)) }
        }
        return options
    }

    // MARK: - Sources

    static func decodeSources(_ root: DataNode, reader: DocumentReader) -> (Article, ArticleSites)? {
        guard let fields = reader.fields(of: root, allowed: ["article", "sections"]) else { return nil }
        var sites = ArticleSites(file: reader.file, sections: [])

        var title: Localized<String>?
        var publisher: Localized<String>?
        var language: Language?
        if let node = fields.required("article"),
            let article = reader.fields(of: node, allowed: ["title", "publisher", "language"])
        {
            title = article.required("title").flatMap { node in
                reader.fields(of: node, allowed: ["fr", "en"]).flatMap { localizedText($0, reader: reader) }
            }
            publisher = article.required("publisher").flatMap { node in
                reader.fields(of: node, allowed: ["fr", "en"]).flatMap { localizedText($0, reader: reader) }
            }
            if let code = article.requiredText("language") {
                language = Language(rawValue: code)
                if language == nil {
                    reader.error(.unknownLanguage(code), at: article["language"]?.position)
                }
            }
        }

        var sections: [Article.Section] = []
        if let node = fields.required("sections"), let elements = reader.elements(of: node) {
            for element in elements {
                guard let section = reader.fields(of: element, allowed: ["id", "fr", "en"]) else { continue }
                let id = section.requiredText("id")
                if let id, !isIdentifier(Substring(id)) {
                    reader.error(.invalidID(id, pattern: identifierPattern), at: section["id"]?.position)
                }
                if let id, let heading = localizedText(section, reader: reader) {
                    sections.append(Article.Section(id: id, heading: heading))
                    sites.sections.append(section["id"]?.position)
                }
            }
        }

        guard let title, let publisher, let language else { return nil }
        return (Article(title: title, publisher: publisher, language: language, sections: sections), sites)
    }

    // MARK: - Translations

    /// The `fr` and `en` texts of a mapping, each missing one reported.
    static func localizedText(_ fields: Fields, reader: DocumentReader) -> Localized<String>? {
        var texts: [Language: String] = [:]
        for language in Language.allCases {
            guard let node = fields[language.rawValue] else {
                fields.reportMissing(.missingTranslation(field: nil, language: language), key: language.rawValue)
                continue
            }
            texts[language] = reader.text(node, key: language.rawValue)
        }
        guard let fr = texts[.fr], let en = texts[.en] else { return nil }
        return Localized(fr: fr, en: en)
    }

    /// For each language block (`fr:`, `en:`) of `fields`, the texts under `keys`.
    static func localizedTexts(
        _ fields: Fields, keys: [String], reader: DocumentReader
    ) -> Localized<[String: String]>? {
        var blocks: [Language: [String: String]] = [:]
        for language in Language.allCases {
            guard let node = fields[language.rawValue] else {
                fields.reportMissing(.missingTranslation(field: nil, language: language), key: language.rawValue)
                continue
            }
            guard let block = reader.fields(of: node, allowed: keys) else { continue }
            var texts: [String: String] = [:]
            for key in keys {
                guard let value = block[key] else {
                    block.reportMissing(.missingTranslation(field: key, language: language), key: key)
                    continue
                }
                texts[key] = reader.text(value, key: key)
            }
            if texts.count == keys.count { blocks[language] = texts }
        }
        guard let fr = blocks[.fr], let en = blocks[.en] else { return nil }
        return Localized(fr: fr, en: en)
    }
}
