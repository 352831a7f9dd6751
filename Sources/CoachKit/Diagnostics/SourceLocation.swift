/// A line and column in a text file, both starting at 1; columns count characters.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// Where something was found: a file, and a position in it when one is known.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var position: SourcePosition?

    public init(file: String, position: SourcePosition? = nil) {
        self.file = file
        self.position = position
    }

    /// `PATH:LINE:COLUMN`, or `PATH` alone when no position is known.
    public var description: String {
        guard let position else { return file }
        return "\(file):\(position)"
    }
}
