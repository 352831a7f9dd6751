/// What a CSV of posts says about the account, read in one pass: the averages and
/// pace that become answers, and what the posts show beyond them.
public struct PostsSummary: Sendable {
    public var posts: Int
    public var skippedRows: Int
    public var averageLikes: Double
    public var averageComments: Double
    public var averageShares: Double
    /// Posts divided by the weeks from the first date to the last (one week at least).
    public var postsPerWeek: Double
    /// The options of the `formats` question the posts use.
    public var formats: [String]
    /// Average interactions per post, by format.
    public var interactionsByFormat: [String: Double]
    /// The most days between two posts in a row.
    public var longestGap: Int
    /// Average interactions per post in the later half against the earlier half.
    public var trend: Double?
    /// The format whose posts draw the most interactions, and how many times more
    /// than the posts in other formats, taken together (one decimal).
    public var bestFormat: (format: String, ratio: Double)?
    /// The weekday whose posts draw the most interactions (among days with two posts
    /// or more), and how many times more than posts on other days (one decimal).
    public var bestWeekday: (day: Weekday, ratio: Double)?

    /// The answers the posts give: the user can still change any of them.
    public var answers: [String: Answers.Answer] {
        var answers: [String: Answers.Answer] = [
            "avg_likes": .number(averageLikes), "avg_comments": .number(averageComments),
            "avg_shares": .number(averageShares), "posts_per_week": .number(postsPerWeek),
        ]
        if !formats.isEmpty { answers["formats"] = .multi(formats) }
        if posts >= 2 { answers["longest_gap_days"] = .number(Double(longestGap)) }
        if let bestFormat {
            answers["best_format"] = .choice(bestFormat.format)
            answers["best_format_ratio"] = .number(bestFormat.ratio)
        }
        if let trend { answers["engagement_trend"] = .number((trend * 100).rounded() / 100) }
        if let bestWeekday {
            answers["best_weekday"] = .choice(bestWeekday.day.rawValue)
            answers["best_weekday_ratio"] = .number(bestWeekday.ratio)
        }
        return answers
    }
}

/// Reads a CSV of posts with a header: `date`, `likes`, `comments`, `shares`
/// required, other columns optional, headers in French or English (see
/// `knowledge/metrics.yaml`); comma or semicolon separated (semicolons allow
/// decimal commas); UTF-8 with or without a byte-order mark; ISO or dd/mm/yyyy
/// dates. It streams: memory grows with the number of posts by a few bytes each.
public struct PostsReader: Sendable {
    let vocabulary: MetricsVocabulary
    let formatOptions: [String]

    public init(knowledge: KnowledgeBase) {
        vocabulary = knowledge.metrics
        formatOptions = knowledge.question("formats")?.options.map(\.value) ?? []
    }

    /// The largest file read: far more than years of posts.
    public static let maximumBytes = 200 * 1024 * 1024

    /// The posts in the CSV file at `file`; problems name it as the user gave it.
    public func read(_ file: String, skipBadRows: Bool = false) throws(CoachError) -> PostsSummary {
        let path = PathText.display(file)
        let absolute = PathText.absolute(file)
        switch FileSystem.kind(of: absolute) {
        case .missing: throw .fileNotFound(path)
        case .folder: throw .notAFile(path)
        case .file, .other: break
        }
        guard let file = FileReader(path: absolute) else { throw .unreadable(path) }
        return try read(path: path, skipBadRows: skipBadRows) { () throws(CoachError) -> [UInt8] in
            do {
                return try file.read(upTo: 1 << 16)
            } catch {
                throw .unreadable(path)
            }
        }
    }

    /// The posts in the chunks that `next` gives, until it gives an empty one; `path`
    /// names them in diagnostics.
    func read(path: String, skipBadRows: Bool, next: () throws(CoachError) -> [UInt8]) throws(CoachError)
        -> PostsSummary
    {
        var parser = CSVParser(path: path)
        var accumulator = Accumulator(reader: self, path: path, skipBadRows: skipBadRows)
        var total = 0
        while true {
            let chunk = try next()
            if chunk.isEmpty { break }
            total += chunk.count
            if total > Self.maximumBytes {
                throw .invalidData([
                    Diagnostic(.error, .fileTooLarge(Self.maximumBytes), at: SourceLocation(file: path))
                ])
            }
            try parser.feed(chunk) { row, line throws(CoachError) in try accumulator.take(row, line: line) }
        }
        try parser.finish { row, line throws(CoachError) in try accumulator.take(row, line: line) }
        return try accumulator.summary()
    }

