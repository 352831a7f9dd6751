/// A question of the interview.
public struct Question: Sendable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable {
        case text, choice, multi, number, boolean

        /// Whether answers pick among options.
        public var hasOptions: Bool { self == .choice || self == .multi }
    }

    /// One possible answer of a choice or multi question.
    public struct Option: Sendable {
        public var value: String
        public var label: Localized<String>
    }

    public var id: String
    public var kind: Kind
    /// A question the user may skip.
    public var isOptional: Bool
    /// Read only for the questions asked or shown: from the built-in knowledge, the
    /// prompt and the help are made when read (`Deferred`).
    public var prompt: Localized<String> {
        get { deferredPrompt.value }
        set { deferredPrompt.value = newValue }
    }
    /// Why the coach asks, and how the answer changes the advice.
    public var help: Localized<String> {
        get { deferredHelp.value }
        set { deferredHelp.value = newValue }
    }
    var deferredPrompt: Deferred<Localized<String>>
    var deferredHelp: Deferred<Localized<String>>
    /// Empty unless `kind.hasOptions`.
    public var options: [Option]
    /// Bounds of a number question.
    public var minimum: Double?
    public var maximum: Double?
    /// A number question that takes whole numbers only.
    public var isInteger: Bool
    /// The longest answer a text question takes, in characters.
    public var maximumLength: Int?
    /// When given, the question is asked only once this holds; while it is false the
    /// question does not apply and its answer, if any, is set aside. From the built-in
    /// knowledge, made when read (`Deferred`): the engine reads its program.
    public var askIf: Expression? {
        get { deferredAskIf?.value }
        set { deferredAskIf = newValue.map(Deferred.init) }
    }
    /// Whether the question has an `askIf`, without making it.
    var hasAskIf: Bool { deferredAskIf != nil }
    var deferredAskIf: Deferred<Expression>?
    /// `askIf` as written.
    public var askIfText: String?
    /// Answered by a CSV of posts (`coach plan --metrics`, `/import`), never asked:
    /// nobody knows their longest gap between posts by heart.
    public var isFromPosts = false

    /// The option with this value.
    public func option(_ value: String) -> Option? {
        options.first { $0.value == value }
    }
}
