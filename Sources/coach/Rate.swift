import ArgumentParser
import CoachKit
import FoundationEssentials

struct Rate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate", _superCommandName: "coach",
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

    /// A number as answers files take it (`2.5`, `2,5`; `1,000` refused as ambiguous).
    static func number(_ text: String?, option: String, language: Language) throws -> Double? {
        guard let text else { return nil }
        switch Answers.number(typed: text) {
        case .success(let value): return value
        case .failure(let problem): throw ValidationError("--\(option): " + problem.description(in: language))
        }
    }

    func run() throws {
        let language = options.language
        let knowledge = try options.loadKnowledge(.interview)
        let input: EngagementRating.Input
        do {
            input = EngagementRating.Input(
                followers: try Self.number(followers, option: "followers", language: language),
                reach: try Self.number(reach, option: "reach", language: language),
                impressions: try Self.number(impressions, option: "impressions", language: language),
                likes: try Self.number(likes, option: "likes", language: language) ?? 0,
                comments: try Self.number(comments, option: "comments", language: language) ?? 0,
                shares: try Self.number(shares, option: "shares", language: language) ?? 0,
                saves: try Self.number(saves, option: "saves", language: language),
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
