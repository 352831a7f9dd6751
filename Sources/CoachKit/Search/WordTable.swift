/// Numbers words given as UTF-8 bytes: the same bytes always get the same number.
/// Open addressing over an FNV-1a hash, keys kept in one flat buffer, so that
/// numbering the ten thousand words of the knowledge base costs no allocation per
/// word — it is most of `coach ask`'s start-up.
struct WordTable {
    private var slots: [Int32]
    private var starts: [Int] = [0]
    private var bytes: [UInt8] = []
    private var hashes: [UInt64] = []

    init(capacity: Int = 4096) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
    }

    var count: Int { hashes.count }

    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// The number of `word`, and whether it was just given.
    mutating func number(of word: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        let hash = Self.hash(word)
        var index = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[index] >= 0 {
            let candidate = Int(slots[index])
            if hashes[candidate] == hash, Self.equal(bytes, from: starts[candidate], to: starts[candidate + 1], word) {
                return (candidate, false)
            }
            index = (index + 1) & (slots.count - 1)
        }
        let number = hashes.count
        slots[index] = Int32(number)
        hashes.append(hash)
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        if hashes.count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// Whether `bytes[start..<end]` is `word`: lengths first, then byte by byte.
    private static func equal(_ bytes: [UInt8], from start: Int, to end: Int, _ word: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        guard end - start == word.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            for offset in 0..<word.count where stored[start + offset] != word[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for number in hashes.indices {
            var index = Int(truncatingIfNeeded: hashes[number]) & (slots.count - 1)
            while slots[index] >= 0 { index = (index + 1) & (slots.count - 1) }
            slots[index] = Int32(number)
        }
    }
}
