import CEditLine
import Foundation
import Testing

@testable import CoachShell

/// libedit is linked and its wide-character history works, accents included.
@Suite("libedit")
struct EditLineTests {
    @Test func historyKeepsAccentedEntriesAcrossASaveAndALoad() throws {
        setlocale(LC_CTYPE, "C.UTF-8")
        let history = try #require(history_winit())
        defer { history_wend(history) }
        #expect(coach_history_set_size(history, 10) == 0)
        for line in ["café crème", "publier 0,5 fois", "café crème"] {
            let wide = EditLineReader.wide(line)
            defer { wide.deallocate() }
            #expect(coach_history_enter(history, wide) >= 0)
        }
        #expect(coach_history_length(history) == 3)

        let file = FileManager.default.temporaryDirectory.appending(path: "coach-history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(coach_history_save(history, file) >= 0)
        let reloaded = try #require(history_winit())
        defer { history_wend(reloaded) }
        #expect(coach_history_set_size(reloaded, 10) == 0)
        #expect(coach_history_load(reloaded, file) >= 0)
        #expect(coach_history_length(reloaded) == 3)
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.hasPrefix("_HiStOrY_V2_"))
        #expect(saved.contains("caf"), "\(saved)")
    }

    @Test func wideStringsRoundTrip() {
        for text in ["", "abc", "été à Montréal", "emoji 🙂"] {
            let wide = EditLineReader.wide(text)
            defer { wide.deallocate() }
            #expect(EditLineReader.string(fromWide: wide) == text)
        }
    }
}
