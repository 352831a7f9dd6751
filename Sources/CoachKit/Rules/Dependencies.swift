/// Which questions an expression depends on, directly, through facts, or through
/// the `ask_if` of the questions it mentions.
struct Dependencies {
    let knowledge: KnowledgeBase
    private var questionsOfSlot: [[Int]]

    init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
        questionsOfSlot = (0..<knowledge.slotCount).map { $0 < knowledge.questions.count ? [$0] : [] }
        // Derived slots in dependency order: each one's questions are known when reached.
        for slot in knowledge.derivedOrder {
            let expressions: [Expression] =
                slot < knowledge.questions.count
                ? knowledge.questions[slot].askIf.map { [$0] } ?? []
                : knowledge.facts[slot - knowledge.questions.count].expressions
            questionsOfSlot[slot] = questions(ofSlots: [slot] + expressions.flatMap(\.slots))
        }
    }

    /// The questions that the values in `slots` depend on, sorted.
    func questions(ofSlots slots: some Sequence<Int>) -> [Int] {
        var found: [Int] = []
        found.reserveCapacity(slots.underestimatedCount)
        for slot in slots {
            for question in questionsOfSlot[slot] where !found.contains(question) { found.append(question) }
        }
        found.sort()
        return found
    }

    /// The questions `expression` depends on, sorted.
    func questions(of expression: Expression) -> [Int] {
        questions(ofSlots: expression.slots)
    }
}
