/// The built-in knowledge, prepared ahead: what loading its YAML gives, written as a
/// flat text that reads back without parsing, decoding or compiling anything, with
/// the search index ready. `KnowledgeSnapshotter` (`make snapshot`) writes it, from
/// the knowledge CoachKit embeds and with that knowledge's digest, into
/// `BuiltInSnapshot.swift`; `KnowledgeBase.builtIn(_:)` reads it while the digest is
/// that of the knowledge embedded, and the YAML otherwise.
///
/// The text is fields, each ended by U+0001 (`SnapshotCoding.swift`): texts as they
/// are, numbers in decimal, an enumeration by its case's place, an absent value as
/// U+0002 alone; a search term's postings in one field of small numbers
/// (`SmallNumbers`). The writer refuses a text holding either character, which YAML
/// allows only through escapes. Lists give their count first. The interview's part
/// ends with the engine's tables (`Engine.Tables`), made from its rules. The search
/// index's terms, words and synonyms are tables in the order of their keys' bytes,
/// searched where they lie (`SnapshotTable`). The snapshot opens with its
/// format, the digest, then the length of each part, so that a reader skips the parts
/// it was not asked for:
///
///     coach-snapshot/9 · digest · 4 lengths · article and topics · interview ·
///     search (with its index of the topics) · metrics
///
/// `format` changes with the layout of any part, and with the way the engine's
/// tables are worked out from the rules: the digest covers the knowledge, not the
/// code (`theSnapshotCompiledInIsUpToDate` catches a snapshot left behind either way).
public enum KnowledgeSnapshot {
    static let format = "coach-snapshot/9"
    /// The parts in the order they are written; the article and topics come first.
    static let parts: [KnowledgeBase.Parts] = [.interview, .search, .metrics]
    /// The deepest expression a snapshot may hold, as the condition parser allows.
    static let maximumDepth = 256

    /// Why a snapshot could not be written or read.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The text does not open with `format`.
        case notASnapshot
        /// The snapshot is of other knowledge than the one embedded: an older one.
        case otherKnowledge
        /// Only knowledge read whole can be written.
        case partialKnowledge
        /// A text holds U+0001 or U+0002.
        case separatorInText(String)
        /// What was wrong, and the byte where reading stopped.
        case damaged(String, at: Int)

