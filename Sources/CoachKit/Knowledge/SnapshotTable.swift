#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes a `SnapshotTable` is searched in: the snapshot compiled in, which lives
/// as long as the process and is only borrowed, or a copy the table owns.
final class SnapshotBytes: @unchecked Sendable {
    // Never written once made: shared across threads, it is only read.
    let buffer: UnsafeBufferPointer<UInt8>
    private let isOwned: Bool

    /// `bytes` itself, which must outlive every table that holds it.
    init(borrowing bytes: UnsafeBufferPointer<UInt8>) {
        buffer = bytes
        isOwned = false
    }

    /// A copy of `bytes`.
    init(copying bytes: UnsafeBufferPointer<UInt8>) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = copy.initialize(from: bytes)
        buffer = UnsafeBufferPointer(rebasing: copy[0..<bytes.count])
        isOwned = true
    }

    deinit {
        if isOwned { buffer.deallocate() }
    }
}

/// A table of a snapshot, searched where it lies: its count, then each key and its
/// value, a field each, keys in increasing order of their bytes. A look-up halves its
/// way to the key comparing bytes, and reads only the value asked for; nothing is made
/// of the others. The search index holds its thousands of terms and words this way:
/// made into dictionaries, they were two thirds of `coach ask`.
struct SnapshotTable: Sendable {
    /// Where a key and its value lie in `bytes`.
    private struct Entry {
        var key: Int32
        var keyLength: Int32
        var value: Int32
        var valueLength: Int32
    }

    private let bytes: SnapshotBytes
    private let entries: [Entry]

    /// The table at the reader's place, checked whole: every key and value there, the
    /// keys in strictly increasing order. It keeps the reader's bytes when the reader
    /// lends them (the snapshot compiled in), a copy of its own otherwise.
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let count = try reader.count()
        let start = reader.offset
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var previous: UnsafeBufferPointer<UInt8>?
        for _ in 0..<count {
            let keyStart = reader.offset
            let key = try reader.field()
            let valueStart = reader.offset
            let value = try reader.field()
            if let previous, !Self.precedes(previous, key) { throw reader.failure("keys out of order") }
            previous = key
            guard let entry = Self.entry(key: keyStart - start, key.count, value: valueStart - start, value.count)
            else { throw reader.failure("a table too large") }
            entries.append(entry)
        }
        let region = reader.bytes(from: start)
        bytes = reader.lendsBytes ? SnapshotBytes(borrowing: region) : SnapshotBytes(copying: region)
        self.entries = entries
    }

    /// The table of `pairs`, sorted here by their keys' bytes (a key given twice keeps
    /// its first value), written as a snapshot writes it: the search index built from
    /// the entries' texts is searched as the one read from the snapshot.
    init(_ pairs: [(key: String, value: String)]) {
        var writer = SnapshotWriter()
        Self.write(pairs, to: &writer)
        var text = writer.take()
        let table = text.withUTF8 { bytes in
            var reader = SnapshotReader(bytes)
            return Result { () throws(KnowledgeSnapshot.Failure) in try SnapshotTable(from: &reader) }
        }
        // Written just above, in order, with no separator in a key or a value: a
        // failure here is a fault of this file.
        guard case .success(let made) = table else { preconditionFailure("an unreadable table: \(table)") }
        self = made
    }

    /// Writes `pairs` as a table, sorted by their keys' bytes, each key once.
    static func write(_ pairs: [(key: String, value: String)], to writer: inout SnapshotWriter) {
        var sorted = pairs.enumerated().sorted { a, b in
            a.element.key == b.element.key
                ? a.offset < b.offset : a.element.key.utf8.lexicographicallyPrecedes(b.element.key.utf8)
        }
        .map(\.element)
        sorted = sorted.enumerated().filter { $0.offset == 0 || sorted[$0.offset - 1].key != $0.element.key }
            .map(\.element)
        writer.write(sorted.count)
        for pair in sorted {
            writer.field(pair.key)
            writer.field(pair.value)
        }
    }

    /// Writes the table again as it was read.
    func write(to writer: inout SnapshotWriter) {
        writer.write(entries.count)
        for index in entries.indices {
            writer.field(String(decoding: key(at: index), as: UTF8.self))
            writer.field(String(decoding: value(at: index), as: UTF8.self))
        }
    }

    var count: Int { entries.count }

    /// The value of `key`'s bytes, nil when the table does not have it.
    func value(for key: String) -> UnsafeBufferPointer<UInt8>? {
        var key = key
        return key.withUTF8 { wanted in
            var low = 0
            var high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if Self.precedes(self.key(at: middle), wanted) { low = middle + 1 } else { high = middle }
            }
            guard low < entries.count, Self.equals(self.key(at: low), wanted) else { return nil }
            return value(at: low)
        }
    }

    /// The value of `key`, as a text.
    func text(for key: String) -> String? {
        value(for: key).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every key and value, in the table's order.
    func forEach(_ body: (_ key: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) -> Void) {
        for index in entries.indices { body(key(at: index), value(at: index)) }
    }

    private func key(at index: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = entries[index]
        return UnsafeBufferPointer(rebasing: bytes.buffer[Int(entry.key)..<(Int(entry.key) + Int(entry.keyLength))])
    }

    private func value(at index: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = entries[index]
        return UnsafeBufferPointer(
            rebasing: bytes.buffer[Int(entry.value)..<(Int(entry.value) + Int(entry.valueLength))])
    }

    private static func entry(key: Int, _ keyLength: Int, value: Int, _ valueLength: Int) -> Entry? {
        guard let key = Int32(exactly: key), let keyLength = Int32(exactly: keyLength),
            let value = Int32(exactly: value), let valueLength = Int32(exactly: valueLength)
        else { return nil }
        return Entry(key: key, keyLength: keyLength, value: value, valueLength: valueLength)
    }

    /// Whether `a` comes before `b`, byte by byte, a prefix first.
    private static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let shorter = min(a.count, b.count)
        if shorter > 0, let x = a.baseAddress, let y = b.baseAddress {
            let order = memcmp(x, y, shorter)
            if order != 0 { return order < 0 }
        }
        return a.count < b.count
    }

    private static func equals(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }
}
