extension DataNode {
    /// The most nodes a document may expand to. YAML aliases can make a small file
    /// expand exponentially; past this the document is refused, not walked.
    static let nodeBudget = 1_000_000

    /// Parses YAML text; a syntax error is thrown as a `Problem` with its position.
    public static func parse(yaml text: String) throws(LocatedProblem) -> DataNode {
        // The plain YAML that knowledge and answers are written in is read directly;
        // anything else, and every error, is libyaml's to read and report.
        if let root = try? PlainYAMLReader.read(text, budget: nodeBudget) {
            return root
        }
        return try parse(yamlWithLibYAML: text)
    }

    /// Parses a YAML file's bytes, UTF-8 with or without a byte order mark, as
    /// `parse(yaml:)` parses its text: the bytes are read where they lie, and a text is
    /// made of the whole file only for libyaml. Bytes that are not UTF-8 throw
    /// `notUTF8`, with no position.
    static func parse(yamlFile bytes: [UInt8]) throws(LocatedProblem) -> DataNode {
        guard bytes.isUTF8 else { throw LocatedProblem(problem: .notUTF8, position: nil) }
        let start = bytes.starts(with: UTF8.byteOrderMark) ? UTF8.byteOrderMark.count : 0
        let root = bytes.withUnsafeBufferPointer { buffer in
            try? PlainYAMLReader.read(UnsafeBufferPointer(rebasing: buffer[start...]), budget: nodeBudget)
        }
        if let root { return root }
        return try parse(yamlWithLibYAML: String(decoding: bytes[start...], as: UTF8.self))
    }

    /// Parses YAML text with libyaml only.
    static func parse(yamlWithLibYAML text: String) throws(LocatedProblem) -> DataNode {
        guard let root = try LibYAMLReader.read(text, budget: nodeBudget) else {
            throw LocatedProblem(problem: .emptyFile, position: SourcePosition(line: 1, column: 1))
        }
        return root
    }

    /// Parses JSON that libyaml refuses (see `parse(data:path:)`).
    public static func parse(json text: String) throws(LocatedProblem) -> DataNode {
        try JSONReader.read(text)
    }

    /// A data file (answers, a session) as a document: UTF-8 with or without a byte
    /// order mark, YAML or JSON; nil when it is empty. JSON that libyaml refuses
    /// (surrogate-pair escapes such as `\ud83d\ude00`) is read as JSON. Any other problem throws, located.
    static func parse(data: [UInt8], path: String) throws(CoachError) -> DataNode? {
        guard var text = String(validating: data, as: UTF8.self) else {
            throw .invalidData([Diagnostic(.error, .notUTF8, at: SourceLocation(file: path))])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        do {
            return try parse(yaml: text)
        } catch  where error.problem == .emptyFile {
            return nil
        } catch {
            if text.trimmed.hasPrefix("{"), let json = try? parse(json: text) { return json }
            throw .invalidData([
                Diagnostic(.error, error.problem, at: SourceLocation(file: path, position: error.position))
            ])
        }
    }

}

/// A problem found while parsing, with its position when known.
public struct LocatedProblem: Error, Sendable {
    public var problem: Problem
    public var position: SourcePosition?

    init(problem: Problem, position: SourcePosition?) {
        self.problem = problem
        self.position = position
    }
}
