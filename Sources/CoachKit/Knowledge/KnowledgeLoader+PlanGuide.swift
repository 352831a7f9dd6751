/// A knowledge id with where it is written, to report it if it is unknown.
struct Reference {
    var id: String
    var position: SourcePosition?
}

/// What could be read of `plan.yaml`, before its expressions are compiled.
struct PlanGuideRecord {
    struct Summary {
        var fact: Reference
        var clauses: [(option: Reference, text: Localized<String>)]
        /// Where the fact's mapping starts, for a missing clause.
        var position: SourcePosition?
    }

    struct Purpose {
        var id: String
        var condition: SourceText?
        var source: Reference
        var label: Localized<String>
    }

    struct Rhythm {
        var condition: SourceText
        var posts: SourceText
        var postsPerPlatform: Int
        var source: Reference
        var days: [Weekday]
        var formats: [(platform: Reference, formats: [Reference])]
        var purposes: [Purpose]
    }

    struct Indicator {
        var id: Reference
        var condition: SourceText?
        var now: SourceText?
        var target: SourceText?
        var unit: PlanGuide.Indicator.Unit
        var source: Reference
        var reports: [Reference]
        var text: Localized<PlanGuide.Indicator.Text>
    }

    var file: String
    var summary: [Summary] = []
    var rhythm: Rhythm?
    var indicators: [Indicator] = []
}

/// What could be read of `benchmarks.yaml`, with where its references are written.
struct BenchmarksRecord {
    var file: String
    var position: SourcePosition?
    var benchmarks: Benchmarks
    var platforms: [Reference]
    var reports: [Reference]
}

extension KnowledgeLoader {
    // MARK: - plan.yaml

    static func decodePlanGuide(_ root: DataNode, reader: DocumentReader) -> PlanGuideRecord {
        var record = PlanGuideRecord(file: reader.file)
        guard let fields = reader.fields(of: root, allowed: ["summary", "rhythm", "indicators"]) else { return record }
        if let node = fields["summary"], let facts = reader.fields(of: node, allowed: node.keys) {
            for pair in facts.pairs {
                guard let options = reader.fields(of: pair.value, allowed: pair.value.keys) else { continue }
                let clauses = options.pairs.compactMap { option -> (Reference, Localized<String>)? in
                    guard let texts = reader.fields(of: option.value, allowed: Language.allCases.map(\.rawValue)),
                        let text = localizedText(texts, reader: reader)
                    else { return nil }
                    return (Reference(id: option.key, position: option.keyPosition), text)
                }
                record.summary.append(
                    .init(
                        fact: Reference(id: pair.key, position: pair.keyPosition), clauses: clauses,
                        position: pair.value.position))
            }
        }
        if let node = fields["rhythm"] { record.rhythm = decodeRhythm(node, reader: reader) }
        if let node = fields["indicators"], let elements = reader.elements(of: node) {
            record.indicators = elements.compactMap { decodeIndicator($0, reader: reader) }
        }
        return record
    }

    private static func reference(_ fields: Fields, _ key: String) -> Reference? {
        fields.requiredText(key).map { Reference(id: $0, position: fields[key]?.position) }
    }

    static func references(_ node: DataNode, key: String, reader: DocumentReader) -> [Reference] {
        if case .scalar = node, let text = reader.text(node, key: key) {
            return [Reference(id: text, position: node.position)]
        }
        return (reader.elements(of: node) ?? []).compactMap { element in
            reader.text(element, key: key).map { Reference(id: $0, position: element.position) }
        }
    }

