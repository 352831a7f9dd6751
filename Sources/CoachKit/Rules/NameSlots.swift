/// The slots of the names an expression may use, found by the names' bytes.
///
/// The parser resolves every name it reads: thirty thousand of them in ten thousand
/// rules. A dictionary of strings hashes each name with the standard library's
/// seeded hasher, which cost more than the rest of reading the name; this table
/// hashes its bytes with FNV-1a and compares the one name found there.
struct NameSlots {
    private var names: [String] = []
    private var slots: [Int32] = []
    /// Open addressing: an index into `names` plus one, 0 where the place is free.
    /// At least twice as many places as names, a power of two.
    private var places: [Int32]

    /// No names: every name is unknown.
    init() { places = [0] }

    init(_ symbols: [String: Checker.Symbol]) {
        var count = 2
        while count < 2 * symbols.count { count *= 2 }
        places = [Int32](repeating: 0, count: count)
        for (name, symbol) in symbols {
            var place = Self.place(of: name, in: count)
            while places[place] != 0 { place = (place + 1) & (count - 1) }
            names.append(name)
            slots.append(Int32(truncatingIfNeeded: symbol.slot))
            places[place] = Int32(names.count)
        }
    }

    /// The slot of `name`, nil when it is not one of the names.
    func slot(of name: String) -> Int32? {
        guard !names.isEmpty else { return nil }
        var place = Self.place(of: name, in: places.count)
        while places[place] != 0 {
            let index = Int(places[place]) - 1
            if names[index] == name { return slots[index] }
            place = (place + 1) & (places.count - 1)
        }
        return nil
    }

    private static func place(of name: String, in count: Int) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32)) & (count - 1)
    }
}
