/// A line that starts with `/`: a command, by its English or French name.
enum Command: String, CaseIterable {
    case help, why, back, skip, answers, set, whatif, plan, how, whynot, export, `import`, lang, restart, quit

    /// The names it answers to; the first is its English name, the second its French one.
    var names: [String] {
        switch self {
        case .help: ["help", "aide", "?"]
        case .why: ["why", "pourquoi"]
        case .back: ["back", "retour"]
        case .skip: ["skip", "passer"]
        case .answers: ["answers", "reponses", "réponses"]
        case .set: ["set", "changer"]
        case .whatif: ["whatif", "etsi"]
        case .plan: ["plan"]
        case .how: ["how", "comment"]
        case .whynot: ["whynot", "pourquoipas"]
        case .export: ["export", "exporter"]
        case .import: ["import", "importer"]
        case .lang: ["lang", "langue"]
        case .restart: ["restart", "recommencer"]
        case .quit: ["quit", "quitter", "exit", "q"]
        }
    }

    /// The command a line names, and the rest of the line.
    static func parse(_ line: String) -> (command: Command?, name: String, arguments: String)? {
        guard line.hasPrefix("/") else { return nil }
        let body = line.dropFirst()
        let name = String(body.prefix { !$0.isWhitespace })
        let arguments = String(body.dropFirst(name.count)).trimmingSpaces
        let folded = name.lowercased()
        return (allCases.first { $0.names.contains(folded) }, name, arguments)
    }
}
