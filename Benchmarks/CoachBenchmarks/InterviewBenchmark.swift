import CoachKit
import Foundation

/// Times, in process, what the shell does after each answer: choosing the next
/// question, and re-planning after one answer changes.
func benchmarkInterview(folder: URL, runs: Int) throws {
    let knowledge = try KnowledgeBase.load(from: folder.appending(path: "knowledge").path)
    let loadedPeak = peakMegabytes()
    let answers = try AnswersFile.load(path: folder.appending(path: "profile.yaml").path, knowledge: knowledge)
    let planner = Planner(knowledge: knowledge)
    let enginePeak = peakMegabytes()
    var next: String?
    let choose = medianMilliseconds(runs: runs) { next = planner.engine.evaluate(answers).missing.first }
    var actions = 0
    var run = 0
    let replan = medianMilliseconds(runs: runs) {
        var changed = answers
        run += 1
        changed["n0"] = .number(Double(run * 37 % 101))
        actions = planner.plan(for: changed, language: .en).actions.count
    }
    print(
        String(
            format:
                "rules %d: next question %.2f ms (%@), re-plan after one answer %.2f ms (%d actions); median of %d; "
                + "peak RSS %.0f MB loaded, %.0f MB with the engine, %.0f MB in all",
            knowledge.rules.count, choose, next ?? "none", replan, actions, runs, loadedPeak, enginePeak,
            peakMegabytes()))
}

/// Times, in process, loading the knowledge folder of a generated rule base and
/// building its engine: the part of `coach plan --knowledge` that grows with the rules.
func benchmarkLoad(folder: URL, runs: Int) throws {
    var count = 0
    let load = try medianMilliseconds(runs: runs) {
        count = try KnowledgeBase.load(from: folder.appending(path: "knowledge").path).rules.count
    }
    let knowledge = try KnowledgeBase.load(from: folder.appending(path: "knowledge").path)
    let engine = medianMilliseconds(runs: runs) { count += Planner(knowledge: knowledge).knowledge.rules.count * 0 }
    print(String(format: "rules %d: load %.1f ms, engine %.1f ms; median of %d", count, load, engine, runs))
}
