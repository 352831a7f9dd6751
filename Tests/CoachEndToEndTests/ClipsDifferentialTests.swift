import Foundation
import Testing

/// The benchmark's differential check on every test run: random rule bases written
/// both for the coach and for CLIPS must fire exactly the same rules in both, and
/// the rules the generator itself expects (see Benchmarks/README.md).
@Suite("Same fired rules as CLIPS")
struct ClipsDifferentialTests {
    static let bench = CoachProcess.binary.deletingLastPathComponent().appending(path: "coach-bench")
    static let clips = ["/usr/bin/clips", "/usr/local/bin/clips"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// 3 000 rules make about 630 KB of YAML: past the loader's threshold, so they are
    /// read and compiled on several threads (which `make sanitize` runs under TSan).
    @Test(arguments: [(300, 1), (300, 2), (1_000, 3), (3_000, 4)])
    func bothEnginesFireTheSameRules(size: Int, seed: Int) throws {
        let clips = try #require(Self.clips, "CLIPS is not installed: make test installs the Debian package 'clips'")
        let folder = FileManager.default.temporaryDirectory.appending(path: "coach-clips-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }

        let generated = try CoachProcess.run(
            ["generate", "\(size)", folder.path, "--seed", "\(seed)"], executable: Self.bench)
        #expect(generated.status == 0, "\(generated.stderr)")
        let fromClips = try CoachProcess.run(
            ["-f2", "run.bat"], executable: URL(fileURLWithPath: clips), directory: folder)
        #expect(fromClips.status == 0, "\(fromClips.stderr)")
        try fromClips.stdout.write(to: folder.appending(path: "clips.txt"), atomically: true, encoding: .utf8)
        let plan = try CoachProcess.run([
            "plan", "--knowledge", folder.appending(path: "knowledge").path,
            "--answers", folder.appending(path: "profile.yaml").path, "--format", "json",
        ])
        #expect(plan.status == 0, "\(plan.stderr)")
        try plan.stdout.write(to: folder.appending(path: "coach.json"), atomically: true, encoding: .utf8)

        let compared = try CoachProcess.run(
            [
                "compare", folder.path, folder.appending(path: "coach.json").path,
                folder.appending(path: "clips.txt").path,
            ], executable: Self.bench)
        #expect(compared.status == 0, "\(compared.stderr)")
        #expect(compared.stdout.hasPrefix("same fired set: "), "\(compared.stdout)")
        // "same fired set: 44 rules"
        let fired = compared.stdout.split(separator: " ").dropFirst(3).first.flatMap { Int($0) } ?? 0
        // Not a vacuous agreement: some rules fire, and not all of them.
        #expect(fired > 0 && fired < size, "\(fired) of \(size) fired")
    }
}
