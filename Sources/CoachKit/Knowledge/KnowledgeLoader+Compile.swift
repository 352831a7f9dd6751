/// The second stage of loading: once every file is read, expressions are parsed and
/// checked against the questions and facts, and references between rules, facts and
/// knowledge entries are resolved.
struct KnowledgeCompiler {
    private(set) var log: DiagnosticLog
    let questions: [Question]
    let facts: [FactRecord]
    private(set) var symbols: [String: Checker.Symbol] = [:]

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
    }

    /// Parses and checks `source`; every problem is reported where it is.
    func compile(_ source: SourceText, expecting type: ValueType?) -> Expression? {
        let parsed: Expression
        do {
            parsed = try Parser.parse(source.text, symbols: symbols)
        } catch {
            log.error(error.problem, in: source.file, at: source.position(at: error.range.lowerBound))
            return nil
        }
        var checker = Checker(symbols: symbols)
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
            dependencies[questions.count + index] = fact.expressions.flatMap { $0.variables.map(\.slot) }
        }
        for (index, question) in questions.enumerated() {
            if let askIf = question.askIf { dependencies[index] = askIf.variables.map(\.slot) }
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

    func compileRules(_ records: [RuleRecord], topicIDs: Set<String>, reportIDs: [String]) -> [Rule] {
        // Where each id is first defined, as an index: a location per rule would hold
        // a second copy of every file name until the end of loading.
        var first: [String: Int] = [:]
        first.reserveCapacity(records.count)
        // Records are read in place: a record is a dozen fields, each copy a dozen
        // retains and releases.
        for index in records.indices {
            let id = records[index].id
            if let earlier = first[id] {
                let location = SourceLocation(file: records[earlier].file, position: records[earlier].idPosition)
                log.error(.duplicateID(id, first: location), in: records[index].file, at: records[index].idPosition)
            } else {
                first[id] = index
            }
        }
        reportSupersedesCycles(in: records)
        let conditions = compileConcurrently(records.map(\.condition), expecting: .boolean)
        var rules: [Rule] = []
        rules.reserveCapacity(records.count)
        for index in records.indices {
            // The record is passed borrowed, not copied.
            if let rule = rule(
                from: records[index], condition: conditions[index], ids: first, among: records, topicIDs: topicIDs,
                reportIDs: reportIDs)
            {
                rules.append(rule)
            }
        }
        return rules
    }

    /// The rule of `record`, whose condition compiled to `condition` (nil: it had
    /// errors); its references to topics, rules and reports are checked on the way.
    private func rule(
        from record: RuleRecord, condition: Expression?, ids first: [String: Int], among records: [RuleRecord],
        topicIDs: Set<String>, reportIDs: [String]
    ) -> Rule? {
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
                let suggestion = Suggestion.closest(to: id, among: records.map(\.id))
                log.error(.unknownReference(id, kind: .rule, suggestion: suggestion), in: record.file, at: position)
            }
        }
        check(record.reports, kind: .report, among: reportIDs, in: record.file)
        for text in record.texts { checkPlaceholders(in: text) }
        guard let condition else { return nil }
        return Rule(
            id: record.id, isDiagnosis: record.isDiagnosis, condition: condition,
            conditionText: record.condition.text, priority: record.priority, horizon: record.horizon,
            source: record.source, supersedes: record.supersedes.map(\.id),
            reports: record.reports.map(\.id), text: record.text)
    }

    /// Compiles many expressions on several threads, each share with its own log;
    /// the logs are gathered in order.
    private func compileConcurrently(_ sources: [SourceText], expecting type: ValueType?) -> [Expression?] {
        let shares = min(8, sources.count / 512)
        guard shares > 1 else { return sources.map { compile($0, expecting: type) } }
        // The compiler is only read; each share compiles with a copy whose log is its own.
        let parts = (0..<shares).map { share in
            sources[(sources.count * share / shares)..<(sources.count * (share + 1) / shares)]
        }.concurrentMap { part in
            var compiler = self
            compiler.log = DiagnosticLog()
            return (expressions: part.map { compiler.compile($0, expecting: type) }, log: compiler.log)
        }
        var expressions: [Expression?] = []
        expressions.reserveCapacity(sources.count)
        for part in parts {
            expressions += part.expressions
            log.append(contentsOf: part.log)
        }
        return expressions
    }

    /// Reports each cycle of `supersedes` (rules that would replace each other until
    /// none is left) once, at the rule where it is found; one walk over the graph.
    private func reportSupersedesCycles(in records: [RuleRecord]) {
        guard records.contains(where: { !$0.supersedes.isEmpty }) else { return }
        let edges = Dictionary(
            records.filter { !$0.supersedes.isEmpty }.map { ($0.id, $0.supersedes.map(\.id)) },
            uniquingKeysWith: { a, _ in a })
        let sites = Dictionary(records.map { ($0.id, ($0.file, $0.idPosition)) }, uniquingKeysWith: { a, _ in a })
        var done: Set<String> = []
        var path: [String] = []
        func walk(_ id: String) {
            if let start = path.firstIndex(of: id) {
                let cycle = Array(path[start...]) + [id]
                if let (file, position) = sites[id] { log.error(.supersedesCycle(cycle), in: file, at: position) }
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
