/// The words a rendering of the plan shares with every other: titles, labels,
/// values with their units, and sentences built from the plan's parts. Renderers
/// only lay them out (and escape or wrap them).
public struct PlanWording: Sendable {
    let knowledge: KnowledgeBase
    let strings: Strings
    let values: ValueRenderer

    public init(knowledge: KnowledgeBase, language: Language) {
        self.knowledge = knowledge
        strings = Strings.table(for: language)
        values = ValueRenderer(knowledge: knowledge, language: language)
    }

    var language: Language { strings.language }

    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        strings(key, arguments)
    }

    public func title(of plan: Plan) -> String {
        plan.name.map { strings("plan.title_named", ["name": $0]) } ?? strings("plan.title")
    }

    /// `2026-11-26` as `November 26, 2026` or `26 novembre 2026`; any other text as is.
    public func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return iso }
        let day = parts[2] == 1 ? strings("date.first_day") : String(parts[2])
        return strings(
            "date.long", ["day": day, "month": strings("month.\(parts[1])"), "year": String(parts[0])])
    }

    /// The title of the knowledge entry an action or item comes from.
    public func sourceTitle(_ id: String) -> String {
        knowledge.topic(id)?.text[language].title ?? id
    }

    /// "Why: … — from “…”" for an action.
    public func why(_ action: Plan.Action) -> String {
        strings("plan.why", ["because": action.because.joined(separator: ", "), "source": sourceTitle(action.source)])
    }

    public func platform(_ value: String) -> String { label(value, of: "platforms") }
    public func format(_ value: String) -> String { label(value, of: "formats") }
    public func day(_ day: Weekday) -> String { strings("day.\(day.rawValue)") }

    private func label(_ value: String, of question: String) -> String {
        knowledge.question(question)?.option(value)?.label[language] ?? value
    }

    /// The platforms, as a list a reader expects: "Instagram, TikTok".
    public func list(_ platforms: [String]) -> String {
        platforms.map(platform).joined(separator: ", ")
    }

    // MARK: - Parts

    /// A rate as a number: a tiny one keeps the precision of the smallest figures
    /// (X's 0.015 %).
    func rateText(_ rate: Double) -> String {
        values.format(rate, decimals: rate < 0.1 ? 3 : 2)
    }

    /// A percentage with its sign, as the language writes it (`1,5 %`, `1.5%`).
    public func percent(_ value: Double) -> String {
        strings("plan.percent", ["value": rateText(value)])
    }

    /// The engagement rate in a short sentence for the summary: the verdicts, each
    /// with its platforms; the diagnosis gives the figures.
    func engagementSummary(_ engagement: Plan.Engagement) -> String {
        guard !engagement.comparisons.isEmpty else { return engagementSentence(engagement) }
        let rate = rateText(engagement.rate)
        let verdicts = [Plan.Verdict.above, .around, .below].compactMap { verdict -> String? in
            let platforms = engagement.comparisons.filter { $0.verdict == verdict }.map {
                platform($0.benchmark.platform)
            }
            guard !platforms.isEmpty else { return nil }
            return strings(
                "plan.summary.verdict",
                [
                    "verdict": strings("plan.verdict.\(verdict.rawValue)"),
                    "platforms": platforms.joined(separator: strings("plan.summary.platform_separator")),
                ])
        }
        return strings(
            "plan.summary.engagement",
            ["rate": rate, "verdicts": verdicts.joined(separator: strings("plan.engagement.and"))])
    }

    /// The engagement rate in a sentence, set against each published figure.
    func engagementSentence(_ engagement: Plan.Engagement) -> String {
        let rate = rateText(engagement.rate)
        if engagement.comparisons.isEmpty {
            guard !engagement.unpublished.isEmpty else { return strings("plan.engagement.plain", ["rate": rate]) }
            return strings(
                "plan.engagement.no_benchmark",
                ["rate": rate, "platform": engagement.unpublished.map(platform).joined(separator: ", ")])
        }
        let clauses = engagement.comparisons.map { comparison in
            let figure = comparison.benchmark
            return strings(
                "plan.engagement.against",
                [
                    "verdict": strings("plan.verdict.\(comparison.verdict.rawValue)"),
                    "statistic": strings("plan.statistic.\(figure.statistic.rawValue)"),
                    "value": values.format(figure.value, decimals: 3), "publisher": comparison.report.publisher,
                    "year": String(comparison.report.year), "population": figure.population[language],
                    "platform": platform(figure.platform),
                ])
        }
        return strings(
            "plan.engagement.compared",
            ["rate": rate, "comparisons": clauses.joined(separator: strings("plan.engagement.and"))])
    }

    /// The engagement rate against its benchmark, and what "around" means.
    public func engagement(_ engagement: Plan.Engagement) -> String {
        let sentence = engagementSentence(engagement)
        guard !engagement.comparisons.isEmpty else { return sentence }
        return sentence + " "
            + strings("plan.engagement.tolerance", ["percent": values.format(engagement.tolerance * 100)])
    }

    public func rhythmIntro(_ rhythm: Plan.Rhythm) -> String {
        var arguments = ["posts": String(rhythm.postsPerWeek), "platforms": list(rhythm.platforms)]
        let plural = rhythm.postsPerWeek == 1 ? ".one" : ""
        guard let hours = rhythm.hoursPerWeek else { return strings("plan.rhythm.intro" + plural, arguments) }
        arguments["hours"] = values.format(hours)
        return strings("plan.rhythm.intro_hours" + plural, arguments)
    }

    /// An indicator's value today, with its unit, or "to measure".
    public func now(_ indicator: Plan.Indicator) -> String {
        guard let value = indicator.now else { return strings("plan.indicators.unknown") }
        if case .number(let number) = value { return quantity(number, unit: indicator.unit) }
        let guide = knowledge.planGuide.indicators.first { $0.id == indicator.id }
        if case .variable(_, let slot)? = guide?.now?.node { return values.localized(value, slot: Int(slot)) }
        return values.localized(value, slot: Int.max)
    }

    public func target(_ indicator: Plan.Indicator) -> String {
        indicator.target.map { quantity($0, unit: indicator.unit) } ?? "—"
    }

    private func quantity(_ number: Double, unit: PlanGuide.Indicator.Unit) -> String {
        unit == .percent ? strings("plan.percent", ["value": values.format(number)]) : values.format(number)
    }

    /// A report as a reference: "Rival IQ, “Title” (2025)".
    public func reference(_ source: Plan.Source) -> String {
        switch source.kind {
        case .section:
            return strings("plan.sources.section", ["title": source.title])
        case .report:
            var text = strings("plan.sources.report", ["title": source.title])
            if let publisher = source.publisher { text = publisher + ", " + text }
            if let year = source.year { text += " (\(year))" }
            return text
        }
    }

    /// The article as a reference: its title and publisher.
    public var article: String {
        strings(
            "plan.sources.article",
            ["title": knowledge.article.title[language], "publisher": knowledge.article.publisher[language]])
    }
}