    private static func decodeRhythm(_ node: DataNode, reader: DocumentReader) -> PlanGuideRecord.Rhythm? {
        let keys = ["when", "posts", "posts_per_platform", "source", "days", "platforms", "purposes"]
        guard let fields = reader.fields(of: node, allowed: keys) else { return nil }
        let condition = fields.required("when").flatMap { reader.sourceText($0, key: "when") }
        let posts = fields.required("posts").flatMap { reader.sourceText($0, key: "posts") }
        var perPlatform: Int?
        if let node = fields.required("posts_per_platform"), let value = reader.integer(node) {
            if value < 1 || value > 7 {
                reader.error(.outOfRange(String(value), min: "1", max: "7"), at: node.position)
            }
            perPlatform = min(7, max(1, value))
        }
        let source = reference(fields, "source")
        var days: [Weekday] = []
        if let node = fields.required("days") {
            for day in references(node, key: "days", reader: reader) {
                guard let weekday = Weekday(rawValue: day.id) else {
                    let names = Weekday.allCases.map(\.rawValue)
                    reader.error(
                        .notAnOption(day.id, of: "days", suggestion: Suggestion.closest(to: day.id, among: names)),
                        at: day.position)
                    continue
                }
                if days.contains(weekday) {
                    reader.error(.duplicateID(day.id, first: SourceLocation(file: reader.file)), at: day.position)
                }
                days.append(weekday)
            }
        }
        var formats: [(platform: Reference, formats: [Reference])] = []
        if let node = fields.required("platforms"), let platforms = reader.fields(of: node, allowed: node.keys) {
            for pair in platforms.pairs {
                formats.append(
                    (
                        Reference(id: pair.key, position: pair.keyPosition),
                        references(pair.value, key: pair.key, reader: reader)
                    ))
            }
        }
        var purposes: [PlanGuideRecord.Purpose] = []
        if let node = fields.required("purposes"), let elements = reader.elements(of: node) {
            for element in elements {
                guard let purpose = reader.fields(of: element, allowed: ["id", "when", "source", "fr", "en"]),
                    let id = purpose.requiredText("id"), let source = reference(purpose, "source"),
                    let label = localizedText(purpose, reader: reader)
                else { continue }
                let condition = purpose["when"].flatMap { reader.sourceText($0, key: "when") }
                purposes.append(.init(id: id, condition: condition, source: source, label: label))
            }
        }
        guard let condition, let posts, let perPlatform, let source else { return nil }
        return .init(
            condition: condition, posts: posts, postsPerPlatform: perPlatform, source: source, days: days,
            formats: formats, purposes: purposes)
    }

    private static func decodeIndicator(_ node: DataNode, reader: DocumentReader) -> PlanGuideRecord.Indicator? {
        let keys = ["id", "when", "now", "target", "unit", "source", "reports", "fr", "en"]
        guard let fields = reader.fields(of: node, allowed: keys) else { return nil }
        let id = reference(fields, "id")
        var unit = PlanGuide.Indicator.Unit.number
        if let text = fields.optionalText("unit") {
            if let known = PlanGuide.Indicator.Unit(rawValue: text) {
                unit = known
            } else {
                let names = PlanGuide.Indicator.Unit.allCases.map(\.rawValue)
                reader.error(
                    .notAnOption(text, of: "unit", suggestion: Suggestion.closest(to: text, among: names)),
                    at: fields["unit"]?.position)
            }
        }
        let source = reference(fields, "source")
        let reports = fields["reports"].map { references($0, key: "reports", reader: reader) } ?? []
        let texts = localizedTexts(fields, keys: ["title", "target"], reader: reader)
        guard let id, let source, let texts else { return nil }
        func text(_ language: Language) -> PlanGuide.Indicator.Text {
            PlanGuide.Indicator.Text(title: texts[language]["title"] ?? "", target: texts[language]["target"] ?? "")
        }
        return .init(
            id: id, condition: fields["when"].flatMap { reader.sourceText($0, key: "when") },
            now: fields["now"].flatMap { reader.sourceText($0, key: "now") },
            target: fields["target"].flatMap { reader.sourceText($0, key: "target") }, unit: unit, source: source,
            reports: reports, text: Localized(fr: text(.fr), en: text(.en)))
    }

    // MARK: - benchmarks.yaml

