/// The slots of the names an expression may use, found by the names' bytes.
///
/// The parser resolves every name it reads: thirty thousand of them in ten thousand
/// rules. A dictionary of strings hashes each name with the standard library's
/// seeded hasher, which cost more than the rest of reading the name; this table
/// hashes its bytes with FNV-1a, and compares a name only when the hashes agree.
///
/// Names are compared by their bytes, not by Unicode equivalence as a dictionary
/// would: a name spelt with other bytes is not found here, and is left unresolved for
/// the checker, which finds it by its `String` and gives it its slot.
struct NameSlots {
    private var names: [String] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32] = []
    /// Open addressing: an index into `names` plus one, 0 where the place is free.
    /// At least twice as many places as names, a power of two.
    private var places: [Int32]

    /// No names: every name is unknown.
    init() { places = [] }

    init(_ symbols: [String: Checker.Symbol]) {
        var count = 2
        while count < 2 * symbols.count { count *= 2 }
        places = [Int32](repeating: 0, count: count)
        for (name, symbol) in symbols {
            let hash = Self.hash(of: name)
            var place = Int(truncatingIfNeeded: hash) & (count - 1)
            while places[place] != 0 { place = (place + 1) & (count - 1) }
            names.append(name)
            hashes.append(hash)
            slots.append(Int32(truncatingIfNeeded: symbol.slot))
            places[place] = Int32(names.count)
        }
    }

    /// The slot of `name`, nil when it is not one of the names.
    func slot(of name: String) -> Int32? {
        guard !names.isEmpty else { return nil }
        let hash = Self.hash(of: name)
        let mask = places.count - 1
        var place = Int(truncatingIfNeeded: hash) & mask
        while places[place] != 0 {
            let index = Int(places[place]) - 1
            if hashes[index] == hash, names[index] == name { return slots[index] }
            place = (place + 1) & mask
        }
        return nil
    }

    /// FNV-1a over the name's UTF-8, folded so that its low bits, which pick the
    /// place, depend on every byte.
    private static func hash(of name: String) -> UInt64 {
        func fnv<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash ^ (hash >> 32)
        }
        return name.utf8.withContiguousStorageIfAvailable(fnv) ?? fnv(name.utf8)
    }
}
