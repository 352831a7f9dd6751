import CoachKit

/// `coach rate`: an engagement rate, against the published figure for the same
/// platform and basis.
struct Rate: Command {
    let options: CommonOptions
    let followers: String?
    let reach: String?
    let impressions: String?
    let likes: String
    let comments: String
    let shares: String
    let saves: String?
    let platform: String?
    /// The account's size band: `auto` (from the followers), `none`, or a band's id.
    let sizeBand: String
    let json: Bool
    let command: CommandSyntax.Name?

    init(_ invocation: Invocation) {
        options = CommonOptions(invocation)
        followers = invocation[.followers]
        reach = invocation[.reach]
        impressions = invocation[.impressions]
        // Required: the parser has checked that they are given.
        likes = invocation[.likes] ?? ""
        comments = invocation[.comments] ?? ""
        shares = invocation[.shares] ?? ""
        saves = invocation[.saves]
        platform = invocation[.platform]
        sizeBand = invocation[.sizeBand] ?? "auto"
        json = invocation.has(.json)
        command = invocation.helpCommand
    }

    /// A number as answers files take it (`2.5`, `2,5`; `1,000` refused as ambiguous).
    func number(_ text: String?, option: CommandSyntax.Option, language: Language) throws(UsageError) -> Double? {
        guard let text else { return nil }
        switch Answers.number(typed: text) {
        case .success(let value): return value
        case .failure(let problem):
            throw UsageError(
                "usage.option_value", ["option": "--" + option.rawValue],
                phrases: ["problem": problem.description(in: language)], command: command)
        }
    }

    func run() throws {
        let language = options.language
        let input = EngagementRating.Input(
            followers: try number(followers, option: .followers, language: language),
            reach: try number(reach, option: .reach, language: language),
            impressions: try number(impressions, option: .impressions, language: language),
            likes: try number(likes, option: .likes, language: language) ?? 0,
            comments: try number(comments, option: .comments, language: language) ?? 0,
            shares: try number(shares, option: .shares, language: language) ?? 0,
            saves: try number(saves, option: .saves, language: language),
            platform: platform?.lowercased(),
            sizeBand: sizeBand == "none" ? nil : sizeBand)
        let knowledge = try options.loadKnowledge(.interview)
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