    static func decodeBenchmarks(_ root: DataNode, reader: DocumentReader) -> BenchmarksRecord {
        var record = BenchmarksRecord(
            file: reader.file, position: root.position, benchmarks: Benchmarks(), platforms: [], reports: [])
        guard
            let fields = reader.fields(
                of: root,
                allowed: ["around", "reports", "size_bands", "benchmarks", "no_published_figure", "advice"])
        else { return record }
        if let node = fields["around"], let value = reader.number(node) {
            if value <= 0 || value >= 1 {
                reader.error(.outOfRange(value.plainText, min: "0", max: "1"), at: node.position)
            } else {
                record.benchmarks.around = value
            }
        }
        for element in fields.required("reports").flatMap({ reader.elements(of: $0) }) ?? [] {
            let keys = ["id", "title", "publisher", "year", "data_year", "url", "read"]
            guard let report = reader.fields(of: element, allowed: keys) else { continue }
            let year = report.required("year").flatMap { reader.integer($0) }
            let dataYear = report["data_year"].flatMap { reader.integer($0) }
            var readAtSource: Bool?
            if let read = report.requiredText("read") {
                readAtSource = read == "source" ? true : read == "second_hand" ? false : nil
                if readAtSource == nil {
                    reader.error(
                        .notAnOption(
                            read, of: "read",
                            suggestion: Suggestion.closest(to: read, among: ["source", "second_hand"])),
                        at: report["read"]?.position)
                }
            }
            guard let id = report.requiredText("id"), let title = report.requiredText("title"),
                let publisher = report.requiredText("publisher"), let url = report.requiredText("url"), let year,
                let readAtSource
            else { continue }
            record.benchmarks.reports.append(
                .init(
                    id: id, title: title, publisher: publisher, year: year, dataYear: dataYear, url: url,
                    readAtSource: readAtSource))
        }
        for element in fields["size_bands"].flatMap({ reader.elements(of: $0) }) ?? [] {
            guard let band = reader.fields(of: element, allowed: ["id", "min", "max"]),
                let id = band.requiredText("id"), let minimum = band.required("min").flatMap(reader.number)
            else { continue }
            let maximum = band["max"].flatMap(reader.number)
            if let maximum, maximum <= minimum {
                reader.error(
                    .outOfRange(maximum.plainText, min: minimum.plainText, max: "∞"), at: band["max"]?.position)
            }
            record.benchmarks.sizeBands.append(.init(id: id, minimum: minimum, maximum: maximum))
        }
        if let node = fields["advice"],
            let advice = reader.fields(of: node, allowed: ["below", "around", "above", "none"])
        {
            for pair in advice.pairs {
                guard let texts = reader.fields(of: pair.value, allowed: ["fr", "en"]),
                    let text = localizedText(texts, reader: reader)
                else { continue }
                record.benchmarks.advice[pair.key] = text
            }
            for key in ["below", "around", "above", "none"] where advice[key] == nil {
                advice.reportMissing(.missingKey(key), key: key)
            }
        }
        let bandIDs = record.benchmarks.sizeBands.map(\.id)
        for element in fields.required("benchmarks").flatMap({ reader.elements(of: $0) }) ?? [] {
            let keys = ["platform", "basis", "statistic", "value", "report", "population", "band", "counted"]
            guard let benchmark = reader.fields(of: element, allowed: keys) else { continue }
            let platform = reference(benchmark, "platform")
            let report = reference(benchmark, "report")
            let basis = choice(benchmark, "basis", Benchmarks.Basis.self, reader: reader)
            let statistic = choice(benchmark, "statistic", Benchmarks.Statistic.self, reader: reader)
            var value: Double?
            if let node = benchmark.required("value"), let number = reader.number(node) {
                if number < 0 || number > 100 {
                    reader.error(.outOfRange(number.plainText, min: "0", max: "100"), at: node.position)
                }
                value = number
            }
            let population = benchmark.required("population").flatMap { node in
                reader.fields(of: node, allowed: ["fr", "en"]).flatMap { localizedText($0, reader: reader) }
            }
            var band: String?
            if let text = benchmark.optionalText("band") {
                if bandIDs.contains(text) {
                    band = text
                } else {
                    reader.error(
                        .notAnOption(text, of: "size_bands", suggestion: Suggestion.closest(to: text, among: bandIDs)),
                        at: benchmark["band"]?.position)
                }
            }
            guard let platform, let report, let basis, let statistic, let value, let population else { continue }
            record.platforms.append(platform)
            record.reports.append(report)
            record.benchmarks.figures.append(
                .init(
                    platform: platform.id, basis: basis, statistic: statistic, value: value, report: report.id,
                    population: population, band: band,
                    counted: benchmark["counted"].flatMap { reader.texts($0, key: "counted") } ?? []))
        }
        if let node = fields["no_published_figure"] {
            let platforms = references(node, key: "no_published_figure", reader: reader)
            record.platforms += platforms
            record.benchmarks.unpublished = platforms.map(\.id)
        }
        return record
    }

    private static func choice<Choice: RawRepresentable & CaseIterable>(
        _ fields: Fields, _ key: String, _ type: Choice.Type, reader: DocumentReader
    ) -> Choice? where Choice.RawValue == String {
        guard let text = fields.requiredText(key) else { return nil }
        if let value = Choice(rawValue: text) { return value }
        let names = Choice.allCases.map(\.rawValue)
        reader.error(
            .notAnOption(text, of: key, suggestion: Suggestion.closest(to: text, among: names)),
            at: fields[key]?.position)
        return nil
    }
}

extension KnowledgeCompiler {
    /// Reports each reference that is not among `known`, with a did-you-mean.
    func check(_ references: [Reference], kind: Problem.ReferenceKind, among known: [String], in file: String) {
        for reference in references where !known.contains(reference.id) {
            log.error(
                .unknownReference(
                    reference.id, kind: kind, suggestion: Suggestion.closest(to: reference.id, among: known)),
                in: file, at: reference.position)
        }
    }

    /// Reports each reference that is not an option of the question `owner`.
    private func checkOptions(_ references: [Reference], of owner: String, in file: String) {
        guard let question = questions.first(where: { $0.id == owner }) else { return }
        let options = question.options.map(\.value)
        for reference in references where !options.contains(reference.id) {
            log.error(
                .notAnOption(
                    reference.id, of: owner, suggestion: Suggestion.closest(to: reference.id, among: options)),
                in: file, at: reference.position)
        }
    }

