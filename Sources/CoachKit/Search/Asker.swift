/// Answers a question in the user's own words with the knowledge entries that
/// answer it best, in the question's language unless one is asked for.
public struct Asker: Sendable {
    public struct Answer: Sendable {
        public var query: String
        public var language: Language
        /// Best first; empty when nothing answers the question well enough.
        public var hits: [SearchIndex.Hit]
    }

    public let knowledge: KnowledgeBase
    public let index: SearchIndex

    public init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
        index = knowledge.searchIndex ?? SearchIndex(knowledge: knowledge)
    }

    /// The entries answering `query`, at most `limit`. `language` is the one asked
    /// for; without it the question's own is detected, `fallback` breaking a tie.
    public func ask(_ query: String, language: Language?, fallback: Language, limit: Int) -> Answer {
        let language = language ?? Self.language(of: query, vocabulary: knowledge.search, fallback: fallback)
        var hits = index.search(query)
        // A question about something else shares a word with some entry by chance,
        // in passing; an answer matches two of its words at least (its only word, if
        // it has one), or one word of what the entry is about that weighs at least a
        // third of the question.
        if let best = hits.first,
            best.score < knowledge.search.minimumScore
                || (best.matchedWords < min(2, best.words) && !(best.matchesAboutness && best.coverage >= 1.0 / 3))
        {
            hits = []
        }
        // "See also" only what answers well enough on its own.
        hits = hits.filter { $0.score >= knowledge.search.minimumScore }
        return Answer(query: query, language: language, hits: Array(hits.prefix(max(0, limit))))
    }

    /// French or English, by the words only one of them uses and by French accents.
    public static func language(of text: String, vocabulary: SearchVocabulary, fallback: Language) -> Language {
        let words = TextFolding.words(text)
        let stopWords = vocabulary.stopWords
        var score = 0
        // A word counts for the language whose stop words alone hold it.
        for word in words {
            switch (stopWords.fr.contains(word), stopWords.en.contains(word)) {
            case (true, false): score += 1
            case (false, true): score -= 1
            default: break
            }
        }
        let accents = Set(vocabulary.frenchLetters.unicodeScalars)
        score += text.composed.unicodeScalars.filter { accents.contains($0) }.count
        return score > 0 ? .fr : score < 0 ? .en : fallback
    }

    /// The actions of `plan` drawn from `topic`, with their numbers in the plan.
    public static func actions(in plan: Plan, from topic: String) -> [(number: Int, action: Plan.Action)] {
        plan.numberedActions.enumerated().filter { $0.element.source == topic }.map { ($0.offset + 1, $0.element) }
    }
}
