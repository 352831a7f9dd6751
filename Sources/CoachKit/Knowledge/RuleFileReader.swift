#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fast path for rule files written one value a line, as large generated rule
/// bases are:
///
///     rules:
///       - id: group.name
///         when: followers > 500 and not runs_events
///         priority: 60
///         horizon: this_month
///         source: tip.regularity
///         fr: {title: Un titre, detail: Un détail.}
///         en:
///           title: A title
///           detail: A detail.
///
/// It reads the rules' records straight from the bytes, without the YAML tree that
/// `KnowledgeLoader.decodeRules` reads them from: building, reading and freeing that
/// tree was two thirds of loading a rule. It is a fast path, not a second decoder: on
/// anything else (another key, a quoted, folded or multi-line value, a colon or a
/// `#` in a value, a tab, a value that is empty or null, an id, priority or horizon
/// that the decoder would refuse, a file with no rule) it declines, and the file is
/// read through the tree, which reports what is wrong. What it accepts, it gives
/// exactly as the tree does, positions included (`RuleFileReaderTests` holds it to
/// the tree over thousands of changed files).
enum RuleFileReader {
    /// The records of the rules in a file's bytes, UTF-8 with or without a byte order
    /// mark; nil when the file is not written in the form read here, or holds what
    /// YAML refuses (a control character, another byte order mark).
    static func records(file bytes: [UInt8], path: String) -> [RuleRecord]? {
        guard bytes.isUTF8 else { return nil }
        let start = bytes.starts(with: UTF8.byteOrderMark) ? UTF8.byteOrderMark.count : 0
        return bytes.withUnsafeBufferPointer { buffer in
            let text = UnsafeBufferPointer(rebasing: buffer[start...])
            guard let found = PlainYAMLReader.printable(text) else { return nil }
            return records(text, isASCII: found == .ascii, file: path)
        }
    }

    /// The records of the rules in `bytes`, valid UTF-8 without a byte order mark, all
    /// of them characters YAML allows; nil when the file is not written in the form
    /// read here.
    private static func records(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool, file: String) -> [RuleRecord]? {
        guard var reader = Lines(bytes: bytes, isASCII: isASCII) else { return nil }
        guard let first = reader.nextContentLine(), first.indent == 0, reader.equals(first, "rules:") else {
            return nil
        }
        var records: [RuleRecord] = []
        var line = reader.nextContentLine()
        while let start = line {
            guard let (record, next) = rule(startingAt: start, reader: &reader, file: file) else { return nil }
            records.append(record)
            line = next
        }
        return records.isEmpty ? nil : records
    }

    /// The keys read here, as a rule's field: any other (`diagnosis`, `supersedes`,
    /// `reports`, a misspelt one) declines.
    private enum Key: Int {
        case id, when, priority, horizon, source, fr, en

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            let key: Key
            switch bytes.count {
            case 2: key = Lines.same(bytes, "id") ? .id : Lines.same(bytes, "fr") ? .fr : .en
            case 4: key = .when
            case 6: key = .source
            case 7: key = .horizon
            case 8: key = .priority
            default: return nil
            }
            guard Lines.same(bytes, key.name) else { return nil }
            self = key
        }

