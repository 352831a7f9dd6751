import ArgumentParser
import CoachKit
import Foundation

struct Rate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Your engagement rate, against the published figure for the same platform and basis.",
        discussion: """
            Figures are per post, averaged over recent posts. The rate is by reach when \
            --reach is given, else by impressions, else by followers, and is only ever \
            compared with a published figure on the same basis. Decimals take a point or a \
            comma (0,5).
            """)

    @OptionGroup var options: CommonOptions

    @Option(help: "Followers of the account.") var followers: String?
    @Option(help: "People reached per post (the rate is then by reach).") var reach: String?
    @Option(help: "Impressions per post (the rate is then by impressions).") var impressions: String?
    @Option(help: "Likes or reactions per post.") var likes: String
    @Option(help: "Comments per post.") var comments: String
    @Option(help: "Shares per post.") var shares: String
    @Option(help: "Saves per post.") var saves: String?
    @Option(help: "The platform: facebook, instagram, linkedin, tiktok, x, threads…") var platform: String?
    @Option(
        name: .customLong("size-band"),
        help: "The account's size band for the benchmark: auto (from the followers), none, or a band's id.")
    var sizeBand = "auto"

    @Flag(help: "Print JSON (schema coach.rate/1).")
    var json = false

    /// A number as people type it: `2.5` or `2,5`; `1,000` is refused as ambiguous.
    static func number(_ text: String?, option: String) throws -> Double? {
        guard let text else { return nil }
        var written = text.trimmingCharacters(in: .whitespaces)
        if written.contains(","), !written.contains(".") {
            let parts = written.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].count != 3 else {
                throw ValidationError("--\(option): '\(text)' is ambiguous; write 1000 or 1.5")
            }
            written = written.replacingOccurrences(of: ",", with: ".")
        }
        guard written.allSatisfy({ $0.isNumber || ".-+eE".contains($0) }), let value = Double(written)
        else {
            throw ValidationError("--\(option): '\(text)' is not a number")
        }
        return value
    }

    func run() throws {
        let language = options.language
        let knowledge = try options.loadKnowledge()
        let input: EngagementRating.Input
        do {
            input = EngagementRating.Input(
                followers: try Self.number(followers, option: "followers"),
                reach: try Self.number(reach, option: "reach"),
                impressions: try Self.number(impressions, option: "impressions"),
                likes: try Self.number(likes, option: "likes") ?? 0,
                comments: try Self.number(comments, option: "comments") ?? 0,
                shares: try Self.number(shares, option: "shares") ?? 0,
                saves: try Self.number(saves, option: "saves"),
                platform: platform?.lowercased(),
                sizeBand: sizeBand == "none" ? nil : sizeBand)
        } catch let error as ValidationError {
            throw Console.usage(error.message)
        }
        let platforms = knowledge.question("platforms")?.options.map(\.value) ?? []
        let rating: EngagementRating
        do {
            rating = try EngagementRating.rate(input, benchmarks: knowledge.benchmarks, platforms: platforms)
        } catch {
            throw Console.usage(RateWording.failure(error, language: language))
        }
        if json {
            Console.out(RateDocument.json(rating, knowledge: knowledge, language: language).text())
        } else {
            Console.out(RateWording(knowledge: knowledge, language: language).text(rating))
        }
    }
}
