import CoachKit

#if canImport(Glibc)
    import Glibc
#endif

/// How a command ends: the process's exit status (sysexits(3), `Console.Exit`), its
/// message already printed.
struct ExitCode: Error, Equatable {
    let rawValue: Int32

    init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }
}

/// Where the commands write: results to standard output, diagnostics to standard
/// error, in colour only on a terminal and never with NO_COLOR.
enum Console {
    /// sysexits(3) codes, as SPEC uses them.
    enum Exit {
        static let usage: Int32 = 64
        static let invalidData: Int32 = 65
        static let noInput: Int32 = 66
        static let cannotCreate: Int32 = 73
        static let ioError: Int32 = 74
    }

    static func out(_ text: String) {
        line(text, to: 1)
    }

    static func err(_ text: String) {
        line(text, to: 2)
    }

    /// The text and a line break, written from the string's own bytes.
    private static func line(_ text: String, to descriptor: Int32) {
        var line = text
        line.append("\n")
        line.withUTF8 { _ = FileSystem.write(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    /// Writes all of `data` to the file descriptor; the system's words for what went
    /// wrong, or nil.
    @discardableResult
    static func write(_ data: [UInt8], to descriptor: Int32) -> String? {
        FileSystem.write(data, to: descriptor)
    }

    static var colorsStandardError: Bool {
        isatty(2) == 1 && Environment["NO_COLOR"] == nil
    }

    /// Prints diagnostics, errors and warnings alike, in the compilers' form.
    static func report(_ diagnostics: [Diagnostic], language: Language) {
        let color = colorsStandardError
        for diagnostic in diagnostics {
            var severity = diagnostic.severity.rawValue
            if color {
                let code = diagnostic.isError ? "1;31" : "1;35"
                severity = "\u{1B}[\(code)m\(severity)\u{1B}[0m"
            }
            err("\(diagnostic.location): \(severity): \(diagnostic.message(in: language))")
        }
    }

    /// Prints a usage error, and the exit code that goes with it (64).
    static func usage(_ error: UsageError, language: Language) -> ExitCode {
        usage(error.message(in: language))
    }

    /// Prints a usage error's message, and the exit code that goes with it (64).
    static func usage(_ message: String) -> ExitCode {
        err("coach: error: \(message)")
        return ExitCode(Exit.usage)
    }

    /// Prints an error that ends the command, and the exit code to end it with.
    static func fail(_ error: any Error, language: Language) -> ExitCode {
        switch error {
        case let error as CoachError:
            switch error {
            case .invalidKnowledge(let diagnostics):
                report(diagnostics, language: language)
                return ExitCode(Exit.invalidData)
            case .invalidData(let diagnostics):
                report(diagnostics, language: language)
                return ExitCode(Exit.invalidData)
            case .folderNotFound, .notAFolder, .fileNotFound, .sessionNotFound, .notAFile, .unreadable:
                err("coach: error: \(error.description(in: language))")
                return ExitCode(Exit.noInput)
            case .cannotWrite:
                err("coach: error: \(error.description(in: language))")
                return ExitCode(Exit.cannotCreate)
            case .unknownLanguage:
                err("coach: error: \(error.description(in: language))")
                return ExitCode(Exit.usage)
            case .toolMissing, .conversionFailed:
                err("coach: error: \(error.description(in: language))")
                return ExitCode(Exit.ioError)
            }
        case let exit as ExitCode:
            return exit
        default:
            err("coach: error: \(error)")
            return ExitCode(Exit.ioError)
        }
    }
}

extension String {
    /// The text followed by spaces up to `length` characters, for columns.
    func padded(to length: Int) -> String {
        self + String(repeating: " ", count: Swift.max(0, length - count))
    }
}
