/// A set of question indices, as bits: the interview unites thousands of them per
/// plan, which a `Set<Int>` would allocate and hash. The first 128 questions live
/// inline; only a larger interview allocates.
struct QuestionSet: Equatable, Sendable, Sequence {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    /// Words for indices from 128 on; empty (and unallocated) in the common case.
    private var rest: [UInt64] = []

    init() {}

    init(_ index: Int) {
        insert(index)
    }

    var isEmpty: Bool { low == 0 && high == 0 && rest.allSatisfy { $0 == 0 } }

    mutating func insert(_ index: Int) {
        let bit: UInt64 = 1 << UInt64(index % 64)
        switch index / 64 {
        case 0: low |= bit
        case 1: high |= bit
        case let word:
            if rest.count < word - 1 { rest += [UInt64](repeating: 0, count: word - 1 - rest.count) }
            rest[word - 2] |= bit
        }
    }

    func contains(_ index: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(index % 64)
        switch index / 64 {
        case 0: return low & bit != 0
        case 1: return high & bit != 0
        case let word: return word - 2 < rest.count && rest[word - 2] & bit != 0
        }
    }

    mutating func formUnion(_ other: QuestionSet) {
        low |= other.low
        high |= other.high
        guard !other.rest.isEmpty else { return }
        if rest.count < other.rest.count { rest += [UInt64](repeating: 0, count: other.rest.count - rest.count) }
        for (index, word) in other.rest.enumerated() { rest[index] |= word }
    }

    func union(_ other: QuestionSet) -> QuestionSet {
        var result = self
        result.formUnion(other)
        return result
    }

    static func == (lhs: QuestionSet, rhs: QuestionSet) -> Bool {
        guard lhs.low == rhs.low, lhs.high == rhs.high else { return false }
        for index in 0..<Swift.max(lhs.rest.count, rhs.rest.count) {
            let a = index < lhs.rest.count ? lhs.rest[index] : 0
            let b = index < rhs.rest.count ? rhs.rest[index] : 0
            if a != b { return false }
        }
        return true
    }

    /// The indices in increasing order.
    struct Iterator: IteratorProtocol {
        fileprivate let words: [UInt64]
        fileprivate var index = 0
        fileprivate var word: UInt64

        mutating func next() -> Int? {
            while word == 0 {
                index += 1
                guard index < words.count else { return nil }
                word = words[index]
            }
            let bit = word.trailingZeroBitCount
            word &= word - 1
            return index * 64 + bit
        }
    }

    func makeIterator() -> Iterator {
        let words = [low, high] + rest
        return Iterator(words: words, word: words[0])
    }
}
