/// Reads what a user types in answer to a question: an option by its number, its
/// value or its label in either language (case and accents ignored), yes or no in
/// either language, a number with a dot or a decimal comma.
public struct AnswerParser: Sendable {
    public let question: Question

    public init(question: Question) {
        self.question = question
    }

    /// The answer, or the problem that makes the text unusable.
    public func parse(_ input: String) -> Result<Answers.Answer, Problem> {
        let text = input.composed.trimmed
        guard !text.isEmpty else { return .failure(.emptyValue(question.id)) }
        switch question.kind {
        case .text:
            return Result { () throws(Problem) in try question.textAnswer(text) }
        case .boolean:
            guard let flag = AnswersReader.boolean(Self.fold(text)) else { return .failure(.notYesOrNo(text)) }
            return .success(.boolean(flag))
        case .number:
            return Result { () throws(Problem) in try question.numberAnswer(text) }
        case .choice:
            return option(text).map(Answers.Answer.choice)
        case .multi:
            return options(text).map(Answers.Answer.multi)
        }
    }

    /// One option, by number, value or label.
    private func option(_ text: String) -> Result<String, Problem> {
        if let value = match(text) { return .success(value) }
        let names = question.options.map(\.value)
        return .failure(
            .notAnOption(text, of: question.id, suggestion: Suggestion.closest(to: Self.fold(text), among: names)))
    }

    /// Several options, separated by commas, semicolons or spaces; `none` for none.
    private func options(_ text: String) -> Result<[String], Problem> {
        if ["none", "aucun", "aucune", "rien", "-", "0"].contains(Self.fold(text)) { return .success([]) }
        var chosen: [String] = []
        for piece in text.split(whereSeparator: { $0 == "," || $0 == ";" }).map({ $0.trimmed }) where !piece.isEmpty {
            if let value = match(piece) {
                chosen.append(value)
                continue
            }
            for word in piece.split(whereSeparator: \.isWhitespace).map(String.init) {
                if ["et", "and", "&"].contains(Self.fold(word)) { continue }
                switch option(word) {
                case .success(let value): chosen.append(value)
                case .failure(let problem): return .failure(problem)
                }
            }
        }
        return .success(question.options.map(\.value).filter(chosen.contains))
    }

    /// The value of the option that `text` names, if any.
    func match(_ text: String) -> String? {
        if let number = Int(text), (1...max(1, question.options.count)).contains(number),
            number <= question.options.count
        {
            return question.options[number - 1].value
        }
        let folded = Self.fold(text)
        return question.options.first { option in
            Self.fold(option.value) == folded || Self.fold(option.label.fr) == folded
                || Self.fold(option.label.en) == folded
                || Self.fold(option.value.replacing("_", with: " ")) == folded
        }?.value
    }

    /// Lowercased, without accents: `Équipe` and `equipe` are the same answer.
    public static func fold(_ text: String) -> String {
        TextFolding.folded(text)
    }
}