        var name: StaticString {
            switch self {
            case .id: "id"
            case .when: "when"
            case .priority: "priority"
            case .horizon: "horizon"
            case .source: "source"
            case .fr: "fr"
            case .en: "en"
            }
        }
    }

    /// A one-line value's text, trimmed, and where it starts.
    struct Value {
        var text: String
        var position: SourcePosition
    }

    /// One rule, from its `  - ` line to the line after its last (nil at the end of
    /// the file); nil when it is not in the form read here, or the decoder would
    /// refuse it.
    private static func rule(startingAt start: Lines.Line, reader: inout Lines, file: String)
        -> (RuleRecord, next: Lines.Line?)?
    {
        guard start.indent == 2, reader.byte(start, at: 2) == UInt8(ascii: "-"),
            reader.byte(start, at: 3) == UInt8(ascii: " ")
        else { return nil }
        var values: [Value?] = [nil, nil, nil, nil, nil]
        var texts: [(text: Rule.Text, kept: [SourceText])?] = [nil, nil]
        // The first key follows the dash, where an indented key would start.
        var line: Lines.Line? = start
        while let current = line {
            guard let colon = reader.colon(in: current, from: 4), let key = Key(reader.slice(current, 4..<colon))
            else { return nil }
            if key == .fr || key == .en {
                let slot = key == .fr ? 0 : 1
                guard texts[slot] == nil,
                    let (text, kept, next) = translation(after: colon, of: current, reader: &reader, file: file)
                else { return nil }
                texts[slot] = (text, kept)
                line = next
            } else {
                guard values[key.rawValue] == nil, let value = reader.value(of: current, after: colon, inFlow: false)
                else { return nil }
                values[key.rawValue] = value
                line = reader.nextContentLine()
            }
            // The rule's next key, or the end of the rule.
            guard let next = line, next.indent == 4 else { break }
        }
        guard let id = values[Key.id.rawValue], KnowledgeLoader.isRuleID(id.text),
            let when = values[Key.when.rawValue],
            let priority = values[Key.priority.rawValue].flatMap({ Int($0.text) }), (0...100).contains(priority),
            let horizon = values[Key.horizon.rawValue].flatMap({ Rule.Horizon(rawValue: $0.text) }),
            let source = values[Key.source.rawValue], let fr = texts[0], let en = texts[1]
        else { return nil }
        // The decoder keeps the French texts' placeholders before the English ones,
        // whichever comes first in the file.
        let record = RuleRecord(
            file: file, id: id.text, idPosition: id.position, isDiagnosis: false,
            condition: SourceText(text: when.text, file: file, position: when.position, style: .plain),
            priority: priority, horizon: horizon, source: source.text, sourcePosition: source.position,
            supersedes: [], text: Localized(fr: fr.text, en: en.text), texts: fr.kept + en.kept)
        return (record, line)
    }

    /// The title and detail after `fr:` or `en:`, in a flow mapping on the same line
    /// (`{title: …, detail: …}`) or as two keys on the lines below; the texts holding a
    /// placeholder as source texts, title first, as the decoder keeps them; and the
    /// line after them.
    private static func translation(
        after colon: Int, of line: Lines.Line, reader: inout Lines, file: String
    ) -> (Rule.Text, kept: [SourceText], next: Lines.Line?)? {
        var title: Value?
        var detail: Value?
        var next: Lines.Line?
        if reader.isEmpty(line, from: colon + 1) {
            // Two keys on the lines below, six spaces in, as the language is four.
            next = reader.nextContentLine()
            while let current = next, current.indent == 6 {
                guard let colon = reader.colon(in: current, from: current.indent),
                    let value = reader.value(of: current, after: colon, inFlow: false)
                else { return nil }
                let key = reader.slice(current, current.indent..<colon)
                if Lines.same(key, "title"), title == nil {
                    title = value
                } else if Lines.same(key, "detail"), detail == nil {
                    detail = value
                } else {
                    return nil
                }
                next = reader.nextContentLine()
            }
        } else {
            guard let (flowTitle, flowDetail) = reader.flowTitleAndDetail(of: line, after: colon) else { return nil }
            (title, detail) = (flowTitle, flowDetail)
            next = reader.nextContentLine()
        }
        guard let title, let detail else { return nil }
        var kept: [SourceText] = []
        if title.text.containsByte(UInt8(ascii: "{")) {
            kept.append(SourceText(text: title.text, file: file, position: title.position, style: .plain))
        }
        if detail.text.containsByte(UInt8(ascii: "{")) {
            kept.append(SourceText(text: detail.text, file: file, position: detail.position, style: .plain))
        }
        return (Rule.Text(title: title.text, detail: detail.text), kept, next)
    }
}

/// The lines of a rule file, read in place.
private struct Lines {
    struct Line {
        /// Its first byte, the byte after it (its line feed or the end), and its number
        /// from 1.
        var start: Int
        var end: Int
        var number: Int
        /// How many spaces it opens with.
        var indent: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// Whether every byte is ASCII: a column is then the offset from the line's start.
    let isASCII: Bool
    private var offset = 0
    private var number = 0

    /// Nil when the bytes hold a carriage return, which YAML reads as a line break
    /// too, even in what would be read here as a comment.
    init?(bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        if let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) != nil { return nil }
        self.bytes = bytes
        self.isASCII = isASCII
    }