        public var description: String {
            switch self {
            case .notASnapshot: "not a knowledge snapshot of format \(KnowledgeSnapshot.format)"
            case .otherKnowledge: "a snapshot of other knowledge than the built-in one: run make snapshot"
            case .partialKnowledge: "a snapshot is written from knowledge read whole"
            case .separatorInText(let text): "a text holds U+0001 or U+0002, which a snapshot cannot hold: \(text)"
            case .damaged(let what, let offset): "a damaged snapshot: \(what) at byte \(offset)"
            }
        }
    }

    /// The snapshot of `knowledge`, the built-in knowledge read whole; its scenarios
    /// are left out.
    public static func text(of knowledge: KnowledgeBase) throws(Failure) -> String {
        guard knowledge.parts == .all else { throw .partialKnowledge }
        var sections: [String] = []
        var writer = SnapshotWriter()
        writer.write(knowledge.article)
        writer.write(knowledge.topics)
        sections.append(writer.take())
        writer.write(knowledge.slotCount)
        writer.write(knowledge.questions)
        writer.write(knowledge.facts)
        writer.write(knowledge.rules)
        writer.write(knowledge.planGuide)
        writer.write(counted: knowledge.benchmarks)
        writer.write(knowledge.derivedOrder)
        writer.write(knowledge.engineTables ?? Engine.Tables(knowledge: knowledge))
        sections.append(writer.take())
        writer.write(knowledge.search)
        (knowledge.searchIndex ?? SearchIndex(knowledge: knowledge)).write(to: &writer)
        sections.append(writer.take())
        writer.write(knowledge.metrics)
        sections.append(writer.take())
        if let refused = writer.refused { throw .separatorInText(refused) }
        writer.write(format)
        writer.write(EmbeddedFile.knowledgeDigest)
        for section in sections { writer.write(section.utf8.count) }
        return writer.take() + sections.joined()
    }

    /// The built-in knowledge with `parts`, from the snapshot compiled in.
    static func builtIn(_ parts: KnowledgeBase.Parts) throws(Failure) -> KnowledgeBase {
        try readingBuiltIn { snapshot, lends throws(Failure) in
            try read(snapshot, parts: parts, into: nil, lendsBytes: lends)
        }
    }

    /// `knowledge`, built-in and read in parts, with `parts` too, from the snapshot
    /// compiled in.
    static func builtIn(adding parts: KnowledgeBase.Parts, to knowledge: KnowledgeBase) throws(Failure)
        -> KnowledgeBase
    {
        try readingBuiltIn { snapshot, lends throws(Failure) in
            try read(snapshot, parts: parts.subtracting(knowledge.parts), into: knowledge, lendsBytes: lends)
        }
    }

    /// `read` over the bytes of the snapshot compiled in (`BuiltInSnapshot.swift`),
    /// which live as long as the process: the knowledge read from them may keep them
    /// for what it reads later (`Deferred`).
    private static func readingBuiltIn(
        _ read: (UnsafeBufferPointer<UInt8>, _ lends: Bool) throws(Failure) -> KnowledgeBase
    ) throws(Failure) -> KnowledgeBase {
        // A literal this long is held by its address in the binary: its bytes are read
        // there, and lent. (Held as a single scalar, it would be read from a buffer
        // made for the call, and not lent.)
        guard builtInSnapshot.hasPointerRepresentation else {
            return try builtInSnapshot.withUTF8Buffer { snapshot in
                Result { () throws(Failure) in try read(snapshot, false) }
            }.get()
        }
        let snapshot = UnsafeBufferPointer(start: builtInSnapshot.utf8Start, count: builtInSnapshot.utf8CodeUnitCount)
        return try read(snapshot, true)
    }

    /// The knowledge in `snapshot`, with the `parts` asked for.
    public static func knowledge(from snapshot: UnsafeBufferPointer<UInt8>, parts: KnowledgeBase.Parts)
        throws(Failure) -> KnowledgeBase
    {
        try read(snapshot, parts: parts, into: nil, lendsBytes: false)
    }

    /// `knowledge`, read from `snapshot` in parts, with `parts` too.
    static func knowledge(
        from snapshot: UnsafeBufferPointer<UInt8>, adding parts: KnowledgeBase.Parts, to knowledge: KnowledgeBase
    ) throws(Failure) -> KnowledgeBase {
        try read(snapshot, parts: parts.subtracting(knowledge.parts), into: knowledge, lendsBytes: false)
    }

    /// The `parts` of `snapshot`, with its article and topics unless `given` holds
    /// them already. With `lendsBytes`, the knowledge keeps the texts it seldom reads
    /// and its search tables as the snapshot's bytes: only for bytes that outlive
    /// everything read from them (the snapshot compiled in; a test's buffer while the
    /// test reads).
    static func read(
        _ snapshot: UnsafeBufferPointer<UInt8>, parts: KnowledgeBase.Parts, into given: KnowledgeBase?,
        lendsBytes: Bool
    ) throws(Failure) -> KnowledgeBase {
        var reader = SnapshotReader(snapshot, lendsBytes: lendsBytes)
        guard (try? reader.read(String.self)) == format else { throw .notASnapshot }
        guard try reader.read(String.self) == EmbeddedFile.knowledgeDigest else { throw .otherKnowledge }
        var lengths: [Int] = []
        for _ in 0...Self.parts.count { lengths.append(try reader.count()) }
        guard lengths.reduce(0, +) == snapshot.count - reader.offset else {
            throw reader.failure("parts that do not add up to the snapshot")
        }
        var start = reader.offset
        var base = given ?? KnowledgeBase(article: .empty, topics: [], questions: [])
        for (part, length) in zip([KnowledgeBase.Parts()] + Self.parts, lengths) {
            defer { start += length }
            guard part.isEmpty ? given == nil : parts.contains(part) else { continue }
            try reader.seek(to: start)
            switch part {
            case []:
                base.article = try reader.read()
                base.topics = try reader.read()
            case .interview:
                // The engine reads values by slot: the plan guide's expressions are
                // checked as they are read; the questions' `ask_if`, the facts' and
                // the rules' when made (`Deferred`), against this limit; the order
                // of derivation below.
                reader.slotLimit = try reader.count()
                base.questions = try reader.read([Question].self)
                base.facts = try reader.read([Fact].self)
                guard reader.slotLimit == base.slotCount else {
                    throw reader.failure("a count of slots other than the questions and facts")
                }
                base.rules = try reader.read([Rule].self)
                base.planGuide = try reader.read(PlanGuide.self)
                reader.slotLimit = nil
                base.deferredBenchmarks = try Deferred(from: &reader)
                base.derivedOrder = try reader.read([Int].self)
                try checkSlots(of: base, reader: reader)
                let tables = try reader.read(Engine.Tables.self)
                try tables.check(against: base, reader: reader)
                base.engineTables = tables
            case .search:
                base.search = try reader.read(SearchVocabulary.self)
                let index = try SearchIndex(from: &reader, settings: base.search)
                try index.check(documents: base.topics.count, reader: reader)
                base.searchIndex = index
            case .metrics: base.metrics = try reader.read(MetricsVocabulary.self)
            default: break
            }
            guard reader.offset == start + length else { throw reader.failure("a part that ends elsewhere") }
        }
        base.parts = given.map { $0.parts.union(parts) } ?? parts
        return base
    }

    /// The engine reads values by slot: every slot the order of derivation names must
    /// be one of the questions or facts (the plan guide was checked as it was read;
    /// the trees are when made).
    private static func checkSlots(of base: KnowledgeBase, reader: SnapshotReader) throws(Failure) {
        guard base.derivedOrder.allSatisfy((0..<base.slotCount).contains) else {
            throw reader.failure("a value that is no question or fact")
        }
    }
}
