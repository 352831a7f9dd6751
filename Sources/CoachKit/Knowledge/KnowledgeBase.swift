/// Everything the coach knows: the article's sections, the knowledge entries and the
/// interview's questions.
public struct KnowledgeBase: Sendable {
    public var article: Article
    /// Ordered by kind, then as the article presents them.
    public var topics: [Topic] {
        didSet { searchIndex = nil }
    }
    /// In the order the interview asks them, all else being equal.
    public var questions: [Question] {
        didSet { engineTables = nil }
    }
    /// Derived facts, computed from the answers.
    public var facts: [Fact] = [] {
        didSet { engineTables = nil }
    }
    /// The rules, in the order written (which breaks ties of priority).
    public var rules: [Rule] = [] {
        didSet { engineTables = nil }
    }
    /// How the plan document is put together beyond the rules.
    public var planGuide = PlanGuide()
    /// Published engagement figures and their reports: from the built-in knowledge,
    /// made when read (`Deferred`), as a plan reads them only for an engagement rate
    /// or a rule that cites a report.
    public var benchmarks: Benchmarks {
        get { deferredBenchmarks.value }
        set { deferredBenchmarks.value = newValue }
    }
    var deferredBenchmarks = Deferred(Benchmarks())
    /// The reports of `benchmarks`, read without the figures while the benchmarks are
    /// still the snapshot's bytes: a plan cites a report far more often than it rates
    /// an engagement (the figures were four fifths of making the benchmarks). Only
    /// the bytes up to the reports are checked (`Deferred.part`); the snapshot
    /// compiled in is whole, which `KnowledgeSnapshotTests` checks.
    var benchmarkReports: [Benchmarks.Report] {
        deferredBenchmarks.part(Benchmarks.reports(from:)) ?? benchmarks.reports
    }
    /// How a CSV of posts is read.
    public var metrics = MetricsVocabulary()
    /// How `coach ask` reads questions.
    public var search = SearchVocabulary() {
        didSet { searchIndex = nil }
    }
    /// The index of `topics` by `search`, when read ready from a snapshot; `Asker`
    /// makes it otherwise. A change to either drops it.
    var searchIndex: SearchIndex?
    /// The scenario tests of the knowledge authors.
    public var scenarios: [Scenario] = []
    /// The parts this knowledge holds: all of them, unless it is the built-in
    /// knowledge read in parts.
    public internal(set) var parts: Parts = .all
    /// The slots of derived values (facts, and questions with `ask_if`), each after
    /// what it depends on. Slots number the questions first, then the facts.
    var derivedOrder: [Int] = [] {
        didSet { engineTables = nil }
    }
    /// The engine's tables for these questions, facts and rules, when read ready from
    /// a snapshot; `Engine` makes them otherwise. A change to any of them drops them.
    var engineTables: Engine.Tables?

    public func topic(_ id: String) -> Topic? {
        topics.first { $0.id == id }
    }

    public func question(_ id: String) -> Question? {
        questions.first { $0.id == id }
    }

    public func fact(_ id: String) -> Fact? {
        facts.first { $0.id == id }
    }

    public func rule(_ id: String) -> Rule? {
        rules.first { $0.id == id }
    }

    /// How many values an evaluation holds: one per question and per fact.
    var slotCount: Int { questions.count + facts.count }

    /// The id of the question or fact in `slot`.
    func name(ofSlot slot: Int) -> String {
        slot < questions.count ? questions[slot].id : facts[slot - questions.count].id
    }
}

extension KnowledgeBase {
    /// Parts of the built-in knowledge that a command can do without, and need not
    /// read: `coach topics` needs none of them, the article and its topics being
    /// always there.
    public struct Parts: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// The questions, facts, rules, plan guide and benchmarks: what an interview,
        /// a plan or a rating needs.
        public static let interview = Parts(rawValue: 1 << 0)
        /// The vocabulary of `coach ask`.
        public static let search = Parts(rawValue: 1 << 1)
        /// How a CSV of posts is read.
        public static let metrics = Parts(rawValue: 1 << 2)

        public static let all: Parts = [.interview, .search, .metrics]
    }

    /// The knowledge base compiled into the binary, with the `parts` asked for; those
    /// left out are empty.
    ///
    /// It is read from its snapshot (`KnowledgeSnapshot`, `make snapshot`) while that
    /// is of the knowledge embedded, and from its YAML otherwise. It was checked whole
    /// by the test suite, so a problem here is reported like any other knowledge
    /// error; its scenarios are left out (only `check` runs them).
    public static func builtIn(_ parts: Parts = .all) throws(CoachError) -> KnowledgeBase {
        if let knowledge = try? KnowledgeSnapshot.builtIn(parts) { return knowledge }
        let report = KnowledgeLoader.loadBuiltIn(includingScenarios: false, parts: parts)
        guard let knowledge = report.knowledge, !report.hasErrors else {
            throw .invalidKnowledge(report.diagnostics)
        }
        return knowledge
    }

    /// This knowledge with `more` parts: those it lacks are read from the built-in
    /// knowledge, the only one read in parts, from its snapshot or its YAML. The
    /// search vocabulary and the metrics are read alone; the interview's parts, which
    /// depend on one another, with the rest.
    public func adding(_ more: Parts) throws(CoachError) -> KnowledgeBase {
        let missing = more.subtracting(parts)
        if missing.isEmpty { return self }
        if missing.contains(.interview) { return try .builtIn(parts.union(more)) }
        if let added = try? KnowledgeSnapshot.builtIn(adding: missing, to: self) { return added }
        var base = self
        let diagnostics = KnowledgeLoader.addBuiltIn(missing, to: &base)
        guard !diagnostics.contains(where: \.isError) else { throw .invalidKnowledge(diagnostics) }
        return base
    }

    /// The knowledge base in `folder`, without its scenarios (which `coach check`
    /// runs); any error in it throws, with every diagnostic.
    public static func load(from folder: String) throws(CoachError) -> KnowledgeBase {
        let report = try KnowledgeLoader.load(from: folder, includingScenarios: false)
        guard let knowledge = report.knowledge, !report.hasErrors else {
            throw .invalidKnowledge(report.diagnostics)
        }
        return knowledge
    }
}
