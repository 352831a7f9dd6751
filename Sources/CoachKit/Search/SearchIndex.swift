#if canImport(Glibc)
    import Glibc
#endif

/// An index of the knowledge entries, both languages together, ranked with BM25
/// over weighted fields (BM25F): a word in a title counts more than one in a body.
/// Synonym groups are indexed as terms of their own; a word of five letters or more
/// that the index does not know is read as the known word one edit away, if any.
public struct SearchIndex: Sendable {
    public struct Hit: Sendable, Equatable {
        /// The entry's index in the knowledge base's topics.
        public var topic: Int
        public var score: Double
        /// The share of the question the entry matches, each term weighed by how
        /// rare it is: a question about something else matches a word or two by
        /// chance, never most of it.
        public var coverage: Double
        /// How many of the question's words the entry matches, of how many.
        public var matchedWords: Int
        public var words: Int
        /// Whether one of the question's words is in what the entry is about: its
        /// title or its keywords, not a passing mention.
        public var matchesAboutness: Bool
    }

    /// How often a term appears in each field of one entry.
    struct Posting: Sendable {
        var document: Int
        var counts: FieldCounts
    }

    /// The entries a term appears in, with its counts in each.
    struct PostingList: Sendable {
        var postings: [Posting]
    }

    /// A count for each field, held inline: an index has thousands of postings, and
    /// an array for each cost an allocation, and its release, to read.
    struct FieldCounts: Sendable, Equatable {
        /// One lane a field, in `SearchVocabulary.Field.allCases`' order; the lanes
        /// past the last field stay 0.
        private var lanes = SIMD8<Int32>()

        static let count = SearchVocabulary.Field.allCases.count
        /// The largest count a field holds: far more words than any entry's text can
        /// have, which its size limit bounds.
        static let maximum = Int(Int32.max)

        var indices: Range<Int> { 0..<Self.count }

        subscript(field: Int) -> Int {
            get { Int(lanes[field]) }
            set { lanes[field] = Int32(clamping: newValue) }
        }
    }

    let analyzer: Analyzer
    let weights: [Double]
    /// Each term's postings (`PostingList.encoded`), read when searched for.
    let postings: SnapshotTable
    /// Terms per field of each entry, and their averages.
    let lengths: [[Int]]
    let averageLengths: [Double]
    let documentCount: Int
    /// Every folded word of the entries and synonyms, with its stem: what a typo is
    /// compared with.
    let vocabulary: SnapshotTable
    /// The same words by length in letters, in alphabetical order: a typo is only
    /// compared with words one letter longer or shorter, and ties go the same way
    /// at every run. By increasing length.
    let wordGroups: [WordGroup]

    /// The words of one length in letters, and their stems: from a snapshot, read
    /// only when a question has a word to correct.
    struct WordGroup: Sendable {
        var length: Int
        var words: Deferred<[String]>
        var stems: Deferred<[String]>
    }
    /// Each synonym, as its terms, to a term that stands for its group. Texts are
    /// indexed under their own words and under the groups they use, so that a
    /// question and an entry with different words of a group meet on the group,
    /// which counts once however many of its words a text uses.
    /// In a table searched in place: each first term's synonyms in one field, the
    /// longest first (`encoded(_:)`).
    let synonyms: SnapshotTable
    /// What a synonym group weighs in a question, against 1 for its own words.
    let synonymWeight: Double

    /// BM25's saturation (how fast more mentions stop counting) and length
    /// normalisation.
    let k1: Double
    let b: Double

