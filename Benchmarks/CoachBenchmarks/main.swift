// The engine's benchmark: generates a knowledge base of N rules over 50 questions,
// then times loading and checking it, a full plan, and a re-plan after one answer
// changes, and reports the peak memory of the process.
//
//     coach-bench RULES [--seed S] [--runs R]
//     coach-bench ask            times building `coach ask`'s index and one search
//     coach-bench posts [ROWS]   times reading a CSV of ROWS posts (100 000 by default)
//
// One process per size (see Benchmarks/engine.sh), so that peak memory is that
// size's own. Times are medians of R runs (the load is timed once above 10 000).

import CoachKit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

struct Generator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let arguments = CommandLine.arguments

/// The median of `runs` timings of `body`, in milliseconds.
func medianMilliseconds(runs: Int, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    return times.sorted()[times.count / 2]
}

if arguments.count >= 2, arguments[1] == "posts" {
    let rows = arguments.count >= 3 ? Int(arguments[2]) ?? 100_000 : 100_000
    let file = FileManager.default.temporaryDirectory.appending(path: "coach-bench-posts-\(getpid()).csv")
    defer { try? FileManager.default.removeItem(at: file) }
    var text = "Date;Plateforme;Type;J'aime;Commentaires;Partages\n"
    let formats = ["photo", "vidéo", "reel", "texte", "carrousel"]
    for index in 0..<rows {
        text += "\(1 + index % 28)/\(1 + index / 28 % 12)/\(2000 + index / 336 % 100);instagram;\(formats[index % 5]);"
        text += "\(index % 90),\(index % 10);\(index % 17);\(index % 5)\n"
    }
    try text.write(to: file, atomically: true, encoding: .utf8)
    text = ""
    let knowledge = try KnowledgeBase.builtIn()
    let reader = PostsReader(knowledge: knowledge)
    var posts = 0
    let time = medianMilliseconds(runs: 5) { posts = (try? reader.read(file))?.posts ?? -1 }
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
    print(
        String(
            format: "posts CSV: %d rows (%.1f MB) read in %.0f ms median; peak RSS %.0f MB", posts,
            Double(size) / 1_048_576, time, Double(usage.ru_maxrss) / 1024))
    exit(0)
}

if arguments.count >= 2, arguments[1] == "ask" {
    let knowledge = try KnowledgeBase.builtIn()
    var index = SearchIndex(knowledge: knowledge)
    let build = medianMilliseconds(runs: 51) { index = SearchIndex(knowledge: knowledge) }
    var hits = 0
    let search = medianMilliseconds(runs: 201) {
        hits += index.search("comment avoir plus de commentaires sur mes publicatons").count
    }
    print(
        String(
            format: "ask index build: %.2f ms median; one search: %.3f ms median (%d hits)", build, search, hits / 201))
    exit(0)
}

guard arguments.count >= 2, let ruleCount = Int(arguments[1]), ruleCount > 0 else {
    FileHandle.standardError.write(Data("usage: coach-bench RULES [--seed S] [--runs R]\n".utf8))
    exit(64)
}
func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
    return Int(arguments[index + 1]) ?? value
}
var random = Generator(state: UInt64(option("--seed", default: 42)))
let runs = option("--runs", default: ruleCount > 10_000 ? 3 : 15)

// MARK: - The knowledge base

