/// What could be read of a fact, before its expressions are compiled.
struct FactRecord {
    var file: String
    var id: String
    var idPosition: SourcePosition?
    var kind: Fact.Kind
    var options: [String]
    var value: SourceText?
    var guardText: SourceText?
    var cases: [(condition: SourceText, value: String, position: SourcePosition?)]
    var otherwise: (value: String, position: SourcePosition?)?

    /// The fact's type in expressions.
    var type: ValueType { Fact.type(kind, id: id, options: options) }
}

/// What could be read of a rule, before its condition is compiled.
struct RuleRecord {
    var file: String
    var id: String
    var idPosition: SourcePosition?
    var isDiagnosis: Bool
    var condition: SourceText
    var priority: Int
    var horizon: Rule.Horizon?
    var source: String
    var sourcePosition: SourcePosition?
    var supersedes: [(id: String, position: SourcePosition?)]
    var reports: [Reference] = []
    var text: Localized<Rule.Text>
    /// The title and detail texts as written that hold placeholders, to check them.
    var texts: [SourceText]
}

extension KnowledgeLoader {
    // MARK: - Facts

    static let factKeys = ["id", "type", "options", "value", "when", "cases", "otherwise"]

    static func decodeFacts(_ root: DataNode, reader: DocumentReader) -> [FactRecord] {
        guard let fields = reader.fields(of: root, allowed: ["facts"]),
            let list = fields.required("facts"),
            let elements = reader.elements(of: list)
        else { return [] }
        return elements.compactMap { decodeFact($0, reader: reader) }
    }

    private static func decodeFact(_ node: DataNode, reader: DocumentReader) -> FactRecord? {
        guard let fields = reader.fields(of: node, allowed: factKeys) else { return nil }
        let id = fields.requiredText("id")
        if let id, !isIdentifier(Substring(id)) {
            reader.error(.invalidID(id, pattern: identifierPattern), at: fields["id"]?.position)
        }
        var kind: Fact.Kind?
        if let type = fields.requiredText("type") {
            kind = Fact.Kind(rawValue: type)
            if kind == nil {
                reader.error(
                    .unknownQuestionType(
                        type, suggestion: Suggestion.closest(to: type, among: Fact.Kind.allCases.map(\.rawValue))),
                    at: fields["type"]?.position)
            }
        }
        var options: [String] = []
        if let node = fields["options"] {
            if kind != .choice, let kind {
                reader.error(.unexpectedOptions(type: kind.rawValue), at: fields.position(of: "options"))
            }
            options = reader.texts(node, key: "options") ?? []
        } else if kind == .choice {
            reader.error(.missingOptions(type: "choice"), at: fields.position(of: "type"))
        }

        var record = FactRecord(
            file: reader.file, id: id ?? "", idPosition: fields["id"]?.position ?? fields.position,
            kind: kind ?? .number,
            options: options, value: nil, guardText: nil, cases: [], otherwise: nil)
        record.value = fields["value"].flatMap { reader.sourceText($0, key: "value") }
        record.guardText = fields["when"].flatMap { reader.sourceText($0, key: "when") }

        func option(_ node: DataNode, key: String) -> String? {
            guard let value = reader.text(node, key: key) else { return nil }
            if kind == .choice, !options.contains(value) {
                reader.error(
                    .notAnOption(value, of: id ?? "", suggestion: Suggestion.closest(to: value, among: options)),
                    at: node.position)
            }
            return value
        }
        if let node = fields["cases"], let elements = reader.elements(of: node) {
            for element in elements {
                guard let step = reader.fields(of: element, allowed: ["when", "is"]) else { continue }
                let condition = step.required("when").flatMap { reader.sourceText($0, key: "when") }
                let value = step.required("is").flatMap { option($0, key: "is") }
                if let condition, let value { record.cases.append((condition, value, step["is"]?.position)) }
            }
        }
        if let node = fields["otherwise"], let value = option(node, key: "otherwise") {
            record.otherwise = (value, node.position)
        }

        let hasValue = fields.has("value")
        let hasCases = fields.has("cases")
        if hasValue == hasCases {
            reader.error(.factDefinition, at: fields.position)
        } else if hasCases, kind != .choice, let kind {
            reader.error(.unexpectedOptions(type: kind.rawValue), at: fields.position(of: "cases"))
        } else if hasValue, fields.has("otherwise") {
            reader.error(.unknownKey("otherwise", suggestion: nil), at: fields.position(of: "otherwise"))
        } else if hasCases, fields.has("when") {
            reader.error(.unknownKey("when", suggestion: nil), at: fields.position(of: "when"))
        }
        guard id != nil, kind != nil else { return nil }
        return record
    }

    // MARK: - Rules

