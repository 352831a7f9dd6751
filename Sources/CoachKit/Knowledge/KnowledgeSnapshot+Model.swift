// How each part of the knowledge is written to a snapshot and read back: every
// stored property, in the order declared (KnowledgeSnapshot.swift).

extension Article: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(title)
        writer.write(publisher)
        writer.write(language)
        writer.write(sections)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(
            title: try reader.read(), publisher: try reader.read(), language: try reader.read(),
            sections: try reader.read())
    }
}

extension Article.Section: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(id)
        writer.write(heading)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(id: try reader.read(), heading: try reader.read())
    }
}

extension Topic: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(id)
        writer.write(kind)
        writer.write(source)
        writer.write(order)
        writer.write(related)
        writer.write(text)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(
            id: try reader.read(), kind: try reader.read(), source: try reader.read(), order: try reader.read(),
            related: try reader.read(), text: try reader.read())
    }
}

extension Topic.Text: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(counted: title)
        writer.write(counted: summary)
        writer.write(counted: body)
        writer.write(counted: steps)
        writer.write(counted: keywords)
        writer.write(counted: questions)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(
            title: try Deferred(from: &reader), summary: try Deferred(from: &reader), body: try Deferred(from: &reader),
            steps: try Deferred(from: &reader), keywords: try Deferred(from: &reader),
            questions: try Deferred(from: &reader))
    }
}

extension Question: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(id)
        writer.write(kind)
        writer.write(isOptional)
        writer.write(counted: prompt)
        writer.write(counted: help)
        writer.write(options)
        writer.write(minimum)
        writer.write(maximum)
        writer.write(isInteger)
        writer.write(maximumLength)
        if let askIf { writer.write(counted: askIf) } else { writer.absent() }
        writer.write(askIfText)
        writer.write(isFromPosts)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(
            id: try reader.read(), kind: try reader.read(), isOptional: try reader.read(),
            deferredPrompt: try Deferred(from: &reader), deferredHelp: try Deferred(from: &reader),
            options: try reader.read(),
            minimum: try reader.read(),
            maximum: try reader.read(), isInteger: try reader.read(), maximumLength: try reader.read(),
            deferredAskIf: reader.isAbsent() ? nil : try Deferred(from: &reader), askIfText: try reader.read(),
            isFromPosts: try reader.read())
    }
}

extension Question.Option: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(value)
        writer.write(label)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(value: try reader.read(), label: try reader.read())
    }
}

extension Fact: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(id)
        writer.write(kind)
        writer.write(options)
        writer.write(counted: definition)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(
            id: try reader.read(), kind: try reader.read(), options: try reader.read(),
            deferredDefinition: try Deferred(from: &reader))
    }
}

extension Fact.Definition: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        switch self {
        case .value(let value, let guardExpression):
            writer.write(0)
            writer.write(value)
            writer.write(guardExpression)
        case .cases(let cases, let otherwise):
            writer.write(1)
            writer.write(cases.count)
            for (condition, value) in cases {
                writer.write(condition)
                writer.write(value)
            }
            writer.write(otherwise)
        }
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        switch try reader.read(Int.self) {
        case 0: self = .value(try reader.read(), guard: try reader.read())
        case 1:
            let count = try reader.count()
            var cases: [(condition: Expression, value: String)] = []
            cases.reserveCapacity(count)
            for _ in 0..<count { cases.append((try reader.read(), try reader.read())) }
            self = .cases(cases, otherwise: try reader.read())
        default: throw reader.failure("unknown kind of fact")
        }
    }
}

extension Fact.Definition: SnapshotDeferrable {
    /// The definition of a fact whose own was refused: no value, as a fact with an
    /// error is kept.
    static var damaged: Fact.Definition { .cases([], otherwise: nil) }
}

extension Rule: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(id)
        writer.write(isDiagnosis)
        writer.write(counted: condition)
        writer.write(counted: conditionText)
        writer.write(priority)
        writer.write(horizon)
        writer.write(source)
        writer.write(supersedes)
        writer.write(reports)
        writer.write(counted: text)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(
            id: try reader.read(), isDiagnosis: try reader.read(),
            deferredCondition: try Deferred(from: &reader),
            deferredConditionText: try Deferred(from: &reader), priority: try reader.read(), horizon: try reader.read(),
            source: try reader.read(), supersedes: try reader.read(), reports: try reader.read(),
            deferredText: try Deferred(from: &reader))
    }
}

extension Rule.Text: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(title)
        writer.write(detail)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(title: try reader.read(), detail: try reader.read())
    }
}

extension Rule.Text: SnapshotDeferrable {
    static var damaged: Rule.Text { Rule.Text(title: "", detail: "") }
}

