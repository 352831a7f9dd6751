/// A knowledge entry: one idea of the article, explained and turned into practice.
public struct Topic: Sendable, Identifiable {
    /// The kinds of entry, in the order the coach lists them.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case concept, tip, ingredient

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The text of an entry in one language.
    public struct Text: Sendable, Equatable {
        public var title: String
        /// One or two sentences.
        public var summary: String
        /// A few short paragraphs, separated by blank lines.
        public var body: String
        /// Concrete actions a small organisation can take this week.
        public var steps: [String]
        /// Words people use when they ask about it.
        public var keywords: [String]
        /// Questions people ask when this entry is the answer, in their own words.
        public var questions: [String] = []
    }

    /// A stable id such as `tip.regularity`; its prefix is its kind.
    public var id: String
    public var kind: Kind
    /// The id of the article section it comes from (see `Article`).
    public var source: String
    /// Its place among the entries of its section (the article numbers its tips and
    /// ingredients); entries without one come after, by id.
    public var order: Int?
    /// Ids of related entries.
    public var related: [String]
    public var text: Localized<Text>
}
