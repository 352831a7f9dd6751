import CoachKit

/// The interactive shell: a guided interview, then a conversation about the plan.
///
/// It holds no terminal code: it reads through a `LineReader` and writes through
/// `output`, so that tests drive it with plain strings. Every answer is saved at once
/// through the `SessionStore`.
public final class Shell {
    /// Built-in knowledge may come without its search vocabulary and metrics: they are
    /// read when first needed, by a question asked in words and by `/import`.
    private var knowledge: KnowledgeBase
    private let planner: Planner
    private var asker: Asker?
    private let store: SessionStore?
    private let version: String
    private let reader: LineReader
    private let output: (String) -> Void
    private let style: TextStyle
    private let width: () -> Int?
    private let today: String

    private(set) var session: Session
    private(set) var language: Language
    /// The question being asked, if any.
    private(set) var pending: Question?
    private var evaluation: Plan {
        didSet { evaluatedFor = (session.answers, language) }
    }
    /// The answers and language `evaluation` was made for: a plan still current is
    /// not made again (the first question came after two plans for the same
    /// answers).
    private var evaluatedFor: (answers: Answers, language: Language)
    private var confirmingRestart = false
    private var announcedCompletion = false

    public init(
        knowledge: KnowledgeBase, session: Session, store: SessionStore?, language: Language, version: String,
        reader: LineReader, style: TextStyle = TextStyle(isEnabled: false), width: @escaping () -> Int? = { nil },
        today: String, output: @escaping (String) -> Void
    ) {
        self.knowledge = knowledge
        planner = Planner(knowledge: knowledge)
        self.session = session
        self.store = store
        self.language = language
        self.version = version
        self.reader = reader
        self.style = style
        self.width = width
        self.today = today
        self.output = output
        evaluation = planner.plan(for: session.answers, language: language)
        evaluatedFor = (session.answers, language)
    }

    private var strings: Strings { Strings.table(for: language) }

    private func say(_ key: String, _ arguments: [String: String] = [:]) {
        output(strings(key, arguments))
    }

    // MARK: - The loop

    /// Runs until the user leaves or the input ends; `notice` is shown first when
    /// the session file had to be set aside.
    public func run(resumed: Bool, notice: String? = nil) {
        if let notice { output(notice) }
        if resumed && !session.answers.isEmpty {
            say(
                "shell.resumed",
                ["name": session.name, "answers": String(session.answers.count), "remaining": String(remaining)])
        } else {
            say("shell.greeting", ["version": version, "count": String(remaining)])
        }
        say("shell.how_to_answer")
        advance()
        loop: while true {
            switch reader.readLine(prompt: prompt) {
            case .endOfInput:
                break loop
            case .interrupted:
                continue
            case .line(let line):
                if handle(line) == .quit { break loop }
            }
        }
        say("shell.bye")
    }

    enum Outcome { case `continue`, quit }

    /// Handles one line of input.
    func handle(_ line: String) -> Outcome {
        let text = line.composed.trimmingSpaces
        guard !text.isEmpty else { return .continue }
        if let (command, name, arguments) = Command.parse(text) {
            if command != .restart { confirmingRestart = false }
            guard let command else {
                say("shell.unknown_command", ["command": "/" + name])
                return .continue
            }
            return run(command, arguments: arguments)
        }
        confirmingRestart = false
        if let question = pending {
            answer(question, with: text)
        } else {
            // No question pending: the line is a question to the coach, answered as
            // `coach ask` would, with what this user's plan says on it.
            guard let asker = searcher() else { return .continue }
            let answer = asker.ask(text, language: nil, fallback: language, limit: 3)
            // The plan's part in the answer's language, as the rest of the answer.
            let plan =
                answer.language == language ? evaluation : planner.plan(for: session.answers, language: answer.language)
            output(AskTextRenderer(knowledge: knowledge, width: width(), style: style).render(answer, plan: plan))
        }
        return .continue
    }

    /// Remaining questions: the pending one included.
    private var remaining: Int {
        evaluation.missing.count + (nameIsUnasked ? 1 : 0)
    }