    public init(knowledge: KnowledgeBase) {
        let settings = knowledge.search
        let analyzer = Analyzer(vocabulary: settings)
        self.analyzer = analyzer
        let fields = SearchVocabulary.Field.allCases
        weights = fields.map { settings.fieldWeights[$0] }
        // Each synonym under its first term, the longest first.
        var synonyms: [String: [(terms: [String], group: String)]] = [:]
        for (number, group) in settings.synonyms.enumerated() {
            for phrase in group {
                let terms = analyzer.terms(phrase)
                guard let first = terms.first, synonyms[first]?.contains(where: { $0.terms == terms }) != true else {
                    continue
                }
                synonyms[first, default: []].append((terms, "=\(number)"))
            }
        }
        for key in synonyms.keys { synonyms[key]?.sort { $0.terms.count > $1.terms.count } }
        self.synonyms = SnapshotTable(synonyms.map { (key: $0.key, value: Self.encoded($0.value)) })
        synonymWeight = settings.synonymWeight
        k1 = settings.saturation
        b = settings.lengthNormalisation
        // Every word is looked up once per occurrence, by its text; all else is
        // done on numbers: terms are interned, counts kept by term number.
        var termNumbers: [String: Int] = [:]
        var termTexts: [String] = []
        termNumbers.reserveCapacity(4096)
        // One hash per term: the next number is stored unless the term has one.
        func number(of term: String) -> Int {
            let next = termTexts.count
            let number = Self.value(&termNumbers[term, default: next])
            if number == next { termTexts.append(term) }
            return number
        }
        var phrasesByFirst: [[(terms: [Int], group: Int)]] = []
        for (first, phrases) in synonyms {
            let firstNumber = number(of: first)
            for phrase in phrases {
                if phrasesByFirst.count <= firstNumber {
                    phrasesByFirst += Array(repeating: [], count: firstNumber + 1 - phrasesByFirst.count)
                }
                phrasesByFirst[firstNumber].append((phrase.terms.map(number(of:)), number(of: phrase.group)))
            }
        }
        var table = WordTable()
        var wordTerms: [Int] = []  // by word number: its term's number, or -1 for a stop word
        var vocabulary: [String: String] = [:]
        vocabulary.reserveCapacity(4096)
        var lengths: [[Int]] = []
        var postingsByNumber: [[Posting]] = []
        // By term number: where its counts are in this entry's list, and for which entry.
        var slotOf: [Int] = []
        var slotEntry: [Int] = []
        for (document, topic) in knowledge.topics.enumerated() {
            var counts: [(term: Int, perField: FieldCounts)] = []
            var fieldLengths = Array(repeating: 0, count: fields.count)
            // A field that weighs nothing is not read at all.
            for (index, field) in fields.enumerated() where weights[index] > 0 {
                for language in Language.allCases {
                    var sequence: [Int] = []
                    TextFolding.forEachWord(in: Self.text(of: topic.text[language], field: field)) { bytes in
                        let (wordNumber, isNew) = table.number(of: bytes)
                        if isNew {
                            let word = String(decoding: bytes, as: UTF8.self)
                            if analyzer.isStopWord(word) {
                                wordTerms.append(-1)
                            } else {
                                let stem = analyzer.stem(word)
                                wordTerms.append(number(of: stem))
                                vocabulary[word] = stem
                            }
                        }
                        let term = wordTerms[wordNumber]
                        if term >= 0 { sequence.append(term) }
                    }
                    var position = 0
                    var groups: [Int] = []
                    while position < sequence.count {
                        var step = 1
                        let first = sequence[position]
                        if first < phrasesByFirst.count {
                            for candidate in phrasesByFirst[first]
                            where position + candidate.terms.count <= sequence.count
                                && sequence[position..<(position + candidate.terms.count)].elementsEqual(
                                    candidate.terms)
                            {
                                groups.append(candidate.group)
                                step = candidate.terms.count
                                break
                            }
                        }
                        position += step
                    }
                    for term in sequence + groups {
                        if term >= slotOf.count {
                            slotOf.append(contentsOf: repeatElement(0, count: termTexts.count - slotOf.count))
                            slotEntry.append(contentsOf: repeatElement(-1, count: termTexts.count - slotEntry.count))
                        }
                        if slotEntry[term] == document {
                            counts[slotOf[term]].perField[index] += 1
                        } else {
                            slotEntry[term] = document
                            slotOf[term] = counts.count
                            var perField = FieldCounts()
                            perField[index] = 1
                            counts.append((term, perField))
                        }
                        fieldLengths[index] += 1
                    }
                }
            }
            if postingsByNumber.count < termTexts.count {
                postingsByNumber.append(contentsOf: repeatElement([], count: termTexts.count - postingsByNumber.count))
            }
            for (term, perField) in counts {
                postingsByNumber[term].append(Posting(document: document, counts: perField))
            }
            lengths.append(fieldLengths)
        }
        let postings = postingsByNumber.indices.filter { !postingsByNumber[$0].isEmpty }.map { term in
            (key: termTexts[term], value: PostingList(postings: postingsByNumber[term]).encoded)
        }
        let count = max(1, lengths.count)
        averageLengths = fields.indices.map { field in
            max(1, Double(lengths.reduce(0) { $0 + $1[field] }) / Double(count))
        }
        for group in knowledge.search.synonyms {
            for phrase in group { for word in analyzer.words(phrase) { vocabulary[word] = analyzer.stem(word) } }
        }
        self.postings = SnapshotTable(postings)
        self.lengths = lengths
        self.vocabulary = SnapshotTable(vocabulary.map { (key: $0.key, value: $0.value) })
        var byLength: [Int: [(word: String, stem: String)]] = [:]
        for (word, stem) in vocabulary {
            let length = word.count
            if length >= Self.typoMinimum { byLength[length, default: []].append((word, stem)) }
        }
        wordGroups = byLength.keys.sorted().map { length in
            let words = byLength[length]!.sorted { $0.word < $1.word }
            return WordGroup(length: length, words: Deferred(words.map(\.word)), stems: Deferred(words.map(\.stem)))
        }
        documentCount = knowledge.topics.count
    }

