import CoachKit

/// `coach topics`: what the coach knows, every knowledge entry with its id, kind and title.
struct Topics: Command {
    let options: CommonOptions
    let json: Bool

    init(_ invocation: Invocation) {
        options = CommonOptions(invocation)
        json = invocation.has(.json)
    }

    func run() throws {
        let knowledge = try options.loadKnowledge([])
        let language = options.language
        if json {
            Console.out(TopicsDocument.json(knowledge: knowledge, language: language).text())
            return
        }
        let strings = Strings.table(for: language)
        let width = knowledge.topics.map(\.id.count).max() ?? 0
        var lines: [String] = []
        for kind in Topic.Kind.allCases {
            let topics = knowledge.topics.filter { $0.kind == kind }
            guard !topics.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append(strings("topics.kind.\(kind.rawValue)"))
            for topic in topics {
                lines.append(
                    "  " + topic.id.padded(to: width + 2)
                        + topic.text[language].title)
            }
        }
        Console.out(lines.joined(separator: "\n"))
    }
}
