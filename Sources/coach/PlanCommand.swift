import ArgumentParser
import CoachKit
import Foundation

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The tailored action plan for a profile, without the shell.",
        discussion: """
            The answers file is YAML or JSON: a map from question id to answer (a list for \
            questions with several answers). It may be partial: the plan then lists the \
            questions that could still change it.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("A YAML or JSON file of answers.", valueName: "file"), completion: .file())
    var answers: String?

    @Option(help: ArgumentHelp("A session of the shell, by name.", valueName: "name"))
    var session: String?

    func validate() throws {
        guard (answers == nil) != (session == nil) else {
            throw ValidationError("give either --answers FILE or --session NAME")
        }
        if let session, !SessionStore.isValid(name: session) {
            throw ValidationError("a session name holds letters, digits, '-' and '_' only: '\(session)'")
        }
    }

    @Option(help: "The output format: text, json or markdown.")
    var format: Format = .text

    @Option(
        help: ArgumentHelp("Write the plan to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let language = options.language
        let knowledge = try options.loadKnowledge()
        do {
            let profile: Answers
            if let answers {
                profile = try AnswersFile.load(from: URL(fileURLWithPath: answers), knowledge: knowledge)
            } else {
                let store = SessionStore(environment: ProcessInfo.processInfo.environment)
                let name = session ?? "default"
                guard FileManager.default.fileExists(atPath: store.url(for: name).path) else {
                    throw CoachError.fileNotFound(store.url(for: name).path)
                }
                profile = try store.load(name, knowledge: knowledge, setAside: false).0.answers
            }
            let plan = Planner(knowledge: knowledge).plan(for: profile, language: language)
            let text: String =
                switch format {
                case .json: PlanDocument.json(plan).text()
                case .text: PlanTextRenderer(knowledge: knowledge, language: language).render(plan)
                case .markdown:
                    PlanMarkdownRenderer(knowledge: knowledge, language: language).render(
                        plan, date: ShellCommand.today())
                }
            if let output {
                try AtomicFile.write(Data((text + "\n").utf8), to: URL(fileURLWithPath: output))
            } else {
                Console.out(text)
            }
        } catch {
            throw Console.fail(error, language: language)
        }
    }
}
