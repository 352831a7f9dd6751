/// Lays text out for a terminal: wrapped to a width, with an indent on every line.
public enum TextLayout {
    /// `text` wrapped to `width` with `indent` on every line, or on one line with
    /// the indent when there is no width (a pipe).
    public static func paragraph(_ text: String, width: Int?, indent: String) -> String {
        guard let width else { return indent + text }
        return wrap(text, width: width, indent: indent)
    }

    /// `text` wrapped at word boundaries so that no line (indent included) is longer
    /// than `width` characters, unless a single word is. Existing line breaks stay.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        let room = max(20, width - indent.count)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph -> String in
            var lines: [String] = []
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= room {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            lines.append(line)
            return lines.map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

/// Terminal styles, written only when colour is wanted.
public struct TextStyle: Sendable {
    public let isEnabled: Bool

    public init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func accent(_ text: String) -> String { wrap(text, "1;36") }
    public func error(_ text: String) -> String { wrap(text, "31") }

    private func wrap(_ text: String, _ code: String) -> String {
        isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
