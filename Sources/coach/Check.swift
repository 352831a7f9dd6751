import ArgumentParser
import CoachKit
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a knowledge base: syntax, keys, translations, ids and references.",
        discussion: """
            Reports every problem, each as PATH:LINE:COLUMN: error: MESSAGE. \
            Exits 65 on any error, 66 when the folder does not exist, 0 otherwise.
            """)

    @OptionGroup var options: CommonOptions

    func run() throws {
        let language = options.language
        let report: LoadReport
        do {
            if let folder = options.knowledge {
                report = try KnowledgeLoader.load(from: URL(fileURLWithPath: folder))
            } else {
                report = KnowledgeLoader.loadBuiltIn(withPositions: true)
            }
        } catch {
            throw Console.fail(error, language: language)
        }
        Console.report(report.diagnostics, language: language)
        let strings = Strings.table(for: language)
        let errors = report.diagnostics.filter(\.isError).count
        let warnings = report.diagnostics.count - errors
        if errors > 0 {
            Console.err(strings("check.failed", ["errors": String(errors), "warnings": String(warnings)]))
            throw ExitCode(Console.Exit.invalidData)
        }
        let counts = [
            "topics": String(report.knowledge?.topics.count ?? 0),
            "questions": String(report.knowledge?.questions.count ?? 0),
            "warnings": String(warnings),
        ]
        Console.out(strings(warnings == 0 ? "check.ok" : "check.ok_with_warnings", counts))
    }
}
