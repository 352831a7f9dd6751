/// The values tried for a question to see whether it can still change a rule: its
/// options, its bounds, and the thresholds the rules compare it with.
enum Probes {
    static func values(for knowledge: KnowledgeBase, compiled: CompiledConditions? = nil) -> [[Value]] {
        let questionCount = knowledge.questions.count
        var thresholds = [Set<Double>](repeating: [], count: questionCount)
        // The thresholds of rules compiled to flat tests are read off their tests.
        var expressions: [Expression] = []
        for index in knowledge.rules.indices {
            guard let tests = compiled?.tests(ofRule: index) else {
                expressions.append(knowledge.rules[index].condition)
                continue
            }
            for test in tests where test.constant.kind == .number && Int(test.slot) < questionCount {
                switch test.operation {
                case .holds, .doesNotHold: break
                default: thresholds[Int(test.slot)].insert(test.constant.number)
                }
            }
        }
        expressions += knowledge.facts.flatMap(\.expressions)
        expressions += knowledge.questions.compactMap(\.askIf)
        for expression in expressions {
            expression.visit { node in
                guard case .compare(_, let a, let b) = node.node else { return }
                switch (a.node, b.node) {
                case (.variable(_, let slot), .number(let number)), (.number(let number), .variable(_, let slot)):
                    if slot < questionCount { thresholds[slot].insert(number) }
                default: break
                }
            }
        }
        return knowledge.questions.enumerated().map { index, question in
            var values: [Value]
            switch question.kind {
            case .boolean:
                values = [.boolean(true), .boolean(false)]
            case .choice:
                values = question.options.map { .text($0.value) }
            case .multi:
                let all = question.options.map(\.value)
                values = all.map { .list([$0]) } + (0...all.count).map { .list(Array(all.prefix($0))) }
            case .text:
                values = [.text("…")]
            case .number:
                values = numbers(for: question, thresholds: thresholds[index]).map(Value.number)
            }
            if question.isOptional { values.append(Value.none) }
            return values
        }
    }

    /// Bounds, round magnitudes, and each threshold with its neighbours.
    private static func numbers(for question: Question, thresholds: Set<Double>) -> [Double] {
        let minimum = question.minimum ?? min(-1e9, question.maximum ?? 0)
        let maximum = question.maximum ?? max(1e9, minimum)
        var candidates: Set<Double> = [minimum, maximum, 0, 0.5, 1, 2, 5, 10, 100, 1_000, 10_000, 1_000_000]
        for threshold in thresholds {
            let step = question.isInteger ? 1 : max(0.01, abs(threshold) * 0.01)
            candidates.formUnion([threshold - step, threshold, threshold + step])
        }
        return candidates.filter { (minimum...maximum).contains($0) && (!question.isInteger || $0 == $0.rounded()) }
            .sorted()
    }
}
