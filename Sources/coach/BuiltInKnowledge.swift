import CoachKit

/// The built-in knowledge, read from its snapshot, prepared at build time
/// (`KnowledgeSnapshotter`, `BuiltInSnapshot.swift`): no YAML to parse, nothing to
/// compile. The snapshot is empty when the knowledge has errors: it is then read from
/// its YAML, which reports them.
enum BuiltInKnowledge {
    /// The built-in knowledge with `parts`.
    static func load(_ parts: KnowledgeBase.Parts) throws(CoachError) -> KnowledgeBase {
        if let knowledge = fromSnapshot({ snapshot throws(KnowledgeSnapshot.Failure) in
            try KnowledgeSnapshot.knowledge(from: snapshot, parts: parts)
        }) {
            return knowledge
        }
        return try KnowledgeBase.builtIn(parts)
    }

    /// `knowledge`, built-in and read in parts, with `parts` too.
    static func adding(_ parts: KnowledgeBase.Parts, to knowledge: KnowledgeBase) throws(CoachError) -> KnowledgeBase {
        if let added = fromSnapshot({ snapshot throws(KnowledgeSnapshot.Failure) in
            try KnowledgeSnapshot.knowledge(from: snapshot, adding: parts, to: knowledge)
        }) {
            return added
        }
        return try knowledge.adding(parts)
    }

    private static func fromSnapshot(
        _ read: (UnsafeBufferPointer<UInt8>) throws(KnowledgeSnapshot.Failure) -> KnowledgeBase
    ) -> KnowledgeBase? {
        guard builtInSnapshot.utf8CodeUnitCount > 0 else { return nil }
        return builtInSnapshot.withUTF8Buffer { snapshot in try? read(snapshot) }
    }
}
