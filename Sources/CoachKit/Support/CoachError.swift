/// The errors of CoachKit that are not diagnostics about a file's content.
public enum CoachError: Error, Sendable, Equatable {
    /// `--lang` named a language the coach does not speak.
    case unknownLanguage(String)
    /// A knowledge folder that does not exist.
    case folderNotFound(String)
    /// A path given as a knowledge folder that is a file.
    case notAFolder(String)
    /// The knowledge base has errors; the diagnostics say which.
    case invalidKnowledge([Diagnostic])

    /// The key and arguments of the message in the localisation table.
    var message: (key: String, arguments: [String: String]) {
        switch self {
        case .unknownLanguage(let code):
            ("error.unknown_language", ["code": code])
        case .folderNotFound(let path):
            ("error.folder_not_found", ["path": path])
        case .notAFolder(let path):
            ("error.not_a_folder", ["path": path])
        case .invalidKnowledge(let diagnostics):
            ("error.invalid_knowledge", ["count": String(diagnostics.filter(\.isError).count)])
        }
    }

    /// The message in `language`.
    public func description(in language: Language) -> String {
        let (key, arguments) = message
        return Strings.table(for: language).format(key, arguments)
    }
}

extension CoachError: CustomStringConvertible {
    public var description: String { description(in: .en) }
}
