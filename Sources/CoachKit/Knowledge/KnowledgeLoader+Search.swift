extension KnowledgeLoader {
    /// `search.yaml`: stop words, synonyms, stemming endings, field weights.
    static func decodeSearch(_ root: DataNode, reader: DocumentReader) -> SearchVocabulary {
        var vocabulary = SearchVocabulary()
        let keys = [
            "stop_words", "synonyms", "suffixes", "minimum_stem", "fields", "minimum_score", "synonym_weight",
            "saturation", "length_normalisation", "french_letters",
        ]
        guard let fields = reader.fields(of: root, allowed: keys) else { return vocabulary }
        func folded(_ node: DataNode, key: String) -> [String] {
            (reader.texts(node, key: key) ?? []).map { TextFolding.words($0).joined(separator: " ") }
                .filter { !$0.isEmpty }
        }
        if let node = fields["stop_words"], let languages = reader.fields(of: node, allowed: ["fr", "en"]) {
            let fr = languages["fr"].map { Set(folded($0, key: "fr")) } ?? []
            let en = languages["en"].map { Set(folded($0, key: "en")) } ?? []
            vocabulary.stopWords = Localized(fr: fr, en: en)
        }
        if let node = fields["synonyms"], let groups = reader.elements(of: node) {
            // Spellings that fold alike (réaction, reaction) are one term; a term in
            // two groups would join them, which is reported.
            var seen: Set<String> = []
            for group in groups {
                var terms: [String] = []
                for term in folded(group, key: "synonyms") where !terms.contains(term) { terms.append(term) }
                for term in terms where seen.contains(term) {
                    reader.error(.synonymInTwoGroups(term), at: group.position)
                }
                seen.formUnion(terms)
                if terms.count >= 2 { vocabulary.synonyms.append(terms) }
            }
        }
        if let node = fields["suffixes"] {
            vocabulary.suffixes = folded(node, key: "suffixes").sorted { $0.count > $1.count }
        }
        if let node = fields["minimum_stem"], let value = reader.integer(node) {
            if (2...10).contains(value) {
                vocabulary.minimumStem = value
            } else {
                reader.error(.outOfRange(String(value), min: "2", max: "10"), at: node.position)
            }
        }
        if let node = fields["minimum_score"], let value = reader.number(node) { vocabulary.minimumScore = value }
        if let node = fields["french_letters"], let text = reader.text(node, key: "french_letters") {
            vocabulary.frenchLetters = text.composed
        }
        if let node = fields["saturation"], let value = reader.number(node) {
            if value > 0 && value <= 100 {
                vocabulary.saturation = value
            } else {
                reader.error(.outOfRange(value.plainText, min: "0", max: "100"), at: node.position)
            }
        }
        if let node = fields["length_normalisation"], let value = reader.number(node) {
            if (0...1).contains(value) {
                vocabulary.lengthNormalisation = value
            } else {
                reader.error(.outOfRange(value.plainText, min: "0", max: "1"), at: node.position)
            }
        }
        if let node = fields["synonym_weight"], let value = reader.number(node) {
            if (0...1).contains(value) {
                vocabulary.synonymWeight = value
            } else {
                reader.error(.outOfRange(value.plainText, min: "0", max: "1"), at: node.position)
            }
        }
        if let node = fields["fields"],
            let weights = reader.fields(of: node, allowed: SearchVocabulary.Field.allCases.map(\.rawValue))
        {
            for pair in weights.pairs {
                guard let field = SearchVocabulary.Field(rawValue: pair.key), let weight = reader.number(pair.value)
                else { continue }
                if weight < 0 || weight > 100 {
                    reader.error(.outOfRange(weight.plainText, min: "0", max: "100"), at: pair.value.position)
                } else {
                    vocabulary.fieldWeights[field] = weight
                }
            }
        }
        return vocabulary
    }
}
