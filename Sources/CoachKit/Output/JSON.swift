/// A JSON value whose objects keep their keys in the order given, so that every
/// document reads the same way each time: `schema` first, answers in the order of
/// the questions.
public enum JSON: Sendable, Equatable {
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
        String(decoding: utf8(compact: compact), as: UTF8.self)
    }

    /// The document as UTF-8 bytes, written straight into one buffer: a plan of 500
    /// actions is 150 KB, which string by string took 25 M instructions.
    public func utf8(compact: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: compact ? nil : 0)
        return out
    }

    private func write(to out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): out.append(contentsOf: Self.number(number).utf8)
        case .string(let text): Self.quote(text, into: &out)
        case .array(let elements):
            guard !elements.isEmpty else { return out.append(contentsOf: "[]".utf8) }
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(&out, indent.map { $0 + 1 })
                element.write(to: &out, indent: indent.map { $0 + 1 })
            }
            Self.newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else { return out.append(contentsOf: "{}".utf8) }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(&out, indent.map { $0 + 1 })
                Self.quote(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, indent: indent.map { $0 + 1 })
            }
            Self.newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// Whole numbers without a decimal point; NaN and infinities, which JSON cannot
    /// hold, as null.
    static func number(_ number: Double) -> String {
        number.isFinite ? number.plainText : "null"
    }

    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most texts need no escape: copy their bytes whole, and only walk those that do.
        let needsEscape: (UInt8) -> Bool = { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }
        let copied =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                guard !bytes.contains(where: needsEscape) else { return false }
                out.append(contentsOf: bytes)
                return true
            } ?? false
        if copied { return out.append(UInt8(ascii: "\"")) }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: #"\""#.utf8)
            case "\\": out.append(contentsOf: #"\\"#.utf8)
            case "\n": out.append(contentsOf: #"\n"#.utf8)
            case "\r": out.append(contentsOf: #"\r"#.utf8)
            case "\t": out.append(contentsOf: #"\t"#.utf8)
            case _
            where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: UTF8.encode(scalar) { out.append($0) }
            }
        }
        out.append(UInt8(ascii: "\""))
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
