// How a knowledge snapshot (`KnowledgeSnapshot`) writes and reads its fields, and the
// standard types it holds.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value written to, and read back from, a snapshot.
protocol SnapshotCodable {
    func write(to writer: inout SnapshotWriter)
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure)
}

struct SnapshotWriter {
    private var text = ""
    /// The first text that held a separator, if any.
    private(set) var refused: String?

    mutating func field(_ value: String) {
        if refused == nil, value.utf8.contains(where: { $0 == 1 || $0 == 2 }) { refused = value }
        text += value
        text += "\u{1}"
    }

    mutating func absent() { text += "\u{2}\u{1}" }

    mutating func write<Value: SnapshotCodable>(_ value: Value) { value.write(to: &self) }

    /// `value`, after the count of its bytes: a reader steps over it at once
    /// (`SnapshotReader.countedBytes()`).
    mutating func write<Value: SnapshotCodable>(counted value: Value) {
        var inner = SnapshotWriter()
        inner.write(value)
        if refused == nil { refused = inner.refused }
        let written = inner.take()
        field(String(written.utf8.count))
        text += written
    }

    mutating func take() -> String {
        defer { text = "" }
        return text
    }
}

/// Reads a snapshot field by field. Every read stays within the snapshot, and a
/// snapshot that is not as written (cut short, a count or a number out of reach) is
/// refused with the byte where reading stopped, never read past its end. What is
/// kept as bytes to be read later (`Deferred` values and conditions, a term's
/// postings) is stepped over by its count and checked when read: damaged, it reads
/// as absent, shorter or empty, never past its own bytes.
struct SnapshotReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0
    /// How deep in nested expressions the reading is.
    var depth = 0
    /// While set, the number of slots (questions, then facts) that the expressions
    /// read may name: one naming another is refused as it is read.
    var slotLimit: Int?
    /// Whether the bytes outlive every value read from them (the snapshot compiled
    /// in), so that values may keep them to be made later (`Deferred`).
    let lendsBytes: Bool

    init(_ bytes: UnsafeBufferPointer<UInt8>, lendsBytes: Bool = false, slotLimit: Int? = nil) {
        self.bytes = bytes
        self.lendsBytes = lendsBytes
        self.slotLimit = slotLimit
    }

    mutating func seek(to offset: Int) throws(KnowledgeSnapshot.Failure) {
        guard (0...bytes.count).contains(offset) else { throw failure("a part beyond the end") }
        self.offset = offset
    }

    /// The next field's bytes.
    mutating func field() throws(KnowledgeSnapshot.Failure) -> UnsafeBufferPointer<UInt8> {
        // The C library's search for the separator reads many bytes at a time: the
        // snapshot's texts are most of its length.
        guard let base = bytes.baseAddress, offset < bytes.count,
            let found = memchr(base + offset, 1, bytes.count - offset)
        else { throw failure("the end of the snapshot, too soon") }
        let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        defer { offset = end + 1 }
        return UnsafeBufferPointer(rebasing: bytes[offset..<end])
    }

    /// The next field as a whole number, read as its digits are found: the snapshot
    /// holds tens of thousands of them, most of one or two digits.
    mutating func integer() throws(KnowledgeSnapshot.Failure) -> Int {
        // One digit, as most are: read at once.
        if offset + 1 < bytes.count, bytes[offset + 1] == 1 {
            let digit = bytes[offset] &- UInt8(ascii: "0")
            if digit < 10 {
                offset += 2
                return Int(digit)
            }
        }
        var index = offset
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] != 1 {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { throw .damaged("not a whole number", at: index) }
            // Negative numbers are added up below zero, so that Int.min reads too.
            let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, carry) =
                negative ? tens.subtractingReportingOverflow(Int(digit)) : tens.addingReportingOverflow(Int(digit))
            guard !overflow, !carry else { throw .damaged("a number too large", at: index) }
            value = next
            index += 1
        }
        guard index < bytes.count else { throw .damaged("the end of the snapshot, too soon", at: index) }
        guard index > start else { throw .damaged("not a whole number", at: index) }
        offset = index + 1
        return value
    }

    /// The next field's first byte; nil at the end.
    var nextByte: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// Whether the next field is an absent value, which is then read.
    mutating func isAbsent() -> Bool {
        guard offset + 1 < bytes.count, bytes[offset] == 2, bytes[offset + 1] == 1 else { return false }
        offset += 2
        return true
    }

    /// A count of things still to read, each of which takes a byte at least.
    mutating func count() throws(KnowledgeSnapshot.Failure) -> Int {
        let count = try read(Int.self)
        guard count >= 0, count <= bytes.count - offset else { throw failure("a count out of reach") }
        return count
    }

    mutating func read<Value: SnapshotCodable>(_: Value.Type = Value.self) throws(KnowledgeSnapshot.Failure)
        -> Value
    {
        try Value(from: &self)
    }

    /// The bytes of a value written with their count first
    /// (`SnapshotWriter.write(counted:)`), stepped over without being read.
    mutating func countedBytes() throws(KnowledgeSnapshot.Failure) -> UnsafeBufferPointer<UInt8> {
        let count = try self.count()
        defer { offset += count }
        return UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset == bytes.count }

    /// The bytes from `start` to where the reader is.
    func bytes(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[start..<offset])
    }

    func failure(_ what: String) -> KnowledgeSnapshot.Failure {
        .damaged(what, at: offset)
    }
}

