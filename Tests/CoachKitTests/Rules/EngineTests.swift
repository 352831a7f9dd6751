import Foundation
import Testing

@testable import CoachKit

@Suite("The engine: facts, rules, the interview, explanations")
struct EngineTests {
    let knowledge: KnowledgeBase
    let planner: Planner

    init() throws {
        knowledge = try KnowledgeBase.load(from: fixtures.appending(path: "rules"))
        planner = Planner(knowledge: knowledge)
    }

    func plan(_ answers: [String: Answers.Answer]) -> Plan {
        planner.plan(for: Answers(answers), language: .en)
    }

    @Test func anEmptyProfileAsksTheWeightiestQuestionFirst() {
        let plan = plan([:])
        #expect(plan.actions.isEmpty)
        #expect(plan.missing == ["posts", "objective", "followers", "calendar", "platforms"])
        #expect(!plan.missing.contains("nickname"), "no rule needs it")
        #expect(!plan.missing.contains("likes"), "asked only once followers > 0")
    }

    @Test func aStrongerRuleSupersedesAWeakerOne() {
        let plan = plan(["posts": .number(0)])
        #expect(plan.actions.map(\.rule) == ["regularity.start"])
        #expect(plan.actions.first?.detail == "You post 0 times.")
        #expect(plan.actions.first?.because == ["posts = 0"])
        let explanation = planner.explain(rule: "regularity.more", answers: Answers(["posts": .number(0)]))
        #expect(explanation?.status == .superseded(by: "regularity.start"))
    }

    @Test func actionsComeByPriorityWithTheirReasons() {
        let plan = plan([
            "posts": .number(1), "calendar": .boolean(false), "followers": .number(200), "likes": .number(1),
        ])
        #expect(plan.actions.map(\.rule) == ["regularity.more", "rate.low", "regularity.calendar"])
        #expect(plan.actions[1].detail == "Your rate is 0.5%.")
        #expect(plan.actions[1].because == ["rate = 0.5"])
        #expect(plan.actions[2].because == ["posts = 1", "calendar = false"])
        #expect(plan.facts.map(\.id) == ["rate"])
        let french = planner.plan(
            for: Answers(["followers": .number(200), "likes": .number(1)]), language: .fr)
        #expect(french.actions.first?.detail == "Votre taux est de 0,5 %.")
    }

    @Test func aQuestionThatCannotChangeThePlanIsNeverMissing() {
        // always.true: `followers >= 0 and calendar` — followers is ≥ 0 whatever the
        // answer, so only calendar decides it.
        let plan = plan(["posts": .number(5), "objective": .choice("relationships"), "platforms": .multi([])])
        #expect(plan.missing == ["followers", "calendar"])
        let onlyCalendar = self.plan([
            "posts": .number(5), "objective": .choice("relationships"), "platforms": .multi([]),
            "followers": .number(0),
        ])
        #expect(onlyCalendar.missing == ["calendar"], "likes does not apply: followers is 0")
        #expect(planner.rulesWaiting(on: "calendar", answers: Answers(["posts": .number(5)])) == ["always.true"])
    }

    @Test func askIfSetsAnAnswerAsideWhileItDoesNotHold() {
        let withFollowers = plan(["followers": .number(100), "likes": .number(0)])
        #expect(withFollowers.actions.map(\.rule).contains("rate.low"))
        let without = plan(["followers": .number(0), "likes": .number(0)])
        #expect(!without.actions.map(\.rule).contains("rate.low"))
        #expect(without.facts.isEmpty, "no rate without followers")
    }

    @Test func changingAnAnswerRederivesEverything() {
        let before = plan(["objective": .choice("visibility"), "platforms": .multi(["discord"])])
        #expect(before.diagnosis.map(\.id) == ["diagnosis.media"])
        #expect(!before.actions.map(\.rule).contains("community.discord"))
        let after = plan(["objective": .choice("relationships"), "platforms": .multi(["discord"])])
        #expect(after.diagnosis.isEmpty)
        #expect(after.actions.map(\.rule) == ["community.discord"])
        #expect(after.facts.first { $0.id == "orientation" }?.value == .text("network"))
    }

    @Test func whyNotNamesWhatFailedAndWhatIsUnknown() throws {
        let answers = Answers(["posts": .number(1)])
        let explanation = try #require(planner.explain(rule: "regularity.calendar", answers: answers))
        #expect(explanation.status == .pending)
        #expect(
            explanation.conditions == [
                .init(text: "posts < 2", truth: true, waitingOn: []),
                .init(text: "not calendar", truth: nil, waitingOn: ["calendar"]),
            ])
        let failed = try #require(planner.explain(rule: "regularity.start", answers: answers))
        #expect(failed.status == .failed)
        #expect(failed.conditions == [.init(text: "posts == 0", truth: false, waitingOn: [])])
        #expect(
            planner.explain(topic: "concept.first", answers: answers).map(\.rule) == [
                "rate.low", "community.discord", "diagnosis.media",
            ])
    }

    @Test func theFixtureScenarioPasses() throws {
        #expect(knowledge.scenarios.isEmpty, "scenarios are for coach check only")
        let withScenarios = try #require(try KnowledgeLoader.load(from: fixtures.appending(path: "rules")).knowledge)
        #expect(withScenarios.scenarios.count == 1)
        #expect(ScenarioRunner(knowledge: withScenarios).run().isEmpty)
    }

    /// The interview tries a question's values far apart first: both ends, then on a
    /// grid that halves. Every value is tried once, whatever their number.
    @Test func triesEveryProbeOnceFarApartFirst() {
        for count in 0...70 {
            let order = Array(Probes.SpreadOrder(count: count))
            #expect(order.sorted() == Array(0..<count), "\(count) values")
            if count >= 2 { #expect(order.prefix(2) == [0, count - 1]) }
        }
        #expect(Array(Probes.SpreadOrder(count: 9)) == [0, 8, 4, 2, 6, 1, 3, 5, 7])
        #expect(Array(Probes.SpreadOrder(count: 6)) == [0, 5, 4, 2, 1, 3])
    }
}
