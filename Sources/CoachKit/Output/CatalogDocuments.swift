/// `coach topics --json`: schema `coach.topics/1`.
public enum TopicsDocument {
    public static func json(knowledge: KnowledgeBase, language: Language) -> JSON {
        .object([
            ("schema", .string("coach.topics/1")),
            ("language", .string(language.rawValue)),
            (
                "topics",
                .array(
                    knowledge.topics.map { topic in
                        let text = topic.text[language]
                        return .object([
                            ("id", .string(topic.id)),
                            ("kind", .string(topic.kind.rawValue)),
                            ("title", .string(text.title)),
                            ("summary", .string(text.summary)),
                            (
                                "source",
                                .string(knowledge.article.section(topic.source)?.heading[language] ?? topic.source)
                            ),
                            ("related", .array(topic.related.map(JSON.string))),
                        ])
                    })
            ),
        ])
    }
}

/// `coach questions --json`: schema `coach.questions/1`. Every key is always
/// present; `min`, `max` and `max_length` are null where they do not apply, and a
/// boolean question offers true and false.
public enum QuestionsDocument {
    public static func json(knowledge: KnowledgeBase, language: Language) -> JSON {
        let strings = Strings.table(for: language)
        return .object([
            ("schema", .string("coach.questions/1")),
            ("language", .string(language.rawValue)),
            (
                "questions",
                .array(
                    knowledge.questions.map { question in
                        var options = question.options.map { option in
                            JSON.object([("value", .string(option.value)), ("label", .string(option.label[language]))])
                        }
                        if question.kind == .boolean {
                            options = [
                                .object([("value", .bool(true)), ("label", .string(strings("questions.yes")))]),
                                .object([("value", .bool(false)), ("label", .string(strings("questions.no")))]),
                            ]
                        }
                        return .object([
                            ("id", .string(question.id)),
                            ("type", .string(question.kind.rawValue)),
                            ("prompt", .string(question.prompt[language])),
                            ("help", .string(question.help[language])),
                            ("options", .array(options)),
                            ("min", JSON(question.minimum)),
                            ("max", JSON(question.maximum)),
                            ("integer", .bool(question.isInteger)),
                            ("max_length", JSON(question.maximumLength.map(Double.init))),
                            ("optional", .bool(question.isOptional)),
                            ("ask_if", JSON(question.askIfText)),
                        ])
                    })
            ),
        ])
    }
}
