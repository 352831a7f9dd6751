/// How a CSV of posts is read (`knowledge/metrics.yaml`): the headers that name each
/// column, and the values of the format column, in French or English; all folded.
public struct MetricsVocabulary: Sendable {
    public enum Column: String, Sendable, CaseIterable {
        case date, likes, comments, shares, platform, format, reach, impressions, saves

        public var isRequired: Bool { self == .date || self == .likes || self == .comments || self == .shares }
    }

    /// Folded header to the column it names.
    public var headers: [String: Column] = [:]
    /// Folded value of the format column to the option of the `formats` question.
    public var formats: [String: String] = [:]

    /// A header or value as compared: folded words joined by single spaces.
    static func key(_ text: String) -> String {
        TextFolding.words(text).joined(separator: " ")
    }
}

extension KnowledgeLoader {
    static func decodeMetrics(_ root: DataNode, reader: DocumentReader) -> MetricsVocabulary {
        var vocabulary = MetricsVocabulary()
        guard let fields = reader.fields(of: root, allowed: ["columns", "formats"]) else { return vocabulary }
        if let node = fields.required("columns"),
            let columns = reader.fields(of: node, allowed: MetricsVocabulary.Column.allCases.map(\.rawValue))
        {
            for pair in columns.pairs {
                guard let column = MetricsVocabulary.Column(rawValue: pair.key) else { continue }
                for name in reader.texts(pair.value, key: pair.key) ?? [] {
                    vocabulary.headers[MetricsVocabulary.key(name)] = column
                }
            }
            for column in MetricsVocabulary.Column.allCases where column.isRequired && columns[column.rawValue] == nil {
                columns.reportMissing(.missingKey(column.rawValue), key: column.rawValue)
            }
        }
        if let node = fields["formats"], let formats = reader.fields(of: node, allowed: node.keys) {
            for pair in formats.pairs {
                for name in reader.texts(pair.value, key: pair.key) ?? [] {
                    vocabulary.formats[MetricsVocabulary.key(name)] = pair.key
                }
            }
        }
        return vocabulary
    }
}
