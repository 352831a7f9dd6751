import CoachKit
import Foundation

/// Times building `coach ask`'s index over the built-in knowledge, and one search.
func benchmarkAsk() throws {
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
}

/// Times reading a posts CSV of `rows` rows, and reports the peak memory.
func benchmarkPosts(rows: Int) throws {
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
    let time = medianMilliseconds(runs: 5) { posts = (try? reader.read(file.path))?.posts ?? -1 }
    let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
    print(
        String(
            format: "posts CSV: %d rows (%.1f MB) read in %.0f ms median; peak RSS %.0f MB", posts,
            Double(size) / 1_048_576, time, peakMegabytes()))
}

/// Times loading the built-in knowledge: from its snapshot, as every command does, and
/// from its YAML, without and with its scenarios (`coach check`).
func benchmarkBuiltIn() throws {
    var count = 0
    let snapshot = medianMilliseconds(runs: 31) { count += (try? KnowledgeBase.builtIn())?.rules.count ?? 0 }
    let yaml = medianMilliseconds(runs: 31) {
        count += KnowledgeLoader.loadBuiltIn(includingScenarios: false).knowledge?.rules.count ?? 0
    }
    let scenarios = medianMilliseconds(runs: 31) {
        count += KnowledgeLoader.loadBuiltIn(includingScenarios: true).knowledge?.rules.count ?? 0
    }
    print(
        String(
            format: "built-in knowledge: from its snapshot %.2f ms; from its YAML %.2f ms, with its scenarios %.2f ms",
            snapshot, yaml, scenarios))
}
