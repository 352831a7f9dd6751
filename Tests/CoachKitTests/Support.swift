import Foundation

@testable import CoachKit

/// The fixtures folder beside these tests.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

/// A scratch knowledge folder holding `files` (relative path to text), removed by the caller.
func temporaryFolder(_ files: [String: String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appending(path: "coach-tests-\(UUID().uuidString)")
    for (path, text) in files {
        let url = folder.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return folder
}

/// The knowledge base that ships, with its scenarios, loaded once for the tests.
let shippedKnowledge: KnowledgeBase = {
    let report = KnowledgeLoader.loadBuiltIn(includingScenarios: true)
    guard let knowledge = report.knowledge, !report.hasErrors else {
        fatalError("the built-in knowledge does not load: \(report.diagnostics)")
    }
    return knowledge
}()
