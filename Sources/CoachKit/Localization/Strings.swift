/// The interface's own words (messages, labels, diagnostics) in one language, from
/// the localisation table `locales/LANGUAGE.yaml` compiled into the binary.
///
/// Templates name their arguments in braces: `{count} topics`. A key missing from
/// the table falls back to English, then to the key itself, so a gap in a
/// translation shows up as text rather than as a crash.
public struct Strings: Sendable {
    typealias Entry = (key: String, text: String)

    public let language: Language
    /// Keys and templates, sorted by key and found by halving: there is no table to
    /// build before the first message (hashing 350 keys into a dictionary cost more
    /// than all the look-ups of a plan).
    private let entries: [Entry]
    /// Whether a key missing here is looked for in English. The English table is
    /// read only then: every key is translated (a test checks it), and reading it
    /// too doubled the cost of the first message in French.
    private let fallsBackToEnglish: Bool

    /// The table for `language`.
    public static func table(for language: Language) -> Strings {
        switch language {
        case .fr: french
        case .en: english
        }
    }

    private static let englishEntries = entries(of: .en)
    private static let english = Strings(language: .en, entries: englishEntries, fallsBackToEnglish: false)
    private static let french = Strings(language: .fr, entries: entries(of: .fr), fallsBackToEnglish: true)

    /// The English template of a key missing from this table.
    private func fallback(_ key: String) -> String? {
        fallsBackToEnglish ? Self.find(key, in: Self.englishEntries) : nil
    }

    /// Every key of the table, for tests that compare translations.
    public var keys: Set<String> { Set(entries.map(\.key)) }

    /// Whether the table (or its English fallback) has `key`.
    public func has(_ key: String) -> Bool {
        Self.find(key, in: entries) != nil || fallback(key) != nil
    }

    /// The template for `key`, untouched.
    public func template(_ key: String) -> String {
        Self.find(key, in: entries) ?? fallback(key) ?? key
    }

    /// The text of `key` in `entries`, sorted by key.
    private static func find(_ key: String, in entries: [Entry]) -> String? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].key == key ? entries[low].text : nil
    }

    /// The template for `key` with its arguments filled in.
    public func format(_ key: String, _ arguments: [String: String] = [:]) -> String {
        var template = template(key)
        guard !arguments.isEmpty, template.containsByte(UInt8(ascii: "{")) else { return template }
        // Filled in over the template's bytes, into one buffer made a text once: the
        // braces are ASCII bytes, never part of a longer UTF-8 sequence, so the
        // pieces between them are whole text.
        return template.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count * 2)
            var rest = 0
            while let open = bytes[rest...].firstIndex(of: UInt8(ascii: "{")) {
                result.append(contentsOf: bytes[rest..<open])
                rest = open
                guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else { break }
                if let value = arguments[String(decoding: bytes[(open + 1)..<close], as: UTF8.self)] {
                    result.append(contentsOf: value.utf8)
                } else {
                    result.append(contentsOf: bytes[open...close])
                }
                rest = close + 1
            }
            result.append(contentsOf: bytes[rest...])
            return String(decoding: result, as: UTF8.self)
        }
    }

    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        format(key, arguments)
    }

    /// The flat table of one language: keys and templates, sorted by key.
    private static func entries(of language: Language) -> [Entry] {
        guard let file = localeFile(language) else { return [] }
        return split(file) ?? table(fromYAML: file.yaml)
    }

    /// The embedded table of `language`.
    static func localeFile(_ language: Language) -> EmbeddedFile? {
        EmbeddedFile.files(in: "locales").first { $0.path == "\(language.rawValue).yaml" }
    }

    /// The table as the embedder split it at build time, sorted by key, when it is a
    /// flat list of `key: "text"` lines (no key repeats in it); nil otherwise. The
    /// embedder sorts them as `<` does here, which `LocalizationTests` checks:
    /// checking it at every start cost some 50 000 instructions.
    static func split(_ file: EmbeddedFile) -> [Entry]? {
        file.entries
    }

    /// A table read from its YAML text, sorted by key; empty when the text is not a
    /// mapping.
    static func table(fromYAML yaml: String) -> [Entry] {
        guard let root = try? DataNode.parse(yaml: yaml), case .mapping(let pairs, _) = root else { return [] }
        return sorted(
            pairs.compactMap { pair in
                if case .scalar(let text, _, _) = pair.value { (pair.key, text) } else { nil }
            })
    }

    /// `entries` sorted by key, the first of a repeated key kept.
    private static func sorted(_ entries: [Entry]) -> [Entry] {
        var kept: [Entry] = []
        for entry in entries.enumerated().sorted(by: { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) })
        where kept.last?.key != entry.element.key {
            kept.append(entry.element)
        }
        return kept
    }

}
