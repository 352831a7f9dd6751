/// `coach plan --format json`: schema `coach.plan/1`.
///
/// The fields the SPEC names come first; the document's other parts follow, with
/// the same content as the Markdown export: title, date, summary, the engagement
/// rate against its benchmark, the weekly rhythm, indicators, concepts and sources.
public enum PlanDocument {
    public static func json(_ plan: Plan, knowledge: KnowledgeBase, date: String? = nil) -> JSON {
        let wording = PlanWording(knowledge: knowledge, language: plan.language)
        return .object([
            ("schema", .string("coach.plan/1")),
            ("language", .string(plan.language.rawValue)),
            ("name", JSON(plan.name)),
            ("profile", .object(plan.profile.map { ($0.id, JSON($0.answer.value)) })),
            ("missing", .array(plan.missing.map(JSON.string))),
            ("facts", .object(plan.facts.map { ($0.id, JSON($0.value)) })),
            (
                "diagnosis",
                .array(
                    plan.diagnosis.map { item in
                        .object([
                            ("id", .string(item.id)), ("title", .string(item.title)), ("text", .string(item.text)),
                            ("source", .string(item.source)),
                        ])
                    })
            ),
            (
                "actions",
                .array(
                    plan.actions.map { action in
                        .object([
                            ("id", .string(action.id)),
                            ("title", .string(action.title)),
                            ("detail", .string(action.detail)),
                            ("priority", .number(Double(action.priority))),
                            ("horizon", .string(action.horizon.rawValue)),
                            ("source", .string(action.source)),
                            ("rule", .string(action.rule)),
                            ("because", .array(action.because.map(JSON.string))),
                        ])
                    })
            ),
            ("title", .string(wording.title(of: plan))),
            ("date", JSON(date)),
            ("summary", .string(plan.summary)),
            ("engagement", plan.engagement.map(engagement) ?? .null),
            ("rhythm", plan.rhythm.map(rhythm) ?? .null),
            ("indicators", .array(plan.indicators.map(indicator))),
            (
                "concepts",
                .array(
                    plan.concepts.map {
                        .object([("id", .string($0.id)), ("title", .string($0.title)), ("text", .string($0.text))])
                    })
            ),
            ("sources", .array(plan.sources.map(source))),
        ])
    }

    private static func engagement(_ engagement: Plan.Engagement) -> JSON {
        .object([
            ("rate", .number((engagement.rate * 1000).rounded() / 1000)),
            ("basis", .string(Benchmarks.Basis.followers.rawValue)),
            (
                "benchmarks",
                .array(
                    engagement.comparisons.map { comparison in
                        .object([
                            ("platform", .string(comparison.benchmark.platform)),
                            ("value", .number(comparison.benchmark.value)),
                            ("basis", .string(comparison.benchmark.basis.rawValue)),
                            ("statistic", .string(comparison.benchmark.statistic.rawValue)),
                            ("source", .string(comparison.report.title)),
                            ("report", .string(comparison.report.id)),
                            ("year", .number(Double(comparison.report.year))),
                            ("verdict", .string(comparison.verdict.rawValue)),
                        ])
                    })
            ),
            ("no_published_figure", .array(engagement.unpublished.map(JSON.string))),
            ("around", .number(engagement.tolerance)),
        ])
    }

    private static func rhythm(_ rhythm: Plan.Rhythm) -> JSON {
        .object([
            ("posts_per_week", .number(Double(rhythm.postsPerWeek))),
            ("platforms", .array(rhythm.platforms.map(JSON.string))),
            ("hours_per_week", rhythm.hoursPerWeek.map(JSON.number) ?? .null),
            ("source", .string(rhythm.source)),
            (
                "slots",
                .array(
                    rhythm.slots.map { slot in
                        .object([
                            ("day", .string(slot.day.rawValue)),
                            ("platform", .string(slot.platform)),
                            ("format", .string(slot.format)),
                            ("purpose", .string(slot.purpose)),
                        ])
                    })
            ),
        ])
    }

    private static func indicator(_ indicator: Plan.Indicator) -> JSON {
        .object([
            ("id", .string(indicator.id)),
            ("title", .string(indicator.title)),
            ("now", indicator.now.map { JSON($0) } ?? .null),
            ("target", indicator.target.map(JSON.number) ?? .null),
            ("unit", .string(indicator.unit.rawValue)),
            ("goal", .string(indicator.note)),
            ("source", .string(indicator.source)),
        ])
    }

    private static func source(_ source: Plan.Source) -> JSON {
        var pairs: [(String, JSON)] = [
            ("kind", .string(source.kind.rawValue)), ("id", .string(source.id)), ("title", .string(source.title)),
        ]
        if source.kind == .report {
            pairs += [
                ("publisher", JSON(source.publisher)),
                ("year", source.year.map { .number(Double($0)) } ?? .null),
                ("url", JSON(source.url)),
                ("read", .string(source.readAtSource == true ? "source" : "second_hand")),
            ]
        }
        return .object(pairs)
    }
}
