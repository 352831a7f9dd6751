/// The checks a text or a number must pass to answer a question, shared by answers
/// files and by what a user types in the shell.
extension Question {
    /// A text answer: within `max_length`, and free of control characters.
    ///
    /// Both throw their problem rather than return a `Result`: an answers file read
    /// at start-up then does not make `Result`'s metadata, which checks `Problem:
    /// Error` through the binary's conformance records.
    func textAnswer(_ text: String) throws(Problem) -> Answers.Answer {
        if let limit = maximumLength, text.count > limit { throw .tooLong(text.count, maximum: limit) }
        if text.unicodeScalars.contains(where: AnswersReader.isControl) { throw .controlCharacter }
        return .text(text)
    }

    /// A number answer: a dot or a decimal comma, spaces grouping thousands
    /// (`12 500`), whole when the question says so, within its bounds.
    func numberAnswer(_ text: String) throws(Problem) -> Answers.Answer {
        let cleaned = String(text.filter { !$0.isWhitespace })
        guard let number = AnswersReader.number(cleaned) else {
            throw AnswersReader.isAmbiguous(cleaned) ? .ambiguousNumber(text) : .notANumber(text)
        }
        if isInteger, number != number.rounded() { throw .notAnInteger(text) }
        if number < (minimum ?? -.greatestFiniteMagnitude) || number > (maximum ?? .greatestFiniteMagnitude) {
            throw .outOfRange(number.plainText, min: minimum?.plainText ?? "−∞", max: maximum?.plainText ?? "∞")
        }
        return .number(number)
    }
}
