/// What reading one line gave.
public enum LineEvent: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the line being typed is abandoned, the session goes on.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input.
    case endOfInput
}

/// Reads the user's lines, with line editing on a terminal or plainly otherwise.
public protocol LineReader: AnyObject {
    func readLine(prompt: String) -> LineEvent
}

/// Reads lines from standard input with no editing and no escape codes, for
/// scripts and pipes.
public final class PlainLineReader: LineReader {
    private let showsPrompt: Bool

    public init(showsPrompt: Bool) {
        self.showsPrompt = showsPrompt
    }

    public func readLine(prompt: String) -> LineEvent {
        if showsPrompt {
            print(prompt, terminator: "")
        }
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }
}
