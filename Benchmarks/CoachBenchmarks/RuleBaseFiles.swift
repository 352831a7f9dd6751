import Foundation

/// Writes the rule base of `size` rules into `folder`: `knowledge/` and
/// `profile.yaml` for the coach, `rules.clp` and `run.bat` for CLIPS, and
/// `expected.txt`, the rules that must fire.
func generate(size: Int, into folder: URL, seed: UInt64) throws {
    let base = RuleBase(size: size, seed: seed)
    let manager = FileManager.default
    try? manager.removeItem(at: folder)
    func write(_ text: String, _ path: String) throws {
        let url = folder.appending(path: path)
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }
    for file in base.coachFiles() { try write(file.text, "knowledge/" + file.path) }
    try write(base.profileYAML(), "profile.yaml")
    try write(base.clipsProgram(), "rules.clp")
    try write(RuleBase.clipsBatch, "run.bat")
    let expected = base.expectedFired()
    try write(expected.sorted().joined(separator: "\n") + "\n", "expected.txt")
}

/// Fails loudly unless the coach's plan, CLIPS's output and the generator's
/// reckoning name exactly the same rules.
func compare(folder: URL, coach: URL, clips: URL) throws {
    let expected = try lines(of: folder.appending(path: "expected.txt"))
    guard
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: coach)) as? [String: Any],
        let actions = plan["actions"] as? [[String: Any]]
    else { fail("\(coach.path): not a coach.plan/1 document") }
    let fromCoach = Set(actions.compactMap { $0["rule"] as? String })
    let fromClips = try lines(of: clips)
    var problems: [String] = []
    for (name, fired) in [("coach", fromCoach), ("CLIPS", fromClips)] where fired != expected {
        let extra = fired.subtracting(expected).sorted().prefix(5)
        let absent = expected.subtracting(fired).sorted().prefix(5)
        problems.append(
            "\(name) fired \(fired.count) rules, \(expected.count) expected; extra: \(extra.joined(separator: " ")); "
                + "absent: \(absent.joined(separator: " "))")
    }
    guard problems.isEmpty else {
        fail("DIFFERENT FIRED SETS in \(folder.path)\n  " + problems.joined(separator: "\n  "))
    }
    print("same fired set: \(expected.count) rules")
}

private func lines(of url: URL) throws -> Set<String> {
    Set(try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init))
}
