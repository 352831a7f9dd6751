/// A scenario test for knowledge authors: answers, and what the plan must (or must
/// not) contain for them. `coach check` runs every scenario.
public struct Scenario: Sendable {
    /// One expectation, with where it was written.
    public struct Expectation: Sendable {
        public enum Kind: Sendable, Equatable {
            case action(String), noAction(String)
            case source(String), noSource(String)
            case diagnosis(String), noDiagnosis(String)
            case fact(String, Value)
            case missing(String), notMissing(String)
        }

        public var kind: Kind
        public var location: SourceLocation
    }

    /// The file's name without its extension.
    public var name: String
    public var file: String
    public var description: Localized<String>?
    public var answers: Answers
    public var expectations: [Expectation]
}

extension KnowledgeLoader {
    static let expectationKeys = [
        "actions", "not_actions", "sources", "not_sources", "diagnosis", "not_diagnosis", "facts", "missing",
        "not_missing",
    ]

    /// Reads a scenario; its ids are checked once the rules are known.
    static func decodeScenario(_ root: DataNode, name: String, knowledge: KnowledgeBase, reader: DocumentReader)
        -> Scenario?
    {
        guard let fields = reader.fields(of: root, allowed: ["description", "answers", "expect"]) else { return nil }
        let description = fields["description"].flatMap { node in
            reader.fields(of: node, allowed: ["fr", "en"]).flatMap { localizedText($0, reader: reader) }
        }
        let answers = fields.required("answers").map {
            AnswersReader(knowledge: knowledge, reader: reader).answers(from: $0)
        }
        var expectations: [Scenario.Expectation] = []
        if let node = fields.required("expect"), let expect = reader.fields(of: node, allowed: expectationKeys) {
            func ids(_ key: String, _ kind: (String) -> Scenario.Expectation.Kind) {
                guard let node = expect[key], let elements = reader.elements(of: node) else { return }
                for element in elements {
                    guard let id = reader.text(element, key: key) else { continue }
                    expectations.append(
                        Scenario.Expectation(
                            kind: kind(id), location: SourceLocation(file: reader.file, position: element.position)))
                }
            }
            ids("actions", Scenario.Expectation.Kind.action)
            ids("not_actions", Scenario.Expectation.Kind.noAction)
            ids("sources", Scenario.Expectation.Kind.source)
            ids("not_sources", Scenario.Expectation.Kind.noSource)
            ids("diagnosis", Scenario.Expectation.Kind.diagnosis)
            ids("not_diagnosis", Scenario.Expectation.Kind.noDiagnosis)
            ids("missing", Scenario.Expectation.Kind.missing)
            ids("not_missing", Scenario.Expectation.Kind.notMissing)
            if let node = expect["facts"], case .mapping(let pairs, _) = node {
                for pair in pairs {
                    guard case .scalar(let text, _, _) = pair.value else {
                        reader.error(.expectedType(expected: .text, found: pair.value.kind), at: pair.value.position)
                        continue
                    }
                    let value: Value =
                        pair.value.isNull
                        ? .none
                        : AnswersReader.number(text).map(Value.number) ?? AnswersReader.boolean(text).map(Value.boolean)
                            ?? .text(text)
                    expectations.append(
                        Scenario.Expectation(
                            kind: .fact(pair.key, value),
                            location: SourceLocation(file: reader.file, position: pair.keyPosition)))
                }
            } else if let node = expect["facts"] {
                reader.error(.expectedType(expected: .mapping, found: node.kind), at: node.position)
            }
        }
        guard let answers else { return nil }
        return Scenario(
            name: name, file: reader.file, description: description, answers: answers, expectations: expectations)
    }
}
