/// Decides which unanswered questions can still change the plan, and in which order
/// to ask them.
///
/// A question is worth asking when some pending rule's outcome still hangs on it:
/// trying its possible values (options, bounds, the thresholds the rules name) gives
/// that rule different outcomes, or leaves it waiting on different questions. The
/// most important comes first: the one that can settle the most priority, ties going
/// to the order of `questions.yaml`.
struct Interview {
    let engine: Engine
    let answers: Answers
    let evaluation: Evaluation
    // Held apart from the knowledge base: reaching them through it in a loop would
    // copy, retain and release the whole base each time.
    private let questions: [Question]

    init(engine: Engine, answers: Answers, evaluation: Evaluation) {
        self.engine = engine
        self.answers = answers
        self.evaluation = evaluation
        questions = engine.knowledge.questions
    }

    /// The questions worth asking, most important first.
    func missing() -> [String] {
        var weights = [Int](repeating: 0, count: questions.count)
        var waiting = [[Int]](repeating: [], count: questions.count)
        // How many questions each pending rule waits on.
        var breadth = [Int](repeating: 0, count: evaluation.outcomes.count)
        for index in evaluation.outcomes.indices where engine.isPending(index, in: evaluation) {
            if engine.isConjunction[index] {
                for question in engine.questionsByRule[index] where evaluation.values[question] == nil {
                    weights[question] += engine.priorities[index] + 1
                    waiting[question].append(index)
                    breadth[index] += 1
                }
                continue
            }
            for question in engine.residual(ofRule: index, evaluation.values).unknowns {
                weights[question] += engine.priorities[index] + 1
                waiting[question].append(index)
                breadth[index] += 1
            }
        }
        // The answers as given, and the values derived from them (the evaluation's):
        // every try changes a few slots of these two arrays and puts them back.
        var raw = rawValues()
        var derived = evaluation.values
        // A question matters if any rule waiting on it can change. The rules that
        // wait on the fewest questions are tried first, as the likeliest to show it
        // soonest (the others are tried with those questions given values, round
        // after round); then the rest, in order. The order changes the cost, not the
        // answer. (Sorting each question's rules instead took re-planning at 10 000
        // rules from 1.0 to 1.6 ms.)
        let relevant = questions.indices.filter { question in
            guard !questions[question].isFromPosts else { return false }
            let rules = waiting[question]
            guard let fewest = rules.lazy.map({ breadth[$0] }).min() else { return false }
            func changes(_ rule: Int) -> Bool { canChange(rule: rule, question: question, raw: &raw, values: &derived) }
            return rules.contains { breadth[$0] == fewest && changes($0) }
                || rules.contains { breadth[$0] != fewest && changes($0) }
        }
        return relevant.sorted { (-weights[$0], $0) < (-weights[$1], $1) }.map { questions[$0].id }
    }

    /// The rules that wait on `question`: pending, and hanging on it now.
    func rulesWaiting(on question: Int) -> [Int] {
        evaluation.outcomes.indices.filter { index in
            engine.isPending(index, in: evaluation)
                && engine.residual(ofRule: index, evaluation.values).unknowns.contains(question)
        }
    }

    private func rawValues() -> [Value?] {
        var raw = [Value?](repeating: nil, count: questions.count + engine.knowledge.facts.count)
        for (slot, question) in questions.enumerated() { raw[slot] = answers[question.id]?.value }
        return raw
    }

    /// Whether two values of `question` leave rule `rule` in different states.
    ///
    /// The question is tried alone first. When every value leaves the rule waiting
    /// on the same other questions (it matters only together with them, as the likes
    /// of a post do for an engagement rate), it is tried again with those questions
    /// given a few sets of values.
    ///
    /// `raw` holds answers and `values` the values derived from them; both are as
    /// they were when it returns.
    private func canChange(rule: Int, question: Int, raw: inout [Value?], values: inout [Value?]) -> Bool {
        let (changes, waitingOn) = varies(rule: rule, question: question, raw: &raw, values: &values)
        if changes { return true }
        let others = waitingOn.filter { $0 != question }
        guard !others.isEmpty, others.count <= 6 else { return false }
        // Giving the others values changes only the slots derived from them. Each
        // round changes those slots in place and puts them back, rather than copying
        // both arrays whole.
        let rederived = engine.knowledge.derivedOrder.filter { slot in
            others.contains { engine.derivedFrom[$0].contains(slot) }
        }
        let givenRaw = others.map { raw[$0] }
        let touched = others + rederived
        let given = touched.map { values[$0] }
        func restore() {
            for (slot, value) in zip(others, givenRaw) { raw[slot] = value }
            for (slot, value) in zip(touched, given) { values[slot] = value }
        }
        for round in 0..<4 {
            for other in others {
                let probes = engine.probes[other]
                if !probes.isEmpty {
                    raw[other] = probes[(round * 7 + other * 3) % probes.count]
                    values[other] = raw[other]
                }
            }
            engine.derive(&values, raw: raw, slots: rederived)
            // A rule these values decide while the question is still unknown stays
            // decided, the same way, whatever its answer: the engine's logic only
            // decides more as values become known (an unknown operand leaves a
            // comparison, a sum or a function unknown; `and` and `or` decide on what
            // is known). So its values need no trying.
            // (The question must still be unknown: these values can set it aside,
            // through its `ask_if`.)
            let decided = values[question] == nil && engine.residual(ofRule: rule, values).truth != nil
            let changes = !decided && varies(rule: rule, question: question, raw: &raw, values: &values).changes
            restore()
            if changes { return true }
        }
        return false
    }

    /// Tries each value of `question` over the answers `raw` and the values derived
    /// from them: whether the rule's state changes, and, when it never does, the
    /// questions it keeps waiting on. Both arrays are as they were when it returns.
    ///
    /// Each try sets the question and re-derives only the slots that depend on it
    /// (`Engine.derivedFrom`), in order, so nothing of the last try is left; the
    /// arrays are changed in place, not copied.
    ///
    /// The values are tried far apart first (`Probes.SpreadOrder`): a threshold
    /// between the smallest and the largest shows at the second try, where going up
    /// in order would reach it halfway. The answer does not depend on the order.
    private func varies(rule: Int, question: Int, raw: inout [Value?], values: inout [Value?]) -> (
        changes: Bool, waitingOn: [Int]
    ) {
        let affected = engine.derivedFrom[question]
        let givenRaw = raw[question]
        let given = values[question]
        let givenAffected = affected.map { values[$0] }
        defer {
            raw[question] = givenRaw
            values[question] = given
            for (slot, value) in zip(affected, givenAffected) { values[slot] = value }
        }
        var seen: (truth: Bool?, unknowns: QuestionSet)?
        let probes = engine.probes[question]
        for position in Probes.SpreadOrder(count: probes.count) {
            let probe = probes[position]
            raw[question] = probe
            values[question] = probe
            if !affected.isEmpty { engine.derive(&values, raw: raw, slots: affected) }
            // The truth and what it hangs on, in one walk of the condition.
            let state = engine.residual(ofRule: rule, values)
            if let seen, seen != state { return (true, []) }
            seen = state
        }
        return (false, seen.map { Array($0.unknowns) } ?? [])
    }
}
