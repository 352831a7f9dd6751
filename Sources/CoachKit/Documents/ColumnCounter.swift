/// Columns in characters, as libyaml counts them (a multi-byte character is one),
/// counted on from the last one asked for: a reader asks for a column at every key
/// and value, and counting each from its line's start made a one-line file of
/// 600 KB take a minute.
struct ColumnCounter {
    private var lineStart = -1
    private var offset = 0
    private var column = 1

    /// The column of byte `position` on the line that starts at byte `lineStart`.
    mutating func column<Bytes: RandomAccessCollection<UInt8>>(of position: Int, lineStart: Int, in bytes: Bytes)
        -> Int where Bytes.Index == Int
    {
        if lineStart != self.lineStart || position < offset {
            self.lineStart = lineStart
            offset = lineStart
            column = 1
        }
        while offset < position {
            // A character's continuation bytes are counted with its first byte.
            if bytes[offset] & 0xC0 != 0x80 { column += 1 }
            offset += 1
        }
        return column
    }
}
