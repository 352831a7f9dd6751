/// A problem found in a file, where it was found, and how serious it is.
///
/// The library collects diagnostics; the front prints them, in the compilers' form
/// `PATH:LINE:COLUMN: error: MESSAGE`, and maps them to an exit code.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var problem: Problem
    public var location: SourceLocation

    public init(_ severity: Severity, _ problem: Problem, at location: SourceLocation) {
        self.severity = severity
        self.problem = problem
        self.location = location
    }

    public var isError: Bool { severity == .error }

    /// The message alone, with its hint, in `language`.
    public func message(in language: Language) -> String {
        problem.description(in: language)
    }

    /// The whole line: `PATH:LINE:COLUMN: error: MESSAGE`. The severity word stays
    /// in English, as compilers write it, so that editors and scripts can read it.
    public func formatted(in language: Language) -> String {
        "\(location): \(severity.rawValue): \(message(in: language))"
    }
}

/// Collects the diagnostics of one load or check.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ problem: Problem, in file: String, at position: SourcePosition?) {
        diagnostics.append(Diagnostic(.error, problem, at: SourceLocation(file: file, position: position)))
    }

    func warning(_ problem: Problem, in file: String, at position: SourcePosition?) {
        diagnostics.append(Diagnostic(.warning, problem, at: SourceLocation(file: file, position: position)))
    }

    /// Adds another log's diagnostics, in their order.
    func append(contentsOf other: DiagnosticLog) {
        diagnostics += other.diagnostics
    }

    /// The diagnostics by file, then position; those of one place keep their order.
    func sorted() -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let left = (a.element.location.file, a.element.location.position ?? SourcePosition(line: 0, column: 0))
            let right = (b.element.location.file, b.element.location.position ?? SourcePosition(line: 0, column: 0))
            if left.0 != right.0 { return left.0 < right.0 }
            if left.1 != right.1 { return left.1 < right.1 }
            return a.offset < b.offset
        }.map(\.element)
    }
}
