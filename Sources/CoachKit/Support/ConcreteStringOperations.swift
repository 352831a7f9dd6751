/// `joined(separator:)` written for `[String]`.
///
/// The standard library's is generic over any collection of strings, and
/// unspecialised in the binary: its first use in a process looks up `[String]:
/// Collection` through the binary's 3 500 conformance records, about 150 000
/// instructions, a twentieth of the work of `coach topics`. Being more specific, this
/// one is what the package's code calls, the shell's and the command line's too.
///
/// For the same reason, CoachKit adds a `Substring` to a `String` as
/// `String(part)`: `+` and `+=` with a `Substring` are generic too.
extension Array where Element == String {
    /// The texts, with `separator` between each two.
    package func joined(separator: String = "") -> String {
        guard var result = first else { return "" }
        for text in dropFirst() {
            result += separator
            result += text
        }
        return result
    }
}

extension String {
    /// The text with every `target` replaced by `replacement`, characters compared
    /// as `==` compares them. The string-processing library's generic `replacing`
    /// would bring that library, and the regular-expression parser it needs, into
    /// the binary (their tables relocated at every start) for a few short texts.
    package func replacing(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) {
                result += replacement
                index = self.index(index, offsetBy: target.count)
            } else {
                result.append(self[index])
                index = self.index(after: index)
            }
        }
        return result
    }
}
