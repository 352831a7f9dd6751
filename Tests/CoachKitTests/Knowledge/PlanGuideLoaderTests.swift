import Foundation
import Testing

@testable import CoachKit

/// `plan.yaml` and `benchmarks.yaml`: read, checked against the questions, facts,
/// entries and reports, every problem reported where it is.
@Suite("Loading the plan guide and the benchmarks")
struct PlanGuideLoaderTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appending(path: "../../../knowledge").standardized

    /// A copy of the shipped knowledge with `edits` (file → (text, replacement)) made.
    func diagnostics(_ edits: [String: [(String, String)]]) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appending(path: "coach-guide-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.shipped, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        try? FileManager.default.removeItem(at: folder.appending(path: "scenarios"))
        for (file, replacements) in edits {
            let url = folder.appending(path: file)
            var text = try String(contentsOf: url, encoding: .utf8)
            for (old, new) in replacements {
                #expect(text.contains(old), "\(file) has no '\(old)'")
                text = text.replacingOccurrences(of: old, with: new)
            }
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let report = try KnowledgeLoader.load(from: folder)
        return report.diagnostics.map {
            $0.formatted(in: .en).replacingOccurrences(of: folder.relativePath + "/", with: "")
        }
    }

    @Test func theShippedGuideAndBenchmarksLoad() throws {
        let knowledge = try KnowledgeBase.load(from: Self.shipped)
        #expect(knowledge.planGuide.rhythm != nil)
        #expect(knowledge.planGuide.indicators.count >= 5)
        #expect(knowledge.planGuide.summary.map(\.fact) == ["orientation", "stage"])
        #expect(knowledge.benchmarks.figure(platform: "instagram", basis: .followers)?.value == 0.36)
        #expect(try diagnostics([:]).isEmpty)
    }

    @Test func everyPlatformHasAFigureOrSaysThereIsNone() throws {
        let found = try diagnostics(["benchmarks.yaml": [("[linkedin, youtube,", "[youtube,")]])
        #expect(
            found.contains {
                $0.hasSuffix(
                    "error: platform 'linkedin' has no benchmark by followers; add one, or list it under no_published_figure"
                )
            }, "\(found)")
    }

    @Test func mistakesInThePlanGuideAreLocated() throws {
        let found = try diagnostics([
            "plan.yaml": [
                ("posts: rhythm_posts", "posts: rhythm_post"),
                ("    tiktok: [video, live]", "    tiktok: [video, lives]"),
                ("source: tip.interactivity\n      fr", "source: tip.interactivty\n      fr"),
                ("reports: [hootsuite_2024]", "reports: [hootsuit_2024]"),
            ],
            "benchmarks.yaml": [("statistic: median\n    value: 0.36", "statistic: mean\n    value: 0.36")],
        ])
        func has(_ pattern: String) -> Bool { found.contains { $0.contains(pattern) } }
        #expect(
            has("plan.yaml:50:10: error: unknown question or fact 'rhythm_post'; did you mean 'rhythm_posts'?"),
            "\(found)")
        #expect(has("error: 'lives' is not an option of formats; did you mean 'live'?"), "\(found)")
        #expect(has("error: unknown knowledge entry 'tip.interactivty'; did you mean 'tip.interactivity'?"), "\(found)")
        #expect(has("error: unknown report 'hootsuit_2024'; did you mean 'hootsuite_2024'?"), "\(found)")
        #expect(has("benchmarks.yaml:") && has("'mean' is not an option of statistic"), "\(found)")
    }

    @Test func aSummaryMustCoverEveryValueOfItsFact() throws {
        let found = try diagnostics(["plan.yaml": [("    mixed:\n", "    mixd:\n")]])
        #expect(
            found.contains { $0.contains("'mixd' is not an option of orientation; did you mean 'mixed'?") }, "\(found)")
        #expect(found.contains { $0.contains("missing 'mixed'") || $0.contains("'mixed'") }, "\(found)")
    }
}
