/// Turns text into search terms: folded words, stop words dropped, each word
/// stemmed by removing its longest known ending (so `publier`, `publication` and
/// `publications` all give `publ`, and `engager` and `engagement` give `engag`).
struct Analyzer: Sendable {
    /// French and English, looked up in turn rather than united into one set: the
    /// union hashed every word again at each start.
    let stopWords: Localized<Set<String>>
    /// Endings as bytes, longest first, filed under their last byte: a word is
    /// compared only with the few endings that end as it does.
    let suffixesByLastByte: [[[UInt8]]]
    let minimumStem: Int

    init(vocabulary: SearchVocabulary) {
        stopWords = vocabulary.stopWords
        var suffixes = [[[UInt8]]](repeating: [], count: 256)
        for suffix in vocabulary.suffixes {
            if let last = suffix.utf8.last { suffixes[Int(last)].append(Array(suffix.utf8)) }
        }
        suffixesByLastByte = suffixes
        minimumStem = vocabulary.minimumStem
    }

    func stem(_ word: String) -> String {
        var word = word
        let stem = word.withUTF8 { bytes -> String? in
            guard bytes.count > minimumStem else { return nil }
            for suffix in suffixesByLastByte[Int(bytes[bytes.count - 1])]
            where bytes.count - suffix.count >= minimumStem && Self.ends(bytes, with: suffix) {
                return String(decoding: UnsafeBufferPointer(rebasing: bytes.dropLast(suffix.count)), as: UTF8.self)
            }
            return nil
        }
        return stem ?? word
    }

    /// Compared from the last byte, where most endings already differ.
    private static func ends(_ bytes: UnsafeBufferPointer<UInt8>, with suffix: [UInt8]) -> Bool {
        var offset = 1
        while offset <= suffix.count {
            if bytes[bytes.count - offset] != suffix[suffix.count - offset] { return false }
            offset += 1
        }
        return true
    }

    /// The meaningful words of `text`, folded but not stemmed.
    func words(_ text: String) -> [String] {
        TextFolding.words(text).filter { !isStopWord($0) }
    }

    func isStopWord(_ word: String) -> Bool {
        stopWords.fr.contains(word) || stopWords.en.contains(word)
    }

    func terms(_ text: String) -> [String] {
        words(text).map(stem)
    }
}
