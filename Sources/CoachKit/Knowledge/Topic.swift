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
    ///
    /// From the built-in knowledge, each part is made when read: a plan reads the
    /// titles and summaries of a few entries, a listing those of all in one language,
    /// and only an answer reads a body (nineteen twentieths of the text).
    public struct Text: Sendable, Equatable {
        public var title: String {
            get { deferredTitle.value }
            set { deferredTitle.value = newValue }
        }
        /// One or two sentences.
        public var summary: String {
            get { deferredSummary.value }
            set { deferredSummary.value = newValue }
        }
        /// A few short paragraphs, separated by blank lines.
        public var body: String {
            get { deferredBody.value }
            set { deferredBody.value = newValue }
        }
        /// Concrete actions a small organisation can take this week.
        public var steps: [String] {
            get { deferredSteps.value }
            set { deferredSteps.value = newValue }
        }
        /// Words people use when they ask about it.
        public var keywords: [String] {
            get { deferredKeywords.value }
            set { deferredKeywords.value = newValue }
        }
        /// Questions people ask when this entry is the answer, in their own words.
        public var questions: [String] {
            get { deferredQuestions.value }
            set { deferredQuestions.value = newValue }
        }

        var deferredTitle: Deferred<String>
        var deferredSummary: Deferred<String>
        var deferredBody: Deferred<String>
        var deferredSteps: Deferred<[String]>
        var deferredKeywords: Deferred<[String]>
        var deferredQuestions: Deferred<[String]>

        public init(
            title: String, summary: String, body: String, steps: [String], keywords: [String],
            questions: [String] = []
        ) {
            self.init(
                title: Deferred(title), summary: Deferred(summary), body: Deferred(body), steps: Deferred(steps),
                keywords: Deferred(keywords), questions: Deferred(questions))
        }

        init(
            title: Deferred<String>, summary: Deferred<String>, body: Deferred<String>, steps: Deferred<[String]>,
            keywords: Deferred<[String]>, questions: Deferred<[String]>
        ) {
            deferredTitle = title
            deferredSummary = summary
            deferredBody = body
            deferredSteps = steps
            deferredKeywords = keywords
            deferredQuestions = questions
        }
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
