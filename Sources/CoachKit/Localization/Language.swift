/// The languages the coach speaks.
public enum Language: String, Sendable, CaseIterable, Codable {
    case fr
    case en

    /// The coach's own variable, then the locale's, in the order `resolve` reads them.
    static let ownVariable = "COACH_LANG"
    static let localeVariables = ["LC_ALL", "LC_MESSAGES", "LANG"]
    /// Every environment variable `resolve` reads.
    public static let variables = [ownVariable] + localeVariables

    /// The language to speak, by SPEC's order: an explicit choice (`--lang`), then
    /// `COACH_LANG`, then the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set
    /// (French when it starts with `fr`), else English.
    ///
    /// An explicit choice that is not a language throws; an unusable `COACH_LANG` is
    /// passed over, as locale variables are.
    public static func resolve(explicit: String?, environment: [String: String]) throws -> Language {
        try resolve(explicit: explicit) { environment[$0] }
    }

    /// As `resolve(explicit:environment:)`, reading each variable with `variable`.
    public static func resolve(explicit: String?, variable: (String) -> String?) throws -> Language {
        if let explicit {
            guard let language = Language(code: explicit) else {
                throw CoachError.unknownLanguage(explicit)
            }
            return language
        }
        if let chosen = variable(ownVariable).flatMap(Language.init(code:)) {
            return chosen
        }
        for name in localeVariables {
            if let value = variable(name), !value.isEmpty {
                return value.lowercased().hasPrefix("fr") ? .fr : .en
            }
        }
        return .en
    }

    /// A language from a code such as `fr`, `FR` or `fr_CA.UTF-8`.
    public init?(code: String) {
        let prefix = code.lowercased().prefix(2)
        guard code.count == 2 || code.dropFirst(2).first.map({ "_-.".contains($0) }) == true,
            let language = Language(rawValue: String(prefix))
        else { return nil }
        self = language
    }
}

/// A value in each language the coach speaks.
public struct Localized<Value: Sendable>: Sendable {
    public var fr: Value
    public var en: Value

    public init(fr: Value, en: Value) {
        self.fr = fr
        self.en = en
    }

    public subscript(language: Language) -> Value {
        switch language {
        case .fr: fr
        case .en: en
        }
    }
}

extension Localized: Equatable where Value: Equatable {}
