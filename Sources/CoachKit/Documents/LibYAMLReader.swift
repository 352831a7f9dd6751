import CLibYAML

/// Reads any YAML document with libyaml, through its event API, into `DataNode`s:
/// what the plain reader declines (anchors and aliases, tags, complex keys, tabs,
/// several documents) and every malformed text, whose errors and positions are
/// libyaml's own. It composes as Yams did before it: the first document only, an
/// alias is a copy of its anchor's node, keys repeated in a mapping are an error.
struct LibYAMLReader {
    /// On the heap: libyaml keeps a pointer to its parser (as the input's handler
    /// data), so it must not move, as a stored property may between calls.
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The text, for placing the errors libyaml gives as a byte offset.
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Each anchor's node, how many nodes it holds and how deep it nests: an alias
    /// counts them all against the budget, so that a small file cannot expand without
    /// limit, and adds its depth to where it stands, so that chained aliases cannot
    /// nest deeper than the limit.
    private var anchors: [String: Composed] = [:]
    private var budget: Int
    private let initialBudget: Int
    private var depth = 0
    /// The first key, in reading order, that is a list or a mapping rather than a
    /// text: reported once the document is read, as Yams reported it.
    private var collectionKey: LocatedProblem?

    /// A node, with how many nodes it holds and how many levels deep it nests.
    private typealias Composed = (node: DataNode, size: Int, height: Int)

    private init(parser: UnsafeMutablePointer<yaml_parser_t>, bytes: UnsafeBufferPointer<UInt8>, budget: Int) {
        self.parser = parser
        self.bytes = bytes
        self.budget = budget
        initialBudget = budget
    }

    /// The document in `text`; nil when the text holds none.
    static func read(_ text: String, budget: Int) throws(LocatedProblem) -> DataNode? {
        var text = text
        let result: Result<DataNode?, LocatedProblem> = text.withUTF8 { bytes in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else {
                return .failure(LocatedProblem(problem: .yamlSyntax("out of memory"), position: nil))
            }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            var reader = LibYAMLReader(parser: parser, bytes: bytes, budget: budget)
            do throws(LocatedProblem) {
                return .success(try reader.stream())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: - Events

    /// One parsed event, freed when it goes.
    private final class Event {
        var event = yaml_event_t()
        deinit { yaml_event_delete(&event) }

        var type: yaml_event_type_t { event.type }
        var start: SourcePosition {
            SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        }
    }

    private mutating func next() throws(LocatedProblem) -> Event {
        let event = Event()
        guard yaml_parser_parse(parser, &event.event) == 1 else { throw error() }
        return event
    }

    /// The parser's error, as Yams reported it: libyaml's words at its problem mark.
    private func error() -> LocatedProblem {
        let parser = self.parser.pointee
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            // A character YAML does not allow: libyaml gives its byte offset.
            let offset = min(Int(parser.problem_offset), bytes.count)
            let before = bytes[..<offset]
            let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
            let position = SourcePosition(
                line: before.count { $0 == 0x0A } + 1,
                column: bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 } + 1)
            return LocatedProblem(problem: .yamlSyntax(problem), position: position)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            let mark = parser.problem_mark
            return LocatedProblem(
                problem: .yamlSyntax(problem),
                position: SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1))
        default:
            return LocatedProblem(problem: .yamlSyntax("out of memory"), position: nil)
        }
    }

    // MARK: - Composing

    private mutating func stream() throws(LocatedProblem) -> DataNode? {
        _ = try next()  // the stream's start
        let first = try next()
        guard first.type == YAML_DOCUMENT_START_EVENT else { return nil }
        let root = try node(from: try next()).node
        _ = try next()  // the document's end
        let after = try next()
        guard after.type == YAML_STREAM_END_EVENT else {
            throw LocatedProblem(problem: .yamlSyntax("but found another document"), position: after.start)
        }
        if let collectionKey { throw collectionKey }
        return root
    }

