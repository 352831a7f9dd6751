/// `coach ask --json`: schema `coach.ask/1`.
public enum AskDocument {
    public static func json(_ answer: Asker.Answer, knowledge: KnowledgeBase, plan: Plan? = nil) -> JSON {
        var pairs: [(String, JSON)] = [
            ("schema", .string("coach.ask/1")),
            ("query", .string(answer.query)),
            ("language", .string(answer.language.rawValue)),
            (
                "results",
                .array(
                    answer.hits.map { hit in
                        let topic = knowledge.topics[hit.topic]
                        let text = topic.text[answer.language]
                        return .object([
                            ("id", .string(topic.id)),
                            ("kind", .string(topic.kind.rawValue)),
                            ("title", .string(text.title)),
                            ("summary", .string(text.summary)),
                            ("score", .number((hit.score * 1000).rounded() / 1000)),
                            ("source", .string(topic.source)),
                        ])
                    })
            ),
        ]
        if let plan, let best = answer.hits.first {
            let actions = Asker.actions(in: plan, from: knowledge.topics[best.topic].id)
            pairs.append(
                (
                    "plan",
                    .array(
                        actions.map { number, action in
                            .object([
                                ("number", .number(Double(number))), ("id", .string(action.id)),
                                ("title", .string(action.title)), ("horizon", .string(action.horizon.rawValue)),
                            ])
                        })
                ))
        }
        return .object(pairs)
    }
}

/// `coach ask` as text: the best entry's title, summary and steps, then what the
/// user's plan says on it, then the entries to see also; or, when nothing answers,
/// the list of what the coach knows.
public struct AskTextRenderer: Sendable {
    let knowledge: KnowledgeBase
    let width: Int?
    let style: TextStyle

    public init(knowledge: KnowledgeBase, width: Int? = nil, style: TextStyle = TextStyle(isEnabled: false)) {
        self.knowledge = knowledge
        self.width = width
        self.style = style
    }

    private func paragraph(_ text: String, indent: String) -> String {
        TextLayout.paragraph(text, width: width, indent: indent)
    }

    public func render(_ answer: Asker.Answer, plan: Plan? = nil) -> String {
        let language = answer.language
        let strings = Strings.table(for: language)
        guard let best = answer.hits.first else {
            var lines = [paragraph(strings("ask.no_match"), indent: ""), ""]
            for topic in knowledge.topics {
                lines.append("  " + topic.id + " — " + topic.text[language].title)
            }
            return lines.joined(separator: "\n")
        }
        let topic = knowledge.topics[best.topic]
        let text = topic.text[language]
        var lines = [style.accent(text.title) + style.dim("  (\(topic.id))"), paragraph(text.summary, indent: ""), ""]
        if !text.steps.isEmpty {
            lines.append(style.bold(strings("ask.steps")))
            for (number, step) in text.steps.enumerated() {
                lines.append(paragraph("\(number + 1). " + step, indent: "  "))
            }
        }
        if let plan {
            let actions = Asker.actions(in: plan, from: topic.id)
            lines.append("")
            if actions.isEmpty {
                lines.append(paragraph(strings("ask.plan_none"), indent: ""))
            } else {
                lines.append(style.bold(strings("ask.plan")))
                for (number, action) in actions {
                    let horizon = strings("plan.horizon.\(action.horizon.rawValue)")
                    lines.append(paragraph("\(number). \(action.title) (\(horizon))", indent: "  "))
                }
            }
        }
        let others = answer.hits.dropFirst().map { hit in
            knowledge.topics[hit.topic].text[language].title + " (" + knowledge.topics[hit.topic].id + ")"
        }
        if !others.isEmpty {
            lines.append("")
            lines.append(paragraph(strings("ask.see_also", ["entries": others.joined(separator: ", ")]), indent: ""))
        }
        if let section = knowledge.article.section(topic.source) {
            lines.append(
                style.dim(paragraph(strings("ask.source", ["section": section.heading[language]]), indent: "")))
        }
        return lines.joined(separator: "\n")
    }
}
