/// The second stage of loading: once every file is read, expressions are parsed and
/// checked against the questions and facts, and references between rules, facts and
/// knowledge entries are resolved.
struct KnowledgeCompiler {
    private(set) var log: DiagnosticLog
    let questions: [Question]
    let facts: [FactRecord]
    private(set) var symbols: [String: Checker.Symbol] = [:]
    /// The symbols by slot, for the checker.
    private var bySlot: [(name: String, type: ValueType)?] = []
    /// The symbols' slots, for the parser.
    private var names = NameSlots()

    init(questions: [Question], facts: [FactRecord], log: DiagnosticLog) {
        self.questions = questions
        self.facts = facts
        self.log = log
        for (slot, question) in questions.enumerated() {
            let type: ValueType =
                switch question.kind {
                case .text: .text
                case .number: .number
                case .boolean: .boolean
                case .choice: .choice(owner: question.id, options: question.options.map(\.value))
                case .multi: .multi(owner: question.id, options: question.options.map(\.value))
                }
            symbols[question.id] = Checker.Symbol(slot: slot, type: type)
        }
        for (index, fact) in facts.enumerated() where symbols[fact.id] == nil {
            symbols[fact.id] = Checker.Symbol(slot: questions.count + index, type: fact.type)
        }
        bySlot = Checker.slots(of: symbols)
        names = NameSlots(symbols)
    }

    /// Parses and checks `source`; every problem is reported where it is.
    func compile(_ source: SourceText, expecting type: ValueType?) -> Expression? {
        let parsed: Expression
        do {
            parsed = try Parser.parse(source.text, names: names)
        } catch {
            log.error(error.problem, in: source.file, at: source.position(at: error.range.lowerBound))
            return nil
        }
        var checker = Checker(symbols: symbols, bySlot: bySlot)
        let (checked, _) = checker.check(parsed, expecting: type)
        for error in checker.errors {
            log.error(error.problem, in: source.file, at: source.position(at: error.range.lowerBound))
        }
        return checker.errors.isEmpty ? checked : nil
    }

    // MARK: - Facts and questions

    /// The facts, compiled; nil entries had errors.
    func compileFacts() -> [Fact?] {
        facts.map { record in
            let definition: Fact.Definition
            if let value = record.value {
                let compiledValue = compile(value, expecting: record.type)
                if record.kind == .choice, let literal = compiledValue, case .text(let text) = literal.node,
                    !record.options.contains(text)
                {
                    log.error(
                        .notAnOption(
                            text, of: record.id, suggestion: Suggestion.closest(to: text, among: record.options)),
                        in: value.file, at: value.position(at: literal.range.lowerBound))
                }
                let compiledGuard = record.guardText.map { compile($0, expecting: .boolean) }
                guard let compiledValue, compiledGuard.map({ $0 != nil }) ?? true else { return nil }
                definition = .value(compiledValue, guard: compiledGuard ?? nil)
            } else {
                let cases = record.cases.map { step in
                    (compile(step.condition, expecting: .boolean), step.value)
                }
                guard cases.allSatisfy({ $0.0 != nil }), !cases.isEmpty || record.otherwise != nil else { return nil }
                definition = .cases(cases.map { ($0.0!, $0.1) }, otherwise: record.otherwise?.value)
            }
            return Fact(id: record.id, kind: record.kind, options: record.options, definition: definition)
        }
    }

    /// The slots of derived values (facts, and questions with `ask_if`) in an order
    /// where each comes after what it depends on; a cycle is reported.
    func derivedOrder(facts compiled: [Fact?], questions: [Question], sites: [Int: (String, SourcePosition?)]) -> [Int]
    {
        var dependencies: [Int: [Int]] = [:]
        for (index, fact) in compiled.enumerated() {
            guard let fact else { continue }
            dependencies[questions.count + index] = fact.expressions.flatMap(\.slots)
        }
        for (index, question) in questions.enumerated() {
            if let askIf = question.askIf { dependencies[index] = askIf.slots }
        }
        var order: [Int] = []
        var state: [Int: Bool] = [:]  // false while visiting, true once done
        var reported = false
        func visit(_ slot: Int, path: [Int]) {
            if state[slot] == true { return }
            if state[slot] == false {
                guard !reported, let start = path.firstIndex(of: slot) else { return }
                reported = true
                let names = (path[start...] + [slot]).map(name(of:))
                let (file, position) = sites[slot] ?? ("", nil)
                log.error(.cycle(names), in: file, at: position)
                return
            }
            state[slot] = false
            for dependency in dependencies[slot] ?? [] where dependencies[dependency] != nil {
                visit(dependency, path: path + [slot])
            }
            state[slot] = true
            order.append(slot)
        }
        for slot in dependencies.keys.sorted() { visit(slot, path: []) }
        return order
    }

