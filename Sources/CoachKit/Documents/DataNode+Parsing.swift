import Foundation
import Yams

extension DataNode {
    /// The most nodes a document may expand to. YAML aliases can make a small file
    /// expand exponentially; past this the document is refused, not walked.
    static let nodeBudget = 1_000_000

    /// Parses YAML text; a syntax error is thrown as a `Problem` with its position.
    public static func parse(yaml text: String) throws(LocatedProblem) -> DataNode {
        // The plain YAML that knowledge and answers are written in is read directly;
        // anything else, and every error, is Yams's to read and report.
        if let root = try? PlainYAMLReader.read(text, budget: nodeBudget) {
            return root
        }
        return try parse(yamlWithYams: text)
    }

    /// Parses YAML text with Yams only: the reference that the plain reader's tests
    /// compare against.
    static func parse(yamlWithYams text: String) throws(LocatedProblem) -> DataNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw LocatedProblem(yamlError: error)
        } catch {
            throw LocatedProblem(problem: .yamlSyntax("\(error)"), position: nil)
        }
        guard let root else {
            throw LocatedProblem(problem: .emptyFile, position: SourcePosition(line: 1, column: 1))
        }
        var budget = nodeBudget
        return try DataNode(yaml: root, budget: &budget)
    }

    private init(yaml node: Node, budget: inout Int) throws(LocatedProblem) {
        budget -= 1
        let position = node.mark.map { SourcePosition(line: $0.line, column: $0.column) }
        guard budget >= 0 else {
            throw LocatedProblem(problem: .documentTooLarge(DataNode.nodeBudget), position: position)
        }
        switch node {
        case .scalar(let scalar):
            let style: ScalarStyle =
                switch scalar.style {
                case .plain, .any: .plain
                case .singleQuoted, .doubleQuoted: .quoted
                case .literal, .folded: .block
                }
            self = .scalar(scalar.string, style: style, at: position)
        case .mapping(let mapping):
            var pairs: [Pair] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw LocatedProblem(
                        problem: .expectedType(expected: .text, found: DataNode.kind(of: key)),
                        position: key.mark.map { SourcePosition(line: $0.line, column: $0.column) })
                }
                pairs.append(
                    Pair(
                        key: keyScalar.string,
                        keyPosition: keyScalar.mark.map { SourcePosition(line: $0.line, column: $0.column) },
                        value: try DataNode(yaml: value, budget: &budget)))
            }
            self = .mapping(pairs, at: position)
        case .sequence(let sequence):
            var elements: [DataNode] = []
            elements.reserveCapacity(sequence.count)
            for element in sequence {
                elements.append(try DataNode(yaml: element, budget: &budget))
            }
            self = .sequence(elements, at: position)
        case .alias(let alias):
            throw LocatedProblem(
                problem: .yamlSyntax("unresolved alias"),
                position: alias.mark.map { SourcePosition(line: $0.line, column: $0.column) })
        }
    }

    private static func kind(of node: Node) -> ValueKind {
        switch node {
        case .scalar: .text
        case .mapping: .mapping
        case .sequence: .list
        case .alias: .null
        }
    }

    /// Parses JSON that libyaml refuses (see `parse(data:path:)`), without
    /// positions. Its strings are taken as plain scalars.
    public static func parse(json text: String) throws(LocatedProblem) -> DataNode {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw LocatedProblem(problem: .yamlSyntax("\(error)"), position: nil)
        }
        return DataNode(json: object)
    }

    private init(json object: Any) {
        switch object {
        case let dictionary as [String: Any]:
            self = .mapping(
                dictionary.keys.sorted().map {
                    Pair(key: $0, keyPosition: nil, value: DataNode(json: dictionary[$0]!))
                },
                at: nil)
        case let array as [Any]:
            self = .sequence(array.map { DataNode(json: $0) }, at: nil)
        case let string as String:
            self = .scalar(string, style: .plain, at: nil)
        case let number as NSNumber:
            self = .scalar(number.stringValue, style: .plain, at: nil)
        default:
            self = .scalar("", style: .plain, at: nil)
        }
    }

    /// A data file (answers, a session) as a document: UTF-8 with or without a byte
    /// order mark, YAML or JSON; nil when it is empty. JSON that libyaml refuses
    /// (surrogate-pair escapes such as `\ud83d\ude00`) is read as JSON, without
    /// positions. Any other problem throws, located.
    static func parse(data: Data, path: String) throws(CoachError) -> DataNode? {
        guard var text = String(data: data, encoding: .utf8) else {
            throw .invalidData([Diagnostic(.error, .notUTF8, at: SourceLocation(file: path))])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        do {
            return try parse(yaml: text)
        } catch  where error.problem == .emptyFile {
            return nil
        } catch {
            if text.trimmed.hasPrefix("{"), let json = try? parse(json: text) { return json }
            throw .invalidData([
                Diagnostic(.error, error.problem, at: SourceLocation(file: path, position: error.position))
            ])
        }
    }

}

/// A problem found while parsing, with its position when known.
public struct LocatedProblem: Error, Sendable {
    public var problem: Problem
    public var position: SourcePosition?

    init(problem: Problem, position: SourcePosition?) {
        self.problem = problem
        self.position = position
    }

    init(yamlError error: YamlError) {
        func at(_ mark: Mark) -> SourcePosition { SourcePosition(line: mark.line, column: mark.column) }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            self.init(problem: .yamlSyntax(problem), position: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(problem: .duplicateKeys(duplicates), position: at(context.mark))
        case .reader(let problem, _, _, _):
            self.init(problem: .yamlSyntax(problem), position: nil)
        case .dataCouldNotBeDecoded:
            self.init(problem: .notUTF8, position: nil)
        default:
            self.init(problem: .yamlSyntax("\(error)"), position: nil)
        }
    }
}
