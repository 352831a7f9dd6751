/// Reads JSON into `DataNode`s, with positions: the data files that libyaml refuses
/// (it does not join surrogate-pair escapes such as `\ud83d\ude00`). Strings, numbers
/// (as written), `true`, `false` and `null` become plain scalars, objects mappings
/// in the order written (a key written twice is refused, as in YAML), arrays sequences.
struct JSONReader {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    private var columns = ColumnCounter()

    private init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The document in `text`; a malformed one throws where it goes wrong.
    static func read(_ text: String) throws(LocatedProblem) -> DataNode {
        var reader = JSONReader(text)
        reader.skipSpace()
        let root = try reader.value()
        reader.skipSpace()
        guard reader.offset == reader.bytes.count else { throw reader.problem("unexpected text after the document") }
        return root
    }

    private var current: UInt8 { offset < bytes.count ? bytes[offset] : 0 }

    /// The position of the offset, its column counted in characters as libyaml does.
    private var here: SourcePosition {
        mutating get { SourcePosition(line: line, column: columns.column(of: offset, lineStart: lineStart, in: bytes)) }
    }

    private mutating func problem(_ text: String) -> LocatedProblem {
        LocatedProblem(problem: .yamlSyntax("JSON: " + text), position: here)
    }

    private mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0D: offset += 1
            case 0x0A:
                offset += 1
                line += 1
                lineStart = offset
            default: return
            }
        }
    }

    private mutating func value() throws(LocatedProblem) -> DataNode {
        let start = here
        switch current {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            guard depth <= PlainYAMLReader.maximumDepth else {
                throw LocatedProblem(problem: .nestedTooDeep(PlainYAMLReader.maximumDepth), position: here)
            }
            return current == UInt8(ascii: "{") ? try object(at: start) : try array(at: start)
        case UInt8(ascii: "\""):
            return .scalar(try string(), style: .plain, at: start)
        default:
            let first = offset
            while offset < bytes.count, Self.isWordByte(bytes[offset]) { offset += 1 }
            let word = String(decoding: bytes[first..<offset], as: UTF8.self)
            guard !word.isEmpty else {
                throw problem(offset < bytes.count ? "unexpected character" : "unexpected end of the document")
            }
            guard word == "true" || word == "false" || word == "null" || Self.isNumber(word.utf8) else {
                throw LocatedProblem(problem: .yamlSyntax("JSON: '\(word)' is not a value"), position: start)
            }
            return .scalar(word == "null" ? "" : word, style: .plain, at: start)
        }
    }

    /// JSON's number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`; not `nan`,
    /// `inf`, `+1`, `.5` or `01`, which `Double` would take.
    private static func isNumber(_ text: String.UTF8View) -> Bool {
        var bytes = text[...]
        func digits() -> Int {
            let count = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: "0") {
            bytes = bytes.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            if digits() == 0 { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            true
        default: false
        }
    }

    private mutating func object(at start: SourcePosition) throws(LocatedProblem) -> DataNode {
        var pairs: [DataNode.Pair] = []
        var seen: [String: SourcePosition] = [:]
        guard opens(closing: UInt8(ascii: "}")) else { return .mapping(pairs, at: start) }
        repeat {
            skipSpace()
            let keyPosition = here
            guard current == UInt8(ascii: "\"") else { throw problem("expected a key in double quotes") }
            let key = try string()
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw problem("expected ':' after the key") }
            offset += 1
            skipSpace()
            let value = try value()
            // A key written twice is refused, as in YAML.
            if let first = seen[key] { throw LocatedProblem(problem: .duplicateKeys([key]), position: first) }
            seen[key] = keyPosition
            pairs.append(DataNode.Pair(key: key, keyPosition: keyPosition, value: value))
        } while try continues(closing: UInt8(ascii: "}"))
        return .mapping(pairs, at: start)
    }

    private mutating func array(at start: SourcePosition) throws(LocatedProblem) -> DataNode {
        var elements: [DataNode] = []
        guard opens(closing: UInt8(ascii: "]")) else { return .sequence(elements, at: start) }
        repeat {
            skipSpace()
            elements.append(try value())
        } while try continues(closing: UInt8(ascii: "]"))
        return .sequence(elements, at: start)
    }

    /// Past the opening bracket: whether the collection holds anything, past its
    /// closing bracket when it does not.
    private mutating func opens(closing: UInt8) -> Bool {
        offset += 1
        skipSpace()
        guard current == closing else { return true }
        offset += 1
        return false
    }

    /// After an item: past a comma, true; past the closing bracket, false.
    private mutating func continues(closing: UInt8) throws(LocatedProblem) -> Bool {
        skipSpace()
        switch current {
        case UInt8(ascii: ","):
            offset += 1
            return true
        case closing:
            offset += 1
            return false
        default:
            throw problem("expected ',' or '\(Character(Unicode.Scalar(closing)))'")
        }
    }

    /// A string at its opening quote, escapes decoded.
    private mutating func string() throws(LocatedProblem) -> String {
        offset += 1
        var text: [UInt8] = []
        while true {
            guard offset < bytes.count else { throw problem("unterminated string") }
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                offset += 1
                let escape = current
                offset += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"): text.append(contentsOf: try unicodeEscape())
                default:
                    offset -= 2
                    throw problem("unknown escape")
                }
            case 0x00..<0x20:
                throw problem("control character in a string")
            default:
                text.append(byte)
                offset += 1
            }
        }
    }

    /// The scalar of a `\u` escape whose four digits are at the offset, joined with
    /// the low half that follows a high surrogate; as UTF-8.
    private mutating func unicodeEscape() throws(LocatedProblem) -> String.UTF8View {
        var value = try hexQuad()
        if (0xD800..<0xDC00).contains(value) {
            guard current == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u")
            else { throw problem("a high surrogate without its low half") }
            offset += 2
            let low = try hexQuad()
            guard (0xDC00..<0xE000).contains(low) else { throw problem("a high surrogate without its low half") }
            value = 0x10000 + (value - 0xD800) << 10 + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(value) {
            throw problem("a low surrogate alone")
        }
        guard let scalar = Unicode.Scalar(value) else { throw problem("not a Unicode scalar") }
        return String(Character(scalar)).utf8
    }

    private mutating func hexQuad() throws(LocatedProblem) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = PlainYAMLReader.hexValue(current) else {
                throw problem("expected four hexadecimal digits")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }
}
