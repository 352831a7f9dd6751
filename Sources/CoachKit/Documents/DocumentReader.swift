/// Reads typed values out of a `DataNode`, reporting every problem to a log with its
/// position instead of stopping at the first.
struct DocumentReader {
    let file: String
    let log: DiagnosticLog

    func error(_ problem: Problem, at position: SourcePosition?) {
        log.error(problem, in: file, at: position)
    }

    func warning(_ problem: Problem, at position: SourcePosition?) {
        log.warning(problem, in: file, at: position)
    }

    /// The node's fields, or nil (reported) when it is not a mapping.
    func fields(of node: DataNode, allowed: [String]) -> Fields? {
        guard case .mapping(let pairs, let position) = node else {
            error(.expectedType(expected: .mapping, found: node.kind), at: node.position)
            return nil
        }
        var misspelt: Set<String> = []
        // Files mostly write keys in the order they are allowed: each is looked for
        // from just after the last key found, wrapping round to it, so that it is
        // usually the first compared. Each key is read where it lies: a copy of its
        // pair would retain its value too.
        var next = 0
        for index in pairs.indices {
            if let found = Self.place(of: pairs[index].key, in: allowed, from: next) {
                next = found + 1 == allowed.count ? 0 : found + 1
                continue
            }
            let suggestion = Suggestion.closest(to: pairs[index].key, among: allowed)
            if let suggestion { misspelt.insert(suggestion) }
            error(.unknownKey(pairs[index].key, suggestion: suggestion), at: pairs[index].keyPosition)
        }
        return Fields(pairs: pairs, position: position, misspelt: misspelt, reader: self)
    }

    /// Where `key` is in `allowed`, looked for from `start` to the end, then from the
    /// beginning to just before `start`.
    private static func place(of key: String, in allowed: [String], from start: Int) -> Int? {
        for index in start..<allowed.count where Fields.isSameKey(allowed[index], key) { return index }
        for index in 0..<min(start, allowed.count) where Fields.isSameKey(allowed[index], key) { return index }
        return nil
    }

    /// The node's elements, or nil (reported) when it is not a list.
    func elements(of node: DataNode) -> [DataNode]? {
        guard case .sequence(let elements, _) = node else {
            error(.expectedType(expected: .list, found: node.kind), at: node.position)
            return nil
        }
        return elements
    }

    /// A non-empty text, or nil (reported).
    func text(_ node: DataNode, key: String) -> String? {
        guard case .scalar(let text, _, _) = node, !node.isNull else {
            if node.isNull {
                error(.emptyValue(key), at: node.position)
            } else {
                error(.expectedType(expected: .text, found: node.kind), at: node.position)
            }
            return nil
        }
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else {
            error(.emptyValue(key), at: node.position)
            return nil
        }
        return trimmed
    }

    /// A list of non-empty texts; a single text stands for a list of one.
    func texts(_ node: DataNode, key: String) -> [String]? {
        if case .scalar = node, !node.isNull {
            return text(node, key: key).map { [$0] }
        }
        guard let elements = elements(of: node) else { return nil }
        let values = elements.compactMap { text($0, key: key) }
        return values.count == elements.count ? values : nil
    }

    /// A finite number.
    func number(_ node: DataNode) -> Double? {
        guard case .scalar(let text, _, _) = node, !node.isNull else {
            error(.expectedType(expected: .number, found: node.kind), at: node.position)
            return nil
        }
        guard let value = Double(text.trimmed), value.isFinite else {
            error(.notANumber(text), at: node.position)
            return nil
        }
        return value
    }

    /// A whole number.
    func integer(_ node: DataNode) -> Int? {
        guard case .scalar(let text, _, _) = node, !node.isNull else {
            error(.expectedType(expected: .integer, found: node.kind), at: node.position)
            return nil
        }
        guard let value = Int(text.trimmed) else {
            error(.notAnInteger(text), at: node.position)
            return nil
        }
        return value
    }

    /// `true` or `false` (YAML's other spellings of them are accepted when unquoted).
    func boolean(_ node: DataNode) -> Bool? {
        if case .scalar(let text, .plain, _) = node {
            switch text {
            case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
            case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
            default: break
            }
        }
        if case .scalar(let text, _, _) = node, !node.isNull {
            error(.notABoolean(text), at: node.position)
        } else {
            error(.expectedType(expected: .boolean, found: node.kind), at: node.position)
        }
        return nil
    }
}

/// The pairs of one mapping, looked up by key.
struct Fields {
    let pairs: [DataNode.Pair]
    /// Where the mapping starts, for "missing key" diagnostics.
    let position: SourcePosition?
    /// Keys that an unknown key was probably meant to be: their absence is already
    /// explained by the "did you mean" of that key, and is not reported twice.
    let misspelt: Set<String>
    let reader: DocumentReader

    /// The value of `key`, one of the loader's own keys.
    @inline(__always)
    subscript(key: String) -> DataNode? {
        for index in pairs.indices where Self.isSameKey(key, pairs[index].key) { return pairs[index].value }
        return nil
    }

    /// Whether a key written in a file is `known`, one of the loader's own keys,
    /// which are ASCII: a text equal to an ASCII text has the same bytes, so one of
    /// another length is passed over without comparing. Loading ten thousand rules
    /// compares keys about a million times.
    static func isSameKey(_ known: String, _ written: String) -> Bool {
        known.utf8.count == written.utf8.count && known == written
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    /// The value of a key that must be present (its absence is reported).
    func required(_ key: String) -> DataNode? {
        guard let value = self[key] else {
            reportMissing(.missingKey(key), key: key)
            return nil
        }
        return value
    }

    /// Reports a missing key, unless a misspelling of it was reported already.
    func reportMissing(_ problem: Problem, key: String) {
        if !misspelt.contains(key) {
            reader.error(problem, at: position)
        }
    }

    func requiredText(_ key: String) -> String? {
        required(key).flatMap { reader.text($0, key: key) }
    }

    func optionalText(_ key: String) -> String? {
        self[key].flatMap { reader.text($0, key: key) }
    }

    /// Where the key is written, else where the mapping starts.
    func position(of key: String) -> SourcePosition? {
        pairs.first { $0.key == key }?.keyPosition ?? position
    }
}
