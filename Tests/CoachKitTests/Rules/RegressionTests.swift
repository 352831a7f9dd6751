import Foundation
import Testing

@testable import CoachKit

/// Inputs found in review that once gave a wrong answer or a crash.
@Suite("Regressions")
struct RegressionTests {
    @Test func hugeOptionNumbersAreRefusedNotOverflowed() throws {
        let knowledge = try KnowledgeBase.builtIn()
        let parser = AnswerParser(question: knowledge.question("objective")!)
        #expect(throws: Problem.self) { try parser.parse("-9223372036854775808").get() }
        #expect(throws: Problem.self) { try parser.parse("9223372036854775807").get() }
        #expect(throws: Problem.self) { try parser.parse("0").get() }
    }

    @Test func aCommaBeforeThreeDigitsIsAmbiguous() throws {
        let knowledge = try KnowledgeBase.builtIn()
        let followers = AnswerParser(question: knowledge.question("followers")!)
        #expect(followers.parse("1,000") == .failure(.ambiguousNumber("1,000")))
        #expect(try followers.parse("1 000").get() == .number(1_000))
        #expect(try AnswerParser(question: knowledge.question("posts_per_week")!).parse("1,5").get() == .number(1.5))
    }

    @Test func controlCharactersNeverReachAnAnswer() throws {
        let knowledge = try KnowledgeBase.builtIn()
        #expect(
            AnswerParser(question: knowledge.question("name")!).parse("Léa\u{1B}[2J") == .failure(.controlCharacter))
        #expect(throws: CoachError.self) {
            try AnswersFile.parse(Data("name: \"L\\e[2J\"\n".utf8), path: "a.yaml", knowledge: knowledge)
        }
    }

    @Test func validJSONThatYAMLRefusesIsStillRead() throws {
        let knowledge = try KnowledgeBase.builtIn()
        let answers = try AnswersFile.parse(
            Data(#"{"name": "Caf\ud83d\ude00"}"#.utf8), path: "a.json", knowledge: knowledge)
        #expect(answers["name"] == .text("Caf😀"))
    }

    @Test func aQuestionThatMattersOnlyWithAnotherIsStillAsked() throws {
        // The likes of a post count only with the comments and shares, in the engagement rate.
        let planner = Planner(knowledge: try KnowledgeBase.builtIn())
        let answers = Answers([
            "objective": .choice("relationships"), "followers": .number(1_000), "avg_comments": .number(3),
            "asks_questions": .boolean(false), "collects_feedback": .boolean(true),
        ])
        let missing = planner.plan(for: answers, language: .en).missing
        #expect(missing.contains("avg_likes") && missing.contains("avg_shares"), "\(missing)")
    }

    @Test func anAbsentValueDecidesAComparisonEvenBesideAnUnknownOne() throws {
        let symbols: [String: Checker.Symbol] = [
            "a": .init(slot: 0, type: .number), "b": .init(slot: 1, type: .number),
        ]
        var checker = Checker(symbols: symbols)
        let (expression, _) = checker.check(try Parser.parse("a + b > 1"), expecting: .boolean)
        #expect(Evaluator(values: [Value.none, nil]).truth(of: expression) == false)
        let (different, _) = checker.check(try Parser.parse("a != 1"), expecting: .boolean)
        #expect(Evaluator(values: [Value.none, nil]).truth(of: different) == true)
    }

    @Test func veryLongConditionsAreRefused() {
        let chain = (0..<5_000).map { "a\($0)" }.joined(separator: " and ")
        #expect(throws: ExpressionError.self) { try Parser.parse(chain) }
    }

    @Test func supersedingChainsAndCycles() throws {
        let folder = try temporaryFolder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: fixtures.appending(path: "rules"), to: folder)
        try FileManager.default.removeItem(at: folder.appending(path: "scenarios/quiet.yaml"))
        func rule(_ id: String, _ when: String, _ supersedes: [String]) -> String {
            """
              - id: \(id)
                when: \(when)
                priority: 50
                horizon: this_week
                source: tip.first
                supersedes: [\(supersedes.joined(separator: ", "))]
                fr: {title: \(id), detail: D}
                en: {title: \(id), detail: D}

            """
        }
        let chain =
            "rules:\n" + rule("t.top", "posts > 1", ["t.middle"]) + rule("t.middle", "calendar", ["t.low"])
            + rule("t.low", "posts > 1", [])
        try chain.write(to: folder.appending(path: "rules/all.yaml"), atomically: true, encoding: .utf8)
        let planner = Planner(knowledge: try KnowledgeBase.load(from: folder))
        // top fires and replaces middle, which is then out of the plan and replaces nothing.
        let plan = planner.plan(for: Answers(["posts": .number(5), "calendar": .boolean(true)]), language: .en)
        #expect(plan.actions.map(\.rule) == ["t.top", "t.low"])

        let cycle = "rules:\n" + rule("t.a", "posts > 1", ["t.b"]) + rule("t.b", "posts > 1", ["t.a"])
        try cycle.write(to: folder.appending(path: "rules/all.yaml"), atomically: true, encoding: .utf8)
        let report = try KnowledgeLoader.load(from: folder)
        #expect(
            report.diagnostics.map { $0.message(in: .en) }.contains(
                "these rules supersede each other in a cycle: t.a → t.b → t.a"))
    }
}
