import CoachKit
import Foundation

// CoachKit takes paths as text and bytes as arrays, without Foundation (it is not
// linked into the coach). The tests build their folders with Foundation's `URL` and
// `Data`; these pass them on.

extension KnowledgeLoader {
    static func load(from folder: URL, includingScenarios: Bool = true) throws(CoachError) -> LoadReport {
        try load(from: folder.path, includingScenarios: includingScenarios)
    }
}

extension KnowledgeBase {
    static func load(from folder: URL) throws(CoachError) -> KnowledgeBase {
        try load(from: folder.path)
    }
}

extension SessionStore {
    init(folder: URL) {
        self.init(folder: folder.path)
    }

    func url(for name: String) -> URL {
        URL(fileURLWithPath: path(for: name))
    }
}

extension AnswersFile {
    static func parse(_ data: Data, path: String, knowledge: KnowledgeBase) throws(CoachError) -> Answers {
        try parse([UInt8](data), path: path, knowledge: knowledge)
    }
}

extension PostsReader {
    func read(_ url: URL, skipBadRows: Bool = false) throws(CoachError) -> PostsSummary {
        try read(url.path, skipBadRows: skipBadRows)
    }
}