    /// The organisation's name is asked first, once, as a courtesy: it changes only
    /// the plan's title, so the engine never counts it as missing.
    private var nameIsUnasked: Bool {
        knowledge.question("name") != nil && session.answers["name"] == nil
    }

    private var prompt: String {
        pending == nil ? "coach> " : "> "
    }

    /// Re-derives the plan and asks the next question, or says the plan is ready.
    private func advance() {
        if evaluatedFor.answers != session.answers || evaluatedFor.language != language {
            evaluation = planner.plan(for: session.answers, language: language)
        }
        if nameIsUnasked, let name = knowledge.question("name") {
            pending = name
        } else {
            pending = evaluation.missing.first.flatMap { knowledge.question($0) }
        }
        if let pending {
            announcedCompletion = false
            ask(pending)
        } else if !announcedCompletion {
            announcedCompletion = true
            if evaluation.actions.isEmpty {
                say("shell.done_empty")
            } else {
                say("shell.done", ["actions": String(evaluation.actions.count)])
            }
        }
    }

    private func ask(_ question: Question) {
        // Progress counts what the user answered: not what a posts CSV did.
        let answered = session.answers.values.keys.filter { knowledge.question($0)?.isFromPosts != true }.count
        let number = answered + 1
        let total = answered + remaining
        var lines = [
            "",
            style.dim(strings("shell.progress", ["number": String(number), "total": String(total)])) + " "
                + style.bold(question.prompt[language]),
        ]
        for (index, option) in question.options.enumerated() {
            lines.append("  \(index + 1). \(option.label[language])")
        }
        var hint = strings("shell.hint.\(question.kind.rawValue)")
        if question.isOptional { hint += " · " + strings("shell.hint.optional") }
        lines.append(style.dim("  " + hint))
        output(lines.joined(separator: "\n"))
    }

    private func answer(_ question: Question, with text: String) {
        switch AnswerParser(question: question).parse(text) {
        case .success(let answer):
            record(answer, for: question.id)
            advance()
        case .failure(let problem):
            output(style.error(strings("shell.refused", ["reason": problem.description(in: language)])))
            ask(question)
        }
    }

    private func record(_ answer: Answers.Answer?, for id: String) {
        if let answer {
            session.record(answer, for: id)
        } else {
            session.answers[id] = nil
            session.order.removeAll { $0 == id }
        }
        save()
    }

    private func save() {
        do {
            try store?.save(session)
        } catch {
            say("shell.save_failed", ["reason": error.description(in: language)])
        }
    }

    // MARK: - Commands

    private func run(_ command: Command, arguments: String) -> Outcome {
        switch command {
        case .quit:
            return .quit
        case .help:
            // Each entry is "command|description", split at the last bar; descriptions line up.
            let entries = Command.allCases.map { command -> (String, String) in
                let text = strings("shell.help.\(command.rawValue)")
                guard let bar = text.lastIndex(of: "|") else { return (text, "") }
                return (String(text[..<bar]), String(text[text.index(after: bar)...]))
            }
            let width = entries.map(\.0.count).max() ?? 0
            let lines = entries.map { "  " + $0.0 + String(repeating: " ", count: width - $0.0.count + 2) + $0.1 }
            output(([strings("shell.help.header")] + lines).joined(separator: "\n"))
        case .why:
            why()
        case .back:
            if let id = session.undoLast() {
                save()
                say("shell.undone", ["id": id])
                advance()
            } else {
                say("shell.nothing_to_undo")
            }
        case .skip:
            if let question = pending, question.isOptional {
                record(.skipped, for: question.id)
                advance()
            } else {
                say(pending == nil ? "shell.no_pending" : "shell.not_optional")
            }
        case .answers:
            listAnswers()
        case .set:
            set(arguments)
        case .whatif:
            whatIf(arguments)
        case .plan:
            output(
                PlanTextRenderer(knowledge: knowledge, language: language, width: width(), style: style).render(
                    evaluation))
        case .how:
            how(arguments)
        case .whynot:
            whyNot(arguments)
        case .export:
            export(arguments)
        case .import:
            importPosts(arguments)
        case .lang:
            if let chosen = Language(code: arguments) {
                language = chosen
                say("shell.language")
                evaluation = planner.plan(for: session.answers, language: language)
                if let pending { ask(pending) }
            } else {
                say("shell.usage.lang")
            }
        case .restart:
            if confirmingRestart || session.answers.isEmpty {
                confirmingRestart = false
                session = Session(name: session.name)
                save()
                say("shell.restarted", ["name": session.name])
                advance()
            } else {
                confirmingRestart = true
                say("shell.restart_confirm", ["count": String(session.answers.count), "name": session.name])
            }
        }
        return .continue
    }

