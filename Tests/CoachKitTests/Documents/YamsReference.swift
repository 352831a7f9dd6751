import Yams

@testable import CoachKit

// Yams, the reader the coach used before libyaml's event API, kept as the reference
// the readers are compared with: the same trees, and the same errors at the same places.

extension DataNode {
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
}

extension LocatedProblem {
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
