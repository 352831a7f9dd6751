// The search index in a snapshot of the knowledge (`KnowledgeSnapshot`): `coach ask`
// and the shell's questions in words then start from the index ready, instead of
// reading every entry's text (35 M instructions).

extension SearchIndex {
    func write(to writer: inout SnapshotWriter) {
        writer.write(weights)
        writer.write(postings)
        writer.write(lengths)
        writer.write(averageLengths)
        writer.write(documentCount)
        writer.write(vocabulary)
        writer.write(wordsByLength.count)
        for length in wordsByLength.keys.sorted() {
            let words = wordsByLength[length]!
            writer.write(length)
            writer.write(words.map(\.word))
            writer.write(words.map(\.stem))
        }
        writer.write(synonyms.count)
        for first in synonyms.keys.sorted() {
            let phrases = synonyms[first]!
            writer.write(first)
            writer.write(phrases.map(\.terms))
            writer.write(phrases.map(\.group))
        }
        writer.write(synonymWeight)
        writer.write(k1)
        writer.write(b)
    }

    /// The index written by `write(to:)`, for the entries of `topics` and the
    /// vocabulary `settings` it was made with.
    init(from reader: inout SnapshotReader, settings: SearchVocabulary) throws(KnowledgeSnapshot.Failure) {
        analyzer = Analyzer(vocabulary: settings)
        weights = try reader.read()
        postings = try reader.read()
        lengths = try reader.read()
        averageLengths = try reader.read()
        documentCount = try reader.read()
        vocabulary = try reader.read()
        var wordsByLength: [Int: [(word: String, stem: String)]] = [:]
        for _ in 0..<(try reader.count()) {
            let length = try reader.read(Int.self)
            let words = try reader.read([String].self)
            let stems = try reader.read([String].self)
            guard words.count == stems.count else { throw reader.failure("a stem for each word") }
            // Labelled as they are built: an array of unlabelled pairs would be cast
            // to labelled ones element by element, through the runtime.
            wordsByLength[length] = zip(words, stems).map { (word: $0, stem: $1) }
        }
        self.wordsByLength = wordsByLength
        var synonyms: [String: [(terms: [String], group: String)]] = [:]
        for _ in 0..<(try reader.count()) {
            let first = try reader.read(String.self)
            let terms = try reader.read([[String]].self)
            let groups = try reader.read([String].self)
            guard terms.count == groups.count else { throw reader.failure("a group for each synonym") }
            synonyms[first] = zip(terms, groups).map { (terms: $0, group: $1) }
        }
        self.synonyms = synonyms
        synonymWeight = try reader.read()
        k1 = try reader.read()
        b = try reader.read()
    }
}

extension SearchIndex {
    /// A search reads the index by entry and by field: an index read from a snapshot
    /// must hold together with the `documents` entries it indexes.
    func check(documents: Int, reader: SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let fields = SearchVocabulary.Field.allCases.count
        guard weights.count == fields, averageLengths.count == fields, documentCount == documents,
            lengths.count == documents, lengths.allSatisfy({ $0.count == fields }),
            postings.values.allSatisfy({ $0.postings.allSatisfy { (0..<documents).contains($0.document) } })
        else { throw reader.failure("an index that does not fit its entries") }
    }
}

extension SearchIndex.PostingList: SnapshotCodable {
    // A term's postings in one field, each as its entry and its counts in small
    // numbers: one character for 0 to 62 ('0' + n), `o DIGITS .` for larger ones.
    // An index has thousands of postings: as fields of their own, their numbers took
    // a fifth of `coach ask`.
    private static let zero = UInt8(ascii: "0")
    private static let escape = UInt8(ascii: "o")
    private static let end = UInt8(ascii: ".")

    func write(to writer: inout SnapshotWriter) {
        var text = ""
        func append(_ number: Int) {
            if number < Int(Self.escape - Self.zero) {
                text.unicodeScalars.append(Unicode.Scalar(Self.zero + UInt8(number)))
            } else {
                text += "o\(number)."
            }
        }
        for posting in postings {
            append(posting.document)
            for field in posting.counts.indices { append(posting.counts[field]) }
        }
        writer.field(text)
    }

    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let bytes = try reader.field()
        var index = 0
        func number() throws(KnowledgeSnapshot.Failure) -> Int {
            guard index < bytes.count else { throw reader.failure("a posting cut short") }
            let byte = bytes[index]
            index += 1
            if byte >= Self.zero, byte < Self.escape { return Int(byte - Self.zero) }
            guard byte == Self.escape else { throw reader.failure("not a posting") }
            var value = 0
            let start = index
            while index < bytes.count, bytes[index] != Self.end {
                let digit = bytes[index] &- Self.zero
                guard digit < 10, value <= (SearchIndex.FieldCounts.maximum - Int(digit)) / 10 else {
                    throw reader.failure("a count out of reach")
                }
                value = value * 10 + Int(digit)
                index += 1
            }
            guard index < bytes.count, index > start else { throw reader.failure("a posting cut short") }
            index += 1
            return value
        }
        var postings: [SearchIndex.Posting] = []
        postings.reserveCapacity(bytes.count / (1 + SearchIndex.FieldCounts.count))
        while index < bytes.count {
            let document = try number()
            var counts = SearchIndex.FieldCounts()
            for field in counts.indices { counts[field] = try number() }
            postings.append(SearchIndex.Posting(document: document, counts: counts))
        }
        self.init(postings: postings)
    }
}