    private func why() {
        guard let question = pending else { return say("shell.no_pending") }
        var lines = [strings("shell.why.question", ["help": question.help[language]])]
        let waiting = planner.rulesWaiting(on: question.id, answers: session.answers)
        if waiting.isEmpty {
            lines.append(strings("shell.why.none"))
        } else {
            lines.append(strings("shell.why.rules"))
            for id in waiting {
                if let rule = knowledge.rule(id) { lines.append("  • \(rule.text[language].title) (\(id))") }
            }
        }
        output(lines.joined(separator: "\n"))
    }

    private func listAnswers() {
        guard !session.answers.isEmpty else { return say("shell.answers.none") }
        let lines = knowledge.questions.compactMap { question -> String? in
            guard let answer = session.answers[question.id] else { return nil }
            return "  \(question.id): \(display(answer, of: question))"
        }
        output(lines.joined(separator: "\n"))
    }

    /// An answer as the user reads it: labels rather than values.
    private func display(_ answer: Answers.Answer, of question: Question) -> String {
        ValueRenderer(knowledge: knowledge, language: language).describe(answer, of: question)
    }

    /// `ID VALUE` parsed against the question `ID`.
    private func parseAssignment(_ arguments: String, usage: String) -> (Question, Answers.Answer)? {
        let id = String(arguments.prefix { !$0.isWhitespace })
        let value = String(arguments.dropFirst(id.count)).trimmingSpaces
        guard !id.isEmpty else {
            say(usage)
            return nil
        }
        guard let question = knowledge.question(id) else {
            say("shell.unknown_question", ["id": id])
            return nil
        }
        guard !value.isEmpty else {
            say(usage)
            return nil
        }
        switch AnswerParser(question: question).parse(value) {
        case .success(let answer): return (question, answer)
        case .failure(let problem):
            output(style.error(strings("shell.refused", ["reason": problem.description(in: language)])))
            return nil
        }
    }

    private func set(_ arguments: String) {
        guard let (question, answer) = parseAssignment(arguments, usage: "shell.usage.set") else { return }
        record(answer, for: question.id)
        say("shell.set", ["id": question.id, "value": display(answer, of: question)])
        advance()
    }

    /// `coach ask`'s index, made at the first question asked in words.
    private func searcher() -> Asker? {
        if let asker { return asker }
        guard adding(.search) else { return nil }
        let made = Asker(knowledge: knowledge)
        asker = made
        return made
    }

    /// Reads the `parts` the knowledge lacks; false, with the problem shown, if they
    /// cannot be read.
    private func adding(_ parts: KnowledgeBase.Parts) -> Bool {
        do {
            knowledge = try knowledge.adding(parts)
            return true
        } catch {
            report(error)
            return false
        }
    }

    private func report(_ error: CoachError) {
        output(style.error(error.description(in: language)))
        switch error {
        case .invalidData(let diagnostics), .invalidKnowledge(let diagnostics):
            for diagnostic in diagnostics { output(diagnostic.formatted(in: language)) }
        default: break
        }
    }

    /// `/import FILE`: a CSV of posts; its averages, pace and formats become answers,
    /// which `/set` can still change.
    private func importPosts(_ arguments: String) {
        guard !arguments.isEmpty else { return say("shell.usage.import") }
        guard adding(.metrics) else { return }
        do {
            let summary = try PostsReader(knowledge: knowledge).read(arguments, skipBadRows: true)
            for (id, answer) in summary.answers.sorted(by: { $0.key < $1.key }) { record(answer, for: id) }
            say(
                "shell.imported",
                [
                    "posts": String(summary.posts), "skipped": String(summary.skippedRows),
                    "perWeek": knowledge.question("posts_per_week").map {
                        ValueRenderer(knowledge: knowledge, language: language).describe(
                            .number((summary.postsPerWeek * 100).rounded() / 100), of: $0)
                    } ?? summary.postsPerWeek.plainText,
                ])
            advance()
        } catch {
            report(error)
        }
    }

