import Foundation
import Testing

@testable import CoachKit

/// A CSV of posts: French and English headers, commas or semicolons, decimal
/// commas, a byte-order mark, bad rows, empty files; what it turns into answers.
@Suite("Reading a CSV of posts")
struct PostsReaderTests {
    static let posts = fixtures.appending(path: "posts")
    let reader = PostsReader(knowledge: shippedKnowledge)

    func read(_ name: String, skipBadRows: Bool = false) throws(CoachError) -> PostsSummary {
        try reader.read(Self.posts.appending(path: name), skipBadRows: skipBadRows)
    }

    /// The one diagnostic of a failed read, as `LINE:COLUMN: message`.
    func failure(_ name: String) -> String? {
        do {
            _ = try read(name)
            return nil
        } catch {
            guard case .invalidData(let diagnostics) = error, let diagnostic = diagnostics.first else {
                return error.description(in: .en)
            }
            let position = diagnostic.location.position.map { "\($0.line):\($0.column): " } ?? ""
            return position + diagnostic.message(in: .en)
        }
    }

    @Test func englishHeadersWithCommasAndQuotes() throws {
        let summary = try read("english.csv")
        #expect(summary.posts == 6)
        #expect(summary.averageLikes == 435.0 / 6)
        #expect(summary.averageComments == 49.0 / 6)
        #expect(summary.averageShares == 20.0 / 6)
        #expect(abs(summary.postsPerWeek - 6 / (29.0 / 7)) < 1e-9, "6 posts from Oct 1 to Oct 29")
        #expect(summary.formats == ["photo", "video"], "Reel is a video, a carousel a photo post")
        #expect(summary.longestGap == 7)
        #expect(summary.interactionsByFormat["video"] == (140.0 + 179) / 2)
        #expect(summary.bestFormat?.format == "video")
        #expect(summary.bestFormat?.ratio == 4.1, "159.5 against the photos' 39")
        #expect(summary.answers["engagement_trend"] == .number(1.31))
        #expect(summary.answers["longest_gap_days"] == .number(7))
        // Thursdays (Oct 1, 8, 15, 22, 29: 140, 34, 179, 39, 68) against Saturday Oct 3 (44).
        #expect(summary.bestWeekday?.day == .thursday)
        #expect(summary.bestWeekday?.ratio == 2.1, "92 against 44")
    }

    @Test func thePostsQuestionsAreNeverAsked() {
        let planner = Planner(knowledge: shippedKnowledge)
        let fromPosts = shippedKnowledge.questions.filter(\.isFromPosts).map(\.id)
        #expect(
            Set(fromPosts) == [
                "longest_gap_days", "best_format", "best_format_ratio", "engagement_trend", "best_weekday",
                "best_weekday_ratio",
            ])
        for answers in [Answers(), Answers(["objective": .choice("visibility"), "posts_per_week": .number(1)])] {
            #expect(planner.plan(for: answers, language: .en).missing.allSatisfy { !fromPosts.contains($0) })
        }
    }

    @Test func frenchHeadersSemicolonsDecimalCommasAndAByteOrderMark() throws {
        let summary = try read("french.csv")
        #expect(summary.posts == 4)
        #expect(summary.averageLikes == 11.125, "12,5 is twelve and a half")
        #expect(summary.formats == ["text", "photo", "video"])
        #expect(summary.longestGap == 21)
        let answers = summary.answers
        #expect(answers["avg_comments"] == .number(2))
        #expect(answers["formats"] == .multi(["text", "photo", "video"]))
    }

    @Test func aBadRowIsNamedByItsLineOrSkippedAndCounted() throws {
        #expect(failure("bad-rows.csv") == "3:1: '2026-13-40' is not a date: write 2026-11-26 or 26/11/2026")
        let summary = try read("bad-rows.csv", skipBadRows: true)
        #expect(summary.posts == 2 && summary.skippedRows == 2)
    }

    @Test func emptyFilesHeadersOnlyAndWrongHeadersAreRefused() {
        #expect(failure("empty.csv") == "the file is empty")
        #expect(failure("header-only.csv") == "2:1: no post to read (0 bad row(s) skipped)")
        #expect(
            failure("wrong-header.csv")
                == "1:1: the posts need the columns date, likes, comments, shares; the header has: day, thumbs, remarks"
        )
        #expect(throws: CoachError.notAFile(Self.posts.relativePath)) { try reader.read(Self.posts) }
    }

    @Test func datesAndCounts() {
        #expect(PostsReader.day("1970-01-01") == 0)
        #expect(PostsReader.day("2026-11-26") == PostsReader.day("26/11/2026"))
        #expect(PostsReader.day("2026-11-26T10:30:00") == PostsReader.day("2026-11-26"))
        #expect(PostsReader.day("2025-02-29") == nil && PostsReader.day("2024-02-29") != nil)
        #expect(PostsReader.number("12,5", commaDecimals: true) == 12.5)
        #expect(PostsReader.number("12,5", commaDecimals: false) == nil)
        #expect(PostsReader.number("-3", commaDecimals: false) == nil)
        #expect(PostsReader.number("1e400", commaDecimals: false) == nil)
        #expect(PostsReader.number("nan", commaDecimals: false) == nil)
    }

    @Test func aLargeFileIsStreamed() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "coach-posts-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        var text = "date;likes;comments;shares\n"
        for index in 0..<20_000 {
            text += "\(1 + index % 28)/\(1 + index % 12)/2025;\(index % 50);\(index % 7);\(index % 3)\n"
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        let summary = try reader.read(file)
        #expect(summary.posts == 20_000)
    }
}
