/// A fast reader for the plain YAML that knowledge and answers files are written in:
/// block mappings and sequences, flow collections, plain, quoted and block scalars,
/// comments. It builds `DataNode`s, with the same positions libyaml reports.
///
/// It is a fast path, not a second YAML implementation: on anything outside that
/// subset (anchors, aliases, tags, directives, complex keys, several documents, tabs
/// in indentation, duplicate keys) and on anything malformed, it declines, and the
/// caller reads the text with libyaml (`LibYAMLReader`), which reports the errors.
/// That keeps one reference behaviour while letting the common case run about fifty
/// times faster (`coach-bench`, see Benchmarks/README.md). Tests hold both readers to
/// Yams, the reader the coach used first.
struct PlainYAMLReader {
    /// The text is outside the subset or malformed: read it with libyaml.
    struct Declined: Error {}

    /// How deep collections may nest before the reader declines.
    static let maximumDepth = 200

    /// libyaml reads a key without `?` only if its colon comes within 1 024
    /// characters; a longer one is its to refuse.
    static let longestKey = 1024

    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    /// The current line, from 1, and the offset where it starts.
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    private var budget: Int
    private var columns = ColumnCounter()
    /// Whether every byte is ASCII: a column is then the offset from the line's start.
    private let isASCII: Bool
    /// Short texts already made, by their bytes: keys and many values repeat from one
    /// entry to the next, and a text made once is shared rather than made again.
    private var made = ShortTexts()

    private init(bytes: UnsafeBufferPointer<UInt8>, budget: Int, isASCII: Bool) {
        self.bytes = bytes
        self.budget = budget
        self.isASCII = isASCII
    }

    /// The document in `text`, nil when it holds no node; throws `Declined` when libyaml
    /// should read it instead.
    static func read(_ text: String, budget: Int) throws(Declined) -> DataNode? {
        var text = text
        let result: Result<DataNode?, Declined> = text.withUTF8 { buffer in
            Result { () throws(Declined) in try read(buffer, budget: budget) }
        }
        return try result.get()
    }