// MARK: - Standard types

extension String: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) { writer.field(self) }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self = String(decoding: try reader.field(), as: UTF8.self)
    }
}

extension Int: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) { writer.field(String(self)) }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self = try reader.integer()
    }
}

extension Double: SnapshotCodable {
    /// The largest whole number written as digits: every whole number up to it is a
    /// Double exactly.
    private static let largestWritten: UInt = 1 << 53

    /// A whole number as its digits; any other number as `x` and the hexadecimal
    /// digits of its bits. Both read back exactly, without a text made and handed to
    /// the C library's parser for each number.
    func write(to writer: inout SnapshotWriter) {
        if let whole = Int(exactly: self), whole.magnitude <= Self.largestWritten, !(self == 0 && sign == .minus) {
            writer.field(String(whole))
        } else {
            writer.field("x" + String(bitPattern, radix: 16))
        }
    }

    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        guard reader.nextByte == UInt8(ascii: "x") else {
            let whole = try reader.integer()
            guard whole.magnitude <= Self.largestWritten else { throw reader.failure("a number out of reach") }
            self = Double(whole)
            return
        }
        let digits = try reader.field().dropFirst()
        var bits: UInt64 = 0
        for digit in digits {
            let value: UInt8 =
                switch digit {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
                default: 16
                }
            guard value < 16, bits >> 60 == 0 else { throw reader.failure("not a number") }
            bits = bits << 4 | UInt64(value)
        }
        guard !digits.isEmpty else { throw reader.failure("not a number") }
        self = Double(bitPattern: bits)
    }
}

extension Bool: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) { writer.field(self ? "1" : "0") }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self = try reader.read(Int.self) != 0
    }
}

extension Optional: SnapshotCodable where Wrapped: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        if let self { writer.write(self) } else { writer.absent() }
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self = reader.isAbsent() ? nil : try reader.read(Wrapped.self)
    }
}

extension Array: SnapshotCodable where Element: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(count)
        for element in self { writer.write(element) }
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let count = try reader.count()
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try reader.read(Element.self)) }
    }
}

extension Set: SnapshotCodable where Element: SnapshotCodable & Comparable {
    // Sorted, so that the same knowledge always gives the same snapshot.
    func write(to writer: inout SnapshotWriter) { writer.write(sorted()) }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self = Set(try reader.read([Element].self))
    }
}

extension Dictionary: SnapshotCodable where Key: SnapshotCodable & Comparable, Value: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(count)
        for key in keys.sorted() {
            writer.write(key)
            writer.write(self[key]!)
        }
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let count = try reader.count()
        self = [:]
        reserveCapacity(count)
        for _ in 0..<count { self[try reader.read(Key.self)] = try reader.read(Value.self) }
    }
}

extension Localized: SnapshotCodable where Value: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(fr)
        writer.write(en)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(fr: try reader.read(), en: try reader.read())
    }
}

