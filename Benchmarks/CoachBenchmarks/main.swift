// The coach's benchmarks, driven by Benchmarks/bench.sh (`make bench`).
//
//     coach-bench generate N DIR [--seed S]   writes one random rule base of N rules
//                                             for the coach and for CLIPS, with a profile
//     coach-bench compare DIR COACH.json CLIPS.txt
//                                             the differential check: both engines, and
//                                             the generator's own reckoning, must fire
//                                             exactly the same rules
//     coach-bench interview DIR [--runs R]    in process: choosing the next question and
//                                             re-planning after one answer changes
//     coach-bench load DIR [--runs R]         in process: loading its knowledge, building the engine
//     coach-bench ask                         building `coach ask`'s index, one search
//     coach-bench posts [ROWS]                reading a CSV of ROWS posts
//     coach-bench order OBJECT PROFILE…       the linker's symbol order, from callgrind
//                                             profiles of OBJECT (Linker/README.md)

import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
    return Int(arguments[index + 1]) ?? value
}

do {
    try run()
} catch {
    fail("\(error)")
}

func run() throws {
    switch arguments.first {
    case "generate":
        guard arguments.count >= 3, let size = Int(arguments[1]), size > 0 else {
            fail("usage: coach-bench generate N DIR [--seed S]", code: 64)
        }
        try generate(size: size, into: URL(fileURLWithPath: arguments[2]), seed: UInt64(option("--seed", default: 42)))
    case "compare":
        guard arguments.count == 4 else { fail("usage: coach-bench compare DIR COACH.json CLIPS.txt", code: 64) }
        try compare(
            folder: URL(fileURLWithPath: arguments[1]), coach: URL(fileURLWithPath: arguments[2]),
            clips: URL(fileURLWithPath: arguments[3]))
    case "interview":
        guard arguments.count >= 2 else { fail("usage: coach-bench interview DIR [--runs R]", code: 64) }
        try benchmarkInterview(folder: URL(fileURLWithPath: arguments[1]), runs: option("--runs", default: 21))
    case "builtin":
        try benchmarkBuiltIn()
    case "load":
        guard arguments.count >= 2 else { fail("usage: coach-bench load DIR [--runs R]", code: 64) }
        try benchmarkLoad(folder: URL(fileURLWithPath: arguments[1]), runs: option("--runs", default: 9))
    case "ask":
        try benchmarkAsk()
    case "order":
        guard arguments.count >= 3 else { fail("usage: coach-bench order OBJECT PROFILE…", code: 64) }
        let profiles = arguments.dropFirst(2).map { URL(fileURLWithPath: $0) }
        FileHandle.standardOutput.write(Data(try linkOrder(object: arguments[1], profiles: profiles).utf8))
    case "posts":
        try benchmarkPosts(rows: arguments.count >= 2 ? Int(arguments[1]) ?? 100_000 : 100_000)
    default:
        fail(
            "usage: coach-bench generate|compare|interview|load|builtin|ask|posts|order … (see Benchmarks/README.md)",
            code: 64)
    }
}
