import CoachKit

/// `coach questions`: the interview's questions, with their ids, types and options.
struct Questions: Command {
    let options: CommonOptions
    let json: Bool

    init(_ invocation: Invocation) {
        options = CommonOptions(invocation)
        json = invocation.has(.json)
    }

    func run() throws {
        let knowledge = try options.loadKnowledge(.interview)
        let language = options.language
        if json {
            Console.out(QuestionsDocument.json(knowledge: knowledge, language: language).text())
            return
        }
        let strings = Strings.table(for: language)
        var lines: [String] = []
        for (index, question) in knowledge.questions.enumerated() {
            var traits = [question.kind.rawValue]
            if question.isOptional { traits.append(strings("questions.optional")) }
            if question.isInteger { traits.append(strings("questions.whole")) }
            if let minimum = question.minimum, let maximum = question.maximum {
                traits.append(strings("questions.range", ["min": minimum.plainText, "max": maximum.plainText]))
            }
            let number = String(index + 1)
            lines.append(
                String(repeating: " ", count: max(0, 3 - number.count)) + number + ". " + question.id
                    + " (" + traits.joined(separator: ", ") + ")")
            lines.append("     " + question.prompt[language])
            let width = question.options.map(\.value.count).max() ?? 0
            for option in question.options {
                lines.append(
                    "       " + option.value.padded(to: width + 2)
                        + option.label[language])
            }
        }
        Console.out(lines.joined(separator: "\n"))
    }
}