    func name(of slot: Int) -> String {
        slot < questions.count ? questions[slot].id : facts[slot - questions.count].id
    }

    // MARK: - Rules

    /// The rules of `files` (each rule file's records, in order), compiled.
    ///
    /// The records are compiled in pieces (a file, or a share of a large one), on every
    /// core when there are many, each piece with its own log (gathered in order). Each
    /// piece writes its rules straight into the result and frees its records once done,
    /// so that the records and the rules of a large rule base are never all in memory
    /// at once: on 10 000 rules that was the peak of the whole run.
    func compileRules(_ files: consuming [[RuleRecord]], topicIDs: Set<String>, reportIDs: [String]) -> [Rule] {
        let total = files.reduce(0) { $0 + $1.count }
        var pieces = Self.pieces(of: files, total: total)
        // Where each id is first defined, as a piece and an index: a location per rule
        // would hold a second copy of every file name until the end of loading.
        var first: [String: (piece: Int, index: Int)] = [:]
        first.reserveCapacity(total)
        for piece in pieces.indices {
            // Records are read in place: a record is a dozen fields, each copy a dozen
            // retains and releases.
            for index in pieces[piece].indices {
                let id = pieces[piece][index].id
                // One hash per id: the place is written at once, and the earlier one put
                // back on the rare duplicate. Looking up then inserting hashed each id
                // twice, on one core.
                if let (earlierPiece, earlier) = first.updateValue((piece, index), forKey: id) {
                    first[id] = (earlierPiece, earlier)
                    let record = pieces[earlierPiece][earlier]
                    log.error(
                        .duplicateID(id, first: SourceLocation(file: record.file, position: record.idPosition)),
                        in: pieces[piece][index].file, at: pieces[piece][index].idPosition)
                }
            }
        }
        reportSupersedesCycles(in: pieces, ids: first)
        // Where each piece's rules go in the result.
        var starts: [Int] = []
        var start = 0
        for piece in pieces {
            starts.append(start)
            start += piece.count
        }

        var failed: [Int] = []
        var rules = [Rule](unsafeUninitializedCapacity: total) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer
            let outcomes = pieces.withUnsafeMutableBufferPointer { owned in
                nonisolated(unsafe) let owned = owned
                let compilePiece = { (piece: Int) -> (log: DiagnosticLog, failed: [Int]) in
                    // The piece's records are this share's alone, and go when it ends.
                    var records: [RuleRecord] = []
                    swap(&records, &owned[piece])
                    var compiler = self
                    compiler.log = DiagnosticLog()
                    var failed: [Int] = []
                    for index in records.indices {
                        let slot = starts[piece] + index
                        let condition = compiler.compile(records[index].condition, expecting: .boolean)
                        let rule = compiler.rule(
                            from: records[index], condition: condition, ids: first, topicIDs: topicIDs,
                            reportIDs: reportIDs)
                        (slots.baseAddress! + slot).initialize(to: rule.rule)
                        if !rule.usable { failed.append(slot) }
                    }
                    return (compiler.log, failed)
                }
                let indices = Array(owned.indices)
                return total >= 1024 && indices.count > 1
                    ? indices.concurrentMap(compilePiece) : indices.map(compilePiece)
            }
            initialized = total
            for outcome in outcomes {
                log.append(contentsOf: outcome.log)
                failed += outcome.failed
            }
        }
        // A rule whose condition has errors is left out; the knowledge base has errors.
        if !failed.isEmpty {
            let left = Set(failed)
            rules = rules.indices.filter { !left.contains($0) }.map { rules[$0] }
        }
        return rules
    }

    /// The rule files cut into pieces that the cores share: a file, or a part of one
    /// larger than an eighth of all the rules (and 512 at least).
    private static func pieces(of files: consuming [[RuleRecord]], total: Int) -> [[RuleRecord]] {
        let largest = max(512, total / 8)
        guard files.contains(where: { $0.count > largest }) else { return files }
        var pieces: [[RuleRecord]] = []
        for file in files {
            guard file.count > largest else {
                pieces.append(file)
                continue
            }
            let parts = (file.count + largest - 1) / largest
            for part in 0..<parts {
                pieces.append(Array(file[(file.count * part / parts)..<(file.count * (part + 1) / parts)]))
            }
        }
        return pieces
    }

    /// The rule of `record`, whose condition compiled to `condition` (nil: it had
    /// errors, and the rule is not usable); its references to topics, rules and
    /// reports are checked on the way.
    private func rule(
        from record: RuleRecord, condition: Expression?, ids first: [String: (piece: Int, index: Int)],
        topicIDs: Set<String>, reportIDs: [String]
    ) -> (rule: Rule, usable: Bool) {
        if !topicIDs.contains(record.source) {
            log.error(
                .unknownReference(
                    record.source, kind: .topic, suggestion: Suggestion.closest(to: record.source, among: topicIDs)),
                in: record.file, at: record.sourcePosition)
        }
        for (id, position) in record.supersedes where first[id] == nil || id == record.id {
            if id == record.id {
                log.error(.selfReference(id), in: record.file, at: position)
            } else {
                // The rule ids in the order written, for the suggestion's ties.
                let ruleIDs = first.sorted { ($0.value.piece, $0.value.index) < ($1.value.piece, $1.value.index) }
                let suggestion = Suggestion.closest(to: id, among: ruleIDs.map(\.key))
                log.error(.unknownReference(id, kind: .rule, suggestion: suggestion), in: record.file, at: position)
            }
        }
        check(record.reports, kind: .report, among: reportIDs, in: record.file)
        for text in record.texts { checkPlaceholders(in: text) }
        let rule = Rule(
            id: record.id, isDiagnosis: record.isDiagnosis,
            deferredCondition: Deferred(condition ?? .damaged),
            deferredConditionText: Deferred(record.condition.text), priority: record.priority, horizon: record.horizon,
            source: record.source, supersedes: record.supersedes.map(\.id),
            reports: record.reports.map(\.id), deferredText: Deferred(record.text))
        return (rule, condition != nil)
    }

    /// Reports each cycle of `supersedes` (rules that would replace each other until
    /// none is left) once, at the rule where it is found; one walk over the graph.
    /// `first` says where each id is first defined, in `pieces`.
    private func reportSupersedesCycles(in pieces: [[RuleRecord]], ids first: [String: (piece: Int, index: Int)]) {
        var edges: [String: [String]] = [:]
        for piece in pieces {
            for index in piece.indices where !piece[index].supersedes.isEmpty && edges[piece[index].id] == nil {
                edges[piece[index].id] = piece[index].supersedes.map(\.id)
            }
        }
        guard !edges.isEmpty else { return }
        var done: Set<String> = []
        var path: [String] = []
        func walk(_ id: String) {
            if let start = path.firstIndex(of: id) {
                let cycle = Array(path[start...]) + [id]
                if let (piece, index) = first[id] {
                    let record = pieces[piece][index]
                    log.error(.supersedesCycle(cycle), in: record.file, at: record.idPosition)
                }
                return
            }
            guard !done.contains(id) else { return }
            path.append(id)
            for next in edges[id] ?? [] where next != id { walk(next) }
            path.removeLast()
            done.insert(id)
        }
        for id in edges.keys.sorted() { walk(id) }
    }

    /// Every `{name}` of a text must be a question or a fact.
    func checkPlaceholders(in source: SourceText) {
        for placeholder in Placeholder.all(in: source.text) where symbols[placeholder.name] == nil {
            log.error(
                .unknownName(
                    placeholder.name, suggestion: Suggestion.closest(to: placeholder.name, among: symbols.keys)),
                in: source.file, at: source.position(at: placeholder.offset))
        }
    }
}

/// A `{name}` in a rule's text, replaced by the user's answer or a fact's value.
struct Placeholder {
    var name: String
    /// Where the name starts in the text, in Unicode scalars.
    var offset: Int

    static func all(in text: String) -> [Placeholder] {
        // Most texts have none: one pass over the bytes says so.
        guard text.containsByte(UInt8(ascii: "{")) else { return [] }
        var found: [Placeholder] = []
        // Braces are ASCII, so the text is read as bytes; `offset` counts scalars,
        // one per byte that does not continue a character.
        let bytes = text.utf8
        var index = bytes.startIndex
        var offset = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "{")) {
            offset += bytes[index..<open].count { $0 & 0xC0 != 0x80 }
            let nameStart = bytes.index(after: open)
            guard let close = bytes[nameStart...].firstIndex(of: UInt8(ascii: "}")) else { break }
            let name = bytes[nameStart..<close]
            if KnowledgeLoader.isIdentifier(bytes: name) {
                found.append(Placeholder(name: String(decoding: name, as: UTF8.self), offset: offset + 1))
            }
            offset += bytes[open..<close].count { $0 & 0xC0 != 0x80 } + 1
            index = bytes.index(after: close)
        }
        return found
    }
}
