/// The values tried for a question to see whether it can still change a rule: its
/// options, its bounds, and the thresholds the rules compare it with.
///
/// Thresholds are gathered in lists, repeats and all, and made unique once sorted: a
/// set of numbers cost a hash for each, and a scan of the runtime's conformance
/// tables to make the first.
enum Probes {
    /// For each question, the numbers `conditions` compare it with. Those compiled to
    /// flat tests (in `compiled`, numbered from 0 like `conditions`) are read off their
    /// tests, without walking their trees.
    static func thresholds(
        of conditions: some Collection<Expression>, compiled: CompiledConditions?, questionCount: Int
    ) -> [[Double]] {
        var thresholds = [[Double]](repeating: [], count: questionCount)
        for (index, condition) in conditions.enumerated() {
            guard let tests = compiled?.tests(ofRule: index) else {
                collect(condition, into: &thresholds)
                continue
            }
            for test in tests where test.constant.kind == .number && Int(test.slot) < questionCount {
                switch test.operation {
                case .holds, .doesNotHold: break
                default: thresholds[Int(test.slot)].append(test.constant.number)
                }
            }
        }
        return thresholds
    }

    /// The numbers compared with a question anywhere in `expression`.
    private static func collect(_ expression: Expression, into thresholds: inout [[Double]]) {
        expression.visit { node in
            guard case .compare(_, let a, let b) = node.node else { return }
            switch (a.node, b.node) {
            case (.variable(_, let slot), .number(let number)), (.number(let number), .variable(_, let slot)):
                if slot < thresholds.count { thresholds[Int(slot)].append(number) }
            default: break
            }
        }
    }

    /// The probe values of every question, given the thresholds of the rules; those of
    /// facts and `ask_if` are added here.
    static func values(for knowledge: KnowledgeBase, ruleThresholds: [[Double]]) -> [[Value]] {
        var thresholds = ruleThresholds
        for expression in knowledge.facts.flatMap(\.expressions) + knowledge.questions.compactMap(\.askIf) {
            collect(expression, into: &thresholds)
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
    private static func numbers(for question: Question, thresholds: [Double]) -> [Double] {
        let minimum = question.minimum ?? min(-1e9, question.maximum ?? 0)
        let maximum = question.maximum ?? max(1e9, minimum)
        var candidates: [Double] = [minimum, maximum, 0, 0.5, 1, 2, 5, 10, 100, 1_000, 10_000, 1_000_000]
        // Each threshold once: a large rule base compares a question with the same few
        // numbers thousands of times, and each would add three candidates to sort.
        var distinct = thresholds.sorted()
        distinct.removeDuplicates()
        for threshold in distinct {
            let step = question.isInteger ? 1 : max(0.01, abs(threshold) * 0.01)
            candidates += [threshold - step, threshold, threshold + step]
        }
        var numbers: [Double] = []
        for candidate in candidates.sorted()
        where (minimum...maximum).contains(candidate) && (!question.isInteger || candidate == candidate.rounded())
            && numbers.last != candidate
        {
            numbers.append(candidate)
        }
        return numbers
    }

    /// The positions of `count` values (probes, in increasing order), far apart
    /// first: both ends, then every 2^k-th position for the largest k that fits,
    /// then the grid halved, and so on down to every position, each given once.
    /// Whatever splits the values shows within a few tries.
    struct SpreadOrder: Sequence, IteratorProtocol {
        let count: Int
        /// How many of the two ends have been given.
        private var ends = 0
        /// The power of two whose odd multiples are being given, once the ends are:
        /// each position between the ends is an odd multiple of exactly one.
        private var step = 0
        private var position = 0

        init(count: Int) {
            self.count = count
            guard count > 2 else { return }
            step = 1
            while step * 2 <= count - 2 { step *= 2 }
            position = step
        }

        mutating func next() -> Int? {
            if ends < Swift.min(2, count) {
                defer { ends += 1 }
                return ends == 0 ? 0 : count - 1
            }
            while step >= 1 {
                if position < count - 1 {
                    defer { position += 2 * step }
                    return position
                }
                step /= 2
                position = step
            }
            return nil
        }
    }
}

extension Array where Element == Double {
    /// Removes the repeats of a sorted array, keeping the first of each.
    fileprivate mutating func removeDuplicates() {
        var kept = 0
        for index in indices where kept == 0 || self[kept - 1] != self[index] {
            self[kept] = self[index]
            kept += 1
        }
        removeLast(count - kept)
    }
}
