/// How `coach ask` reads a question (`knowledge/search.yaml`): the words that carry
/// no meaning in each language, the words that mean the same, the endings light
/// stemming removes, and how much each part of an entry weighs. Every word is
/// stored folded (lower case, no accents).
public struct SearchVocabulary: Sendable {
    /// The parts of a knowledge entry that are indexed.
    public enum Field: String, Sendable, CaseIterable {
        case title, keywords, questions, summary, steps, body
    }

    public var stopWords = Localized<Set<String>>(fr: [], en: [])
    /// Letters that only French writes (accented ones): each counts for French when
    /// the question's language is detected.
    public var frenchLetters = ""
    /// Groups of words or phrases that mean the same, in either language.
    public var synonyms: [[String]] = []
    /// What a synonym group weighs in a question, against 1 for its own words.
    public var synonymWeight = 0.5
    /// Endings removed by stemming, longest first.
    public var suffixes: [String] = []
    /// The shortest stem an ending may leave.
    public var minimumStem = 4
    public var fieldWeights = FieldWeights()
    /// BM25's k1: how fast further mentions of a word stop counting. Weighted fields
    /// add up before it applies, so it is larger than the usual 1.2.
    public var saturation = 1.2
    /// BM25's b: how much a long text is discounted, from 0 (not) to 1.
    public var lengthNormalisation = 0.75
    /// Below this score, the best entry does not answer the question.
    public var minimumScore = 1.0

    /// What each field weighs. (A table by field, not a dictionary: a command that
    /// never searches still makes the default vocabulary, and a dictionary of a new
    /// key type costs a scan of the runtime's conformance tables the first time.)
    public struct FieldWeights: Sendable, Equatable {
        private var weights: [Double] = [3, 2.5, 1.5, 1.5, 1, 1]

        public subscript(field: Field) -> Double {
            get { weights[Self.index(of: field)] }
            set { weights[Self.index(of: field)] = newValue }
        }

        private static func index(of field: Field) -> Int {
            switch field {
            case .title: 0
            case .keywords: 1
            case .questions: 2
            case .summary: 3
            case .steps: 4
            case .body: 5
            }
        }
    }
}
