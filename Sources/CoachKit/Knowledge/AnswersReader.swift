/// Reads answers (an answers file, a scenario's `answers:`) against the questions,
/// reporting every unknown id, wrong type, value out of range and unknown option.
struct AnswersReader {
    let knowledge: KnowledgeBase
    let reader: DocumentReader

    /// The answers of a mapping from question id to value. A null value leaves the
    /// question unanswered (an optional one counts as skipped).
    func answers(from node: DataNode) -> Answers {
        guard case .mapping(let pairs, _) = node else {
            reader.error(.expectedType(expected: .mapping, found: node.kind), at: node.position)
            return Answers()
        }
        var answers = Answers()
        let ids = knowledge.questions.map(\.id)
        for pair in pairs {
            guard let question = knowledge.question(pair.key) else {
                reader.error(
                    .unknownReference(
                        pair.key, kind: .question, suggestion: Suggestion.closest(to: pair.key, among: ids)),
                    at: pair.keyPosition)
                continue
            }
            if pair.value.isNull {
                if question.isOptional { answers[question.id] = .skipped }
                continue
            }
            if let answer = answer(to: question, from: pair.value) { answers[question.id] = answer }
        }
        return answers
    }

    func answer(to question: Question, from node: DataNode) -> Answers.Answer? {
        switch question.kind {
        case .text:
            guard let text = reader.text(node, key: question.id) else { return nil }
            return checked(at: node) { () throws(Problem) in try question.textAnswer(text) }
        case .number:
            guard case .scalar(let text, _, _) = node else {
                reader.error(.expectedType(expected: .number, found: node.kind), at: node.position)
                return nil
            }
            return checked(at: node) { () throws(Problem) in try question.numberAnswer(text) }
        case .boolean:
            if case .scalar(let text, _, _) = node, let flag = Self.boolean(text) { return .boolean(flag) }
            return reader.boolean(node).map(Answers.Answer.boolean)
        case .choice:
            return option(of: question, from: node).map(Answers.Answer.choice)
        case .multi:
            let elements: [DataNode]
            if case .sequence(let list, _) = node {
                elements = list
            } else {
                elements = [node]
            }
            var chosen: [String] = []
            for element in elements {
                guard let value = option(of: question, from: element) else { continue }
                if chosen.contains(value) {
                    reader.error(.duplicateOption(value), at: element.position)
                } else {
                    chosen.append(value)
                }
            }
            return .multi(question.options.map(\.value).filter(chosen.contains))
        }
    }

    private func option(of question: Question, from node: DataNode) -> String? {
        guard let value = reader.text(node, key: question.id) else { return nil }
        guard question.option(value) != nil else {
            let values = question.options.map(\.value)
            reader.error(
                .notAnOption(value, of: question.id, suggestion: Suggestion.closest(to: value, among: values)),
                at: node.position)
            return nil
        }
        return value
    }

    /// The answer `check` gives, or nil once its problem is reported at `node`.
    private func checked(at node: DataNode, _ check: () throws(Problem) -> Answers.Answer) -> Answers.Answer? {
        do {
            return try check()
        } catch {
            reader.error(error, at: node.position)
            return nil
        }
    }

    /// A finite number, with a dot or a decimal comma (`0,5`). A comma followed by
    /// exactly three digits (`1,000`) could be a thousands separator as well as a
    /// decimal comma: it is refused rather than guessed.
    static func number(_ text: String) -> Double? {
        var cleaned = text.trimmed
        if cleaned.filter({ $0 == "," }).count == 1, !cleaned.contains(".") {
            let decimals = cleaned.split(separator: ",", omittingEmptySubsequences: false).last ?? ""
            if decimals.count == 3, decimals.allSatisfy(\.isNumber) { return nil }
            cleaned = cleaned.replacing(",", with: ".")
        }
        guard cleaned.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }), let value = Double(cleaned), value.isFinite
        else { return nil }
        return value
    }

    /// `1,000`: a thousand with a separator, or one with three decimals?
    static func isAmbiguous(_ text: String) -> Bool {
        let parts = text.trimmed.split(separator: ",", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[1].count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// C0 and C1 control characters other than tab: never part of an answer, and
    /// able to drive a terminal when printed.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isControlCharacter && scalar != "\t"
    }

    /// Yes or no, in English or French.
    static func boolean(_ text: String) -> Bool? {
        switch text.trimmed.lowercased() {
        case "true", "yes", "y", "oui", "o", "vrai", "1": true
        case "false", "no", "n", "non", "faux", "0": false
        default: nil
        }
    }
}

extension Answers {
    /// A number as people write it, for options too: a dot or a decimal comma;
    /// `1,000` is ambiguous (a thousand, or one with three decimals?) and refused.
    /// An overflowing number (`1e400`) is given as infinite, for the caller to refuse.
    public static func number(typed text: String) -> Result<Double, Problem> {
        if AnswersReader.isAmbiguous(text) { return .failure(.ambiguousNumber(text)) }
        if let value = AnswersReader.number(text) { return .success(value) }
        let cleaned = text.trimmed
        if cleaned.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }), let value = Double(cleaned), value.isInfinite {
            return .success(value)
        }
        return .failure(.notANumber(text))
    }

}