    /// The benchmarks, once their reports and platforms are checked; every platform
    /// the interview offers must have a figure by followers or be listed as having
    /// none published.
    func checkBenchmarks(_ record: BenchmarksRecord) -> Benchmarks {
        let benchmarks = record.benchmarks
        check(record.reports, kind: .report, among: benchmarks.reports.map(\.id), in: record.file)
        checkOptions(record.platforms, of: "platforms", in: record.file)
        let covered = Set(
            benchmarks.figures.filter { $0.basis == .followers }.map(\.platform) + benchmarks.unpublished)
        for option in questions.first(where: { $0.id == "platforms" })?.options ?? []
        where !covered.contains(option.value) {
            log.error(.noBenchmark(option.value), in: record.file, at: record.position)
        }
        return benchmarks
    }

    /// The plan guide with its expressions compiled; a part with an error is left out.
    func compileGuide(_ record: PlanGuideRecord, topicIDs: Set<String>, reportIDs: [String]) -> PlanGuide {
        let topics = topicIDs.sorted()
        var guide = PlanGuide()
        for summary in record.summary {
            let factIndex = facts.firstIndex { $0.id == summary.fact.id }
            guard let factIndex, facts[factIndex].kind == .choice else {
                log.error(
                    .unknownReference(
                        summary.fact.id, kind: .fact,
                        suggestion: Suggestion.closest(
                            to: summary.fact.id, among: facts.filter { $0.kind == .choice }.map(\.id))),
                    in: record.file, at: summary.fact.position)
                continue
            }
            let options = facts[factIndex].options
            for (option, _) in summary.clauses where !options.contains(option.id) {
                log.error(
                    .notAnOption(
                        option.id, of: summary.fact.id, suggestion: Suggestion.closest(to: option.id, among: options)),
                    in: record.file, at: option.position)
            }
            for option in options where !summary.clauses.contains(where: { $0.option.id == option }) {
                log.error(.missingKey(option), in: record.file, at: summary.position)
            }
            guide.summary.append(
                .init(
                    fact: summary.fact.id,
                    clauses: Dictionary(
                        summary.clauses.map { ($0.option.id, $0.text) }, uniquingKeysWith: { first, _ in first })))
        }
        if let rhythm = record.rhythm {
            check([rhythm.source] + rhythm.purposes.map(\.source), kind: .topic, among: topics, in: record.file)
            checkOptions(rhythm.formats.map(\.platform), of: "platforms", in: record.file)
            checkOptions(rhythm.formats.flatMap(\.formats), of: "formats", in: record.file)
            let condition = compile(rhythm.condition, expecting: .boolean)
            let posts = compile(rhythm.posts, expecting: .number)
            var purposes: [PlanGuide.Rhythm.Purpose] = []
            var usable = true
            for purpose in rhythm.purposes {
                let condition = purpose.condition.map { compile($0, expecting: .boolean) }
                if case .some(nil) = condition { usable = false }
                purposes.append(
                    .init(id: purpose.id, condition: condition ?? nil, source: purpose.source.id, label: purpose.label))
            }
            if let condition, let posts, usable {
                guide.rhythm = .init(
                    condition: condition, posts: posts, postsPerPlatform: rhythm.postsPerPlatform,
                    source: rhythm.source.id, days: rhythm.days.isEmpty ? Weekday.allCases : rhythm.days,
                    formats: Dictionary(
                        rhythm.formats.map { ($0.platform.id, $0.formats.map(\.id)) },
                        uniquingKeysWith: { first, _ in first }),
                    purposes: purposes)
            }
        }
        var seen: [String: SourceLocation] = [:]
        for indicator in record.indicators {
            if let first = seen[indicator.id.id] {
                log.error(.duplicateID(indicator.id.id, first: first), in: record.file, at: indicator.id.position)
            }
            seen[indicator.id.id] = SourceLocation(file: record.file, position: indicator.id.position)
            check([indicator.source], kind: .topic, among: topics, in: record.file)
            check(indicator.reports, kind: .report, among: reportIDs, in: record.file)
            let condition = indicator.condition.map { compile($0, expecting: .boolean) }
            let now = indicator.now.map { compile($0, expecting: nil) }
            let target = indicator.target.map { compile($0, expecting: .number) }
            if case .some(nil) = condition { continue }
            if case .some(nil) = now { continue }
            if case .some(nil) = target { continue }
            guide.indicators.append(
                .init(
                    id: indicator.id.id, condition: condition ?? nil, now: now ?? nil, target: target ?? nil,
                    unit: indicator.unit, source: indicator.source.id, reports: indicator.reports.map(\.id),
                    text: indicator.text))
        }
        return guide
    }
}
