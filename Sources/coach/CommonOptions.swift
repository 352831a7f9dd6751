import ArgumentParser
import CoachKit
import FoundationEssentials

// As for PlanFormat: values and descriptions given outright, without reflection.
extension Language: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public static var allValueDescriptions: [String: String] { [:] }
}

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(help: "The language to speak: fr or en (default: COACH_LANG, then the locale).")
    var lang: Language?

    @Option(
        help: ArgumentHelp("A knowledge folder to use instead of the built-in one.", valueName: "dir"),
        completion: .directory)
    var knowledge: String?

    /// `--version` among a command's other options (`coach plan --answers a.yaml
    /// --version`), which ArgumentParser's own flag refuses. Hidden: that flag already
    /// lists `--version` in every command's help.
    @Flag(help: ArgumentHelp("Show the version and exit.", visibility: .hidden))
    var version = false

    func validate() throws {
        if version { throw CleanExit.message("coach \(CoachInfo.version)") }
    }

    /// The language to speak, by SPEC's order of precedence.
    var language: Language {
        (try? Language.resolve(explicit: lang?.rawValue, environment: Environment.variables(Language.variables)))
            ?? .en
    }

    /// The knowledge base to use; a problem with it is printed and ends the command
    /// with the right exit code. It is kept to the end of the process.
    ///
    /// Of the built-in knowledge, only the `parts` the command uses are read; a folder
    /// given with `--knowledge` is read and checked whole.
    func loadKnowledge(_ parts: KnowledgeBase.Parts = .all) throws -> KnowledgeBase {
        let base: KnowledgeBase
        do {
            if let knowledge {
                base = try KnowledgeBase.load(from: URL(fileURLWithPath: knowledge))
            } else {
                base = try KnowledgeBase.builtIn(parts)
            }
        } catch {
            throw Console.fail(error, language: language)
        }
        ProcessLifetime.keep(base)
        return base
    }
}
