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
    /// An input file (answers, CSV) that does not exist.
    case fileNotFound(String)
    /// A shell session, by name, that was never started, and where it was looked for.
    case sessionNotFound(String, path: String)
    /// A path given as an input file that is a folder.
    case notAFile(String)
    /// An input file that exists but cannot be read.
    case unreadable(String)
    /// An input file whose content has errors; the diagnostics say which.
    case invalidData([Diagnostic])
    /// An output that cannot be created, and why.
    case cannotWrite(String, reason: String)
    /// A program a format needs is not installed, and the Debian package that has it.
    case toolMissing(tool: String, format: String, package: String)
    /// A program run to convert the plan failed, and what it said.
    case conversionFailed(tool: String, reason: String)

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
        case .fileNotFound(let path):
            ("error.file_not_found", ["path": path])
        case .sessionNotFound(let name, let path):
            ("error.session_not_found", ["name": name, "path": path])
        case .notAFile(let path):
            ("error.not_a_file", ["path": path])
        case .unreadable(let path):
            ("error.unreadable", ["path": path])
        case .invalidData(let diagnostics):
            ("error.invalid_data", ["count": String(diagnostics.filter(\.isError).count)])
        case .cannotWrite(let path, let reason):
            ("error.cannot_write", ["path": path, "reason": reason])
        case .toolMissing(let tool, let format, let package):
            ("error.tool_missing", ["tool": tool, "format": format, "package": package])
        case .conversionFailed(let tool, let reason):
            ("error.conversion_failed", ["tool": tool, "reason": reason])
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
