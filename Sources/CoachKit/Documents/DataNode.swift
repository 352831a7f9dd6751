/// A parsed YAML or JSON document, reduced to what the loaders need: mappings,
/// sequences and scalars, each with its position when it came from a text file.
///
/// Scalars stay text: each field resolves its scalar to the type it expects, so that
/// `no` is a word in a summary and a boolean where a boolean is wanted, and a wrong
/// type is reported at the field rather than guessed at parse time.
public enum DataNode: Sendable {
    /// A scalar's text, and how it was written.
    case scalar(String, style: ScalarStyle, at: SourcePosition?)
    /// A mapping's pairs in the order written.
    case mapping([Pair], at: SourcePosition?)
    case sequence([DataNode], at: SourcePosition?)

    /// One key and value of a mapping.
    public struct Pair: Sendable {
        public var key: String
        public var keyPosition: SourcePosition?
        public var value: DataNode
    }

    /// Where the node starts.
    public var position: SourcePosition? {
        switch self {
        case .scalar(_, _, let position), .mapping(_, let position), .sequence(_, let position):
            position
        }
    }

    /// A mapping's keys in the order written; none for other nodes.
    public var keys: [String] {
        if case .mapping(let pairs, _) = self { return pairs.map(\.key) }
        return []
    }

    /// A plain `null`, `~` or empty scalar.
    public var isNull: Bool {
        // The spellings of null are ASCII: a text of another length is ruled out at once.
        guard case .scalar(let text, .plain, _) = self else { return false }
        switch text.utf8.count {
        case 0: return true
        case 1: return text == "~"
        case 4: return text == "null" || text == "Null" || text == "NULL"
        default: return false
        }
    }

    /// What kind of value this is, for messages.
    public var kind: ValueKind {
        switch self {
        case .scalar: isNull ? .null : .text
        case .mapping: .mapping
        case .sequence: .list
        }
    }
}

/// How a scalar was written, which decides where its text starts.
public enum ScalarStyle: Sendable {
    /// Without quotes: `when: posts_per_week < 1`.
    case plain
    /// In single or double quotes: the text starts one column after the position.
    case quoted
    /// A literal or folded block (`|`, `>`): the text starts on a later line.
    case block
}

/// The kinds of value a field can hold, as named in diagnostics.
public enum ValueKind: String, Sendable {
    case text, number, integer, boolean, list, mapping, null
}
