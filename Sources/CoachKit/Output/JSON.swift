/// A JSON value whose objects keep their keys in the order given, so that every
/// document reads the same way each time: `schema` first, answers in the order of
/// the questions.
public indirect enum JSON: Sendable, Equatable {
    case object([(String, JSON)])
    case array([JSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public static func == (lhs: JSON, rhs: JSON) -> Bool {
        lhs.text() == rhs.text()
    }

    /// The document as text, indented by two spaces unless `compact`.
    public func text(compact: Bool = false) -> String {
        var out = ""
        write(to: &out, indent: compact ? nil : 0)
        return out
    }

    private func write(to out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += Self.number(number)
        case .string(let text): Self.quote(text, into: &out)
        case .array(let elements):
            guard !elements.isEmpty else { return out += "[]" }
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                Self.newline(&out, indent.map { $0 + 1 })
                element.write(to: &out, indent: indent.map { $0 + 1 })
            }
            Self.newline(&out, indent)
            out += "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { return out += "{}" }
            out += "{"
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out += "," }
                Self.newline(&out, indent.map { $0 + 1 })
                Self.quote(key, into: &out)
                out += indent == nil ? ":" : ": "
                value.write(to: &out, indent: indent.map { $0 + 1 })
            }
            Self.newline(&out, indent)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: Int?) {
        guard let indent else { return }
        out += "\n" + String(repeating: "  ", count: indent)
    }

    /// Whole numbers without a decimal point; NaN and infinities, which JSON cannot
    /// hold, as null.
    static func number(_ number: Double) -> String {
        number.isFinite ? number.plainText : "null"
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        // Most texts need no escape: copy them whole, and only walk those that do.
        let needsEscape: (UInt8) -> Bool = { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }
        if !(text.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsEscape) }
            ?? text.utf8.contains(where: needsEscape))
        {
            out += text
            return out += "\""
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _
            where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension JSON {
    init(_ value: Value) {
        switch value {
        case .number(let number): self = .number(number)
        case .text(let text): self = .string(text)
        case .boolean(let flag): self = .bool(flag)
        case .list(let values): self = .array(values.map(JSON.string))
        case .none: self = .null
        }
    }

    init(_ optional: String?) {
        self = optional.map(JSON.string) ?? .null
    }

    init(_ optional: Double?) {
        self = optional.map(JSON.number) ?? .null
    }
}