extension Expression: SnapshotDeferrable {
    /// The condition of a rule whose own was refused: `false`, quoting nothing.
    static var damaged: Expression { Expression(.boolean(false), 0..<0) }
}

extension Expression: SnapshotCodable {
    /// The node's case as a number, its operands, then its range in the source text.
    func write(to writer: inout SnapshotWriter) {
        switch node {
        case .number(let value):
            writer.write(0)
            writer.write(value)
        case .text(let value):
            writer.write(1)
            writer.write(value)
        case .boolean(let value):
            writer.write(2)
            writer.write(value)
        case .list(let elements):
            writer.write(3)
            writer.write(elements)
        case .variable(let name, let slot):
            writer.write(4)
            writer.write(name)
            writer.write(Int(slot))
        case .not(let operand):
            writer.write(5)
            writer.write(operand)
        case .negate(let operand):
            writer.write(6)
            writer.write(operand)
        case .and(let a, let b):
            writer.write(7)
            writer.write(a)
            writer.write(b)
        case .or(let a, let b):
            writer.write(8)
            writer.write(a)
            writer.write(b)
        case .compare(let comparison, let a, let b):
            writer.write(9)
            writer.write(comparison)
            writer.write(a)
            writer.write(b)
        case .arithmetic(let operation, let a, let b):
            writer.write(10)
            writer.write(operation)
            writer.write(a)
            writer.write(b)
        case .member(let a, let b):
            writer.write(11)
            writer.write(a)
            writer.write(b)
        case .contains(let a, let b):
            writer.write(12)
            writer.write(a)
            writer.write(b)
        case .call(let function, let arguments):
            writer.write(13)
            writer.write(function)
            writer.write(arguments)
        }
        writer.write(range.lowerBound)
        writer.write(range.upperBound)
    }

    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        reader.depth += 1
        defer { reader.depth -= 1 }
        guard reader.depth <= KnowledgeSnapshot.maximumDepth else {
            throw reader.failure("expressions nested too deep")
        }
        let node: Node
        switch try reader.read(Int.self) {
        case 0: node = .number(try reader.read())
        case 1: node = .text(try reader.read())
        case 2: node = .boolean(try reader.read())
        case 3: node = .list(try reader.read())
        case 4:
            let name = try reader.read(String.self)
            guard let slot = Int32(exactly: try reader.read(Int.self)) else {
                throw reader.failure("a slot out of range")
            }
            if let limit = reader.slotLimit, !(0..<limit).contains(Int(slot)) {
                throw reader.failure("a value that is no question or fact")
            }
            node = .variable(name, slot: slot)
        case 5: node = .not(try reader.read())
        case 6: node = .negate(try reader.read())
        case 7: node = .and(try reader.read(), try reader.read())
        case 8: node = .or(try reader.read(), try reader.read())
        case 9: node = .compare(try reader.read(), try reader.read(), try reader.read())
        case 10: node = .arithmetic(try reader.read(), try reader.read(), try reader.read())
        case 11: node = .member(try reader.read(), try reader.read())
        case 12: node = .contains(try reader.read(), try reader.read())
        case 13:
            let function = try reader.read(Function.self)
            let arguments = try reader.read([Expression].self)
            guard function.fits(arguments) else { throw reader.failure("a call without its arguments") }
            node = .call(function, arguments)
        default: throw reader.failure("unknown kind of expression")
        }
        let lower = try reader.read(Int.self)
        let upper = try reader.read(Int.self)
        guard lower <= upper else { throw reader.failure("a range that ends before it starts") }
        self.init(node, lower..<upper)
    }
}

extension PlanGuide: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(summary)
        writer.write(rhythm)
        writer.write(indicators)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(summary: try reader.read(), rhythm: try reader.read(), indicators: try reader.read())
    }
}

extension PlanGuide.SummaryClauses: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(fact)
        writer.write(clauses)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(fact: try reader.read(), clauses: try reader.read())
    }
}

extension PlanGuide.Rhythm: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(condition)
        writer.write(posts)
        writer.write(postsPerPlatform)
        writer.write(source)
        writer.write(days)
        writer.write(formats)
        writer.write(purposes)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(
            condition: try reader.read(), posts: try reader.read(), postsPerPlatform: try reader.read(),
            source: try reader.read(), days: try reader.read(), formats: try reader.read(),
            purposes: try reader.read())
    }
}

extension PlanGuide.Rhythm.Purpose: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(id)
        writer.write(condition)
        writer.write(source)
        writer.write(label)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(
            id: try reader.read(), condition: try reader.read(), source: try reader.read(), label: try reader.read())
    }
}

