/// `coach rate` in words: the rate, the figure it is set against, the verdict and
/// what to do, or why there is no verdict.
public struct RateWording: Sendable {
    let wording: PlanWording

    public init(knowledge: KnowledgeBase, language: Language) {
        wording = PlanWording(knowledge: knowledge, language: language)
    }

    private var knowledge: KnowledgeBase { wording.knowledge }
    private var strings: Strings { wording.strings }
    private var values: ValueRenderer { wording.values }
    private var language: Language { wording.language }
    private func percent(_ value: Double) -> String { wording.percent(value) }
    private func platform(_ value: String) -> String { wording.platform(value) }

    public func text(_ rating: EngagementRating) -> String {
        var lines = [
            strings(
                "rate.rate",
                [
                    "rate": percent(rating.rate), "basis": strings("rate.basis.\(rating.basis.rawValue)"),
                    "interactions": values.format(rating.interactions),
                    "denominator": strings(
                        "rate.denominator.\(rating.basis.rawValue)", ["count": values.format(rating.denominator)]),
                ])
        ]
        if let figure = rating.benchmark, let report = rating.report, let verdict = rating.verdict {
            var line = strings(
                "rate.benchmark",
                [
                    "statistic": strings("plan.statistic.\(figure.statistic.rawValue)"),
                    "value": percent(figure.value), "publisher": report.publisher, "year": String(report.year),
                    "population": figure.population[language], "platform": platform(figure.platform),
                    "basis": strings("rate.basis.\(figure.basis.rawValue)"),
                ])
            if !report.readAtSource { line += " (" + strings("plan.sources.second_hand") + ")" }
            lines.append(line)
            if !figure.counted.isEmpty {
                let counted = figure.counted.map {
                    strings.has("interaction.\($0)") ? strings("interaction.\($0)") : $0
                }
                lines.append(strings("rate.counted", ["counted": counted.joined(separator: ", ")]))
            }
            if let band = rating.band { lines.append(strings("rate.band", ["band": band])) }
            lines.append(
                strings(
                    "rate.verdict",
                    [
                        "verdict": strings("rate.verdict.\(verdict.rawValue)"),
                        "percent": values.format(rating.tolerance * 100),
                    ]))
            if let advice = knowledge.benchmarks.advice[verdict.rawValue] { lines.append(advice[language]) }
        } else {
            if let platform = rating.platform {
                lines.append(
                    strings(
                        "rate.no_figure",
                        ["platform": self.platform(platform), "basis": strings("rate.basis.\(rating.basis.rawValue)")]))
            } else {
                lines.append(strings("rate.no_platform"))
            }
            if let advice = knowledge.benchmarks.advice["none"] { lines.append(advice[language]) }
        }
        return lines.joined(separator: "\n")
    }

    /// The message of a failure, naming the option at fault.
    public static func failure(_ error: Error, language: Language) -> String {
        let strings = Strings.table(for: language)
        guard let failure = error as? EngagementRating.Failure else { return "\(error)" }
        switch failure {
        case .notFinite(let name): return strings("rate.error.not_finite", ["option": name])
        case .negative(let name): return strings("rate.error.negative", ["option": name])
        case .noDenominator: return strings("rate.error.no_denominator")
        case .zero(let name): return strings("rate.error.zero", ["option": name])
        case .unknownPlatform(let name, let suggestion):
            return strings("rate.error.platform", ["platform": name])
                + (suggestion.map { "; " + strings("hint.did_you_mean", ["name": $0]) } ?? "")
        case .unknownBand(let name, let suggestion):
            return strings("rate.error.band", ["band": name])
                + (suggestion.map { "; " + strings("hint.did_you_mean", ["name": $0]) } ?? "")
        }
    }
}

/// `coach rate --json`: schema `coach.rate/1`.
public enum RateDocument {
    public static func json(_ rating: EngagementRating, knowledge: KnowledgeBase, language: Language) -> JSON {
        var benchmark = JSON.null
        if let figure = rating.benchmark {
            benchmark = .object([
                ("platform", .string(figure.platform)),
                ("value", .number(figure.value)),
                ("source", .string(rating.report?.title ?? figure.report)),
                ("year", rating.report.map { .number(Double($0.year)) } ?? .null),
                ("publisher", JSON(rating.report?.publisher)),
                ("statistic", .string(figure.statistic.rawValue)),
                ("basis", .string(figure.basis.rawValue)),
                ("band", JSON(figure.band)),
                ("counted", .array(figure.counted.map(JSON.string))),
                ("read", .string(rating.report?.readAtSource == true ? "source" : "second_hand")),
            ])
        }
        let advice = knowledge.benchmarks.advice[rating.verdict?.rawValue ?? "none"]?[language]
        return .object([
            ("schema", .string("coach.rate/1")),
            ("engagement_rate", .number((rating.rate * 1000).rounded() / 1000)),
            ("basis", .string(rating.basis.rawValue)),
            ("benchmark", benchmark),
            ("verdict", JSON(rating.verdict?.rawValue)),
            ("around", .number(rating.tolerance)),
            ("interactions", .number(rating.interactions)),
            ("denominator", .number(rating.denominator)),
            ("advice", JSON(advice)),
        ])
    }
}
