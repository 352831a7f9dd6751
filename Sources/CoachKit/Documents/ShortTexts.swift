/// Short texts made once and handed out again. A knowledge file repeats the same
/// keys in every entry (`id`, `when`, `title`…) and many values (`this_week`, `D`);
/// making a `String` checks and copies its bytes, and for these it was most of what
/// reading a scalar cost.
///
/// A text of up to 16 bytes is its own key: its bytes packed in two words (YAML's
/// text holds no NUL, so the padding cannot be mistaken for content). The table has
/// 256 places, a text overwriting the one before it in its place.
struct ShortTexts {
    private struct Entry {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var text = ""
    }

    private var entries = [Entry](repeating: Entry(), count: 256)

    /// The text of `bytes[start..<end]`, valid UTF-8 without NUL.
    mutating func text(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        let count = end - start
        guard count > 0, count <= 16 else { return String(decoding: bytes[start..<end], as: UTF8.self) }
        var low: UInt64 = 0
        var high: UInt64 = 0
        if start + 16 <= bytes.count {
            // Two loads, and the bytes past the text masked off.
            let raw = UnsafeRawBufferPointer(bytes)
            low = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
            high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self))
            if count < 8 {
                low &= (1 << (8 * UInt64(count))) &- 1
                high = 0
            } else if count < 16 {
                high &= (1 << (8 * UInt64(count - 8))) &- 1
            }
        } else {
            for index in 0..<count {
                let byte = UInt64(bytes[start + index])
                if index < 8 { low |= byte << (8 * UInt64(index)) } else { high |= byte << (8 * UInt64(index - 8)) }
            }
        }
        let place = Int(truncatingIfNeeded: ((low ^ (high &* 0xFF51_AFD7_ED55_8CCD)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
        if entries[place].low == low, entries[place].high == high { return entries[place].text }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        entries[place] = Entry(low: low, high: high, text: text)
        return text
    }
}
