/// The checks a text or a number must pass to answer a question, shared by answers
/// files and by what a user types in the shell.
extension Question {
    /// A text answer: within `max_length`, and free of control characters.
    func textAnswer(_ text: String) -> Result<Answers.Answer, Problem> {
        if let limit = maximumLength, text.count > limit { return .failure(.tooLong(text.count, maximum: limit)) }
        if text.unicodeScalars.contains(where: AnswersReader.isControl) { return .failure(.controlCharacter) }
        return .success(.text(text))
    }

    /// A number answer: a dot or a decimal comma, spaces grouping thousands
    /// (`12 500`), whole when the question says so, within its bounds.
    func numberAnswer(_ text: String) -> Result<Answers.Answer, Problem> {
        let cleaned = String(text.filter { !$0.isWhitespace })
        guard let number = AnswersReader.number(cleaned) else {
            return .failure(AnswersReader.isAmbiguous(cleaned) ? .ambiguousNumber(text) : .notANumber(text))
        }
        if isInteger, number != number.rounded() { return .failure(.notAnInteger(text)) }
        if number < (minimum ?? -.greatestFiniteMagnitude) || number > (maximum ?? .greatestFiniteMagnitude) {
            return .failure(
                .outOfRange(number.plainText, min: minimum?.plainText ?? "−∞", max: maximum?.plainText ?? "∞"))
        }
        return .success(.number(number))
    }
}
