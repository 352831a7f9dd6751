/// The built-in knowledge, prepared ahead: what loading its YAML gives, written as a
/// flat text that reads back without parsing, decoding or compiling anything.
/// `KnowledgeSnapshotter` (`make snapshot`) writes it from the knowledge CoachKit
/// embeds, with that knowledge's digest; the coach reads it at start-up instead of
/// the YAML, while the digest matches the knowledge it embeds.
///
/// The text is fields, each ended by U+0001: texts as they are, numbers in decimal,
/// an absent value as U+0002 alone. Neither character can occur in a YAML text, and
/// the writer refuses a text that holds one. Lists give their count first. The
/// snapshot opens with its format, then the length of each part, so that a reader
/// skips the parts it was not asked for:
///
///     coach-snapshot/1 · digest · 4 lengths · article and topics · interview ·
///     search (with its index of the topics) · metrics
public enum KnowledgeSnapshot {
    static let format = "coach-snapshot/1"
    /// The parts in the order they are written; the article and topics come first.
    static let parts: [KnowledgeBase.Parts] = [.interview, .search, .metrics]

    /// Why a snapshot could not be written or read.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The snapshot of `knowledge`, the built-in knowledge, every part and no
    /// scenario.
    public static func text(of knowledge: KnowledgeBase) throws(Failure) -> String {
        var sections: [String] = []
        var writer = SnapshotWriter()
        writer.write(knowledge.article)
        writer.write(knowledge.topics)
        sections.append(writer.take())
        writer.write(knowledge.questions)
        writer.write(knowledge.facts)
        writer.write(knowledge.rules)
        writer.write(knowledge.planGuide)
        writer.write(knowledge.benchmarks)
        writer.write(knowledge.derivedOrder)
        sections.append(writer.take())
        writer.write(knowledge.search)
        (knowledge.searchIndex ?? SearchIndex(knowledge: knowledge)).write(to: &writer)
        sections.append(writer.take())
        writer.write(knowledge.metrics)
        sections.append(writer.take())
        if let refused = writer.refused {
            throw Failure(description: "a text holds U+0001 or U+0002, which a snapshot cannot hold: \(refused)")
        }
        writer.write(format)
        writer.write(EmbeddedFile.knowledgeDigest)
        for section in sections { writer.write(section.utf8.count) }
        return writer.take() + sections.joined()
    }

    /// The knowledge in `snapshot`, with the `parts` asked for.
    public static func knowledge(from snapshot: UnsafeBufferPointer<UInt8>, parts: KnowledgeBase.Parts)
        throws(Failure) -> KnowledgeBase
    {
        try read(snapshot, parts: parts, into: nil)
    }

    /// `knowledge`, read from `snapshot` in parts, with `parts` too.
    public static func knowledge(
        from snapshot: UnsafeBufferPointer<UInt8>, adding parts: KnowledgeBase.Parts, to knowledge: KnowledgeBase
    ) throws(Failure) -> KnowledgeBase {
        try read(snapshot, parts: parts.subtracting(knowledge.parts), into: knowledge)
    }

    /// The `parts` of `snapshot`, with its article and topics unless `given` holds
    /// them already.
    private static func read(
        _ snapshot: UnsafeBufferPointer<UInt8>, parts: KnowledgeBase.Parts, into given: KnowledgeBase?
    ) throws(Failure) -> KnowledgeBase {
        var reader = SnapshotReader(snapshot)
        guard try reader.read(String.self) == format else {
            throw Failure(description: "not a snapshot of format \(format)")
        }
        guard try reader.read(String.self) == EmbeddedFile.knowledgeDigest else {
            throw Failure(description: "a snapshot of other knowledge than the built-in one: run make snapshot")
        }
        var lengths: [Int] = []
        for _ in 0...Self.parts.count { lengths.append(try reader.read(Int.self)) }
        var start = reader.offset
        var base = given ?? KnowledgeBase(article: Article.empty, topics: [], questions: [])
        for (part, length) in zip([KnowledgeBase.Parts()] + Self.parts, lengths) {
            defer { start += length }
            guard part.isEmpty ? given == nil : parts.contains(part) else { continue }
            reader.offset = start
            switch part {
            case []:
                base.article = try reader.read()
                base.topics = try reader.read()
            case .interview:
                base.questions = try reader.read([Question].self)
                base.facts = try reader.read([Fact].self)
                base.rules = try reader.read([Rule].self)
                base.planGuide = try reader.read(PlanGuide.self)
                base.benchmarks = try reader.read(Benchmarks.self)
                base.derivedOrder = try reader.read([Int].self)
            case .search:
                base.search = try reader.read(SearchVocabulary.self)
                base.searchIndex = try SearchIndex(from: &reader, settings: base.search)
            case .metrics: base.metrics = try reader.read(MetricsVocabulary.self)
            default: break
            }
            guard reader.offset == start + length else {
                throw Failure(description: "a part of the snapshot does not end where it should")
            }
        }
        base.parts = given.map { $0.parts.union(parts) } ?? parts
        return base
    }
}

extension Article {
    static let empty = Article(
        title: Localized(fr: "", en: ""), publisher: Localized(fr: "", en: ""), language: .fr, sections: [])
}

// MARK: - Writing and reading fields