    private static func value(_ stored: inout Int) -> Int { stored }

    private static func text(of text: Topic.Text, field: SearchVocabulary.Field) -> String {
        switch field {
        case .title: text.title
        case .keywords: text.keywords.joined(separator: " ")
        case .questions: text.questions.joined(separator: " ")
        case .summary: text.summary
        case .steps: text.steps.joined(separator: " ")
        case .body: text.body
        }
    }

    /// The synonym groups `terms` uses, once per use: at each place, the longest
    /// synonym that starts there.
    private static func groups(in terms: [String], synonyms: SnapshotTable) -> [(group: String, words: Range<Int>)] {
        var found: [(group: String, words: Range<Int>)] = []
        var index = 0
        while index < terms.count {
            var step = 1
            for candidate in synonyms.value(for: terms[index]).map(Self.decodedSynonyms) ?? []
            where index + candidate.terms.count <= terms.count
                && terms[index..<(index + candidate.terms.count)].elementsEqual(candidate.terms)
            {
                found.append((candidate.group, index..<(index + candidate.terms.count)))
                step = candidate.terms.count
                break
            }
            index += step
        }
        return found
    }

    /// What a question asks for: its terms with their weights (a word the index does
    /// not know, read as the word it probably misspells, counts a little less; a
    /// synonym group counts `synonymWeight`), and for each of its words the terms
    /// that stand for it, so that a match can be counted once per word.
    func query(_ question: String) -> (terms: [String: Double], words: [Set<String>]) {
        var stems: [String] = []
        var weights: [Double] = []
        var corrections: [String: String?] = [:]
        for word in analyzer.words(question).prefix(Self.longestQuestion) {
            let term = analyzer.stem(word)
            if vocabulary.value(for: word) == nil, postings.value(for: term) == nil, word.count >= Self.typoMinimum {
                if corrections[word] == nil, corrections.count < Self.mostCorrections {
                    corrections[word] = .some(correction(of: word))
                }
                if let fixed = corrections[word] ?? nil {
                    stems.append(fixed)
                    weights.append(0.8)
                    continue
                }
            }
            stems.append(term)
            weights.append(1)
        }
        var terms: [String: Double] = [:]
        var words = stems.map { Set([$0]) }
        for (term, weight) in zip(stems, weights) {
            terms[term] = max(terms[term] ?? 0, weight)
        }
        for (group, range) in Self.groups(in: stems, synonyms: synonyms) {
            terms[group] = synonymWeight
            for index in range { words[index].insert(group) }
        }
        return (terms, words)
    }

    func queryTerms(_ question: String) -> [String: Double] {
        query(question).terms
    }

    /// The stem of the known word one edit (a letter added, removed, changed, or two
    /// swapped) from `word`, preferring the most frequent; nil when none is.
    private func correction(of word: String) -> String? {
        let letters = Array(word)
        var best: (term: String, frequency: Int)?
        for length in (letters.count - 1)...(letters.count + 1) {
            // One edit leaves a word of five letters or more its first or its last
            // letter: the others are passed over without spelling them out.
            for known in words(ofLength: length)
            where (known.word.first == letters.first || known.word.last == letters.last)
                && Self.isOneEditAway(letters, Array(known.word))
            {
                let frequency = postings(of: known.stem).count
                if frequency > (best?.frequency ?? -1) { best = (known.stem, frequency) }
            }
        }
        return best?.term
    }

    /// The postings of `term`: none when the index does not have it, or when its list
    /// is damaged (a snapshot's lists are read only when searched for).
    func postings(of term: String) -> [Posting] {
        guard let bytes = postings.value(for: term), let list = PostingList(encoded: bytes),
            list.postings.allSatisfy({ (0..<documentCount).contains($0.document) })
        else { return [] }
        return list.postings
    }

