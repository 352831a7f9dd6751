/// A file of the built-in knowledge or locales, compiled into the binary by the
/// `EmbedKnowledge` build plugin (see `Sources/KnowledgeEmbedder`).
struct EmbeddedFile: Sendable {
    /// The folder it came from: `knowledge` or `locales`.
    let folder: String
    /// Its path inside that folder, e.g. `topics/tip.regularity.yaml`.
    let path: String
    /// The YAML text.
    let yaml: String
    /// A message table's entries sorted by key, when the embedder found it a flat
    /// list of `key: "text"` lines; nil for other files, which are read from `yaml`.
    var entries: [(key: String, text: String)]? = nil
}

extension EmbeddedFile {
    /// A digest of the embedded knowledge folder: a snapshot of it is used only while
    /// it records the same (`KnowledgeSnapshot`).
    static var knowledgeDigest: String { embeddedKnowledgeDigest }

    /// The embedded files of one folder.
    static func files(in folder: String) -> [EmbeddedFile] {
        embeddedFiles.filter { $0.folder == folder }
    }
}
