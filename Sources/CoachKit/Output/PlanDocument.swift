/// `coach plan --format json`: schema `coach.plan/1`.
public enum PlanDocument {
    public static func json(_ plan: Plan) -> JSON {
        .object([
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
        ])
    }
}
