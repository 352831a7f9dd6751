/// Turns text into search terms: folded words, stop words dropped, each word
/// stemmed by removing its longest known ending (so `publier`, `publication` and
/// `publications` all give `publ`, and `engager` and `engagement` give `engag`).
struct Analyzer: Sendable {
    let stopWords: Set<String>
    /// Endings as bytes, longest first: folded words compare as bytes, much faster
    /// than as characters.
    let suffixes: [[UInt8]]
    let minimumStem: Int

    init(vocabulary: SearchVocabulary) {
        stopWords = vocabulary.stopWords.fr.union(vocabulary.stopWords.en)
        suffixes = vocabulary.suffixes.map { Array($0.utf8) }
        minimumStem = vocabulary.minimumStem
    }

    func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.count > minimumStem else { return word }
        for suffix in suffixes
        where bytes.count - suffix.count >= minimumStem && bytes.suffix(suffix.count).elementsEqual(suffix) {
            return String(decoding: bytes.dropLast(suffix.count), as: UTF8.self)
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
