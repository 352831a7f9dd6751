import CoachKit

/// Options every command shares.
struct CommonOptions {
    /// `--lang`: the language asked for, already checked by the parser.
    var lang: Language?
    /// `--knowledge`: a knowledge folder to use instead of the built-in one.
    var knowledge: String?

    init(_ invocation: Invocation) {
        lang = invocation[.lang].flatMap(Language.init(code:))
        knowledge = invocation[.knowledge]
    }

    /// The language to speak, by SPEC's order of precedence.
    var language: Language {
        lang ?? Self.environmentLanguage
    }

    /// The language the environment asks for, without `--lang`.
    static var environmentLanguage: Language {
        (try? Language.resolve(explicit: nil) { Environment[$0] }) ?? .en
    }

    /// The language to speak for `arguments` as typed, whatever else is wrong with
    /// them: a usage error is written in it.
    static func language(of arguments: [String]) -> Language {
        let end = arguments.firstIndex(of: "--") ?? arguments.endIndex
        var index = arguments.startIndex
        var chosen: Language?
        while index < end {
            let argument = arguments[index]
            if argument == "--lang", index + 1 < end {
                chosen = Language(code: arguments[index + 1]) ?? chosen
                index += 1
            } else if argument.hasPrefix("--lang=") {
                chosen = Language(code: String(argument.dropFirst("--lang=".count))) ?? chosen
            }
            index += 1
        }
        return chosen ?? environmentLanguage
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
                base = try KnowledgeBase.load(from: knowledge)
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
