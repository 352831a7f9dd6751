// A random rule base, written twice from one description: as a coach knowledge
// folder and as a CLIPS program, with one profile, so that both engines get the same
// work and their fired sets can be compared rule by rule.

/// SplitMix64: the same seed gives the same rule base on every machine.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct RuleBase {
    /// One test of one question.
    enum Condition {
        case number(Int, Comparison, Int)
        case boolean(Int, Bool)
        case choice(Int, option: Int)
    }

    enum Comparison: String, CaseIterable {
        case greater = ">", less = "<", greaterOrEqual = ">=", lessOrEqual = "<="

        func holds(_ left: Int, _ right: Int) -> Bool {
            switch self {
            case .greater: left > right
            case .less: left < right
            case .greaterOrEqual: left >= right
            case .lessOrEqual: left <= right
            }
        }
    }

    struct Rule {
        var conditions: [Condition]
        var priority: Int
        var horizon: String
    }

    /// The profile: some questions answered, the rest left for the interview.
    struct Profile {
        var numbers: [Int: Int] = [:]
        var booleans: [Int: Bool] = [:]
        var choices: [Int: Int] = [:]
    }

    // 50 questions: 20 numbers (0–100), 15 booleans, 15 choices of 4 options.
    static let numberCount = 20
    static let booleanCount = 15
    static let choiceCount = 15
    static let optionCount = 4
    static let horizons = ["this_week", "this_month", "this_quarter"]

    var rules: [Rule] = []
    var profile = Profile()

    init(size: Int, seed: UInt64) {
        var random = SeededGenerator(state: seed)
        rules.reserveCapacity(size)
        for _ in 0..<size {
            let count = Int.random(in: 2...4, using: &random)
            let conditions = (0..<count).map { _ in Self.condition(&random) }
            rules.append(
                Rule(
                    conditions: conditions, priority: Int.random(in: 0...100, using: &random),
                    horizon: Self.horizons.randomElement(using: &random)!))
        }
        // Four questions in five answered; the last of each kind stay open.
        for question in 0..<16 { profile.numbers[question] = Int.random(in: 0...100, using: &random) }
        for question in 0..<12 { profile.booleans[question] = Bool.random(using: &random) }
        for question in 0..<12 { profile.choices[question] = Int.random(in: 0..<Self.optionCount, using: &random) }
    }

    private static func condition(_ random: inout SeededGenerator) -> Condition {
        switch Int.random(in: 0..<3, using: &random) {
        case 0:
            .number(
                Int.random(in: 0..<numberCount, using: &random), Comparison.allCases.randomElement(using: &random)!,
                Int.random(in: 0...100, using: &random))
        case 1: .boolean(Int.random(in: 0..<booleanCount, using: &random), Bool.random(using: &random))
        default:
            .choice(
                Int.random(in: 0..<choiceCount, using: &random), option: Int.random(in: 0..<optionCount, using: &random)
            )
        }
    }

    static func name(ofRule index: Int) -> String { "bench.r\(index)" }

    // MARK: - The expected outcome

    /// The rules whose every condition holds for the profile: what both engines must
    /// fire. An unanswered question makes its condition unknown, so the rule waits.
    func expectedFired() -> [String] {
        rules.indices.filter { index in
            rules[index].conditions.allSatisfy { condition in
                switch condition {
                case .number(let question, let comparison, let bound):
                    profile.numbers[question].map { comparison.holds($0, bound) } ?? false
                case .boolean(let question, let wanted): profile.booleans[question] == wanted
                case .choice(let question, let option): profile.choices[question] == option
                }
            }
        }.map(Self.name(ofRule:))
    }

    // MARK: - The coach's knowledge format

    /// The knowledge folder's files: path and text.
    func coachFiles() -> [(path: String, text: String)] {
        var files: [(String, String)] = [
            (
                "sources.yaml",
                """
                article: {title: {fr: Banc, en: Bench}, language: fr, publisher: {fr: banc, en: bench}}
                sections: [{id: bench, fr: Banc, en: Bench}]

                """
            ),
            (
                "topics/tip.bench.yaml",
                """
                id: tip.bench
                source: bench
                fr: {title: Banc, summary: Banc., body: Banc., steps: [Un, Deux, Trois], keywords: [banc]}
                en: {title: Bench, summary: Bench., body: Bench., steps: [One, Two, Three], keywords: [bench]}

                """
            ),
        ]
        var questions = "questions:\n"
        let texts = "    fr: {prompt: Q, help: H}\n    en: {prompt: Q, help: H}\n"
        for question in 0..<Self.numberCount {
            questions += "  - id: n\(question)\n    type: number\n    min: 0\n    max: 100\n" + texts
        }
        for question in 0..<Self.booleanCount { questions += "  - id: b\(question)\n    type: boolean\n" + texts }
        for question in 0..<Self.choiceCount {
            questions += "  - id: c\(question)\n    type: choice\n" + texts + "    options:\n"
            for option in 0..<Self.optionCount {
                questions += "      - {value: o\(option), fr: O\(option), en: O\(option)}\n"
            }
        }
        files.append(("questions.yaml", questions))

        // A thousand rules to a file, as a team would split them by theme.
        for start in stride(from: 0, to: rules.count, by: 1_000) {
            var text = "rules:\n"
            for index in start..<min(start + 1_000, rules.count) {
                let rule = rules[index]
                let when = rule.conditions.map(Self.coachCondition).joined(separator: " and ")
                let name = Self.name(ofRule: index)
                text += """
                      - id: \(name)
                        when: \(when)
                        priority: \(rule.priority)
                        horizon: \(rule.horizon)
                        source: tip.bench
                        fr: {title: \(name), detail: D}
                        en: {title: \(name), detail: D}

                    """
            }
            files.append(("rules/r\(start / 1_000).yaml", text))
        }
        return files
    }

    private static func coachCondition(_ condition: Condition) -> String {
        switch condition {
        case .number(let question, let comparison, let bound): "n\(question) \(comparison.rawValue) \(bound)"
        case .boolean(let question, let wanted): wanted ? "b\(question)" : "not b\(question)"
        case .choice(let question, let option): "c\(question) == 'o\(option)'"
        }
    }

    /// The profile as an answers file.
    func profileYAML() -> String {
        var text = ""
        for (question, value) in profile.numbers.sorted(by: { $0.key < $1.key }) { text += "n\(question): \(value)\n" }
        for (question, value) in profile.booleans.sorted(by: { $0.key < $1.key }) { text += "b\(question): \(value)\n" }
        for (question, value) in profile.choices.sorted(by: { $0.key < $1.key }) { text += "c\(question): o\(value)\n" }
        return text
    }

    // MARK: - CLIPS

    /// The same rules and profile as a CLIPS program: one ordered fact per answer,
    /// one pattern per condition with its test as a slot constraint (the idiomatic
    /// and faster form, rather than `(test …)`), each rule printing its name.
    func clipsProgram() -> String {
        var text = "(deffacts profile"
        for (question, value) in profile.numbers.sorted(by: { $0.key < $1.key }) { text += " (n\(question) \(value))" }
        for (question, value) in profile.booleans.sorted(by: { $0.key < $1.key }) {
            text += " (b\(question) \(value ? "TRUE" : "FALSE"))"
        }
        for (question, value) in profile.choices.sorted(by: { $0.key < $1.key }) { text += " (c\(question) o\(value))" }
        text += ")\n"
        for (index, rule) in rules.enumerated() {
            let name = Self.name(ofRule: index)
            text += "(defrule \(name)"
            for (position, condition) in rule.conditions.enumerated() {
                switch condition {
                case .number(let question, let comparison, let bound):
                    text += " (n\(question) ?v\(position)&:(\(comparison.rawValue) ?v\(position) \(bound)))"
                case .boolean(let question, let wanted): text += " (b\(question) \(wanted ? "TRUE" : "FALSE"))"
                case .choice(let question, let option): text += " (c\(question) o\(option))"
                }
            }
            text += " => (printout t \"\(name)\" crlf))\n"
        }
        return text
    }

    /// The CLIPS batch file that loads the program quietly, runs it and leaves.
    static let clipsBatch = """
        (load* "rules.clp")
        (reset)
        (run)
        (exit)

        """
}