    private func whatIf(_ arguments: String) {
        guard let (question, answer) = parseAssignment(arguments, usage: "shell.usage.whatif") else { return }
        var trial = session.answers
        trial[question.id] = answer
        let after = planner.plan(for: trial, language: language)
        let before = evaluation.numberedActions.map(\.rule)
        let afterRules = after.numberedActions.map(\.rule)
        var lines = [strings("shell.whatif.header", ["id": question.id, "value": display(answer, of: question)])]
        for action in after.numberedActions where !before.contains(action.rule) {
            lines.append(strings("shell.whatif.appear", ["title": action.title, "priority": String(action.priority)]))
        }
        for action in evaluation.numberedActions where !afterRules.contains(action.rule) {
            lines.append(strings("shell.whatif.disappear", ["title": action.title]))
        }
        for (index, rule) in before.enumerated() {
            if let newIndex = afterRules.firstIndex(of: rule), newIndex != index,
                let action = after.numberedActions.first(where: { $0.rule == rule })
            {
                lines.append(
                    strings(
                        "shell.whatif.move",
                        ["title": action.title, "from": String(index + 1), "to": String(newIndex + 1)]))
            }
        }
        if lines.count == 1 { lines.append(strings("shell.whatif.same")) }
        lines.append(style.dim(strings("shell.whatif.nothing_saved")))
        output(lines.joined(separator: "\n"))
    }

    private func how(_ arguments: String) {
        guard let number = Int(arguments) else { return say("shell.usage.how") }
        let actions = evaluation.numberedActions
        guard number >= 1, number <= actions.count else {
            return say("shell.how.unknown_number", ["number": String(number), "count": String(actions.count)])
        }
        let action = actions[number - 1]
        var lines = [style.bold(strings("shell.how.header", ["number": String(number), "title": action.title]))]
        lines.append(strings("shell.how.because", ["because": action.because.joined(separator: ", ")]))
        for item in action.because {
            let name = String(item.prefix { $0 != " " })
            if let fact = knowledge.fact(name) {
                let questions = planner.questions(behind: fact.id)
                lines.append(strings("shell.how.fact", ["fact": name, "questions": questions.joined(separator: ", ")]))
            }
        }
        if let rule = knowledge.rule(action.rule) {
            lines.append(strings("shell.how.rule", ["rule": rule.id, "condition": rule.conditionText]))
        }
        if let topic = knowledge.topic(action.source) {
            let section = knowledge.article.section(topic.source)?.heading[language] ?? topic.source
            lines.append(strings("shell.how.source", ["topic": topic.text[language].title, "section": section]))
        }
        output(lines.joined(separator: "\n"))
    }

    private func whyNot(_ arguments: String) {
        let id = arguments.trimmingSpaces
        guard !id.isEmpty else { return say("shell.usage.whynot") }
        let explanations: [RuleExplanation]
        if knowledge.topic(id) != nil {
            explanations = planner.explain(topic: id, answers: session.answers)
        } else if let explanation = planner.explain(rule: id, answers: session.answers) {
            explanations = [explanation]
        } else {
            return say("shell.whynot.unknown", ["id": id])
        }
        guard !explanations.isEmpty else { return say("shell.whynot.none", ["id": id]) }
        var lines: [String] = []
        for explanation in explanations {
            switch explanation.status {
            case .fired:
                lines.append(strings("shell.whynot.fired", ["rule": explanation.rule]))
                continue
            case .superseded(let by):
                lines.append(strings("shell.whynot.superseded", ["rule": explanation.rule, "by": by]))
                continue
            case .failed: lines.append(strings("shell.whynot.failed", ["rule": explanation.rule]))
            case .pending: lines.append(strings("shell.whynot.pending", ["rule": explanation.rule]))
            }
            for condition in explanation.conditions {
                switch condition.truth {
                case true?: lines.append(strings("shell.whynot.true", ["condition": condition.text]))
                case false?: lines.append(strings("shell.whynot.false", ["condition": condition.text]))
                case nil:
                    lines.append(
                        strings(
                            "shell.whynot.unknown_condition",
                            ["condition": condition.text, "questions": condition.waitingOn.joined(separator: ", ")]))
                }
            }
        }
        output(lines.joined(separator: "\n"))
    }

