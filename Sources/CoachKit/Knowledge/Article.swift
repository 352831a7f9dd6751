/// The article the coach's knowledge comes from, and its sections.
public struct Article: Sendable {
    /// A section, cited by knowledge entries through its id.
    public struct Section: Sendable, Identifiable {
        public var id: String
        /// The heading: the article's own in French, translated in English.
        public var heading: Localized<String>
    }

    public var title: Localized<String>
    public var publisher: Localized<String>
    /// The language the article is written in.
    public var language: Language
    public var sections: [Section]

    public func section(_ id: String) -> Section? {
        sections.first { $0.id == id }
    }
}

extension Article {
    /// No article: what a knowledge base holds until its article is read.
    static let empty = Article(
        title: Localized(fr: "", en: ""), publisher: Localized(fr: "", en: ""), language: .fr, sections: [])
}