    private mutating func node(from event: Event) throws(LocatedProblem) -> Composed {
        let position = event.start
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.event.data.alias.anchor)
            guard let anchored = anchors[name] else {
                throw LocatedProblem(problem: .yamlSyntax("found undefined alias"), position: position)
            }
            try spend(anchored.size, at: position)
            guard depth + anchored.height <= PlainYAMLReader.maximumDepth else {
                throw LocatedProblem(problem: .nestedTooDeep(PlainYAMLReader.maximumDepth), position: position)
            }
            return anchored
        case YAML_SCALAR_EVENT:
            try spend(1, at: position)
            let scalar = event.event.data.scalar
            let text = Self.text(scalar.value, scalar.length)
            let style: ScalarStyle =
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE: .quoted
                case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: .block
                default: .plain
                }
            return anchor(scalar.anchor, (.scalar(text, style: style, at: position), 1, 0))
        case YAML_SEQUENCE_START_EVENT:
            try spend(1, at: position)
            try enter(at: position)
            defer { depth -= 1 }
            var elements: [DataNode] = []
            var size = 1
            var height = 0
            var next = try next()
            while next.type != YAML_SEQUENCE_END_EVENT {
                let element = try node(from: next)
                elements.append(element.node)
                size += element.size
                height = max(height, element.height)
                next = try self.next()
            }
            return anchor(
                event.event.data.sequence_start.anchor, (.sequence(elements, at: position), size, height + 1))
        case YAML_MAPPING_START_EVENT:
            try spend(1, at: position)
            try enter(at: position)
            defer { depth -= 1 }
            var entries: [(key: DataNode, value: DataNode)] = []
            var identities: [String?] = []
            var size = 1
            var height = 0
            var next = try next()
            while next.type != YAML_MAPPING_END_EVENT {
                identities.append(Self.identity(ofKey: next))
                let key = try node(from: next)
                let value = try node(from: try self.next())
                entries.append((key.node, value.node))
                size += key.size + value.size
                height = max(height, key.height, value.height)
                next = try self.next()
            }
            try Self.refuseDuplicates(zip(entries, identities).map { ($0.key, $1) })
            var pairs: [DataNode.Pair] = []
            pairs.reserveCapacity(entries.count)
            for (key, value) in entries {
                guard case .scalar(let text, _, let keyPosition) = key else {
                    noteCollectionKey(key)
                    continue
                }
                pairs.append(DataNode.Pair(key: text, keyPosition: keyPosition, value: value))
            }
            return anchor(event.event.data.mapping_start.anchor, (.mapping(pairs, at: position), size, height + 1))
        default:
            throw LocatedProblem(problem: .yamlSyntax("unexpected event"), position: position)
        }
    }

    private mutating func noteCollectionKey(_ key: DataNode) {
        let problem = LocatedProblem(problem: .expectedType(expected: .text, found: key.kind), position: key.position)
        func order(_ position: SourcePosition?) -> (Int, Int) { (position?.line ?? .max, position?.column ?? .max) }
        if collectionKey == nil || order(key.position) < order(collectionKey?.position) { collectionKey = problem }
    }

    /// A scalar's text. A byte order mark at its start is dropped, as Yams did: an
    /// invisible character no one means to type, pasted from another program.
    private static func text(_ bytes: UnsafeMutablePointer<yaml_char_t>?, _ count: Int) -> String {
        var buffer = UnsafeBufferPointer(start: bytes, count: count)
        if buffer.starts(with: UTF8.byteOrderMark) {
            buffer = UnsafeBufferPointer(rebasing: buffer.dropFirst(UTF8.byteOrderMark.count))
        }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Registers `composed` under the anchor's name, if it has one; a later anchor
    /// of the same name shadows it.
    private mutating func anchor(_ name: UnsafeMutablePointer<yaml_char_t>?, _ composed: Composed) -> Composed {
        if let name { anchors[String(cString: name)] = composed }
        return composed
    }

    private mutating func spend(_ nodes: Int, at position: SourcePosition) throws(LocatedProblem) {
        budget -= nodes
        guard budget >= 0 else { throw LocatedProblem(problem: .documentTooLarge(initialBudget), position: position) }
    }

    /// libyaml's parser keeps its own stack; composing recurses, so depth is capped.
    private mutating func enter(at position: SourcePosition) throws(LocatedProblem) {
        depth += 1
        guard depth <= PlainYAMLReader.maximumDepth else {
            throw LocatedProblem(problem: .nestedTooDeep(PlainYAMLReader.maximumDepth), position: position)
        }
    }

    /// What a scalar key is as a value, for finding keys written twice: its text and
    /// the type it resolves to, as Yams compared them. `1` and `"1"` (a number and a
    /// text) are different keys, and so are `a` and `!t a`. Nil for other keys.
    private static func identity(ofKey event: Event) -> String? {
        guard event.type == YAML_SCALAR_EVENT else { return nil }
        let scalar = event.event.data.scalar
        let text = text(scalar.value, scalar.length)
        let type =
            if let tag = scalar.tag {
                String(cString: tag)
            } else if scalar.quoted_implicit == 1 {
                "tag:yaml.org,2002:str"
            } else {
                resolvedType(plain: text)
            }
        return type + "\u{0}" + text
    }

    /// Keys written twice in one mapping, as Yams reported them: sorted, at the first
    /// occurrence of the first.
    private static func refuseDuplicates(_ keys: [(key: DataNode, identity: String?)]) throws(LocatedProblem) {
        guard keys.count > 1 else { return }
        var firsts: [String: (text: String, position: SourcePosition?)] = [:]
        var duplicates: [String: (text: String, position: SourcePosition?)] = [:]
        for (key, identity) in keys {
            guard let identity, case .scalar(let text, _, let position) = key else { continue }
            if let first = firsts[identity] {
                duplicates[identity] = first
            } else {
                firsts[identity] = (text, position)
            }
        }
        let sorted = duplicates.values.sorted { $0.text < $1.text }
        guard let first = sorted.first else { return }
        throw LocatedProblem(problem: .duplicateKeys(sorted.map(\.text)), position: first.position)
    }

    /// The type a plain scalar resolves to, as YAML 1.1 reads it.
    private static func resolvedType(plain text: String) -> String {
        switch text {
        case "", "~", "null", "Null", "NULL": return "tag:yaml.org,2002:null"
        case "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON",
            "off", "Off", "OFF":
            return "tag:yaml.org,2002:bool"
        default:
            if Int(text) != nil { return "tag:yaml.org,2002:int" }
            if Double(text) != nil { return "tag:yaml.org,2002:float" }
            return "tag:yaml.org,2002:str"
        }
    }
}
