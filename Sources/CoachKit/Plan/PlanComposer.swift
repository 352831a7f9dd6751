/// Puts together the parts of the plan that go beyond the rules: the engagement
/// rate against its benchmark, the weekly rhythm, the indicators, the opening
/// summary, and the concepts and sources the plan relies on.
struct PlanComposer {
    let knowledge: KnowledgeBase
    let language: Language
    let values: [Value?]
    let firedRules: [Int]

    private var evaluator: Evaluator { Evaluator(values: values) }
    private var strings: Strings { Strings.table(for: language) }

    func compose(_ plan: inout Plan) {
        plan.engagement = engagement()
        plan.rhythm = rhythm()
        // Indicators follow a plan that has taken shape, not an empty profile.
        plan.indicators = plan.actions.isEmpty && plan.diagnosis.isEmpty ? [] : indicators()
        plan.summary = summary(of: plan)
        plan.concepts = concepts(of: plan)
        plan.sources = sources(of: plan)
    }

    /// The value of a question or fact, when known and present.
    private func value(_ id: String) -> Value? {
        let slot =
            knowledge.questions.firstIndex { $0.id == id }
            ?? knowledge.facts.firstIndex { $0.id == id }.map { knowledge.questions.count + $0 }
        guard let slot, let value = values[slot], value != .none else { return nil }
        return value
    }

    private func number(_ expression: Expression) -> Double? {
        guard case .number(let number)? = evaluator.evaluate(expression), number.isFinite else { return nil }
        return number
    }

    // MARK: - Engagement

    private func engagement() -> Plan.Engagement? {
        guard case .number(let rate)? = value("engagement_rate"), rate.isFinite else { return nil }
        let benchmarks = knowledge.benchmarks
        var platforms: [String] = []
        if case .list(let answered)? = value("platforms") { platforms = answered }
        var comparisons: [Plan.Comparison] = []
        var unpublished: [String] = []
        // The figure for the account's size band where a report gives one, as `coach rate` does.
        var band: String?
        if case .number(let followers)? = value("followers") { band = benchmarks.band(for: followers)?.id }
        for platform in platforms {
            guard let figure = benchmarks.figure(platform: platform, basis: .followers, preferring: band),
                let report = benchmarks.report(figure.report)
            else {
                unpublished.append(platform)
                continue
            }
            comparisons.append(
                Plan.Comparison(
                    benchmark: figure, report: report, verdict: benchmarks.verdict(for: rate, against: figure)))
        }
        return Plan.Engagement(
            rate: rate, comparisons: comparisons, unpublished: unpublished, tolerance: benchmarks.around)
    }

    // MARK: - Rhythm

    private func rhythm() -> Plan.Rhythm? {
        guard let guide = knowledge.planGuide.rhythm, evaluator.truth(of: guide.condition) == true,
            let count = number(guide.posts), count >= 1,
            case .list(let answered)? = value("platforms")
        else { return nil }
        let posts = Int(min(count, Double(guide.days.count)).rounded(.down))
        guard posts >= 1 else { return nil }
        let usable = answered.filter { guide.formats[$0] != nil }
        guard !usable.isEmpty else { return nil }
        let platforms = Array(usable.prefix(max(1, min(usable.count, posts / guide.postsPerPlatform))))
        var userFormats: [String]?
        if case .list(let formats)? = value("formats"), !formats.isEmpty { userFormats = formats }
        let purposes = guide.purposes.filter { $0.condition.map { evaluator.truth(of: $0) == true } ?? true }
        let days = guide.days.prefix(posts).sorted()
        var used: [String: Int] = [:]
        var slots: [Plan.Slot] = []
        for (index, day) in days.enumerated() {
            let platform = platforms[index % platforms.count]
            let suitable = guide.formats[platform] ?? []
            let preferred = suitable.filter { userFormats?.contains($0) ?? true }
            let formats = preferred.isEmpty ? suitable : preferred
            let turn = used[platform, default: 0]
            used[platform] = turn + 1
            let format = formats.isEmpty ? "" : formats[turn % formats.count]
            let purpose = purposes.isEmpty ? "" : purposes[index % purposes.count].label[language]
            slots.append(Plan.Slot(day: day, platform: platform, format: format, purpose: purpose))
        }
        var hours: Double?
        if case .number(let value)? = value("hours_per_week") { hours = value }
        return Plan.Rhythm(
            postsPerWeek: posts, platforms: platforms, slots: slots, hoursPerWeek: hours, source: guide.source)
    }

    // MARK: - Indicators