let numbers = (0..<20).map { "n\($0)" }
let booleans = (0..<15).map { "b\($0)" }
let choices = (0..<15).map { "c\($0)" }
let folder = FileManager.default.temporaryDirectory.appending(path: "coach-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder.appending(path: "topics"), withIntermediateDirectories: true)
try FileManager.default.createDirectory(at: folder.appending(path: "rules"), withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

func write(_ text: String, _ path: String) throws {
    try text.write(to: folder.appending(path: path), atomically: false, encoding: .utf8)
}

try write(
    """
    article: {title: {fr: Banc, en: Bench}, language: fr, publisher: {fr: banc, en: bench}}
    sections: [{id: bench, fr: Banc, en: Bench}]
    """, "sources.yaml")
try write(
    """
    id: tip.bench
    source: bench
    fr: {title: Banc, summary: Banc., body: Banc., steps: [Un, Deux, Trois], keywords: [banc]}
    en: {title: Bench, summary: Bench., body: Bench., steps: [One, Two, Three], keywords: [bench]}
    """, "topics/tip.bench.yaml")
var questions = "questions:\n"
let texts = "    fr: {prompt: Q, help: H}\n    en: {prompt: Q, help: H}\n"
for id in numbers { questions += "  - id: \(id)\n    type: number\n    min: 0\n    max: 100\n" + texts }
for id in booleans { questions += "  - id: \(id)\n    type: boolean\n" + texts }
for id in choices {
    questions += "  - id: \(id)\n    type: choice\n" + texts + "    options:\n"
    for option in 0..<4 { questions += "      - {value: o\(option), fr: O\(option), en: O\(option)}\n" }
}
try write(questions, "questions.yaml")

func condition(_ random: inout Generator) -> String {
    switch Int.random(in: 0..<3, using: &random) {
    case 0:
        "\(numbers.randomElement(using: &random)!) \([">", "<", ">="].randomElement(using: &random)!) \(Int.random(in: 0...100, using: &random))"
    case 1: (Bool.random(using: &random) ? "" : "not ") + booleans.randomElement(using: &random)!
    default: "\(choices.randomElement(using: &random)!) == 'o\(Int.random(in: 0..<4, using: &random))'"
    }
}
let horizons = ["this_week", "this_month", "this_quarter"]
var rules = ""
for index in 0..<ruleCount {
    if index % 1_000 == 0 {
        if !rules.isEmpty { try write(rules, "rules/r\(index / 1_000).yaml") }
        rules = "rules:\n"
    }
    let termCount = Int.random(in: 2...4, using: &random)
    var terms: [String] = []
    for _ in 0..<termCount { terms.append(condition(&random)) }
    rules += """
          - id: bench.r\(index)
            when: \(terms.joined(separator: " and "))
            priority: \(Int.random(in: 0...100, using: &random))
            horizon: \(horizons.randomElement(using: &random)!)
            source: tip.bench
            fr: {title: R\(index), detail: D}
            en: {title: R\(index), detail: D}

        """
}
try write(rules, "rules/r\(ruleCount / 1_000 + 1).yaml")

// MARK: - Timing

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func milliseconds(_ value: Double) -> String { String(format: "%.2f", value * 1_000) }

var knowledge: KnowledgeBase?
let loadRuns = ruleCount > 10_000 ? 1 : 3
let load = median(
    try (0..<loadRuns).map { _ in
        try seconds {
            let report = try KnowledgeLoader.load(from: folder)
            guard !report.hasErrors else {
                fatalError("generated knowledge has errors: \(report.diagnostics.prefix(3))")
            }
            knowledge = report.knowledge
        }
    })
let planner = Planner(knowledge: knowledge!)

// A profile with half the questions answered, so that the interview has work to do.
var answers = Answers()
for id in numbers.prefix(10) { answers[id] = .number(Double(Int.random(in: 0...100, using: &random))) }
for id in booleans.prefix(8) { answers[id] = .boolean(Bool.random(using: &random)) }
for id in choices.prefix(7) { answers[id] = .choice("o\(Int.random(in: 0..<4, using: &random))") }

var plan: Plan?
let full = median(
    (0..<runs).map { _ in seconds { plan = Planner(knowledge: knowledge!).plan(for: answers, language: .en) } })
let replans = (0..<runs).map { run in
    var changed = answers
    changed["n0"] = .number(Double(run * 7 % 101))
    return seconds { plan = planner.plan(for: changed, language: .en) }
}
let replan = median(replans)
let empty = median((0..<runs).map { _ in seconds { plan = planner.plan(for: Answers(), language: .en) } })

var usage = rusage()
getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
print(
    "rules \(ruleCount)  load+check \(milliseconds(load)) ms  full plan \(milliseconds(full)) ms  "
        + "re-plan \(milliseconds(replan)) ms (fastest \(milliseconds(replans.min()!))) empty-profile plan \(milliseconds(empty)) ms  "
        + "actions \(plan?.actions.count ?? 0)  missing \(plan?.missing.count ?? 0)  peak RSS \(usage.ru_maxrss / 1024) MB"
)
