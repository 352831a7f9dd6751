/// Keeps a message on one line, as SPEC prints every error.
enum UsageLine {
    /// The text with every control character and line break escaped (`\n`, `\r`,
    /// `\u{1B}`), so that it stays one line and shows what was typed.
    static func oneLine(_ text: String) -> String {
        func breaks(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isControlCharacter || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
        guard text.unicodeScalars.contains(where: breaks) else { return text }
        var line = ""
        for scalar in text.unicodeScalars {
            if breaks(scalar) {
                line += scalar.escaped(asASCII: true)
            } else {
                line.unicodeScalars.append(scalar)
            }
        }
        return line
    }
}
