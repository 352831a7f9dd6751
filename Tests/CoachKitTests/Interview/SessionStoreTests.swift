import Foundation
import Testing

@testable import CoachKit

@Suite("Sessions on disk")
struct SessionStoreTests {
    let knowledge: KnowledgeBase
    let folder: URL
    let store: SessionStore

    init() throws {
        knowledge = try KnowledgeBase.builtIn()
        folder = FileManager.default.temporaryDirectory.appending(path: "coach-sessions-\(UUID().uuidString)")
        store = SessionStore(folder: folder)
    }

    @Test func theFolderFollowsXDG() {
        #expect(
            SessionStore(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/h"]).folder
                == "/x/data/coach/sessions")
        #expect(SessionStore(environment: ["HOME": "/h"]).folder == "/h/.local/share/coach/sessions")
        #expect(
            SessionStore(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]).folder
                == "/h/.local/share/coach/sessions")
        // An empty HOME is the working folder, as a file URL made of it is.
        #expect(
            SessionStore(environment: ["HOME": ""]).folder
                == URL(fileURLWithPath: "").appending(path: ".local/share/coach/sessions").path)
    }

    @Test func namesAreFileNamesAndNothingElse() {
        #expect(SessionStore.isValid(name: "boulangerie-lea_2"))
        #expect(!SessionStore.isValid(name: "../etc/passwd"))
        #expect(!SessionStore.isValid(name: ""))
        #expect(!SessionStore.isValid(name: "a b"))
    }

    /// Two writers of one session, as two coach processes would be: every save is
    /// whole (temporary file, fsync, rename), so a reader always finds one of them,
    /// never a mix or a torn file. The last writer wins.
    @Test func concurrentSavesNeverTearTheFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var first = Session(name: "shared")
        first.record(.text("Atelier Zoé"), for: "name")
        var second = Session(name: "shared")
        second.record(.text("Café Léa"), for: "name")
        second.record(.number(3), for: "posts_per_week")
        try store.save(first)
        let store = self.store
        let sessions = [first, second]
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            try? store.save(sessions[index % 2])
        }
        for _ in 0..<20 {
            let (loaded, notice) = try store.load("shared", knowledge: knowledge, setAside: false)
            #expect(notice == nil)
            #expect(loaded == first || loaded == second)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func aSessionSurvivesASaveAndALoad() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = Session(name: "lea")
        session.record(.text("Boulangerie Léa"), for: "name")
        session.record(.choice("visibility"), for: "objective")
        session.record(.multi(["facebook", "instagram"]), for: "platforms")
        session.record(.number(0.5), for: "posts_per_week")
        session.record(.boolean(false), for: "has_calendar")
        try store.save(session)
        let (loaded, notice) = try store.load("lea", knowledge: knowledge, setAside: true)
        #expect(notice == nil)
        #expect(loaded == session)
        #expect(loaded.order == ["name", "objective", "platforms", "posts_per_week", "has_calendar"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["lea.json"], "no temporary file is left behind")
    }

    @Test func undoTakesBackTheLastAnswer() {
        var session = Session(name: "x")
        session.record(.choice("both"), for: "objective")
        session.record(.number(3), for: "posts_per_week")
        session.record(.choice("visibility"), for: "objective")
        #expect(session.order == ["posts_per_week", "objective"])
        #expect(session.undoLast() == "objective")
        #expect(session.answers["objective"] == nil)
        #expect(session.answers["posts_per_week"] == .number(3))
    }

    @Test func aMissingSessionIsANewOne() throws {
        let (session, notice) = try store.load("nobody", knowledge: knowledge, setAside: true)
        #expect(session.answers.isEmpty && notice == nil)
    }

    @Test(arguments: [
        "{\"schema\": \"coach.session/1\", \"answers\": {\"objective\": \"nope\"}}", "{ not json", "\u{0}\u{1}binary",
    ])
    func aCorruptSessionIsSetAsideNeverOverwritten(content: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try content.write(to: store.url(for: "broken"), atomically: true, encoding: .utf8)
        #expect(throws: CoachError.self) { try store.load("broken", knowledge: knowledge, setAside: false) }
        #expect(FileManager.default.fileExists(atPath: store.url(for: "broken").path), "reading alone moves nothing")
        let (session, notice) = try store.load("broken", knowledge: knowledge, setAside: true)
        #expect(session.answers.isEmpty)
        guard case .setAside(let path, let problems)? = notice else {
            Issue.record("not set aside")
            return
        }
        #expect(!problems.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == content, "the old content is kept whole")
        #expect(!FileManager.default.fileExists(atPath: store.url(for: "broken").path))
    }
}
