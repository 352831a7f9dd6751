/// Writes answers and facts into text: `{posts_per_week}` in a rule becomes `0,5` in
/// French and `0.5` in English, a choice its option's label.
public struct ValueRenderer: Sendable {
    let knowledge: KnowledgeBase
    let language: Language

    public init(knowledge: KnowledgeBase, language: Language) {
        self.knowledge = knowledge
        self.language = language
    }

    /// An answer as the user reads it: labels rather than values, `oui` or `yes`,
    /// `0,5` in French.
    public func describe(_ answer: Answers.Answer, of question: Question) -> String {
        if answer == .skipped { return Strings.table(for: language)("answer.skipped") }
        return localized(answer.value, of: question)
    }

    /// `text` with each `{id}` replaced by that question's or fact's value.
    func fill(_ text: String, values: [Value?]) -> String {
        guard text.containsByte(UInt8(ascii: "{")) else { return text }
        var result = ""
        // Braces are found among the bytes: the text is not split into characters.
        let bytes = text.utf8
        var rest = bytes.startIndex
        while let open = bytes[rest...].firstIndex(of: UInt8(ascii: "{")),
            let close = bytes[open...].firstIndex(of: UInt8(ascii: "}"))
        {
            result += String(text[rest..<open])
            let name = String(text[bytes.index(after: open)..<close])
            if let slot = slot(of: name) {
                result += values[slot].map { localized($0, slot: slot) } ?? "?"
            } else {
                result += String(text[open...close])
            }
            rest = bytes.index(after: close)
        }
        return result + String(text[rest...])
    }

    private func slot(of name: String) -> Int? {
        if let index = knowledge.questions.firstIndex(where: { $0.id == name }) { return index }
        return knowledge.facts.firstIndex { $0.id == name }.map { knowledge.questions.count + $0 }
    }

    /// A value as a reader of `language` expects it.
    func localized(_ value: Value, slot: Int) -> String {
        localized(value, of: slot < knowledge.questions.count ? knowledge.questions[slot] : nil)
    }

    private func localized(_ value: Value, of question: Question?) -> String {
        switch value {
        case .number(let number): return format(number)
        case .text(let text): return question?.option(text)?.label[language] ?? text
        case .boolean(let flag): return Strings.table(for: language)(flag ? "questions.yes" : "questions.no")
        case .list(let values):
            guard !values.isEmpty else { return "—" }
            return values.map { question?.option($0)?.label[language] ?? $0 }.joined(separator: ", ")
        case .none: return "—"
        }
    }

    /// A value as data: `0.5`, `visibility`, `[instagram, tiktok]`; numbers to two
    /// decimals when `rounded`.
    func plain(_ value: Value, rounded: Bool = false) -> String {
        switch value {
        case .number(let number): (rounded ? (number * 100).rounded() / 100 : number).plainText
        case .text(let text): text
        case .boolean(let flag): flag ? "true" : "false"
        case .list(let values): "[" + values.joined(separator: ", ") + "]"
        case .none: "none"
        }
    }

    /// At most two decimals, none when whole; thousands grouped, and a decimal comma
    /// in French (`12 500,5`, `12,500.5`).
    func format(_ number: Double, decimals: Int = 2) -> String {
        let scale = (0..<decimals).reduce(1.0) { scale, _ in scale * 10 }
        let text = ((number * scale).rounded() / scale).plainText
        guard !text.containsByte(UInt8(ascii: "e")) else { return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        let sign = parts[0].hasPrefix("-") ? "-" : ""
        let digits = Array(parts[0].drop { $0 == "-" })
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 {
                grouped += language == .fr ? "\u{202F}" : ","
            }
            grouped.append(digit)
        }
        let decimals = parts.count > 1 ? (language == .fr ? "," : ".") + String(parts[1]) : ""
        return sign + grouped + decimals
    }
}
