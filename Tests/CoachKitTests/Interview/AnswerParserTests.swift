import Testing

@testable import CoachKit

@Suite("Typed answers")
struct AnswerParserTests {
    let knowledge: KnowledgeBase

    init() throws {
        knowledge = try KnowledgeBase.builtIn()
    }

    func parse(_ id: String, _ text: String) -> Result<Answers.Answer, Problem> {
        AnswerParser(question: knowledge.question(id)!).parse(text)
    }

    @Test(arguments: [
        ("1", "visibility"), ("visibility", "visibility"), ("Visibility", "visibility"),
        ("Tisser des liens avec les gens", "relationships"), ("build real relationships", "relationships"),
        ("  les deux à parts égales ", "both"), ("LES DEUX A PARTS EGALES", "both"),
    ])
    func choicesByNumberValueOrLabel(text: String, value: String) throws {
        #expect(try parse("objective", text).get() == .choice(value))
    }

    @Test func aChoiceThatIsNoOptionIsRefusedWithAHint() throws {
        #expect(
            parse("objective", "visibilty")
                == .failure(.notAnOption("visibilty", of: "objective", suggestion: "visibility")))
        #expect(parse("objective", "4") == .failure(.notAnOption("4", of: "objective", suggestion: nil)))
    }

    @Test(arguments: [
        ("1, 2", ["facebook", "instagram"]), ("instagram tiktok", ["instagram", "tiktok"]),
        ("TikTok; Infolettre", ["tiktok", "newsletter"]), ("x (twitter), discord", ["x", "discord"]),
        ("aucune", []), ("none", []), ("2 et 1", ["facebook", "instagram"]),
    ])
    func severalOptions(text: String, values: [String]) throws {
        #expect(try parse("platforms", text).get() == .multi(values))
    }

    @Test(arguments: [
        ("oui", true), ("Non", false), ("o", true), ("n", false), ("yes", true), ("Y", true), ("vrai", true),
        ("FAUX", false), ("true", true), ("false", false),
    ])
    func booleansInBothLanguages(text: String, value: Bool) throws {
        #expect(try parse("has_calendar", text).get() == .boolean(value))
    }

    @Test func numbersWithACommaOrADot() throws {
        #expect(try parse("posts_per_week", "0,5").get() == .number(0.5))
        #expect(try parse("posts_per_week", "2.5").get() == .number(2.5))
        #expect(try parse("followers", "12\u{202F}500").get() == .number(12_500))
        #expect(parse("followers", "12,5") == .failure(.notAnInteger("12,5")))
        #expect(parse("posts_per_week", "-1") == .failure(.outOfRange("-1", min: "0", max: "100")))
        #expect(parse("posts_per_week", "souvent") == .failure(.notANumber("souvent")))
        #expect(parse("posts_per_week", "nan") == .failure(.notANumber("nan")))
        #expect(parse("posts_per_week", "1e400") == .failure(.notANumber("1e400")))
    }

    @Test func textAndEmptyAnswers() throws {
        #expect(try parse("name", "  Café Léa  ").get() == .text("Café Léa"))
        #expect(parse("name", String(repeating: "x", count: 81)) == .failure(.tooLong(81, maximum: 80)))
        #expect(parse("has_calendar", "peut-être") == .failure(.notYesOrNo("peut-être")))
        #expect(parse("objective", "   ") == .failure(.emptyValue("objective")))
    }

    @Test func decomposedAccentsMatchComposedOnes() throws {
        // "é" typed as e + U+0301, as a paste may give it.
        #expect(try parse("objective", "Etre vu du plus grand nombre").get() == .choice("visibility"))
        #expect(try parse("objective", "E\u{0301}tre vu du plus grand nombre").get() == .choice("visibility"))
    }
}
