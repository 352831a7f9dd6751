import Foundation
import Testing

@testable import coach_bench

/// `coach-bench order`, which writes Linker/coach.order from callgrind profiles.
@Suite struct LinkOrderTests {
    /// A profile in callgrind's format, names compressed as callgrind writes them: two
    /// objects, a call whose inclusive cost must not count as the caller's own, a
    /// recursion level (`'2`) and an address without a symbol.
    static let profile = """
        # callgrind format
        version: 1
        events: Ir
        ob=(1) /tmp/coach-order.x/coach
        fl=(1) ???
        fn=(1) $s5coach4mainyyF
        0x10 5
        cob=(2) /usr/lib/libc.so.6
        cfn=(2) memcpy
        calls=1 0x20
        0x12 900
        fn=(3) $s8CoachKit6EngineV8evaluateyyF
        +3 40
        fn=(3)
        * 2
        fn=(4) $s8CoachKit6EngineV8evaluateyyF'2
        0x30 7
        fn=(5) 0x0000000000401000
        0x40 3
        ob=(2)
        fn=(2)
        0x99 1000
        ob=(1)
        fn=(6) $s8CoachKit4idleyyF
        0x50 0

        """

    @Test func countsOnlyTheObjectsOwnInstructions() {
        let functions = executedFunctions(inCallgrindProfile: Self.profile, object: "coach")
        #expect(
            functions == [
                "$s5coach4mainyyF": 5,
                "$s8CoachKit6EngineV8evaluateyyF": 49,
                "$s8CoachKit4idleyyF": 0,
            ])
    }

    @Test func ordersByTheRunsInTurnThenInstructions() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("link-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first.callgrind")
        let second = folder.appendingPathComponent("second.callgrind")
        try Data(Self.profile.utf8).write(to: first)
        try Data(
            """
            ob=(1) /tmp/coach
            fn=(1) $s8CoachKit4idleyyF
            0x50 1
            fn=(2) $s8CoachKit4onlyyyF
            0x60 500

            """.utf8
        ).write(to: second)

        let order = try linkOrder(object: "coach", profiles: [first, second])
        // idle ran in both profiles; evaluate and main in the first only, the one with
        // more instructions first; then what only the second ran, however costly.
        #expect(
            order.split(separator: "\n") == [
                "$s8CoachKit4idleyyF",
                "$s8CoachKit6EngineV8evaluateyyF",
                "$s5coach4mainyyF",
                "$s8CoachKit4onlyyyF",
            ])
    }
}