    // MARK: - Values

    /// A date as a day number (days since 1970-01-01): `2026-11-26` or `26/11/2026`,
    /// optionally followed by a time, which is ignored. Parsed from the bytes: a
    /// CSV holds as many dates as posts.
    static func day(_ text: String) -> Int? {
        var numbers: [Int] = []
        var current = -1
        var separator: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                current = (current < 0 ? 0 : current) &* 10 &+ Int(byte - UInt8(ascii: "0"))
                if current > 100_000 { return nil }
            case UInt8(ascii: "-"), UInt8(ascii: "/"):
                guard current >= 0, separator == 0 || separator == byte, numbers.count < 2 else { return nil }
                separator = byte
                numbers.append(current)
                current = -1
            case UInt8(ascii: " "), UInt8(ascii: "T"):
                if numbers.count == 2, current >= 0 { break }
                if numbers.isEmpty, current < 0 { continue }
                return nil
            default:
                return nil
            }
            if numbers.count == 2, current >= 0, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "T") { break }
        }
        guard numbers.count == 2, current >= 0 else { return nil }
        numbers.append(current)
        let (year, month, day) =
            separator == UInt8(ascii: "-") ? (numbers[0], numbers[1], numbers[2]) : (numbers[2], numbers[1], numbers[0])
        guard (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        // Days from a civil date (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// A count, 0 or more: digits with a decimal point, or a decimal comma when
    /// `commaDecimals`; spaces (also non-breaking) are ignored; empty is 0.
    static func number(_ text: String, commaDecimals: Bool) -> Double? {
        var whole = 0.0
        var fraction = 0.0
        var scale = 1.0
        var inFraction = false
        var digits = 0
        let decimal = commaDecimals ? UInt8(ascii: ",") : UInt8(ascii: ".")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                guard digits <= 15 else { return nil }
                let digit = Double(byte - UInt8(ascii: "0"))
                if inFraction {
                    scale /= 10
                    fraction += digit * scale
                } else {
                    whole = whole * 10 + digit
                }
            case decimal where !inFraction:
                inFraction = true
            case UInt8(ascii: " "), 0xC2, 0xA0:
                continue  // a space, or the two bytes of a non-breaking one
            default:
                return nil
            }
        }
        return whole + fraction
    }
}

/// Adds rows up as they come, keeping only a day and a count per post.
private struct Accumulator {
    let reader: PostsReader
    let path: String
    let skipBadRows: Bool
    var columns: [MetricsVocabulary.Column: Int] = [:]
    var commaDecimals = false
    var sawHeader = false
    var posts = 0
    var skipped = 0
    var likes = 0.0
    var comments = 0.0
    var shares = 0.0
    var formats: [String: (posts: Int, interactions: Double)] = [:]
    /// The option each raw value of the format column means, once worked out.
    var formatOptions: [String: String?] = [:]
    var days: [(day: Int32, interactions: Float)] = []

    init(reader: PostsReader, path: String, skipBadRows: Bool) {
        self.reader = reader
        self.path = path
        self.skipBadRows = skipBadRows
    }

    func failure(_ problem: Problem, line: Int) -> CoachError {
        .invalidData([
            Diagnostic(.error, problem, at: SourceLocation(file: path, position: SourcePosition(line: line, column: 1)))
        ])
    }

