/// `coach topics --json`: schema `coach.topics/1`.
public struct TopicsDocument: Encodable, Sendable {
    public struct Entry: Encodable, Sendable {
        public var id: String
        public var kind: String
        public var title: String
        public var summary: String
        /// The article section's heading, in the chosen language.
        public var source: String
        public var related: [String]
    }

    public var schema = "coach.topics/1"
    public var language: Language
    public var topics: [Entry]

    public init(knowledge: KnowledgeBase, language: Language) {
        self.language = language
        topics = knowledge.topics.map { topic in
            let text = topic.text[language]
            return Entry(
                id: topic.id, kind: topic.kind.rawValue, title: text.title, summary: text.summary,
                source: knowledge.article.section(topic.source)?.heading[language] ?? topic.source,
                related: topic.related)
        }
    }
}

/// `coach questions --json`: schema `coach.questions/1`. Every key is always
/// present; `min`, `max` and `max_length` are null where they do not apply.
public struct QuestionsDocument: Encodable, Sendable {
    public struct Entry: Encodable, Sendable {
        public var id: String
        public var type: String
        public var prompt: String
        public var help: String
        public var options: [Option]
        public var min: Double?
        public var max: Double?
        public var integer: Bool
        public var maxLength: Int?
        public var optional: Bool

        enum CodingKeys: String, CodingKey {
            case id, type, prompt, help, options, min, max, integer, optional
            case maxLength = "max_length"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(type, forKey: .type)
            try container.encode(prompt, forKey: .prompt)
            try container.encode(help, forKey: .help)
            try container.encode(options, forKey: .options)
            try container.encode(min, forKey: .min)
            try container.encode(max, forKey: .max)
            try container.encode(integer, forKey: .integer)
            try container.encode(maxLength, forKey: .maxLength)
            try container.encode(optional, forKey: .optional)
        }
    }

    /// An answer to pick: an option's value, or true and false for a boolean.
    public struct Option: Encodable, Sendable {
        public enum Value: Encodable, Sendable {
            case text(String)
            case boolean(Bool)

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .text(let text): try container.encode(text)
                case .boolean(let flag): try container.encode(flag)
                }
            }
        }

        public var value: Value
        public var label: String
    }

    public var schema = "coach.questions/1"
    public var language: Language
    public var questions: [Entry]

    public init(knowledge: KnowledgeBase, language: Language) {
        self.language = language
        let strings = Strings.table(for: language)
        questions = knowledge.questions.map { question in
            var options = question.options.map { Option(value: .text($0.value), label: $0.label[language]) }
            if question.kind == .boolean {
                options = [
                    Option(value: .boolean(true), label: strings("questions.yes")),
                    Option(value: .boolean(false), label: strings("questions.no")),
                ]
            }
            return Entry(
                id: question.id, type: question.kind.rawValue, prompt: question.prompt[language],
                help: question.help[language], options: options, min: question.minimum, max: question.maximum,
                integer: question.isInteger, maxLength: question.maximumLength, optional: question.isOptional)
        }
    }
}
