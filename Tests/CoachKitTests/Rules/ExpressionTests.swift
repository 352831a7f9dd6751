import Testing

@testable import CoachKit

@Suite("The condition language: lexer and parser")
struct ExpressionTests {
    /// The tree as a compact string, to compare shapes.
    func shape(_ expression: Expression) -> String {
        switch expression.node {
        case .number(let number): number.plainText
        case .text(let text): "'\(text)'"
        case .boolean(let flag): String(flag)
        case .list(let elements): "[" + elements.map(shape).joined(separator: ",") + "]"
        case .variable(let name, _): name
        case .not(let operand): "not(\(shape(operand)))"
        case .negate(let operand): "-(\(shape(operand)))"
        case .and(let a, let b): "and(\(shape(a)),\(shape(b)))"
        case .or(let a, let b): "or(\(shape(a)),\(shape(b)))"
        case .compare(let op, let a, let b): "\(op.rawValue)(\(shape(a)),\(shape(b)))"
        case .arithmetic(let op, let a, let b): "\(op.rawValue)(\(shape(a)),\(shape(b)))"
        case .member(let a, let b): "in(\(shape(a)),\(shape(b)))"
        case .contains(let a, let b): "contains(\(shape(a)),\(shape(b)))"
        case .call(let function, let arguments):
            "\(function.rawValue)(" + arguments.map(shape).joined(separator: ",") + ")"
        }
    }

    @Test(arguments: [
        ("a or b and c", "or(a,and(b,c))"),
        ("not a and b", "and(not(a),b)"),
        ("not posts_per_week < 1", "not(<(posts_per_week,1))"),
        ("(a or b) and c", "and(or(a,b),c)"),
        ("1 + 2 * 3 - 4 / 2", "-(+(1,*(2,3)),/(4,2))"),
        ("-x * 2 >= 0.5", ">=(*(-(x),2),0.5)"),
        ("objective in ['visibility', \"both\"]", "in(objective,['visibility','both'])"),
        ("platforms contains 'discord'", "contains(platforms,'discord')"),
        ("any(platforms, ['a']) and count(formats) > 2", "and(any(platforms,['a']),>(count(formats),2))"),
        ("answered(name) == true", "==(answered(name),true)"),
    ])
    func precedence(source: String, expected: String) throws {
        #expect(shape(try Parser.parse(source)) == expected)
    }

    /// Each keyword is told apart by its length and first letter, then its letters:
    /// a name that shares the first two, or differs by its case, is still a name.
    @Test func namesThatLookLikeKeywordsAreNames() throws {
        for name in ["ant", "ox", "nor", "ix", "containz", "tree", "fa1se", "Not", "AND", "in_", "c"] {
            #expect(shape(try Parser.parse("\(name) == 1")) == "==(\(name),1)", "\(name)")
        }
        #expect(
            shape(try Parser.parse("not a and b or c contains 'x' and d in ['y'] or true"))
                == "or(or(and(not(a),b),and(contains(c,'x'),in(d,['y']))),true)")
        #expect(shape(try Parser.parse("false or x")) == "or(false,x)")
    }

    @Test func numbersReadTheSameWholeOrNot() throws {
        for (source, value) in [
            ("7", 7.0), ("007", 7), ("123456789012345", 123_456_789_012_345),
            ("1234567890123456", 1_234_567_890_123_456),
            ("2.50", 2.5), (".5", 0.5),
        ] {
            #expect(shape(try Parser.parse(source)) == value.plainText, "\(source)")
        }
        #expect(shape(try Parser.parse("nom == 'Zoë' and n > 12")) == "and(==(nom,'Zoë'),>(n,12))")
    }

    @Test func nodesKnowWhereTheyAre() throws {
        let expression = try Parser.parse("followers > 0 and objective == 'both'")
        guard case .and(let left, let right) = expression.node else {
            Issue.record("not an and")
            return
        }
        #expect(left.range == 0..<13)
        #expect(right.range == 18..<37)
        #expect(expression.range == 0..<37)
    }

    @Test(arguments: [
        ("posts = 1", Problem.singleEqual, 6),
        ("name == 'open", .unterminatedText, 8),
        ("a & b", .unexpectedCharacter("&"), 2),
        ("a and", .expectedExpression(found: nil), 5),
        ("a and )", .expectedExpression(found: ")"), 6),
        ("(a or b", .expectedToken(")", found: "the end"), 7),
        ("a b", .unexpectedToken("b"), 2),
        ("", .expectedExpression(found: nil), 0),
        ("cont(x)", .unknownFunction("cont", suggestion: "count"), 0),
        ("1.2.3 > 0", .malformedNumber("1.2.3"), 0),
        // Past an accent the lexer reads scalars, not bytes: offsets still count scalars.
        ("nom == 'café' & b", .unexpectedCharacter("&"), 14),
        ("nom == 'é' and\u{00A0}x é", .unexpectedCharacter("é"), 17),
        ("a ≠ b", .unexpectedCharacter("≠"), 2),
    ])
    func errorsSayWhatAndWhere(source: String, problem: Problem, offset: Int) {
        do {
            _ = try Parser.parse(source)
            Issue.record("\(source) parsed")
        } catch {
            #expect(error.problem == problem)
            #expect(error.range.lowerBound == offset)
        }
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let deep = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        #expect(throws: ExpressionError.self) { try Parser.parse(deep) }
        let nots = String(repeating: "not ", count: 10_000) + "a"
        #expect(throws: ExpressionError.self) { try Parser.parse(nots) }
        #expect(throws: Never.self) {
            try Parser.parse(String(repeating: "(", count: 40) + "a" + String(repeating: ")", count: 40))
        }
    }
}