    mutating func take(_ row: CSVParser.Row, line: Int) throws(CoachError) {
        if !sawHeader {
            sawHeader = true
            commaDecimals = row.separator == UInt8(ascii: ";")
            var unknown: [String] = []
            for (index, header) in row.fields.enumerated() {
                let key = MetricsVocabulary.key(header)
                if let column = reader.vocabulary.headers[key] {
                    if columns[column] == nil { columns[column] = index }
                } else if !key.isEmpty {
                    unknown.append(header)
                }
            }
            let missing = MetricsVocabulary.Column.allCases.filter { $0.isRequired && columns[$0] == nil }
            if !missing.isEmpty {
                throw failure(.missingColumns(missing.map(\.rawValue), found: row.fields), line: line)
            }
            return
        }
        if row.fields.allSatisfy({ $0.allSatisfy { $0 == " " } }) { return }
        func field(_ column: MetricsVocabulary.Column) -> String? {
            columns[column].flatMap { $0 < row.fields.count ? row.fields[$0] : nil }
        }
        func bad(_ problem: Problem) throws(CoachError) {
            if skipBadRows { skipped += 1 } else { throw failure(problem, line: line) }
        }
        guard let dateText = field(.date), let day = PostsReader.day(dateText) else {
            return try bad(.badDate(field(.date) ?? ""))
        }
        var counts: [Double] = []
        for column in [MetricsVocabulary.Column.likes, .comments, .shares] {
            guard let value = PostsReader.number(field(column) ?? "", commaDecimals: commaDecimals) else {
                return try bad(.badCount(column.rawValue, field(column) ?? ""))
            }
            counts.append(value)
        }
        posts += 1
        likes += counts[0]
        comments += counts[1]
        shares += counts[2]
        let interactions = counts[0] + counts[1] + counts[2]
        if let raw = field(.format) {
            if formatOptions[raw] == nil {
                let option = reader.vocabulary.formats[MetricsVocabulary.key(raw)]
                formatOptions[raw] = .some(option.flatMap { reader.formatOptions.contains($0) ? $0 : nil })
            }
            if let option = formatOptions[raw] ?? nil {
                formats[option, default: (0, 0)].posts += 1
                formats[option, default: (0, 0)].interactions += interactions
            }
        }
        days.append((Int32(truncatingIfNeeded: day), Float(interactions)))
    }

    /// The group (format, weekday) whose posts draw the most interactions on average,
    /// among groups of `minimumPosts` posts or more, the first by key on a tie; and
    /// how many times more than the other groups' posts taken together, to one
    /// decimal. Nil with fewer than two groups, or when the others drew nothing.
    static func best<Key: Comparable>(
        of groups: [Key: (posts: Int, interactions: Double)], minimumPosts: Int
    ) -> (key: Key, ratio: Double)? {
        guard groups.count >= 2 else { return nil }
        let averages = groups.filter { $0.value.posts >= minimumPosts }.mapValues { $0.interactions / Double($0.posts) }
        guard let top = averages.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).first else { return nil }
        let others = groups.filter { $0.key != top.key }.values
        let average = others.reduce(0.0) { $0 + $1.interactions } / Double(max(1, others.reduce(0) { $0 + $1.posts }))
        guard average > 0 else { return nil }
        return (top.key, (top.value / average * 10).rounded() / 10)
    }

    func summary() throws(CoachError) -> PostsSummary {
        guard sawHeader else {
            throw .invalidData([Diagnostic(.error, .emptyFile, at: SourceLocation(file: path))])
        }
        guard posts > 0 else { throw failure(.noPosts(skipped: skipped), line: 2) }
        let sorted = days.sorted { $0.day < $1.day }
        let first = Int(sorted.first!.day)
        let last = Int(sorted.last!.day)
        let weeks = max(1, Double(last - first + 1) / 7)
        var gap = 0
        for index in sorted.indices.dropFirst() { gap = max(gap, Int(sorted[index].day - sorted[index - 1].day)) }
        var trend: Double?
        if sorted.count >= 4 {
            let half = sorted.count / 2
            let before = sorted[..<half].reduce(0.0) { $0 + Double($1.interactions) } / Double(half)
            let after = sorted[half...].reduce(0.0) { $0 + Double($1.interactions) } / Double(sorted.count - half)
            if before > 0 { trend = after / before }
        }
        let count = Double(posts)
        // Day 0 (1970-01-01) was a Thursday.
        var byWeekday: [Weekday: (posts: Int, interactions: Double)] = [:]
        for post in sorted {
            let day = Weekday.allCases[((Int(post.day) % 7) + 7 + 3) % 7]  // Monday first
            byWeekday[day, default: (0, 0)].posts += 1
            byWeekday[day, default: (0, 0)].interactions += Double(post.interactions)
        }
        return PostsSummary(
            posts: posts, skippedRows: skipped, averageLikes: likes / count, averageComments: comments / count,
            averageShares: shares / count, postsPerWeek: count / weeks,
            formats: reader.formatOptions.filter { formats[$0] != nil },
            interactionsByFormat: formats.mapValues { $0.interactions / Double($0.posts) }, longestGap: gap,
            trend: trend, bestFormat: Self.best(of: formats, minimumPosts: 1).map { ($0.key, $0.ratio) },
            bestWeekday: Self.best(of: byWeekday, minimumPosts: 2).map { ($0.key, $0.ratio) })
    }
}