/// Enumerations written by their place among their cases: read back without a text
/// made and matched against each case's name, which cost `coach plan` a sixteenth of
/// its reading of the snapshot (a rule's horizon, a question's kind…). Reordering the
/// cases changes the snapshot, as `theSnapshotCompiledInIsUpToDate` then says.
protocol SnapshotEnumeration: SnapshotCodable, CaseIterable, Equatable {}

extension SnapshotEnumeration {
    func write(to writer: inout SnapshotWriter) {
        let cases = Self.allCases
        // Every value is one of its cases.
        writer.write(cases.distance(from: cases.startIndex, to: cases.firstIndex(of: self)!))
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let place = try reader.integer()
        let cases = Self.allCases
        guard place >= 0, place < cases.count else { throw reader.failure("a case out of reach") }
        self = cases[cases.index(cases.startIndex, offsetBy: place)]
    }
}

extension Language: SnapshotEnumeration {}
extension Topic.Kind: SnapshotEnumeration {}
extension Question.Kind: SnapshotEnumeration {}
extension Fact.Kind: SnapshotEnumeration {}
extension Rule.Horizon: SnapshotEnumeration {}
extension Expression.Comparison: SnapshotEnumeration {}
extension Expression.Arithmetic: SnapshotEnumeration {}
extension Expression.Function: SnapshotEnumeration {}
extension Weekday: SnapshotEnumeration {}
extension PlanGuide.Indicator.Unit: SnapshotEnumeration {}
extension Benchmarks.Basis: SnapshotEnumeration {}
extension Benchmarks.Statistic: SnapshotEnumeration {}
extension SearchVocabulary.Field: SnapshotEnumeration {}
extension MetricsVocabulary.Column: SnapshotEnumeration {}

// MARK: - Values read when asked for

/// A value a snapshot keeps as its bytes until it is asked for (`Deferred`): written
/// after the count of its bytes (`SnapshotWriter.write(counted:)`), so that reading
/// steps over it at once, and made when read, checked as reading checks it. Bytes
/// that do not make one whole value (a damaged snapshot) make `damaged`, an empty
/// value.
protocol SnapshotDeferrable: SnapshotCodable, Sendable {
    static var damaged: Self { get }
}

extension String: SnapshotDeferrable {
    static var damaged: String { "" }
}

extension Array: SnapshotDeferrable where Element: SnapshotDeferrable {
    static var damaged: [Element] { [] }
}

extension Localized: SnapshotDeferrable where Value: SnapshotDeferrable {
    static var damaged: Localized<Value> { Localized(fr: .damaged, en: .damaged) }
}

/// A value of the knowledge that most commands never read (an entry's body, a rule's
/// wording, the published benchmarks): from the snapshot compiled in, it is kept as
/// the snapshot's bytes and made each time it is read; otherwise it is held made.
///
/// The bytes are those of a static string in the binary: they never change and live
/// as long as the process, which is what makes holding them across threads safe.
///
/// A rule's condition is one too (`Rule.condition`): the engine never reads the tree,
/// as it evaluates its program, and checking every tree as the snapshot was read
/// cost a twentieth of `coach plan`. Its slots are checked, when made, against the
/// knowledge's, as the reader's `slotLimit` was when it stepped over it.
///
/// The type itself asks nothing of `Value`: making its metadata at run time then
/// checks no conformance, which would scan the binary's conformance records.
struct Deferred<Value> {
    private enum Storage {
        case made(Value)
        case snapshot(UnsafeBufferPointer<UInt8>, slotLimit: Int?)
    }

    private var storage: Storage

    init(_ value: Value) { storage = .made(value) }

    /// Whether the value is held made, rather than as the snapshot's bytes.
    var isMade: Bool {
        if case .made = storage { true } else { false }
    }
}

