import Foundation

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
    private struct Posting: Sendable {
        var document: Int
        var counts: [Int]
    }

    private let analyzer: Analyzer
    private let weights: [Double]
    private let postings: [String: [Posting]]
    /// Terms per field of each entry, and their averages.
    private let lengths: [[Int]]
    private let averageLengths: [Double]
    private let documentCount: Int
    /// Every folded word of the entries and synonyms, with its stem: what a typo is
    /// compared with.
    private let vocabulary: [String: String]
    /// Each synonym, as its terms, to a term that stands for its group. Texts are
    /// indexed under their own words and under the groups they use, so that a
    /// question and an entry with different words of a group meet on the group,
    /// which counts once however many of its words a text uses.
    private let synonyms: [[String]: String]
    private let longestSynonym: Int
    /// What a synonym group weighs in a question, against 1 for its own words.
    private let synonymWeight: Double

    /// BM25's saturation (how fast more mentions stop counting) and length
    /// normalisation.
    private let k1: Double
    private let b: Double

    public init(knowledge: KnowledgeBase) {
        let vocabulary = knowledge.search
        let analyzer = Analyzer(vocabulary: vocabulary)
        self.analyzer = analyzer
        let fields = SearchVocabulary.Field.allCases
        weights = fields.map { vocabulary.fieldWeights[$0] ?? 1 }
        var synonyms: [[String]: String] = [:]
        for (number, group) in vocabulary.synonyms.enumerated() {
            for phrase in group {
                let terms = analyzer.terms(phrase)
                if !terms.isEmpty, synonyms[terms] == nil { synonyms[terms] = "=\(number)" }
            }
        }
        self.synonyms = synonyms
        synonymWeight = vocabulary.synonymWeight
        k1 = vocabulary.saturation
        b = vocabulary.lengthNormalisation
        let longest = synonyms.keys.map(\.count).max() ?? 1
        longestSynonym = longest
        var postings: [String: [Posting]] = [:]
        var lengths: [[Int]] = []
        var words: [String: String] = [:]
        for (document, topic) in knowledge.topics.enumerated() {
            var counts: [String: [Int]] = [:]
            var fieldLengths = Array(repeating: 0, count: fields.count)
            for (index, field) in fields.enumerated() {
                for language in Language.allCases {
                    let text = Self.text(of: topic.text[language], field: field)
                    let textWords = analyzer.words(text)
                    for word in textWords { words[word] = analyzer.stem(word) }
                    let stems = textWords.map(analyzer.stem)
                    for term in stems + Self.groups(in: stems, synonyms: synonyms, longest: longest).map(\.group) {
                        counts[term, default: Array(repeating: 0, count: fields.count)][index] += 1
                        fieldLengths[index] += 1
                    }
                }
            }
            for (term, perField) in counts {
                postings[term, default: []].append(Posting(document: document, counts: perField))
            }
            lengths.append(fieldLengths)
        }
        let count = max(1, lengths.count)
        averageLengths = fields.indices.map { field in
            max(1, Double(lengths.reduce(0) { $0 + $1[field] }) / Double(count))
        }
        for group in vocabulary.synonyms {
            for phrase in group { for word in analyzer.words(phrase) { words[word] = analyzer.stem(word) } }
        }
        self.postings = postings
        self.lengths = lengths
        self.vocabulary = words
        documentCount = knowledge.topics.count
    }

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
    private static func groups(in terms: [String], synonyms: [[String]: String], longest: Int)
        -> [(group: String, words: Range<Int>)]
    {
        var found: [(group: String, words: Range<Int>)] = []
        var index = 0
        while index < terms.count {
            var step = 1
            for length in stride(from: min(longest, terms.count - index), through: 1, by: -1) {
                if let group = synonyms[Array(terms[index..<(index + length)])] {
                    found.append((group, index..<(index + length)))
                    step = length
                    break
                }
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
        var corrected: Set<String> = []
        for word in analyzer.words(question) {
            let term = analyzer.stem(word)
            if vocabulary[word] == nil, postings[term] == nil, word.count >= 5, let fixed = correction(of: word) {
                stems.append(fixed)
                corrected.insert(fixed)
            } else {
                stems.append(term)
            }
        }
        var terms: [String: Double] = [:]
        var words = stems.map { Set([$0]) }
        for term in stems {
            terms[term] = corrected.contains(term) ? max(terms[term] ?? 0, 0.8) : 1
        }
        for (group, range) in Self.groups(in: stems, synonyms: synonyms, longest: longestSynonym) {
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
        for (known, term) in vocabulary where abs(known.count - letters.count) <= 1 && known.count >= 5 {
            guard Self.isOneEditAway(letters, Array(known)) else { continue }
            let frequency = postings[term]?.count ?? 0
            if frequency > (best?.frequency ?? -1) { best = (term, frequency) }
        }
        return best?.term
    }

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
        var scores: [Int: Double] = [:]
        var found: [Int: Set<String>] = [:]
        var about: Set<Int> = []
        let aboutFields = [SearchVocabulary.Field.title, .keywords].compactMap {
            SearchVocabulary.Field.allCases.firstIndex(of: $0)
        }
        var matched: [Int: Double] = [:]
        var total = 0.0
        for (term, weight) in terms {
            let list = postings[term] ?? []
            let idf = log(1 + (Double(documentCount) - Double(list.count) + 0.5) / (Double(list.count) + 0.5))
            total += weight * idf
            for posting in list {
                var frequency = 0.0
                for field in posting.counts.indices where posting.counts[field] > 0 {
                    let norm = 1 - b + b * Double(lengths[posting.document][field]) / averageLengths[field]
                    frequency += weights[field] * Double(posting.counts[field]) / norm
                }
                scores[posting.document, default: 0] += weight * idf * frequency * (k1 + 1) / (k1 + frequency)
                matched[posting.document, default: 0] += weight * idf
                found[posting.document, default: []].insert(term)
                if weight >= 1, aboutFields.contains(where: { posting.counts[$0] > 0 }) {
                    about.insert(posting.document)
                }
            }
        }
        let distinct = Set(words)
        return scores.map { document, score in
            let terms = found[document] ?? []
            return Hit(
                topic: document, score: score, coverage: total > 0 ? (matched[document] ?? 0) / total : 0,
                matchedWords: distinct.filter { !$0.isDisjoint(with: terms) }.count, words: distinct.count,
                matchesAboutness: about.contains(document))
        }
        .sorted { ($0.score, -$0.topic) > ($1.score, -$1.topic) }
    }
}
