import CoachKit

/// `coach check`: validates a knowledge base and runs its scenario tests.
struct Check: Command {
    let options: CommonOptions

    init(_ invocation: Invocation) {
        options = CommonOptions(invocation)
    }

    func run() throws {
        let language = options.language
        let report: LoadReport
        do {
            if let folder = options.knowledge {
                report = try KnowledgeLoader.load(from: folder)
            } else {
                report = KnowledgeLoader.loadBuiltIn(includingScenarios: true)
            }
        } catch {
            throw Console.fail(error, language: language)
        }
        var diagnostics = report.diagnostics
        // Scenarios run only on a knowledge base without errors: a broken rule
        // would make every scenario that needs it fail for the same reason.
        if let knowledge = report.knowledge, !report.hasErrors {
            diagnostics += ScenarioRunner(knowledge: knowledge).run()
        }
        Console.report(diagnostics, language: language)
        let strings = Strings.table(for: language)
        let errors = diagnostics.filter(\.isError).count
        let warnings = diagnostics.count - errors
        if errors > 0 {
            Console.err(strings("check.failed", ["errors": String(errors), "warnings": String(warnings)]))
            throw ExitCode(Console.Exit.invalidData)
        }
        let knowledge = report.knowledge
        let counts = [
            "topics": String(knowledge?.topics.count ?? 0),
            "questions": String(knowledge?.questions.count ?? 0),
            "rules": String(knowledge?.rules.count ?? 0),
            "facts": String(knowledge?.facts.count ?? 0),
            "scenarios": String(knowledge?.scenarios.count ?? 0),
            "warnings": String(warnings),
        ]
        let hasRules = !(knowledge?.rules.isEmpty ?? true) || !(knowledge?.scenarios.isEmpty ?? true)
        Console.out(
            strings(hasRules ? "check.ok_full" : warnings == 0 ? "check.ok" : "check.ok_with_warnings", counts))
    }
}