    /// The document in `bytes`, valid UTF-8 (a file's, after its byte order mark): the
    /// same as `read(_:budget:)` without a text made of the whole file first.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, budget: Int) throws(Declined) -> DataNode? {
        guard let found = printable(bytes) else { throw Declined() }
        var reader = PlainYAMLReader(bytes: bytes, budget: budget, isASCII: found == .ascii)
        do { return try reader.document() } catch { throw Declined() }
    }

    /// Whether every character is one YAML allows in a stream, as libyaml checks:
    /// no control character but tab and line breaks, no U+FFFE or U+FFFF; and none
    /// of the line breaks YAML 1.1 adds to LF and CR (U+0085, U+2028, U+2029), nor a
    /// byte order mark (a leading one is stripped before), which are libyaml's to
    /// read. Nil when one is there; else whether the text is all ASCII or holds
    /// other characters.
    ///
    /// One pass, eight bytes at a time where all eight are printable ASCII or line
    /// feeds, as most of a file is; the others byte by byte.
    static func printable(_ bytes: UnsafeBufferPointer<UInt8>) -> Printable? {
        var isASCII = true
        var index = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while index < bytes.count {
            if index + 8 <= bytes.count,
                isPrintableASCIIOrLineFeed(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            {
                index += 8
                continue
            }
            let stop = min(index + 8, bytes.count)
            while index < stop {
                let byte = bytes[index]
                index += 1
                if byte >= 0x20, byte < 0x7F { continue }
                if byte >= 0x80 { isASCII = false }
                switch byte {
                case 0x09, 0x0A, 0x0D: continue
                case 0xC2:  // C1 controls and next line, U+0080 to U+009F
                    if index < bytes.count, (0x80...0x9F).contains(bytes[index]) { return nil }
                case 0xE2:  // line and paragraph separators, U+2028 and U+2029
                    if index + 1 < bytes.count, bytes[index] == 0x80, (0xA8...0xA9).contains(bytes[index + 1]) {
                        return nil
                    }
                case 0xEF:  // U+FFFE, U+FFFF, and the byte order mark U+FEFF
                    if index + 1 < bytes.count, bytes[index] == 0xBF, bytes[index + 1] >= 0xBE { return nil }
                    if index + 1 < bytes.count, bytes[index] == 0xBB, bytes[index + 1] == 0xBF { return nil }
                case 0x80...0xFF: continue
                default: return nil  // other C0 controls, and DEL
                }
            }
        }
        return isASCII ? .ascii : .unicode
    }

    /// What `printable` found in a text YAML may hold.
    enum Printable { case ascii, unicode }

    /// Whether all eight bytes of `word` are printable ASCII, 0x20 to 0x7E, or line
    /// feeds: most words of a file, of which one in three or four holds a line's end.
    /// Once no byte has its high bit, each is tested exactly, with no carry into the
    /// next: a byte plus 0x60 reaches 0x80 exactly when it is 0x20 or more, and a byte
    /// XORed with 0x0A (or 0x7F), plus 0x7F, reaches 0x80 exactly when the byte is not
    /// a line feed (or DEL).
    static func isPrintableASCIIOrLineFeed(_ word: UInt64) -> Bool {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        guard word & highs == 0 else { return false }
        let fromSpace = (word &+ 0x6060_6060_6060_6060) & highs
        let isLineFeed = ~((word ^ 0x0A0A_0A0A_0A0A_0A0A) &+ lows) & highs
        let isDelete = ~((word ^ lows) &+ lows) & highs
        return (fromSpace | isLineFeed) == highs && isDelete == 0
    }

    // MARK: - Bytes

    private var atEnd: Bool { offset >= bytes.count }
    private var current: UInt8 { offset < bytes.count ? bytes[offset] : 0 }

    private func byte(at position: Int) -> UInt8 { position < bytes.count ? bytes[position] : 0 }

    private static func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    /// A space, a tab, a line break or the end.
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || isBreak(byte) || byte == 0
    }

    /// The position of the offset, its column in characters as libyaml counts them.
    private var here: SourcePosition {
        mutating get {
            SourcePosition(
                line: line,
                column: isASCII ? offset - lineStart + 1 : columns.column(of: offset, lineStart: lineStart, in: bytes))
        }
    }

    /// Moves past the line break at the offset.
    private mutating func consumeBreak() {
        if current == 0x0D, byte(at: offset + 1) == 0x0A { offset += 1 }
        offset += 1
        line += 1
        lineStart = offset
    }

    /// Past spaces. libyaml accepts a tab as white space in some places and not in
    /// others; rather than follow it there, the reader leaves any tab to it.
    private mutating func skipBlanks() throws(Declined) {
        while current == 0x20 { offset += 1 }
        if current == 0x09 { throw Declined() }
    }

    /// Past spaces, a comment and the line break: the rest of a line that must hold
    /// nothing else.
    private mutating func finishLine() throws(Declined) {
        try skipBlanks()
        if current == 0x23 {  // #
            guard offset == lineStart || Self.isBlank(bytes[offset - 1]) else { throw Declined() }
            while !atEnd, !Self.isBreak(current) { offset += 1 }
        }
        if atEnd { return }
        guard Self.isBreak(current) else { throw Declined() }
        consumeBreak()
    }

    /// Moves to the first character of the next line with content, past blank and
    /// comment lines, and returns its column from 0; nil at the end of the text.
    /// Tabs in indentation are declined, as libyaml refuses them.
    private mutating func nextContent() throws(Declined) -> Int? {
        while !atEnd {
            var index = offset
            while byte(at: index) == 0x20 { index += 1 }
            let next = byte(at: index)
            if next == 0x09 { throw Declined() }  // tabs are libyaml's to judge
            if next == 0x23 {  // a comment line
                offset = index
                while !atEnd, !Self.isBreak(current) { offset += 1 }
                if atEnd { return nil }
                consumeBreak()
                continue
            }
            if Self.isBreak(next) {
                offset = index
                consumeBreak()
                continue
            }
            if next == 0 {
                offset = index
                return nil
            }
            offset = index
            return index - lineStart
        }
        return nil
    }

    // MARK: - Document

    private mutating func document() throws(Declined) -> DataNode? {
        guard var column = try nextContent() else { return nil }
        if column == 0, startsMarker(0x2D) {  // ---
            offset += 3
            try skipBlanks()
            guard current == 0x23 || Self.isBreak(current) || atEnd else { throw Declined() }
            try finishLine()
            guard let next = try nextContent() else { throw Declined() }
            column = next
        }
        guard !(column == 0 && (current == 0x25 || startsMarker(0x2E))) else { throw Declined() }  // % ...
        let root = try blockNode(column: column, parentIndent: -1, inline: false)
        if try nextContent() != nil { throw Declined() }
        return root
    }

    /// Whether the line starts a new document (`---`) or ends this one (`...`).
    private var atDocumentMarker: Bool { startsMarker(0x2D) || startsMarker(0x2E) }

    /// Whether the line starts with three `marker` bytes followed by a separator.
    private func startsMarker(_ marker: UInt8) -> Bool {
        offset == lineStart && byte(at: offset) == marker && byte(at: offset + 1) == marker
            && byte(at: offset + 2) == marker && Self.isSeparator(byte(at: offset + 3))
    }

    private mutating func spend() throws(Declined) {
        budget -= 1
        guard budget >= 0 else { throw Declined() }
    }

    // MARK: - Block nodes

    /// The node starting at the offset, at `column`, inside a collection indented at
    /// `parentIndent`. `inline` when it follows a key's colon on the same line, where
    /// neither a sequence nor a mapping may start.
    private mutating func blockNode(column: Int, parentIndent: Int, inline: Bool) throws(Declined) -> DataNode {
        try spend()
        switch current {
        case 0x2D where Self.isSeparator(byte(at: offset + 1)):  // - entry
            guard !inline else { throw Declined() }
            return try blockSequence(indent: column)
        case 0x5B, 0x7B:  // [ {
            let start = offset
            let startLine = line
            let startLineStart = lineStart
            let node = try flowNode(parentIndent: parentIndent)
            try skipBlanks()
            if current == 0x3A {  // a flow collection as a key
                offset = start
                line = startLine
                lineStart = startLineStart
                throw Declined()
            }
            try finishLine()
            return node
        case 0x7C, 0x3E:  // | >
            guard inline || parentIndent < 0 else { throw Declined() }
            return try blockScalar(parentIndent: parentIndent)
        case 0x22, 0x27:  // " '
            let start = here
            let startOffset = offset
            let (text, endsLine) = try quotedScalar(parentIndent: parentIndent, flow: false)
            try skipBlanks()
            if current == 0x3A, Self.isSeparator(byte(at: offset + 1)), endsLine {
                guard !inline, offset - startOffset <= Self.longestKey else { throw Declined() }
                return try blockMapping(indent: column, firstKey: (text, start))
            }
            try finishLine()
            return .scalar(text, style: .quoted, at: start)
        case 0x26, 0x2A, 0x21, 0x25, 0x40, 0x60, 0x3F, 0x2C, 0x5D, 0x7D, 0x23:
            // & * ! % @ ` ? , ] } # : anchors, aliases, tags, reserved and complex keys.
            throw Declined()
        default:
            if let colon = keyColon() {
                guard !inline, colon - offset <= Self.longestKey else { throw Declined() }
                let start = here
                let key = try plainKey(endingAt: colon)
                return try blockMapping(indent: column, firstKey: (key, start))
            }
            let start = here
            let text = try plainScalar(parentIndent: parentIndent)
            return .scalar(text, style: .plain, at: start)
        }
    }

    /// Where the plain key starting at the offset ends: a colon followed by a space or
    /// the line's end, before any comment. Nil when the line is not a key.
    private func keyColon() -> Int? {
        var index = offset
        while true {
            let next = byte(at: index)
            if next == 0 || Self.isBreak(next) { return nil }
            if next == 0x3A, Self.isSeparator(byte(at: index + 1)) { return index }
            if next == 0x23, index > offset, Self.isBlank(bytes[index - 1]) { return nil }
            index += 1
        }
    }

    private mutating func plainKey(endingAt colon: Int) throws(Declined) -> String {
        guard Self.canStartPlain(current, next: byte(at: offset + 1)),
            !bytes[offset..<colon].contains(0x09)
        else { throw Declined() }
        var end = colon
        while end > offset, Self.isBlank(bytes[end - 1]) { end -= 1 }
        let key = string(offset, end)
        offset = colon
        return key
    }

    private mutating func blockMapping(indent: Int, firstKey: (String, SourcePosition)) throws(Declined) -> DataNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw Declined() }
        let start = firstKey.1
        var pairs: [DataNode.Pair] = []
        pairs.reserveCapacity(8)  // a knowledge entry or rule has a handful of keys
        var seen: Set<String> = []
        var key = firstKey
        while true {
            // At the colon after `key`.
            offset += 1
            let value = try mappingValue(indent: indent)
            try refuseDuplicate(key.0, in: pairs, seen: &seen)  // libyaml's reader reports duplicates
            pairs.append(DataNode.Pair(key: key.0, keyPosition: key.1, value: value))
            guard let column = try nextContent(), column >= indent else { break }
            guard column == indent else { throw Declined() }
            if atDocumentMarker { break }
            let keyStart = here
            let keyOffset = offset
            if current == 0x22 || current == 0x27 {
                let (text, endsLine) = try quotedScalar(parentIndent: indent, flow: false)
                try skipBlanks()
                guard endsLine, current == 0x3A, Self.isSeparator(byte(at: offset + 1)),
                    offset - keyOffset <= Self.longestKey
                else { throw Declined() }
                key = (text, keyStart)
            } else {
                guard let colon = keyColon(), colon - keyOffset <= Self.longestKey else { throw Declined() }
                key = (try plainKey(endingAt: colon), keyStart)
            }
        }
        return .mapping(pairs, at: start)
    }

    /// The value after a key's colon: on the same line, or below it, more indented
    /// (a sequence may sit at the key's own indentation).
    private mutating func mappingValue(indent: Int) throws(Declined) -> DataNode {
        // An empty value sits just after the colon, as libyaml places it.
        let colonEnd = here
        try skipBlanks()
        if current == 0x23 || Self.isBreak(current) || atEnd {
            if current == 0x23, !Self.isBlank(bytes[offset - 1]) { throw Declined() }
            let saved = (offset, line, lineStart)
            guard let column = try nextContent() else { return .scalar("", style: .plain, at: colonEnd) }
            if column > indent, !atDocumentMarker {
                return try blockNode(column: column, parentIndent: indent, inline: false)
            }
            if column == indent, current == 0x2D, Self.isSeparator(byte(at: offset + 1)), !startsMarker(0x2D) {
                return try blockSequence(indent: column)
            }
            (offset, line, lineStart) = saved
            return .scalar("", style: .plain, at: colonEnd)
        }
        return try blockNode(column: offset - lineStart, parentIndent: indent, inline: true)
    }

    private mutating func blockSequence(indent: Int) throws(Declined) -> DataNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw Declined() }
        let start = here
        var elements: [DataNode] = []
        while true {
            // At the dash. An empty entry sits just after it, as libyaml places it.
            offset += 1
            let dashEnd = here
            try skipBlanks()
            if current == 0x23 || Self.isBreak(current) || atEnd {
                if current == 0x23, !Self.isBlank(bytes[offset - 1]) { throw Declined() }
                let saved = (offset, line, lineStart)
                if let column = try nextContent(), column > indent, !atDocumentMarker {
                    elements.append(try blockNode(column: column, parentIndent: indent, inline: false))
                } else {
                    (offset, line, lineStart) = saved
                    elements.append(.scalar("", style: .plain, at: dashEnd))
                }
            } else {
                elements.append(try blockNode(column: offset - lineStart, parentIndent: indent, inline: false))
            }
            guard let column = try nextContent(), column >= indent else { break }
            guard column == indent, current == 0x2D, Self.isSeparator(byte(at: offset + 1)) else {
                if column == indent { break }  // the next key of a mapping around an indentless sequence
                throw Declined()
            }
            if startsMarker(0x2D) { break }
        }
        return .sequence(elements, at: start)
    }

    /// Declines when `key` is already among `pairs`: a short mapping is searched, a
    /// long one (a locale table has hundreds of keys) keeps the keys in `seen`.
    private func refuseDuplicate(_ key: String, in pairs: [DataNode.Pair], seen: inout Set<String>)
        throws(Declined)
    {
        if pairs.count < 16 {
            // In an ASCII file, keys of another length differ and are passed over
            // without comparing; elsewhere `é` and `e` with an accent are the same key.
            let length = key.utf8.count
            for index in pairs.indices
            where (!isASCII || pairs[index].key.utf8.count == length) && pairs[index].key == key {
                throw Declined()
            }
            return
        }
        if seen.isEmpty { seen = Set(pairs.map(\.key)) }
        guard seen.insert(key).inserted else { throw Declined() }
    }

    // MARK: - Plain scalars

    private static func canStartPlain(_ first: UInt8, next: UInt8) -> Bool {
        switch first {
        case 0x2D, 0x3F, 0x3A:  // - ? : need a non-space after them
            return !isSeparator(next)
        case 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60:
            return false
        default:
            return true
        }
    }

    /// A plain scalar in block context, possibly over several lines, which fold.
    private mutating func plainScalar(parentIndent: Int) throws(Declined) -> String {
        guard Self.canStartPlain(current, next: byte(at: offset + 1)) else { throw Declined() }
        var text = try plainLine()
        // Continuation lines: more indented than the parent, not a comment.
        while true {
            let saved = (offset, line, lineStart)
            try finishLine()
            var breaks = 0
            var column: Int?
            while !atEnd {
                var index = offset
                while byte(at: index) == 0x20 { index += 1 }
                let next = byte(at: index)
                if Self.isBreak(next) {
                    offset = index
                    consumeBreak()
                    breaks += 1
                    continue
                }
                if next == 0x09 { throw Declined() }
                if next != 0 { column = index - lineStart }
                offset = index
                break
            }
            guard let column, column > parentIndent, current != 0x23,
                !atDocumentMarker
            else {
                (offset, line, lineStart) = saved
                return text
            }
            // A continuation that looks like a key or a list entry is libyaml's to judge.
            if keyColon() != nil || (current == 0x2D && Self.isSeparator(byte(at: offset + 1))) { throw Declined() }
            text += breaks == 0 ? " " : String(repeating: "\n", count: breaks)
            text += try plainLine()
        }
    }

    /// The rest of a plain scalar's line, trailing spaces and comment left out.
    private mutating func plainLine() throws(Declined) -> String {
        let start = offset
        var end = offset
        while !atEnd, !Self.isBreak(current) {
            if current == 0x3A, Self.isSeparator(byte(at: offset + 1)) { throw Declined() }
            if current == 0x23, offset > start, Self.isBlank(bytes[offset - 1]) { break }
            if current == 0x09 { throw Declined() }
            if current == 0x20 {
                offset += 1
                continue
            }
            offset += 1
            end = offset
        }
        offset = end
        return string(start, end)
    }

    // MARK: - Quoted scalars

    /// A single- or double-quoted scalar, over one or more lines; whether it ended on
    /// the line it started on.
    private mutating func quotedScalar(parentIndent: Int, flow: Bool) throws(Declined) -> (String, Bool) {
        let quote = current
        let startLine = line
        offset += 1
        var text: [UInt8] = []
        var segmentStart = offset
        while true {
            guard !atEnd else { throw Declined() }
            let byte = current
            if byte == quote {
                if quote == 0x27, self.byte(at: offset + 1) == 0x27 {  // '' in single quotes
                    text.append(contentsOf: bytes[segmentStart..<offset])
                    text.append(0x27)
                    offset += 2
                    segmentStart = offset
                    continue
                }
                // Nothing gathered yet (no escape or break before this segment, as in
                // most quoted texts): the text is this segment of the file, made at once.
                if text.isEmpty {
                    let whole = made.text(in: bytes, from: segmentStart, to: offset)
                    offset += 1
                    return (whole, line == startLine)
                }
                text.append(contentsOf: bytes[segmentStart..<offset])
                offset += 1
                return (String(decoding: text, as: UTF8.self), line == startLine)
            }
            if quote == 0x22, byte == 0x5C {  // \ escapes
                text.append(contentsOf: bytes[segmentStart..<offset])
                try escape(into: &text, parentIndent: parentIndent)
                segmentStart = offset
                continue
            }
            if Self.isBreak(byte) {
                // Folding: trailing blanks go, one break is a space, more are newlines.
                var end = offset
                while end > segmentStart, Self.isBlank(bytes[end - 1]) { end -= 1 }
                text.append(contentsOf: bytes[segmentStart..<end])
                try foldBreaks(into: &text, parentIndent: parentIndent, flow: flow)
                segmentStart = offset
                continue
            }
            offset += 1
        }
    }

    /// Past the line breaks inside a quoted scalar, appending what they fold into;
    /// leaves the offset on the next line's first character after its indentation.
    private mutating func foldBreaks(into text: inout [UInt8], parentIndent: Int, flow: Bool) throws(Declined) {
        var breaks = 0
        while Self.isBreak(current) {
            consumeBreak()
            breaks += 1
            try skipBlanks()
        }
        guard !atEnd, !atDocumentMarker, flow || offset - lineStart > parentIndent else { throw Declined() }
        if breaks == 1 {
            text.append(0x20)
        } else {
            text.append(contentsOf: repeatElement(0x0A, count: breaks - 1))
        }
    }

    private mutating func escape(into text: inout [UInt8], parentIndent: Int) throws(Declined) {
        offset += 1
        let code = current
        let simple: [UInt8: UInt8] = [
            0x30: 0x00, 0x61: 0x07, 0x62: 0x08, 0x74: 0x09, 0x09: 0x09, 0x6E: 0x0A, 0x76: 0x0B, 0x66: 0x0C,
            0x72: 0x0D, 0x65: 0x1B, 0x20: 0x20, 0x22: 0x22, 0x2F: 0x2F, 0x5C: 0x5C,
        ]
        if let replacement = simple[code] {
            text.append(replacement)
            offset += 1
            return
        }
        switch code {
        case 0x4E: text.append(contentsOf: [0xC2, 0x85])  // \N
        case 0x5F: text.append(contentsOf: [0xC2, 0xA0])  // \_
        case 0x4C: text.append(contentsOf: [0xE2, 0x80, 0xA8])  // \L
        case 0x50: text.append(contentsOf: [0xE2, 0x80, 0xA9])  // \P
        case 0x78, 0x75, 0x55:  // \x \u \U
            let length = code == 0x78 ? 2 : code == 0x75 ? 4 : 8
            var value: UInt32 = 0
            for index in 1...length {
                guard let digit = Self.hexValue(byte(at: offset + index)) else { throw Declined() }
                value = value << 4 | digit
            }
            guard let scalar = Unicode.Scalar(value) else { throw Declined() }
            text.append(contentsOf: Array(String(Character(scalar)).utf8))
            offset += length
        case 0x0A, 0x0D:  // an escaped line break joins the lines
            consumeBreak()
            try skipBlanks()
            guard !atEnd, offset - lineStart > parentIndent else { throw Declined() }
            return
        default:
            throw Declined()
        }
        offset += 1
    }

    /// A hexadecimal digit's value, for escapes; the JSON reader's too.
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }

    // MARK: - Block scalars

    /// A literal (`|`) or folded (`>`) block scalar, with its chomping indicator
    /// (an explicit indentation indicator is left to libyaml).
    private mutating func blockScalar(parentIndent: Int) throws(Declined) -> DataNode {
        let start = here
        let folded = current == 0x3E
        offset += 1
        let chomping = current == 0x2D || current == 0x2B ? current : 0
        if chomping != 0 { offset += 1 }
        guard Self.isSeparator(current) else { throw Declined() }
        try finishLine()

        // The content's indentation is that of its first non-empty line.
        var indent: Int?
        var lines: [(start: Int, end: Int)] = []
        var leadingBlankIndent = 0
        while !atEnd {
            var index = offset
            while byte(at: index) == 0x20 { index += 1 }
            let spaces = index - offset
            let next = byte(at: index)
            // libyaml refuses a tab where indentation is still being read.
            if next == 0x09 { throw Declined() }
            if Self.isBreak(next) || next == 0 {
                if let indent, spaces > indent {
                    lines.append((offset + indent, index))
                } else {
                    lines.append((index, index))
                    if indent == nil { leadingBlankIndent = max(leadingBlankIndent, spaces) }
                }
                offset = index
                if atEnd { break }
                consumeBreak()
                continue
            }
            if indent == nil {
                guard spaces > max(parentIndent, 0) else { break }  // libyaml: at least one space
                guard spaces >= leadingBlankIndent else { throw Declined() }
                indent = spaces
            }
            guard let indent, spaces >= indent, !atDocumentMarker else { break }
            var end = index
            while !Self.isBreak(byte(at: end)), byte(at: end) != 0 { end += 1 }
            lines.append((offset + indent, end))
            offset = end
            if atEnd { break }
            consumeBreak()
        }
        // Trailing empty lines belong to the chomping, not to the content.
        var trailing = 0
        while let last = lines.last, last.start == last.end {
            lines.removeLast()
            trailing += 1
        }
        guard !lines.isEmpty || chomping != 0x2B else { throw Declined() }

        var text: [UInt8] = []
        if folded {
            // Between two plain lines a break is a space, or is dropped before empty
            // lines; next to a more-indented line every break stays.
            var previous: Bool?  // nil before the first line, else whether it was more indented
            var empties = 0
            for span in lines {
                if span.start == span.end {
                    empties += 1
                    continue
                }
                let moreIndented = Self.isBlank(bytes[span.start])
                switch previous {
                case nil: text.append(contentsOf: repeatElement(0x0A, count: empties))
                case false? where !moreIndented:
                    if empties == 0 {
                        text.append(0x20)
                    } else {
                        text.append(contentsOf: repeatElement(0x0A, count: empties))
                    }
                default: text.append(contentsOf: repeatElement(0x0A, count: empties + 1))
                }
                text.append(contentsOf: bytes[span.start..<span.end])
                previous = moreIndented
                empties = 0
            }
        } else {
            for (index, span) in lines.enumerated() {
                if index > 0 { text.append(0x0A) }
                text.append(contentsOf: bytes[span.start..<span.end])
            }
        }
        switch chomping {
        case 0x2D: break  // strip
        case 0x2B: text.append(contentsOf: repeatElement(0x0A, count: 1 + trailing))  // keep
        default: if !lines.isEmpty { text.append(0x0A) }  // clip
        }
        return .scalar(String(decoding: text, as: UTF8.self), style: .block, at: start)
    }

    // MARK: - Flow collections

    /// A flow collection (`[…]`, `{…}`) or scalar inside one.
    private mutating func flowNode(parentIndent: Int) throws(Declined) -> DataNode {
        try spend()
        let start = here
        switch current {
        case 0x5B, 0x7B:
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else { throw Declined() }
            let isMapping = current == 0x7B
            let closing: UInt8 = isMapping ? 0x7D : 0x5D
            offset += 1
            var pairs: [DataNode.Pair] = []
            if isMapping { pairs.reserveCapacity(4) }
            var seen: Set<String> = []
            var elements: [DataNode] = []
            while true {
                try skipFlowSpace(parentIndent: parentIndent)
                if current == closing {
                    offset += 1
                    break
                }
                if isMapping {
                    let keyStart = here
                    let keyOffset = offset
                    guard current != 0x5B, current != 0x7B else { throw Declined() }
                    let key = try flowScalar(parentIndent: parentIndent, isKey: true)
                    try skipFlowSpace(parentIndent: parentIndent)
                    guard current == 0x3A, offset - keyOffset <= Self.longestKey else { throw Declined() }
                    offset += 1
                    try skipFlowSpace(parentIndent: parentIndent)
                    guard current != 0x2C, current != closing else { throw Declined() }
                    let value = try flowNode(parentIndent: parentIndent)
                    try refuseDuplicate(key, in: pairs, seen: &seen)
                    pairs.append(DataNode.Pair(key: key, keyPosition: keyStart, value: value))
                } else {
                    elements.append(try flowNode(parentIndent: parentIndent))
                }
                try skipFlowSpace(parentIndent: parentIndent)
                if current == 0x2C {
                    offset += 1
                    continue
                }
                guard current == closing else { throw Declined() }
                offset += 1
                break
            }
            return isMapping ? .mapping(pairs, at: start) : .sequence(elements, at: start)
        case 0x22, 0x27:
            let (text, _) = try quotedScalar(parentIndent: parentIndent, flow: true)
            return .scalar(text, style: .quoted, at: start)
        default:
            return .scalar(try flowScalar(parentIndent: parentIndent, isKey: false), style: .plain, at: start)
        }
    }

    /// Spaces, line breaks and comments between the parts of a flow collection.
    private mutating func skipFlowSpace(parentIndent: Int) throws(Declined) {
        while true {
            if current == 0x09 { throw Declined() }
            if current == 0x20 {
                offset += 1
            } else if Self.isBreak(current) {
                consumeBreak()
                if atDocumentMarker { throw Declined() }
            } else if current == 0x23 {
                guard Self.isSeparator(bytes[offset - 1]) else { throw Declined() }
                while !atEnd, !Self.isBreak(current) { offset += 1 }
            } else {
                return
            }
            if atEnd { throw Declined() }
        }
    }

    /// A plain scalar (or a quoted key) inside a flow collection, on one line.
    private mutating func flowScalar(parentIndent: Int, isKey: Bool) throws(Declined) -> String {
        if current == 0x22 || current == 0x27 {
            guard isKey else { throw Declined() }
            return try quotedScalar(parentIndent: parentIndent, flow: true).0
        }
        guard Self.canStartPlain(current, next: byte(at: offset + 1)) else { throw Declined() }
        let start = offset
        var end = offset
        while !atEnd {
            let byte = current
            // Multi-line plain scalars in flow, and tabs: leave them to libyaml.
            if Self.isBreak(byte) || byte == 0x09 { throw Declined() }
            if byte == 0x2C || byte == 0x5B || byte == 0x5D || byte == 0x7B || byte == 0x7D { break }
            if byte == 0x3A {
                let next = self.byte(at: offset + 1)
                if Self.isSeparator(next) || next == 0x2C || next == 0x5D || next == 0x7D { break }
                if next == 0x5B || next == 0x7B { throw Declined() }
            }
            if byte == 0x23, Self.isBlank(bytes[offset - 1]) { break }
            offset += 1
            if !Self.isBlank(byte) { end = offset }
        }
        guard end > start else { throw Declined() }
        offset = end
        return string(start, end)
    }

    private mutating func string(_ start: Int, _ end: Int) -> String {
        made.text(in: bytes, from: start, to: end)
    }
}