extension PlanGuide.Indicator: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(id)
        writer.write(condition)
        writer.write(now)
        writer.write(target)
        writer.write(unit)
        writer.write(source)
        writer.write(reports)
        writer.write(text)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(
            id: try reader.read(), condition: try reader.read(), now: try reader.read(), target: try reader.read(),
            unit: try reader.read(), source: try reader.read(), reports: try reader.read(), text: try reader.read())
    }
}

extension PlanGuide.Indicator.Text: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(title)
        writer.write(target)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(title: try reader.read(), target: try reader.read())
    }
}

extension Benchmarks: SnapshotDeferrable {
    static var damaged: Benchmarks { Benchmarks() }
}

extension Benchmarks: SnapshotCodable {
    /// The reports alone, read from the front of the benchmarks' bytes, without the
    /// figures (`KnowledgeBase.benchmarkReports`).
    static func reports(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) -> [Report] {
        try front(from: &reader).reports
    }

    /// The fields `write(to:)` writes first, read as `init(from:)` reads them.
    private static func front(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) -> (
        around: Double, reports: [Report]
    ) {
        (try reader.read(), try reader.read())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.write(around)
        writer.write(reports)
        writer.write(figures)
        writer.write(unpublished)
        writer.write(sizeBands)
        writer.write(advice)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        let front = try Self.front(from: &reader)
        self.init(
            around: front.around, reports: front.reports, figures: try reader.read(),
            unpublished: try reader.read(), sizeBands: try reader.read(), advice: try reader.read())
    }
}

extension Benchmarks.Report: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(id)
        writer.write(title)
        writer.write(publisher)
        writer.write(year)
        writer.write(dataYear)
        writer.write(url)
        writer.write(readAtSource)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(
            id: try reader.read(), title: try reader.read(), publisher: try reader.read(), year: try reader.read(),
            dataYear: try reader.read(), url: try reader.read(), readAtSource: try reader.read())
    }
}

extension Benchmarks.Figure: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(platform)
        writer.write(basis)
        writer.write(statistic)
        writer.write(value)
        writer.write(report)
        writer.write(population)
        writer.write(band)
        writer.write(counted)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(
            platform: try reader.read(), basis: try reader.read(), statistic: try reader.read(),
            value: try reader.read(), report: try reader.read(), population: try reader.read(),
            band: try reader.read(), counted: try reader.read())
    }
}

extension Benchmarks.SizeBand: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(id)
        writer.write(minimum)
        writer.write(maximum)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(id: try reader.read(), minimum: try reader.read(), maximum: try reader.read())
    }
}

extension SearchVocabulary: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(stopWords)
        writer.write(frenchLetters)
        writer.write(synonyms)
        writer.write(synonymWeight)
        writer.write(suffixes)
        writer.write(minimumStem)
        // By field, in their declared order: fields are not ordered otherwise.
        writer.write(Field.allCases.map { Optional(fieldWeights[$0]) })
        writer.write(saturation)
        writer.write(lengthNormalisation)
        writer.write(minimumScore)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init()
        stopWords = try reader.read()
        frenchLetters = try reader.read()
        synonyms = try reader.read()
        synonymWeight = try reader.read()
        suffixes = try reader.read()
        minimumStem = try reader.read()
        let weights = try reader.read([Double?].self)
        guard weights.count == Field.allCases.count else { throw reader.failure("a weight for each field") }
        for (field, weight) in zip(Field.allCases, weights) {
            guard let weight else { throw reader.failure("a weight for each field") }
            fieldWeights[field] = weight
        }
        saturation = try reader.read()
        lengthNormalisation = try reader.read()
        minimumScore = try reader.read()
    }
}

extension MetricsVocabulary: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.write(headers)
        writer.write(formats)
    }
    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        self.init(headers: try reader.read(), formats: try reader.read())
    }
}

extension Value: SnapshotCodable {
    /// The case as a number, then its payload.
    func write(to writer: inout SnapshotWriter) {
        switch self {
        case .number(let number):
            writer.write(0)
            writer.write(number)
        case .text(let text):
            writer.write(1)
            writer.write(text)
        case .boolean(let flag):
            writer.write(2)
            writer.write(flag)
        case .list(let texts):
            writer.write(3)
            writer.write(texts)
        case .none:
            writer.write(4)
        }
    }

    init(from reader: inout SnapshotReader) throws(KnowledgeSnapshot.Failure) {
        switch try reader.read(Int.self) {
        case 0: self = .number(try reader.read())
        case 1: self = .text(try reader.read())
        case 2: self = .boolean(try reader.read())
        case 3: self = .list(try reader.read())
        case 4: self = .none
        default: throw reader.failure("a value of no known kind")
        }
    }
}
