import Testing

@testable import CoachKit

@Suite("Languages and the localisation tables")
struct LocalizationTests {
    @Test func bothTablesHaveTheSameKeys() {
        let english = Strings.table(for: .en).keys
        let french = Strings.table(for: .fr).keys
        #expect(english.count > 50)
        #expect(english.subtracting(french).sorted() == [], "missing in fr.yaml")
        #expect(french.subtracting(english).sorted() == [], "missing in en.yaml")
    }

    /// Both tables are flat lists of `key: "text"` lines, which the embedder splits at
    /// build time: the entries are those the YAML reader finds in the same text.
    @Test(arguments: Language.allCases)
    func tablesSplitAtBuildTimeReadAsTheirYAML(language: Language) throws {
        let file = try #require(Strings.localeFile(language))
        let split = try #require(Strings.split(file), "\(language.rawValue).yaml is no longer flat")
        let read = Strings.table(fromYAML: file.yaml)
        #expect(read.count > 50)
        #expect(split.map(\.key) == read.map(\.key) && split.map(\.text) == read.map(\.text))
        // Sorted by the embedder, each key once: every key is found by halving.
        #expect(zip(split, split.dropFirst()).allSatisfy { $0.key < $1.key })
        #expect(split.map(\.key) == split.map(\.key).sorted())
        let strings = Strings.table(for: language)
        #expect(split.allSatisfy { strings.template($0.key) == $0.text && strings.has($0.key) })
        #expect(!strings.has("no.such.key") && strings.template("no.such.key") == "no.such.key")
    }

    @Test func translationsUseTheSameArguments() {
        func arguments(_ template: String) -> Set<String> {
            var names: Set<String> = []
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                names.insert(String(rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
            return names
        }
        for key in Strings.table(for: .en).keys {
            #expect(
                arguments(Strings.table(for: .en).template(key)) == arguments(Strings.table(for: .fr).template(key)),
                "\(key)")
        }
    }

    @Test func formattingFillsNamedArgumentsAndKeepsUnknownOnes() {
        let strings = Strings.table(for: .en)
        #expect(strings("check.ok", ["topics": "17", "questions": "21"]) == "17 topics, 21 questions: ok")
        #expect(
            Strings.table(for: .fr)("check.ok", ["topics": "17", "questions": "21"]) == "17 fiches, 21 questions : ok")
        #expect(strings("check.ok") == "{topics} topics, {questions} questions: ok")
        #expect(strings("no.such.key") == "no.such.key")
    }

    @Test(
        arguments: [
            ("fr", [String: String](), Language.fr),
            (nil, ["COACH_LANG": "fr", "LANG": "en_US.UTF-8"], .fr),
            (nil, ["COACH_LANG": "de", "LANG": "fr_CA.UTF-8"], .fr),
            (nil, ["LC_ALL": "fr_FR.UTF-8"], .fr),
            (nil, ["LC_ALL": "C", "LANG": "fr_CA.UTF-8"], .en),
            (nil, ["LC_ALL": "", "LC_MESSAGES": "fr_BE", "LANG": "en_GB"], .fr),
            (nil, ["LANG": "fr_CA.UTF-8"], .fr),
            (nil, ["LANG": "C.UTF-8"], .en),
            (nil, [:], .en),
            ("en", ["COACH_LANG": "fr", "LANG": "fr_CA"], .en),
        ] as [(String?, [String: String], Language)])
    func theLanguageFollowsTheSpecsOrder(explicit: String?, environment: [String: String], expected: Language) throws {
        #expect(try Language.resolve(explicit: explicit, environment: environment) == expected)
    }

    @Test func anUnknownExplicitLanguageIsAnError() {
        #expect(throws: CoachError.unknownLanguage("de")) {
            try Language.resolve(explicit: "de", environment: [:])
        }
        #expect(Language(code: "french") == nil)
        #expect(Language(code: "FR") == .fr)
    }

    @Test func diagnosticsReadInBothLanguages() {
        let diagnostic = Diagnostic(
            .error, .unknownKey("titel", suggestion: "title"),
            at: SourceLocation(file: "k/topics/a.yaml", position: SourcePosition(line: 5, column: 3)))
        #expect(
            diagnostic.formatted(in: .en) == "k/topics/a.yaml:5:3: error: unknown key 'titel'; did you mean 'title'?")
        #expect(
            diagnostic.formatted(in: .fr)
                == "k/topics/a.yaml:5:3: error: clé inconnue « titel » ; vouliez-vous dire « title » ?")
        let typed = Diagnostic(.error, .expectedType(expected: .list, found: .text), at: SourceLocation(file: "q.yaml"))
        #expect(typed.formatted(in: .fr) == "q.yaml: error: une liste attendu, un texte trouvé")
    }
}
