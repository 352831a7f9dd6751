import Testing

@testable import CoachKit

@Suite("Three-valued evaluation")
struct EvaluatorTests {
    /// Slots: 0 a (boolean), 1 b (boolean), 2 n (number), 3 list (multi), 4 choice.
    func truth(_ source: String, _ values: [Value?]) throws -> Bool? {
        let symbols: [String: Checker.Symbol] = [
            "a": .init(slot: 0, type: .boolean), "b": .init(slot: 1, type: .boolean),
            "n": .init(slot: 2, type: .number),
            "list": .init(slot: 3, type: .multi(owner: "list", options: ["x", "y"])),
            "choice": .init(slot: 4, type: .choice(owner: "choice", options: ["p", "q"])),
        ]
        var checker = Checker(symbols: symbols)
        let (expression, _) = checker.check(try Parser.parse(source), expecting: .boolean)
        #expect(checker.errors.isEmpty)
        return Evaluator(values: values).truth(of: expression)
    }

    let unknown: [Value?] = [nil, nil, nil, nil, nil]

    @Test func andOrNotWithUnknowns() throws {
        let t: Value? = .boolean(true)
        let f: Value? = .boolean(false)
        #expect(try truth("a and b", [f, nil, nil, nil, nil]) == false)
        #expect(try truth("a and b", [nil, f, nil, nil, nil]) == false)
        #expect(try truth("a and b", [t, nil, nil, nil, nil]) == nil)
        #expect(try truth("a or b", [nil, t, nil, nil, nil]) == true)
        #expect(try truth("a or b", [f, nil, nil, nil, nil]) == nil)
        #expect(try truth("a or b", [f, f, nil, nil, nil]) == false)
        #expect(try truth("not a", unknown) == nil)
        #expect(try truth("not a", [f, nil, nil, nil, nil]) == true)
    }

    @Test func comparisonsArithmeticAndFunctions() throws {
        let values: [Value?] = [nil, nil, .number(4), .list(["y"]), .text("q")]
        #expect(try truth("n * 2 + 1 == 9", values) == true)
        #expect(try truth("n / 0 > 1", values) == false, "a division by zero has no value")
        #expect(try truth("n / 0 <= 1", values) == false)
        #expect(try truth("list contains 'y' and not (list contains 'x')", values) == true)
        #expect(try truth("any(list, ['x', 'y']) and count(list) == 1", values) == true)
        #expect(try truth("choice in ['p', 'q'] and choice != 'p'", values) == true)
        #expect(try truth("answered(n) and not answered(a)", values) == nil, "a is not answered yet")
        #expect(try truth("n > 3 or a", values) == true)
        #expect(try truth("n > 5 and a", values) == false)
    }

    @Test func aValueKnownToBeAbsentIsNotUnknown() throws {
        let values: [Value?] = [Value.none, nil, Value.none, Value.none, Value.none]
        #expect(try truth("answered(a)", values) == false)
        #expect(try truth("n > 1", values) == false)
        #expect(try truth("n <= 1", values) == false)
        #expect(try truth("count(list) == 0", values) == true)
        #expect(try truth("choice == 'p'", values) == false)
    }

    @Test func numberFunctions() throws {
        let values: [Value?] = [nil, nil, .number(2.345), nil, nil]
        #expect(try truth("min(n, 1) == 1 and max(n, 1) == n", values) == true)
        #expect(try truth("floor(n) == 2 and round(n, 1) == 2.3 and round(n, 0) == 2", values) == true)
        #expect(try truth("max(n, 10) > 5", unknown) == nil, "an unknown argument leaves it unknown")
        #expect(try truth("max(n / 0, 10) > 5", values) == false, "an absent argument makes it absent")
    }
}
