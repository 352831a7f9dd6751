import Testing

@testable import CoachKit

@Suite("The condition language: checker")
struct CheckerTests {
    let symbols: [String: Checker.Symbol] = [
        "objective": .init(
            slot: 0, type: .choice(owner: "objective", options: ["visibility", "relationships", "both"])),
        "platforms": .init(slot: 1, type: .multi(owner: "platforms", options: ["discord", "instagram"])),
        "followers": .init(slot: 2, type: .number),
        "has_calendar": .init(slot: 3, type: .boolean),
        "name": .init(slot: 4, type: .text),
    ]

    func problems(_ source: String) throws -> [(Problem, Int)] {
        var checker = Checker(symbols: symbols)
        _ = checker.check(try Parser.parse(source), expecting: .boolean)
        return checker.errors.map { ($0.problem, $0.range.lowerBound) }
    }

    @Test func goodConditionsPassAndGetTheirSlots() throws {
        var checker = Checker(symbols: symbols)
        let (checked, type) = checker.check(
            try Parser.parse(
                "objective == 'both' and platforms contains 'discord' and followers / 2 > 1 and not has_calendar"),
            expecting: .boolean)
        #expect(checker.errors.isEmpty)
        #expect(type == .boolean)
        #expect(checked.variables.map(\.slot) == [0, 1, 2, 3])
    }

    @Test func namesTheParserResolvedAreKept() throws {
        let parsed = try Parser.parse("followers > 2 and has_calendar and nobody", names: NameSlots(symbols))
        #expect(parsed.variables.map(\.slot) == [2, 3, -1])
        var checker = Checker(symbols: symbols)
        let (checked, type) = checker.check(parsed, expecting: .boolean)
        #expect(type == .boolean)
        #expect(checked.variables.map(\.slot) == [2, 3, -1])
        #expect(checker.errors.map(\.problem) == [.unknownName("nobody", suggestion: nil)])
    }

    @Test func aMisspeltOptionIsFoundInsideTheText() throws {
        let found = try problems("followers > 10 and objective == 'visibilty'")
        #expect(found.count == 1)
        #expect(found.first?.0 == .notAnOption("visibilty", of: "objective", suggestion: "visibility"))
        #expect(found.first?.1 == 32)
    }

    @Test(arguments: [
        ("post_per_week > 1", Problem.unknownName("post_per_week", suggestion: nil), 0),
        ("followrs > 1", .unknownName("followrs", suggestion: "followers"), 0),
        ("platforms contains 'tiktok'", .notAnOption("tiktok", of: "platforms", suggestion: nil), 19),
        (
            "objective in ['both', 'relashionships']",
            .notAnOption("relashionships", of: "objective", suggestion: "relationships"), 22
        ),
        ("any(platforms, ['discrod'])", .notAnOption("discrod", of: "platforms", suggestion: "discord"), 16),
        (
            "count(objective) > 1",
            .typeMismatch(
                expected: "type.multi", expectedArguments: ["owner": ""], found: "type.choice",
                foundArguments: ["owner": "objective"]), 6
        ),
        ("answered(1)", .answeredNeedsAName, 9),
        ("count(platforms, 2) > 1", .wrongArgumentCount("count", expected: 1, found: 2), 0),
    ])
    func mistakesAreLocated(source: String, problem: Problem, offset: Int) throws {
        let found = try problems(source)
        #expect(found.first?.0 == problem, "\(found)")
        #expect(found.first?.1 == offset)
    }

    @Test func typeMismatchesAreReported() throws {
        #expect(try problems("followers > 'many'").count == 1)
        #expect(try problems("has_calendar + 1 > 2").count == 1)
        #expect(try problems("followers").count == 1, "a number is not a condition")
        #expect(try problems("objective contains 'both'").count == 1)
        #expect(try problems("platforms == 'discord'").count == 1)
        #expect(try problems("name == 'Léa' and followers == 3").isEmpty)
    }

    @Test func numberFunctionsTakeNumbersAndWholeDecimals() throws {
        #expect(try problems("max(followers, 2) > 1 and floor(followers) >= round(followers, 2)").isEmpty)
        let rounding = try problems("round(followers, 1.5) > 1")
        #expect(rounding.count == 1 && rounding.first?.0 == .roundDigits && rounding.first?.1 == 17)
        #expect(try problems("round(followers, 9) > 1").first?.0 == .roundDigits)
        #expect(try problems("min(followers) > 1").first?.0 == .wrongArgumentCount("min", expected: 2, found: 1))
        #expect(try !problems("max(has_calendar, 1) > 1").isEmpty, "a boolean is not a number")
    }
}
