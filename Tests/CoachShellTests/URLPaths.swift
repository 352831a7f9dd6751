import CoachKit
import Foundation

// CoachKit takes paths as text, without Foundation (it is not linked into the
// coach); the tests build their folders with Foundation's `URL`.
extension SessionStore {
    init(folder: URL) {
        self.init(folder: folder.path)
    }
}