    private func export(_ arguments: String) {
        let path = arguments.isEmpty ? Self.defaultExportName(for: evaluation.name, date: today) : arguments
        let expanded = PathText.expandingTilde(path)
        // The extension chooses the format: .md (the default), .txt, .json, or .html,
        // .docx and .pdf through pandoc.
        let exporter = PlanExporter(
            knowledge: knowledge, language: language, environment: Environment.all)
        do {
            let data = try exporter.render(evaluation, as: PlanFormat(fileName: expanded), date: today)
            try AtomicFile.write(data, to: expanded)
            say("shell.exported", ["path": path])
        } catch {
            output(style.error(error.description(in: language)))
        }
    }

    /// `plan-boulangerie-lea-2026-11-26.md`: the organisation's name made a file name.
    static func defaultExportName(for name: String?, date: String) -> String {
        let slug = AnswerParser.fold(name ?? "")
            .map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
        return slug.isEmpty ? "plan-\(date).md" : "plan-\(slug.prefix(40))-\(date).md"
    }

    // MARK: - Completion

    /// The ways to finish the word before the cursor in `line`.
    public func completions(for line: String) -> [String] {
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let current = words.last ?? ""
        if words.count == 1, current.hasPrefix("/") {
            let names = Command.allCases.flatMap { $0.names.prefix(2) }.map { "/" + $0 }
            return names.filter { $0.hasPrefix(current.lowercased()) }.sorted()
        }
        if let (command, _, _) = Command.parse(words[0]) {
            switch (command, words.count) {
            case (.set?, 2), (.whatif?, 2):
                return knowledge.questions.map(\.id).filter { $0.hasPrefix(current) }
            case (.set?, 3), (.whatif?, 3):
                guard let question = knowledge.question(words[1]) else { return [] }
                return options(of: question, matching: current)
            case (.whynot?, 2):
                return (knowledge.topics.map(\.id) + knowledge.rules.map(\.id)).filter { $0.hasPrefix(current) }
            case (.export?, _), (.import?, _):
                return Self.paths(matching: current)
            case (.lang?, 2):
                return ["fr", "en"].filter { $0.hasPrefix(current) }
            default:
                return []
            }
        }
        guard let pending, words.count == 1 else { return [] }
        return options(of: pending, matching: current)
    }

    private func options(of question: Question, matching prefix: String) -> [String] {
        var candidates: [String]
        switch question.kind {
        case .boolean: candidates = language == .fr ? ["oui", "non"] : ["yes", "no"]
        case .choice, .multi: candidates = question.options.flatMap { [$0.value, $0.label[language]] }
        default: candidates = []
        }
        let folded = AnswerParser.fold(prefix)
        return Array(Set(candidates.filter { AnswerParser.fold($0).hasPrefix(folded) })).sorted()
    }

    /// Files and folders that start with `prefix`; folders end with `/`.
    static func paths(matching prefix: String) -> [String] {
        let expanded = PathText.expandingTilde(prefix)
        let folder = expanded.hasSuffix("/") || expanded.isEmpty ? expanded : PathText.deletingLastComponent(expanded)
        let start = expanded.hasSuffix("/") ? "" : PathText.lastComponent(expanded)
        let listed = FileSystem.names(in: folder.isEmpty ? "." : folder) ?? []
        // What the user typed up to the last slash stays as typed (a `~` included).
        let base = prefix.lastIndex(of: "/").map { String(prefix[...$0]) } ?? ""
        return listed.filter { $0.hasPrefix(start) && !$0.hasPrefix(".") }.sorted().map { name in
            let full = (folder.isEmpty ? "." : folder) + (folder.hasSuffix("/") ? "" : "/") + name
            return base + name + (FileSystem.kind(of: full) == .folder ? "/" : "")
        }
    }
}
