import Foundation
import Testing

@Suite("coach ask, end to end")
struct AskCommandTests {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

    @Test func jsonFollowsTheSchemaBestFirst() throws {
        let result = try CoachProcess.run(["ask", "--json", "how do I get more comments on my posts"])
        #expect(result.status == 0, "\(result.stderr)")
        let answer = try CoachProcess.json(result.stdout)
        #expect(answer["schema"] as? String == "coach.ask/1")
        #expect(answer["query"] as? String == "how do I get more comments on my posts")
        #expect(answer["language"] as? String == "en")
        let results = try #require(answer["results"] as? [[String: Any]])
        #expect(results.count == 3)
        for entry in results {
            for key in ["id", "kind", "title", "summary", "source"] { #expect(entry[key] is String, "\(key)") }
            #expect(entry["score"] is Double || entry["score"] is Int)
        }
        let scores = results.compactMap { ($0["score"] as? NSNumber)?.doubleValue }
        #expect(scores == scores.sorted(by: >))
        let one = try CoachProcess.json(try CoachProcess.run(["ask", "--json", "--limit", "1", "newsletter"]).stdout)
        #expect((one["results"] as? [Any])?.count == 1)
    }

    @Test func theAnswerComesInTheQuestionsLanguage() throws {
        let french = try CoachProcess.run(["ask", "comment", "publier", "plus", "régulièrement", "?"])
        #expect(french.status == 0)
        #expect(french.stdout.contains("Étapes") && french.stdout.contains("Voir aussi"))
        let english = try CoachProcess.run(["ask", "how do I post more regularly"], environment: ["COACH_LANG": "fr"])
        #expect(english.stdout.contains("Steps") && english.stdout.contains("See also"))
        let forced = try CoachProcess.run(["ask", "--lang", "en", "comment publier plus régulièrement"])
        #expect(forced.stdout.contains("Steps"), "--lang wins over detection")
    }

    @Test func aQuestionOutsideTheGuidanceSaysSoAndListsTheTopics() throws {
        let result = try CoachProcess.run(["ask", "how do I change the brake pads on my car"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("I found nothing in the guidance"))
        #expect(result.stdout.contains("tip.regularity") && result.stdout.contains("concept.audience"))
        let json = try CoachProcess.json(try CoachProcess.run(["ask", "--json", "brake pads for my car"]).stdout)
        #expect((json["results"] as? [Any])?.isEmpty == true)
    }

    @Test func withAnswersItSaysWhatThePlanHoldsOnTheSubject() throws {
        let bakery = fixtures.appending(path: "bakery.yaml").path
        let result = try CoachProcess.run(["ask", "--answers", bakery, "how often should I post"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("In your plan"))
        let json = try CoachProcess.json(
            try CoachProcess.run(["ask", "--json", "--answers", bakery, "how often should I post"]).stdout)
        #expect((json["plan"] as? [Any])?.isEmpty == false)
    }

    @Test func usageErrors() throws {
        #expect(try CoachProcess.run(["ask"]).status == 64)
        #expect(try CoachProcess.run(["ask", "--limit", "0", "x"]).status == 64)
        #expect(try CoachProcess.run(["ask", "--answers", "/no/such.yaml", "x"]).status == 66)
    }
}
