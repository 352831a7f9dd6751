/// A derived fact: computed from the answers (and other facts), never asked.
public struct Fact: Sendable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable {
        case number, boolean, choice
    }

    /// How the value is found.
    public enum Definition: Sendable {
        /// `value`, when `guard` holds (else no value).
        case value(Expression, guard: Expression?)
        /// The first case whose condition holds; `otherwise` when none does.
        case cases([(condition: Expression, value: String)], otherwise: String?)
    }

    public var id: String
    public var kind: Kind
    /// The values a choice fact takes.
    public var options: [String]
    /// From the built-in knowledge, made when read (`Deferred`): the engine reads its
    /// program (`Program`), and only loading knowledge from YAML reads the trees.
    public var definition: Definition {
        get { deferredDefinition.value }
        set { deferredDefinition.value = newValue }
    }
    var deferredDefinition: Deferred<Definition>

    public init(id: String, kind: Kind, options: [String], definition: Definition) {
        self.init(id: id, kind: kind, options: options, deferredDefinition: Deferred(definition))
    }

    init(id: String, kind: Kind, options: [String], deferredDefinition: Deferred<Definition>) {
        self.id = id
        self.kind = kind
        self.options = options
        self.deferredDefinition = deferredDefinition
    }

    /// The fact's type in expressions.
    var type: ValueType { Self.type(kind, id: id, options: options) }

    static func type(_ kind: Kind, id: String, options: [String]) -> ValueType {
        switch kind {
        case .number: .number
        case .boolean: .boolean
        case .choice: .choice(owner: id, options: options)
        }
    }

    /// Every expression of the definition.
    var expressions: [Expression] {
        switch definition {
        case .value(let value, let guardExpression): [value] + (guardExpression.map { [$0] } ?? [])
        case .cases(let cases, _): cases.map(\.condition)
        }
    }
}
