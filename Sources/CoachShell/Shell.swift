import CoachKit

/// The interactive shell. For now it lets the user browse what the coach knows;
/// the guided interview comes with the rules engine.
///
/// The shell holds no terminal code of its own: it reads through a `LineReader` and
/// writes through `output`, so that tests can drive it with plain strings.
public final class Shell {
    private let knowledge: KnowledgeBase
    private let version: String
    private var language: Language
    private let reader: LineReader
    private let output: (String) -> Void

    public init(
        knowledge: KnowledgeBase, language: Language, version: String, reader: LineReader,
        output: @escaping (String) -> Void
    ) {
        self.knowledge = knowledge
        self.language = language
        self.version = version
        self.reader = reader
        self.output = output
    }

    private var strings: Strings { Strings.table(for: language) }

    /// Runs until the user leaves or the input ends.
    public func run() {
        output(strings("shell.greeting", ["version": version, "topics": String(knowledge.topics.count)]))
        output(strings("shell.interview_pending"))
        output(strings("shell.help"))
        loop: while true {
            switch reader.readLine(prompt: "coach> ") {
            case .endOfInput:
                break loop
            case .interrupted:
                continue
            case .line(let line):
                if handle(line) == .quit { break loop }
            }
        }
        output(strings("shell.bye"))
    }

    enum Outcome { case `continue`, quit }

    /// Handles one line; returns whether to go on.
    func handle(_ line: String) -> Outcome {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return .continue }
        if text.hasPrefix("/") {
            let words = text.dropFirst().split(separator: " ", omittingEmptySubsequences: true)
            switch words.first.map({ $0.lowercased() }) ?? "" {
            case "quit", "quitter", "q", "exit":
                return .quit
            case "help", "aide", "?":
                output(strings("shell.help"))
            case "topics", "fiches":
                listTopics()
            case "lang", "langue":
                if words.count == 2, let chosen = Language(code: String(words[1])) {
                    language = chosen
                    output(strings("shell.language"))
                } else {
                    output(strings("error.unknown_language", ["code": words.dropFirst().joined(separator: " ")]))
                }
            default:
                output(strings("shell.unknown_command", ["command": text]))
            }
            return .continue
        }
        if let number = Int(text), knowledge.topics.indices.contains(number - 1) {
            show(knowledge.topics[number - 1])
        } else if let topic = knowledge.topic(text.lowercased()) {
            show(topic)
        } else {
            output(strings("shell.unknown", ["text": text]))
        }
        return .continue
    }

    private func listTopics() {
        var lines: [String] = []
        var kind: Topic.Kind?
        for (index, topic) in knowledge.topics.enumerated() {
            if topic.kind != kind {
                kind = topic.kind
                lines.append((lines.isEmpty ? "" : "\n") + strings("topics.kind.\(topic.kind.rawValue)"))
            }
            let number = String(index + 1)
            lines.append(
                String(repeating: " ", count: max(0, 4 - number.count)) + number + ". " + topic.text[language].title)
        }
        output(lines.joined(separator: "\n"))
    }

    private func show(_ topic: Topic) {
        let text = topic.text[language]
        var lines = [
            "", text.title, String(repeating: "─", count: text.title.count), text.summary, "", text.body, "",
            strings("shell.steps"),
        ]
        lines += text.steps.map { "  • " + $0 }
        let related = topic.related.compactMap { knowledge.topic($0)?.text[language].title }
        if !related.isEmpty {
            lines += ["", strings("shell.see_also") + " " + related.joined(separator: " · ")]
        }
        output(lines.joined(separator: "\n"))
    }
}