extension Deferred where Value: SnapshotDeferrable {
    /// The value at the reader's place, written with its count: its bytes when the
    /// reader lends them (the snapshot compiled in); otherwise made, and refused
    /// when not whole.
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let bytes = try reader.countedBytes()
        guard reader.lendsBytes else {
            guard let value = Self.make(bytes, slotLimit: reader.slotLimit) else {
                throw reader.failure("a value that is not whole")
            }
            storage = .made(value)
            return
        }
        storage = .snapshot(bytes, slotLimit: reader.slotLimit)
    }

    var value: Value {
        get {
            switch storage {
            case .made(let value): value
            case .snapshot(let bytes, let slotLimit): Self.make(bytes, slotLimit: slotLimit) ?? .damaged
            }
        }
        set { storage = .made(newValue) }
    }

    /// A part of the value, read from the front of its bytes by `read`, without
    /// making the rest; nil once the value is made, or when the bytes are damaged
    /// there. The rest is not checked: bytes damaged after the part still give it,
    /// where `value` would give the damaged value.
    func part<Part>(_ read: (inout SnapshotReader) throws(KnowledgeSnapshot.Failure) -> Part) -> Part? {
        guard case .snapshot(let bytes, let slotLimit) = storage else { return nil }
        var reader = SnapshotReader(bytes, slotLimit: slotLimit)
        return try? read(&reader)
    }

    /// The one value `bytes` hold whole; nil otherwise.
    private static func make(_ bytes: UnsafeBufferPointer<UInt8>, slotLimit: Int?) -> Value? {
        var reader = SnapshotReader(bytes, slotLimit: slotLimit)
        guard let value = try? reader.read(Value.self), reader.isAtEnd else { return nil }
        return value
    }
}

extension Deferred: @unchecked Sendable where Value: Sendable {}

extension Deferred: Equatable where Value: SnapshotDeferrable & Equatable {
    static func == (lhs: Self, rhs: Self) -> Bool { lhs.value == rhs.value }
}

// MARK: - Small numbers

/// Whole numbers from 0 up, written one after the other in one field: one character
/// for 0 to 62 ('0' + n), `o DIGITS .` for larger ones. A snapshot's lists of
/// indices (a term's postings, the engine's tables) are mostly small numbers: as
/// fields of their own, each took a search for its separator and a parse.
enum SmallNumbers {
    private static let zero = UInt8(ascii: "0")
    private static let escape = UInt8(ascii: "o")
    private static let end = UInt8(ascii: ".")

    static func append(_ number: Int, to text: inout String) {
        if (0..<Int(escape - zero)).contains(number) {
            text.unicodeScalars.append(Unicode.Scalar(zero + UInt8(number)))
        } else {
            text += "o\(number)."
        }
    }

    /// The number at `index` in `bytes`, which then moves past it; nil when there is
    /// none there, or one above `maximum`.
    static func next(in bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, maximum: Int) -> Int? {
        guard index < bytes.count else { return nil }
        let byte = bytes[index]
        index += 1
        if byte >= zero, byte < escape { return Int(byte - zero) <= maximum ? Int(byte - zero) : nil }
        guard byte == escape else { return nil }
        var value = 0
        let start = index
        while index < bytes.count, bytes[index] != end {
            let digit = bytes[index] &- zero
            guard digit < 10, value <= (maximum - Int(digit)) / 10 else { return nil }
            value = value * 10 + Int(digit)
            index += 1
        }
        guard index < bytes.count, index > start, value <= maximum else { return nil }
        index += 1
        return value
    }

    /// Lists of numbers, each in one field.
    static func write(_ lists: [[Int]], to writer: inout SnapshotWriter) {
        writer.write(lists.count)
        for list in lists {
            var text = ""
            for number in list { append(number, to: &text) }
            writer.field(text)
        }
    }

    /// Lists written by `write(_:to:)`, of numbers up to `maximum`.
    static func read(_ reader: inout SnapshotReader, maximum: Int) throws(KnowledgeSnapshot.Failure) -> [[Int]] {
        var lists: [[Int]] = []
        let count = try reader.count()
        lists.reserveCapacity(count)
        for _ in 0..<count {
            let bytes = try reader.field()
            var list: [Int] = []
            // A number takes a byte at least.
            list.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                guard let number = next(in: bytes, at: &index, maximum: maximum) else {
                    throw reader.failure("a damaged list of numbers")
                }
                list.append(number)
            }
            lists.append(list)
        }
        return lists
    }
}
