// The search index in a snapshot of the knowledge (`KnowledgeSnapshot`): `coach ask`
// and the shell's questions in words then start from the index ready, instead of
// reading every entry's text (35 M instructions). Its terms and words are tables
// searched where they lie (`SnapshotTable`).

extension SearchIndex {
    func write(to writer: inout SnapshotWriter) {
        writer.write(weights)
        postings.write(to: &writer)
        writer.write(lengths)
        writer.write(averageLengths)
        writer.write(documentCount)
        vocabulary.write(to: &writer)
        writer.write(wordGroups.count)
        for group in wordGroups {
            writer.write(group.length)
            writer.write(counted: group.words.value)
            writer.write(counted: group.stems.value)
        }
        synonyms.write(to: &writer)
        writer.write(synonymWeight)
        writer.write(k1)
        writer.write(b)
    }

    /// The index written by `write(to:)`, for the entries of `topics` and the
    /// vocabulary `settings` it was made with.
    init(from reader: inout SnapshotReader, settings: SearchVocabulary) throws(KnowledgeSnapshot.Failure) {
        analyzer = Analyzer(vocabulary: settings)
        weights = try reader.read()
        postings = try SnapshotTable(from: &reader)
        lengths = try reader.read()
        averageLengths = try reader.read()
        documentCount = try reader.read()
        vocabulary = try SnapshotTable(from: &reader)
        var groups: [WordGroup] = []
        for _ in 0..<(try reader.count()) {
            let length = try reader.read(Int.self)
            // Kept as the snapshot's bytes until a typo is looked for; a damaged
            // group gives no words, never a read past its end.
            groups.append(
                WordGroup(length: length, words: try Deferred(from: &reader), stems: try Deferred(from: &reader)))
            guard groups.count < 2 || groups[groups.count - 2].length < length else {
                throw reader.failure("word lengths out of order")
            }
        }
        wordGroups = groups
        synonyms = try SnapshotTable(from: &reader)
        synonymWeight = try reader.read()
        k1 = try reader.read()
        b = try reader.read()
    }
}

extension SearchIndex {
    /// A search reads the index by entry and by field: an index read from a snapshot
    /// must hold together with the `documents` entries it indexes. A term's postings
    /// are read when searched for, and set aside then if damaged (`postings(of:)`).
    func check(documents: Int, reader: SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let fields = SearchVocabulary.Field.allCases.count
        guard weights.count == fields, averageLengths.count == fields, documentCount == documents,
            lengths.count == documents, lengths.allSatisfy({ $0.count == fields })
        else { throw reader.failure("an index that does not fit its entries") }
    }
}

extension SearchIndex.PostingList: SnapshotCodable {
    // A term's postings in one field, each as its entry and its counts in small
    // numbers (`SmallNumbers`). An index has thousands of postings: as fields of
    // their own, their numbers took a fifth of `coach ask`.

    /// The field's text.
    var encoded: String {
        var text = ""
        for posting in postings {
            SmallNumbers.append(posting.document, to: &text)
            for field in posting.counts.indices { SmallNumbers.append(posting.counts[field], to: &text) }
        }
        return text
    }

    func write(to writer: inout SnapshotWriter) { writer.field(encoded) }

    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        guard let list = Self(encoded: try reader.field()) else { throw reader.failure("a damaged posting list") }
        self = list
    }

    /// The list in `bytes`, as `encoded` writes it; nil when it is not.
    init?(encoded bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var postings: [SearchIndex.Posting] = []
        postings.reserveCapacity(bytes.count / (1 + SearchIndex.FieldCounts.count))
        let maximum = SearchIndex.FieldCounts.maximum
        while index < bytes.count {
            guard let document = SmallNumbers.next(in: bytes, at: &index, maximum: maximum) else { return nil }
            var counts = SearchIndex.FieldCounts()
            for field in counts.indices {
                guard let count = SmallNumbers.next(in: bytes, at: &index, maximum: maximum) else { return nil }
                counts[field] = count
            }
            postings.append(SearchIndex.Posting(document: document, counts: counts))
        }
        self.init(postings: postings)
    }
}