/// A value written to, and read back from, a snapshot.
protocol SnapshotCodable {
    func write(to writer: inout SnapshotWriter)
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure)
}

struct SnapshotWriter {
    private var text = ""
    /// The first text that held a separator, if any.
    private(set) var refused: String?

    mutating func field(_ value: String) {
        if refused == nil, value.utf8.contains(where: { $0 == 1 || $0 == 2 }) { refused = value }
        text += value
        text += "\u{1}"
    }

    mutating func absent() { text += "\u{2}\u{1}" }

    mutating func write<Value: SnapshotCodable>(_ value: Value) { value.write(to: &self) }

    mutating func take() -> String {
        defer { text = "" }
        return text
    }
}

struct SnapshotReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The next field's bytes.
    mutating func field() throws(KnowledgeSnapshot.Failure) -> UnsafeBufferPointer<UInt8> {
        var end = offset
        while end < bytes.count, bytes[end] != 1 { end += 1 }
        guard end < bytes.count else { throw KnowledgeSnapshot.Failure(description: "the snapshot ends too soon") }
        defer { offset = end + 1 }
        return UnsafeBufferPointer(rebasing: bytes[offset..<end])
    }

    /// Whether the next field is an absent value, which is then read.
    mutating func isAbsent() -> Bool {
        guard offset + 1 < bytes.count, bytes[offset] == 2, bytes[offset + 1] == 1 else { return false }
        offset += 2
        return true
    }

    mutating func read<Value: SnapshotCodable>(_: Value.Type = Value.self) throws(KnowledgeSnapshot.Failure)
        -> Value
    {
        try Value(from: &self)
    }

    func failure(_ what: String) -> KnowledgeSnapshot.Failure {
        KnowledgeSnapshot.Failure(description: "\(what) at byte \(offset) of the snapshot")
    }
}

// MARK: - Standard types

extension String: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) { writer.field(self) }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self = String(decoding: try reader.field(), as: UTF8.self)
    }
}

extension Int: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) { writer.field(String(self)) }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let digits = try reader.field()
        var value = 0
        var negative = false
        for (index, byte) in digits.enumerated() {
            if index == 0, byte == UInt8(ascii: "-"), digits.count > 1 {
                negative = true
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                value = value &* 10 &+ Int(byte - UInt8(ascii: "0"))
            } else {
                throw reader.failure("not a whole number")
            }
        }
        guard !digits.isEmpty else { throw reader.failure("an empty number") }
        self = negative ? -value : value
    }
}

extension Double: SnapshotCodable {
    // `description` gives back exactly the same Double when read.
    func write(to writer: inout SnapshotWriter) { writer.field(description) }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        guard let value = Double(String(decoding: try reader.field(), as: UTF8.self)) else {
            throw reader.failure("not a number")
        }
        self = value
    }
}

extension Bool: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) { writer.field(self ? "1" : "0") }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self = try reader.read(Int.self) != 0
    }
}

extension Optional: SnapshotCodable where Wrapped: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        if let self { writer.write(self) } else { writer.absent() }
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self = reader.isAbsent() ? nil : try reader.read(Wrapped.self)
    }
}

extension Array: SnapshotCodable where Element: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(count)
        for element in self { writer.write(element) }
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let count = try reader.read(Int.self)
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try reader.read(Element.self)) }
    }
}

extension Set: SnapshotCodable where Element: SnapshotCodable & Comparable {
    // Sorted, so that the same knowledge always gives the same snapshot.
    func write(to writer: inout SnapshotWriter) { writer.write(sorted()) }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self = Set(try reader.read([Element].self))
    }
}

extension Dictionary: SnapshotCodable where Key: SnapshotCodable & Comparable, Value: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(count)
        for key in keys.sorted() {
            writer.write(key)
            writer.write(self[key]!)
        }
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let count = try reader.read(Int.self)
        self = [:]
        reserveCapacity(count)
        for _ in 0..<count { self[try reader.read(Key.self)] = try reader.read(Value.self) }
    }
}

extension Localized: SnapshotCodable where Value: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(fr)
        writer.write(en)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(fr: try reader.read(), en: try reader.read())
    }
}

/// Enumerations written by their raw value, as in the YAML.
protocol SnapshotRawValue: SnapshotCodable, RawRepresentable where RawValue == String {}

extension SnapshotRawValue {
    func write(to writer: inout SnapshotWriter) { writer.field(rawValue) }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let raw = try reader.read(String.self)
        guard let value = Self(rawValue: raw) else { throw reader.failure("unknown value “\(raw)”") }
        self = value
    }
}

extension Language: SnapshotRawValue {}
extension Topic.Kind: SnapshotRawValue {}
extension Question.Kind: SnapshotRawValue {}
extension Fact.Kind: SnapshotRawValue {}
extension Rule.Horizon: SnapshotRawValue {}
extension Expression.Comparison: SnapshotRawValue {}
extension Expression.Arithmetic: SnapshotRawValue {}
extension Expression.Function: SnapshotRawValue {}
extension Weekday: SnapshotRawValue {}
extension PlanGuide.Indicator.Unit: SnapshotRawValue {}
extension Benchmarks.Basis: SnapshotRawValue {}
extension Benchmarks.Statistic: SnapshotRawValue {}
extension SearchVocabulary.Field: SnapshotRawValue {}
extension MetricsVocabulary.Column: SnapshotRawValue {}
