import Foundation
import Testing

@Suite("coach rate, end to end")
struct RateCommandTests {
    @Test func jsonFollowsTheSchema() throws {
        let result = try CoachProcess.run([
            "rate", "--json", "--followers", "2000", "--likes", "40", "--comments", "5", "--shares", "2",
            "--platform", "tiktok",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rate = try CoachProcess.json(result.stdout)
        #expect(rate["schema"] as? String == "coach.rate/1")
        #expect((rate["engagement_rate"] as? NSNumber)?.doubleValue == 2.35)
        #expect(rate["basis"] as? String == "followers")
        let benchmark = try #require(rate["benchmark"] as? [String: Any])
        #expect(benchmark["platform"] as? String == "tiktok")
        #expect((benchmark["value"] as? NSNumber)?.doubleValue == 1.73)
        #expect(benchmark["source"] is String && benchmark["year"] is NSNumber)
        #expect(rate["verdict"] as? String == "above")
    }

    @Test func textSaysTheVerdictAndWhatAroundMeans() throws {
        let result = try CoachProcess.run([
            "rate", "--followers", "5000", "--likes", "60", "--comments", "10", "--shares", "5", "--platform",
            "instagram", "--lang", "fr",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Taux d'engagement : 1,5\u{00A0}%"))
        #expect(result.stdout.contains("« autour » veut dire à 25 % près"))
        #expect(result.stdout.contains("tranche de taille « nano »"))
        #expect(result.stdout.contains("Ce chiffre compte comme interactions : j'aime, commentaires."))
        let none = try CoachProcess.run([
            "rate", "--reach", "800", "--likes", "20", "--comments", "2", "--shares", "1", "--platform", "instagram",
        ])
        #expect(none.stdout.contains("No published figure by reach was found for Instagram: no verdict."))
        #expect(!none.stdout.contains("nan") && !none.stdout.contains("inf"))
    }

    @Test(arguments: [
        (["--followers", "0"], "--followers must be more than 0"),
        (["--followers=-5"], "--followers cannot be negative"),
        (["--followers", "abc"], "'abc' is not a number"),
        (["--followers", "nan"], "'nan' is not a number"),
        (["--followers", "1e400"], "--followers must be a finite number"),
        (["--followers", "1,000"], "is ambiguous"),
        ([String](), "give --followers, --reach or --impressions"),
        (["--followers", "100", "--platform", "instgram"], "did you mean 'instagram'?"),
    ])
    func badFiguresAreUsageErrors(arguments: [String], message: String) throws {
        let result = try CoachProcess.run(
            ["rate", "--likes", "1", "--comments", "1", "--shares", "1"] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