/// A streaming CSV parser over bytes (RFC 4180: quoted fields may hold separators,
/// doubled quotes and line breaks). The separator is `;` or `,`, whichever the
/// header line uses more.
struct CSVParser {
    struct Row {
        var fields: [String]
        var separator: UInt8
    }

    /// The file, for the problems the parser finds itself.
    let path: String

    private var separator: UInt8?
    private var headerBytes: [UInt8] = []
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var inQuotes = false
    private var quoteSeen = false
    private var line = 1
    private var rowLine = 1
    /// Where the open quoted field started, to report it if it never closes.
    private var quoteLine = 1
    private var atStart = true

    /// The longest value a field may hold, in bytes; a longer one is refused, so that
    /// a binary file cannot grow one without bound.
    static let longestField = 64 * 1024

    init(path: String) {
        self.path = path
    }

    private func problem(_ problem: Problem, line: Int) -> CoachError {
        .invalidData([
            Diagnostic(.error, problem, at: SourceLocation(file: path, position: SourcePosition(line: line, column: 1)))
        ])
    }

    mutating func feed(_ data: [UInt8], _ emit: (Row, Int) throws(CoachError) -> Void) throws(CoachError) {
        var bytes = data
        if atStart {
            atStart = false
            if bytes.starts(with: UTF8.byteOrderMark) { bytes.removeFirst(UTF8.byteOrderMark.count) }
        }
        if separator == nil {
            // The header decides the separator: keep bytes until its line ends, looking
            // for the end in the new bytes only.
            let searchFrom = headerBytes.count
            headerBytes += bytes
            guard let end = headerBytes[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) else {
                guard headerBytes.count <= Self.longestField else {
                    throw problem(.valueTooLong(Self.longestField), line: 1)
                }
                return
            }
            let header = headerBytes[..<end]
            let semicolons = header.filter { $0 == UInt8(ascii: ";") }.count
            let commas = header.filter { $0 == UInt8(ascii: ",") }.count
            separator = semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
            bytes = headerBytes
            headerBytes = []
        }
        try consume(bytes, emit)
    }

    mutating func finish(_ emit: (Row, Int) throws(CoachError) -> Void) throws(CoachError) {
        if separator == nil, !headerBytes.isEmpty {
            let semicolons = headerBytes.filter { $0 == UInt8(ascii: ";") }.count
            let commas = headerBytes.filter { $0 == UInt8(ascii: ",") }.count
            separator = semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
            let bytes = headerBytes
            headerBytes = []
            try consume(bytes, emit)
        }
        if inQuotes { throw problem(.unterminatedQuote, line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty { try endRow(emit) }
    }

    private mutating func endField() throws(CoachError) {
        guard let text = String(validating: field, as: UTF8.self) else { throw problem(.notUTF8, line: line) }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
        quoteSeen = false
    }

    private mutating func append(_ byte: UInt8) throws(CoachError) {
        guard field.count < Self.longestField else { throw problem(.valueTooLong(Self.longestField), line: line) }
        field.append(byte)
    }

    private mutating func endRow(_ emit: (Row, Int) throws(CoachError) -> Void) throws(CoachError) {
        try endField()
        try emit(Row(fields: fields, separator: separator ?? UInt8(ascii: ",")), rowLine)
        fields.removeAll(keepingCapacity: true)
    }

    private mutating func consume(_ bytes: [UInt8], _ emit: (Row, Int) throws(CoachError) -> Void) throws(CoachError) {
        let separator = self.separator ?? UInt8(ascii: ",")
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        for byte in bytes {
            if inQuotes {
                if byte == quote {
                    inQuotes = false
                    quoteSeen = true
                } else {
                    if byte == newline { line += 1 }
                    try append(byte)
                }
                continue
            }
            switch byte {
            case quote:
                if quoteSeen {
                    try append(quote)  // a doubled quote inside a quoted field
                } else {
                    quoteLine = line
                }
                inQuotes = true
            case separator:
                try endField()
            case newline:
                try endRow(emit)
                line += 1
                rowLine = line
            case carriageReturn:
                continue
            default:
                try append(byte)
            }
        }
    }
}
