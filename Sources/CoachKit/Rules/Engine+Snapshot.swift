// The engine's tables in a snapshot of the knowledge (`KnowledgeSnapshot`): `coach
// plan` and the shell start from them ready, instead of working them out from the
// rules at every run.

extension Engine.Tables: SnapshotCodable {
    /// The lists of indices in small numbers (`SmallNumbers`), a list a field; which
    /// rules are conjunctions as one list of 0 and 1.
    func write(to writer: inout SnapshotWriter) {
        SmallNumbers.write(supersededBy, to: &writer)
        writer.write(probes)
        SmallNumbers.write(questionsByRule, to: &writer)
        SmallNumbers.write([isConjunction.map { $0 ? 1 : 0 }], to: &writer)
        writer.write(compiled)
        SmallNumbers.write(derivedFrom, to: &writer)
    }

    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        // Within reach of an Int32, as the engine's slots are; `check` holds each
        // table to the knowledge.
        let maximum = Int(Int32.max)
        let supersededBy = try SmallNumbers.read(&reader, maximum: maximum)
        let probes = try reader.read([[Value]].self)
        let questionsByRule = try SmallNumbers.read(&reader, maximum: maximum)
        let conjunctions = try SmallNumbers.read(&reader, maximum: 1)
        guard conjunctions.count == 1 else { throw reader.failure("a damaged list of conjunctions") }
        self.init(
            supersededBy: supersededBy, probes: probes, questionsByRule: questionsByRule,
            isConjunction: conjunctions[0].map { $0 == 1 }, compiled: try reader.read(),
            derivedFrom: try SmallNumbers.read(&reader, maximum: maximum))
    }

    /// The engine reads these by rule, by question and by slot: tables read from a
    /// snapshot must fit the knowledge read with them.
    func check(against knowledge: KnowledgeBase, reader: SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let rules = 0..<knowledge.rules.count
        let questions = 0..<knowledge.questions.count
        let slots = 0..<knowledge.slotCount
        guard supersededBy.count == rules.count, questionsByRule.count == rules.count,
            isConjunction.count == rules.count, compiled.ruleCount == rules.count,
            probes.count == questions.count, derivedFrom.count == questions.count,
            supersededBy.allSatisfy({ $0.allSatisfy(rules.contains) }),
            questionsByRule.allSatisfy({ $0.allSatisfy(questions.contains) }),
            derivedFrom.allSatisfy({ $0.allSatisfy(slots.contains) }), compiled.testsRead(slotCount: slots.count)
        else { throw reader.failure("engine tables that do not fit the rules") }
    }
}