    private func indicators() -> [Plan.Indicator] {
        knowledge.planGuide.indicators.compactMap { indicator in
            if let condition = indicator.condition, evaluator.truth(of: condition) != true { return nil }
            var now = indicator.now.flatMap { evaluator.evaluate($0) }
            if now == Value.none { now = nil }
            if case .number(let number)? = now, !number.isFinite { now = nil }
            let text = indicator.text[language]
            return Plan.Indicator(
                id: indicator.id, title: text.title, now: now, target: indicator.target.flatMap(number),
                unit: indicator.unit, note: text.target, source: indicator.source)
        }
    }

    // MARK: - Summary

    private func summary(of plan: Plan) -> String {
        var sentences: [String] = []
        let clauses = knowledge.planGuide.summary.compactMap { summary -> String? in
            guard case .text(let option)? = value(summary.fact) else { return nil }
            return summary.clauses[option]?[language]
        }
        if clauses.count >= 2 {
            sentences.append(
                strings("plan.summary.both", ["first": clauses[0], "second": lowercasingFirst(clauses[1])]))
        } else if let clause = clauses.first {
            sentences.append(strings("plan.summary.one", ["first": clause]))
        }
        if let engagement = plan.engagement {
            sentences.append(PlanWording(knowledge: knowledge, language: language).engagementSummary(engagement))
        }
        // The three weightiest actions, under the numbers the document gives them,
        // in that order.
        let order = plan.numberedOrder
        let top = plan.actions.indices.prefix(3).compactMap { order.firstIndex(of: $0) }.sorted().map { number in
            strings("plan.summary.item", ["number": String(number + 1), "title": plan.actions[order[number]].title])
        }
        if !top.isEmpty {
            sentences.append(
                strings("plan.summary.priorities", ["list": top.joined(separator: strings("plan.summary.separator"))]))
        }
        return sentences.joined(separator: " ")
    }

    private func lowercasingFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    // MARK: - Concepts and sources

    private func concepts(of plan: Plan) -> [Plan.Concept] {
        var used = Set(plan.diagnosis.map(\.source) + plan.actions.map(\.source) + plan.indicators.map(\.source))
        if let rhythm = plan.rhythm, let guide = knowledge.planGuide.rhythm {
            used.insert(rhythm.source)
            used.formUnion(
                guide.purposes.filter { purpose in rhythm.slots.contains { $0.purpose == purpose.label[language] } }
                    .map(\.source))
        }
        return knowledge.topics.filter { used.contains($0.id) }.map { topic in
            let text = topic.text[language]
            return Plan.Concept(id: topic.id, title: text.title, text: Self.firstSentence(of: text.summary))
        }
    }

    /// The text up to the end of its first sentence: a `.`, `!` or `?` followed by a
    /// space and a capital. Read by bytes: the marks and the space are ASCII, which
    /// in UTF-8 never stands inside another character's bytes; only the letter after
    /// them is read as a scalar.
    static func firstSentence(of text: String) -> String {
        let bytes = text.utf8
        var index = bytes.startIndex
        while let mark = bytes[index...].firstIndex(where: { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }) {
            let space = bytes.index(after: mark)
            guard space != bytes.endIndex else { break }
            let capital = bytes.index(after: space)
            if bytes[space] == 0x20, capital != bytes.endIndex, text.unicodeScalars[capital].properties.isUppercase {
                return String(text.unicodeScalars[...mark])
            }
            index = space
        }
        return text
    }

    private func sources(of plan: Plan) -> [Plan.Source] {
        let topicIDs = Set(plan.concepts.map(\.id))
        let sectionIDs = Set(knowledge.topics.filter { topicIDs.contains($0.id) }.map(\.source))
        let sections = knowledge.article.sections.filter { sectionIDs.contains($0.id) }.map { section in
            Plan.Source(kind: .section, id: section.id, title: section.heading[language])
        }
        var reportIDs = Set(firedRules.flatMap { knowledge.rules[$0].reports })
        let shown = Set(plan.indicators.map(\.id))
        reportIDs.formUnion(knowledge.planGuide.indicators.filter { shown.contains($0.id) }.flatMap(\.reports))
        for comparison in plan.engagement?.comparisons ?? [] { reportIDs.insert(comparison.report.id) }
        // The reports are read only when one is cited, and without the benchmarks'
        // figures (`KnowledgeBase.benchmarkReports`).
        let cited = reportIDs.isEmpty ? [] : knowledge.benchmarkReports.filter { reportIDs.contains($0.id) }
        let reports = cited.map { report in
            Plan.Source(
                kind: .report, id: report.id, title: report.title, publisher: report.publisher, year: report.year,
                url: report.url, readAtSource: report.readAtSource)
        }
        return sections + reports
    }
}