    /// The known words of `length` letters, with their stems, in alphabetical order.
    private func words(ofLength length: Int) -> [(word: String, stem: String)] {
        guard let group = wordGroups.first(where: { $0.length == length }) else { return [] }
        // Labelled as they are built: an array of unlabelled pairs would be cast to
        // labelled ones element by element, through the runtime.
        return zip(group.words.value, group.stems.value).map { (word: $0, stem: $1) }
    }

    /// A first term's synonyms in one field: each as its group then its terms, a
    /// space between each two, and `|` between synonyms. Terms are folded words and
    /// groups `=N`, which hold neither.
    static func encoded(_ synonyms: [(terms: [String], group: String)]) -> String {
        synonyms.map { ([$0.group] + $0.terms).joined(separator: " ") }.joined(separator: "|")
    }

    /// The synonyms of `encoded(_:)`'s field; a damaged one gives what it can.
    private static func decodedSynonyms(_ bytes: UnsafeBufferPointer<UInt8>) -> [(terms: [String], group: String)] {
        String(decoding: bytes, as: UTF8.self).split(separator: "|").compactMap { synonym in
            let parts = synonym.split(separator: " ").map(String.init)
            guard let group = parts.first, parts.count > 1 else { return nil }
            return (terms: Array(parts.dropFirst()), group: group)
        }
    }

    /// Words shorter than this are never read as typos.
    static let typoMinimum = 5
    /// A question's words beyond this many are not read: no question needs more,
    /// and a pasted page must not take long.
    static let longestQuestion = 200
    /// At most this many unknown words of a question are looked up as typos.
    static let mostCorrections = 16

    static func isOneEditAway(_ a: [Character], _ b: [Character]) -> Bool {
        if a == b { return false }
        if a.count == b.count {
            let differences = a.indices.filter { a[$0] != b[$0] }
            if differences.count == 1 { return true }
            if differences.count == 2, differences[1] == differences[0] + 1 {
                return a[differences[0]] == b[differences[1]] && a[differences[1]] == b[differences[0]]
            }
            return false
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count && short[i] == long[i] { i += 1 }
        return short[i...] == long[(i + 1)...]
    }

    /// The entries that answer `question`, best first, with their scores.
    public func search(_ question: String) -> [Hit] {
        let (terms, words) = query(question)
        // By entry, in tables: there are a few dozen entries, and a dictionary keyed by
        // entry cost a scan of the runtime's conformance tables the first time.
        var scores = [Double?](repeating: nil, count: documentCount)
        var found = [Set<String>](repeating: [], count: documentCount)
        var about = [Bool](repeating: false, count: documentCount)
        let aboutFields = [SearchVocabulary.Field.title, .keywords].compactMap {
            SearchVocabulary.Field.allCases.firstIndex(of: $0)
        }
        var matched = [Double](repeating: 0, count: documentCount)
        var total = 0.0
        for (term, weight) in terms.sorted(by: { $0.key < $1.key }) {
            let list = postings(of: term)
            let idf = log(1 + (Double(documentCount) - Double(list.count) + 0.5) / (Double(list.count) + 0.5))
            total += weight * idf
            for posting in list {
                var frequency = 0.0
                for field in posting.counts.indices where posting.counts[field] > 0 {
                    let norm = 1 - b + b * Double(lengths[posting.document][field]) / averageLengths[field]
                    frequency += weights[field] * Double(posting.counts[field]) / norm
                }
                let document = posting.document
                scores[document] = (scores[document] ?? 0) + weight * idf * frequency * (k1 + 1) / (k1 + frequency)
                matched[document] += weight * idf
                found[document].insert(term)
                if weight >= 1, aboutFields.contains(where: { posting.counts[$0] > 0 }) {
                    about[document] = true
                }
            }
        }
        var distinct: [Set<String>] = []
        for word in words where !distinct.contains(word) { distinct.append(word) }
        return scores.indices.compactMap { document -> Hit? in
            guard let score = scores[document] else { return nil }
            return Hit(
                topic: document, score: score, coverage: total > 0 ? matched[document] / total : 0,
                matchedWords: distinct.filter { !$0.isDisjoint(with: found[document]) }.count, words: distinct.count,
                matchesAboutness: about[document])
        }
        .sorted { ($0.score, -$0.topic) > ($1.score, -$1.topic) }
    }
}