    /// The next line that is neither blank nor a comment; nil at the end. A tab in a
    /// line read is refused where it lies: in its indentation, its key or its value.
    mutating func nextContentLine() -> Line? {
        guard let base = bytes.baseAddress else { return nil }
        while offset < bytes.count {
            let start = offset
            let end =
                memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start).map {
                    base.distance(to: $0.assumingMemoryBound(to: UInt8.self))
                } ?? bytes.count
            offset = end + 1
            number += 1
            var first = start
            while first < end, bytes[first] == UInt8(ascii: " ") { first += 1 }
            guard first < end, bytes[first] != UInt8(ascii: "#") else { continue }
            return Line(start: start, end: end, number: number, indent: first - start)
        }
        return nil
    }

    func byte(_ line: Line, at column: Int) -> UInt8? {
        line.start + column < line.end ? bytes[line.start + column] : nil
    }

    func slice(_ line: Line, _ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[(line.start + range.lowerBound)..<(line.start + range.upperBound)])
    }

    func equals(_ line: Line, _ text: StaticString) -> Bool {
        Self.same(slice(line, 0..<(line.end - line.start)), text)
    }

    /// Whether the line holds `text` at `column`.
    func holds(_ text: StaticString, in line: Line, at column: Int) -> Bool {
        column >= 0 && column + text.utf8CodeUnitCount <= line.end - line.start
            && Self.same(slice(line, column..<(column + text.utf8CodeUnitCount)), text)
    }

    /// Whether `bytes` are those of `text`.
    static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        guard let base = bytes.baseAddress else { return true }
        return memcmp(base, text.utf8Start, bytes.count) == 0
    }

    /// Whether nothing follows `column` on the line.
    func isEmpty(_ line: Line, from column: Int) -> Bool {
        line.start + column == line.end
    }

    /// Where the key starting at `column` ends with its colon: a key is lower-case
    /// letters and underscores.
    func colon(in line: Line, from column: Int) -> Int? {
        var index = column
        while let byte = byte(line, at: index) {
            if byte == UInt8(ascii: ":") { return index > column ? index : nil }
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "_") else {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// The value after the key's colon, to the end of the line.
    func value(of line: Line, after colon: Int, inFlow: Bool) -> RuleFileReader.Value? {
        guard byte(line, at: colon + 1) == UInt8(ascii: " ") else { return nil }
        var start = colon + 1
        while byte(line, at: start) == UInt8(ascii: " ") { start += 1 }
        return scalar(of: line, from: start, to: line.end - line.start, inFlow: inFlow)
    }

    /// `{title: …, detail: …}` after the key's colon, and nothing after it.
    func flowTitleAndDetail(of line: Line, after colon: Int) -> (RuleFileReader.Value, RuleFileReader.Value)? {
        let (titleKey, detailKey): (StaticString, StaticString) = (": {title: ", ", detail: ")
        let length = line.end - line.start
        let titleStart = colon + titleKey.utf8CodeUnitCount
        guard holds(titleKey, in: line, at: colon), byte(line, at: length - 1) == UInt8(ascii: "}"),
            titleStart < length - 1,
            let comma = slice(line, titleStart..<(length - 1)).firstIndex(of: UInt8(ascii: ","))
        else { return nil }
        let titleEnd = titleStart + comma
        let detailStart = titleEnd + detailKey.utf8CodeUnitCount
        guard holds(detailKey, in: line, at: titleEnd),
            let title = scalar(of: line, from: titleStart, to: titleEnd, inFlow: true),
            let detail = scalar(of: line, from: detailStart, to: length - 1, inFlow: true)
        else { return nil }
        return (title, detail)
    }

    /// The plain scalar from `start` to `end` on the line: nil unless it starts as a
    /// plain scalar must (a letter, a digit, `_`, `(`, or a character beyond ASCII),
    /// holds no colon, `#` nor (in a flow mapping) a flow indicator, and is not one of
    /// YAML's spellings of null. Its text is trimmed, as the decoder trims.
    private func scalar(of line: Line, from start: Int, to end: Int, inFlow: Bool) -> RuleFileReader.Value? {
        guard start < end, let first = byte(line, at: start) else { return nil }
        let startsPlain =
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "_")
            || first == UInt8(ascii: "(") || first >= 0x80
        guard startsPlain else { return nil }
        let value = slice(line, start..<end)
        let (low, high) = inFlow ? (Self.refusedInFlow, Self.refusedInFlowFrom64) : (Self.refused, 0)
        for byte in value {
            if byte < 64 {
                if low >> UInt64(byte) & 1 != 0 { return nil }
            } else if byte < 128, high >> UInt64(byte - 64) & 1 != 0 {
                return nil
            }
        }
        var last = value.count
        while last > 0, value[last - 1] == UInt8(ascii: " ") { last -= 1 }
        let written = UnsafeBufferPointer(rebasing: value[..<last])
        if written.count <= 4,
            Self.same(written, "~") || Self.same(written, "null") || Self.same(written, "Null")
                || Self.same(written, "NULL")
        {
            return nil
        }
        let text = String(decoding: written, as: UTF8.self).trimmed
        guard !text.isEmpty else { return nil }
        return RuleFileReader.Value(text: text, position: position(of: line, at: start))
    }

    /// The bytes a value may not hold, as bits: below 64, and from 64 to 127.
    private static let refused = bits(":#\t")
    private static let refusedInFlow = bits(":#\t,")
    private static let refusedInFlowFrom64 = bits("[]{}", from: 64)

    /// The bits of `characters`, ASCII from `from` to `from + 63`, as a mask.
    private static func bits(_ characters: StaticString, from: UInt8 = 0) -> UInt64 {
        var mask: UInt64 = 0
        for index in 0..<characters.utf8CodeUnitCount {
            mask |= 1 << UInt64(characters.utf8Start[index] - from)
        }
        return mask
    }

    /// The line and column of the byte at `column`, counted in characters.
    private func position(of line: Line, at column: Int) -> SourcePosition {
        if isASCII { return SourcePosition(line: line.number, column: column + 1) }
        var characters = 0
        for byte in slice(line, 0..<column) where byte & 0xC0 != 0x80 { characters += 1 }
        return SourcePosition(line: line.number, column: characters + 1)
    }
}