    static let ruleKeys = [
        "id", "diagnosis", "when", "priority", "horizon", "source", "reports", "supersedes", "fr", "en",
    ]

    static let ruleTextKeys = ["title", "detail"]

    /// Whether `id` is two identifiers joined by a dot: `group.name`.
    static func isRuleID(_ id: String) -> Bool {
        // Byte by byte: both parts are ASCII identifiers when the id is valid.
        var id = id
        return id.withUTF8 { bytes in
            guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return false }
            return isIdentifier(bytes: bytes[..<dot]) && isIdentifier(bytes: bytes[(dot + 1)...])
        }
    }

    static func decodeRules(_ root: DataNode, reader: DocumentReader) -> [RuleRecord] {
        guard let fields = reader.fields(of: root, allowed: ["rules"]),
            let list = fields.required("rules"),
            let elements = reader.elements(of: list)
        else { return [] }
        var records: [RuleRecord] = []
        records.reserveCapacity(elements.count)
        for element in elements {
            if let record = decodeRule(element, reader: reader) { records.append(record) }
        }
        return records
    }

    private static func decodeRule(_ node: DataNode, reader: DocumentReader) -> RuleRecord? {
        guard let fields = reader.fields(of: node, allowed: ruleKeys) else { return nil }
        let id = fields.requiredText("id")
        if let id, !isRuleID(id) {
            reader.error(.invalidID(id, pattern: "group.name"), at: fields["id"]?.position)
        }
        let isDiagnosis = fields["diagnosis"].flatMap(reader.boolean) ?? false
        let condition = fields.required("when").flatMap { reader.sourceText($0, key: "when") }

        var priority: Int?
        if let node = fields.required("priority"), let value = reader.integer(node) {
            if (0...100).contains(value) {
                priority = value
            } else {
                reader.error(.outOfRange(Double(value).plainText, min: "0", max: "100"), at: node.position)
            }
        }

        var horizon: Rule.Horizon?
        if let node = fields["horizon"] {
            if isDiagnosis {
                reader.error(.horizonOnDiagnosis, at: fields.position(of: "horizon"))
            } else if let text = reader.text(node, key: "horizon") {
                horizon = Rule.Horizon(rawValue: text)
                if horizon == nil {
                    let names = Rule.Horizon.allCases.map(\.rawValue)
                    reader.error(
                        .notAnOption(text, of: "horizon", suggestion: Suggestion.closest(to: text, among: names)),
                        at: node.position)
                }
            }
        } else if !isDiagnosis {
            reader.error(.missingKey("horizon"), at: fields.position)
        }

        let source = fields.requiredText("source")
        var supersedes: [(String, SourcePosition?)] = []
        if let node = fields["supersedes"], let elements = reader.elements(of: node) {
            for element in elements {
                if let value = reader.text(element, key: "supersedes") { supersedes.append((value, element.position)) }
            }
        }

        var texts: (fr: Rule.Text?, en: Rule.Text?) = (nil, nil)
        var sources: [SourceText] = []
        for language in Language.allCases {
            guard let block = fields[language.rawValue] else {
                fields.reportMissing(.missingTranslation(field: nil, language: language), key: language.rawValue)
                continue
            }
            guard let wording = reader.fields(of: block, allowed: ruleTextKeys) else { continue }
            func part(_ key: String) -> (text: String, node: DataNode)? {
                guard let value = wording[key] else {
                    wording.reportMissing(.missingTranslation(field: key, language: language), key: key)
                    return nil
                }
                return reader.text(value, key: key).map { ($0, value) }
            }
            let title = part("title")
            let detail = part("detail")
            if let title, let detail {
                let value = Rule.Text(title: title.text, detail: detail.text)
                if language == .fr { texts.fr = value } else { texts.en = value }
                // Only texts with a placeholder are kept, as source texts: most have
                // none, and a rule base of 50 000 rules would hold 200 000 of them
                // until compiled.
                func keep(_ part: (text: String, node: DataNode)) {
                    guard part.text.containsByte(UInt8(ascii: "{")),
                        let source = reader.sourceText(part.text, of: part.node)
                    else { return }
                    sources.append(source)
                }
                keep(title)
                keep(detail)
            }
        }

        let reports = fields["reports"].map { references($0, key: "reports", reader: reader) } ?? []

        guard let id, let condition, let priority, let source, let fr = texts.fr, let en = texts.en,
            isDiagnosis || horizon != nil
        else { return nil }
        var record = RuleRecord(
            file: reader.file, id: id, idPosition: fields["id"]?.position, isDiagnosis: isDiagnosis,
            condition: condition, priority: priority, horizon: horizon, source: source,
            sourcePosition: fields["source"]?.position, supersedes: supersedes, text: Localized(fr: fr, en: en),
            texts: sources)
        record.reports = reports
        return record
    }
}
