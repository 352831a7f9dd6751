/// A known value of a question or a fact.
///
/// What is not known yet is not a `Value`: the evaluator works on `Value?`, where nil
/// means unknown (a question not answered yet) and `.none` means known to have no
/// value (an optional question skipped, a question that does not apply, a fact whose
/// guard is false, a division by zero).
public enum Value: Hashable, Sendable {
    case number(Double)
    case text(String)
    case boolean(Bool)
    /// The options of a multi answer, or a list written in an expression.
    case list([String])
    case none

    /// The value as a condition: only `true` holds.
    var holds: Bool {
        if case .boolean(true) = self { return true }
        return false
    }
}
