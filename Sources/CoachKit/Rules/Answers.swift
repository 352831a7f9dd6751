/// A user's answers to the interview, by question id.
public struct Answers: Sendable, Equatable {
    /// One answer.
    public enum Answer: Sendable, Equatable, Hashable {
        case number(Double)
        case text(String)
        case boolean(Bool)
        /// The value of a choice question's option.
        case choice(String)
        /// The values of a multi question's options, in the order of the question.
        case multi([String])
        /// An optional question the user chose not to answer.
        case skipped

        /// The answer as the evaluator sees it.
        var value: Value {
            switch self {
            case .number(let number): .number(number)
            case .text(let text): .text(text)
            case .boolean(let flag): .boolean(flag)
            case .choice(let option): .text(option)
            case .multi(let options): .list(options)
            case .skipped: .none
            }
        }
    }

    public private(set) var values: [String: Answer]

    public init(_ values: [String: Answer] = [:]) {
        self.values = values
    }

    public subscript(id: String) -> Answer? {
        get { values[id] }
        set { values[id] = newValue }
    }

    public var isEmpty: Bool { values.isEmpty }
    public var count: Int { values.count }
}
