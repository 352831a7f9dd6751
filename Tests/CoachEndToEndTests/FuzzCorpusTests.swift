import Foundation
import Testing

/// Every input the fuzzer kept, replayed on every test run through the ordinary build
/// of `coach-fuzz` (Fuzz/README.md): a crash the fuzzer once found stays fixed.
@Suite("Fuzz corpora, replayed")
struct FuzzCorpusTests {
    static let replayer = CoachProcess.binary.deletingLastPathComponent().appending(path: "coach-fuzz")
    static let corpora = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Fuzz/corpus")

    @Test(arguments: ["conditions", "answers", "posts"])
    func everyKeptInputRunsToTheEnd(target: String) throws {
        let folder = Self.corpora.appending(path: target)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { folder.appending(path: $0).path }
        #expect(files.count >= 10, "the \(target) corpus is nearly empty")
        let result = try CoachProcess.run([target] + files, executable: Self.replayer, timeout: 120)
        #expect(result.status == 0, "\(result.stderr.suffix(2_000))")
    }
}
