/// Turns text into search terms: folded words, stop words dropped, each word
/// stemmed by removing its longest known ending (so `publier`, `publication` and
/// `publications` all give `publ`, and `engager` and `engagement` give `engag`).
struct Analyzer: Sendable {
    let stopWords: Set<String>
    let suffixes: [String]
    let minimumStem: Int

    init(vocabulary: SearchVocabulary) {
        stopWords = vocabulary.stopWords.fr.union(vocabulary.stopWords.en)
        suffixes = vocabulary.suffixes
        minimumStem = vocabulary.minimumStem
    }

    func stem(_ word: String) -> String {
        guard word.count > minimumStem else { return word }
        for suffix in suffixes where word.hasSuffix(suffix) && word.count - suffix.count >= minimumStem {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    /// The meaningful words of `text`, folded but not stemmed.
    func words(_ text: String) -> [String] {
        TextFolding.words(text).filter { !stopWords.contains($0) }
    }

    func terms(_ text: String) -> [String] {
        words(text).map(stem)
    }
}
