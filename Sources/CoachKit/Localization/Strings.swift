import FoundationEssentials

/// The interface's own words (messages, labels, diagnostics) in one language, from
/// the localisation table `locales/LANGUAGE.yaml` compiled into the binary.
///
/// Templates name their arguments in braces: `{count} topics`. A key missing from
/// the table falls back to English, then to the key itself, so a gap in a
/// translation shows up as text rather than as a crash.
public struct Strings: Sendable {
    public let language: Language
    private let entries: [String: String]
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
        fallsBackToEnglish ? Self.englishEntries[key] : nil
    }

    /// Every key of the table, for tests that compare translations.
    public var keys: Set<String> { Set(entries.keys) }

    /// Whether the table (or its English fallback) has `key`.
    public func has(_ key: String) -> Bool {
        entries[key] != nil || fallback(key) != nil
    }

    /// The template for `key`, untouched.
    public func template(_ key: String) -> String {
        entries[key] ?? fallback(key) ?? key
    }

    /// The template for `key` with its arguments filled in.
    public func format(_ key: String, _ arguments: [String: String] = [:]) -> String {
        let template = template(key)
        guard !arguments.isEmpty, template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            result += arguments[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        format(key, arguments)
    }

    /// The flat table of one language: keys to templates.
    private static func entries(of language: Language) -> [String: String] {
        guard let file = localeFile(language) else { return [:] }
        return split(file) ?? table(fromYAML: file.yaml)
    }

    /// The embedded table of `language`.
    static func localeFile(_ language: Language) -> EmbeddedFile? {
        EmbeddedFile.files(in: "locales").first { $0.path == "\(language.rawValue).yaml" }
    }

    /// The table as the embedder split it at build time, when it is a flat list of
    /// `key: "text"` lines (no key repeats in it); nil otherwise.
    static func split(_ file: EmbeddedFile) -> [String: String]? {
        file.entries.map { entries in
            Dictionary(entries.lazy.map { ($0.key, $0.text) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// A table read from its YAML text; empty when the text is not a mapping.
    static func table(fromYAML yaml: String) -> [String: String] {
        guard let root = try? DataNode.parse(yaml: yaml), case .mapping(let pairs, _) = root else { return [:] }
        var table: [String: String] = [:]
        for pair in pairs {
            if case .scalar(let text, _, _) = pair.value { table[pair.key] = text }
        }
        return table
    }

}
