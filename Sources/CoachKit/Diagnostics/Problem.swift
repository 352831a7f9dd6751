/// Everything a knowledge base, an answers file or another document can get wrong.
///
/// The library only names the problem; its words come from the localisation table,
/// one key per case, in the language the user reads.
public enum Problem: Sendable, Hashable {
    // Reading and parsing
    case unreadable(String)
    case notUTF8
    case emptyFile
    case yamlSyntax(String)
    case duplicateKeys([String])
    case documentTooLarge(Int)
    case nestedTooDeep(Int)
    case fileTooLarge(Int)
    case valueTooLong(Int)
    case unterminatedQuote
    case linkOutsideFolder
    case missingFile(String)
    case unknownFile(String, suggestion: String?)

    // Shape
    case unknownKey(String, suggestion: String?)
    case missingKey(String)
    case expectedType(expected: ValueKind, found: ValueKind)
    case emptyValue(String)
    case missingTranslation(field: String?, language: Language)
    case notANumber(String)
    case notAnInteger(String)
    case notABoolean(String)
    case notYesOrNo(String)
    case unknownLanguage(String)

    // Identity and references
    case invalidID(String, pattern: String)
    case duplicateID(String, first: SourceLocation)
    case idDoesNotMatchFile(id: String, file: String)
    case unknownKind(String, suggestion: String?)
    case unknownReference(String, kind: ReferenceKind, suggestion: String?)
    case selfReference(String)

    // Questions
    case unknownQuestionType(String, suggestion: String?)
    case missingOptions(type: String)
    case unexpectedOptions(type: String)
    case boundOnNonNumber(key: String, type: String)
    case minAboveMax(min: Double, max: Double)
    case lengthOnNonText(type: String)
    case duplicateOption(String)

    // Style, reported as warnings
    case stepCount(Int, minimum: Int, maximum: Int)

    // Expressions
    case malformedNumber(String)
    case unterminatedText
    case singleEqual
    case unexpectedCharacter(String)
    case expectedExpression(found: String?)
    case expectedToken(String, found: String)
    case unexpectedToken(String)
    case expressionTooDeep(Int)
    case unknownFunction(String, suggestion: String?)
    case unknownName(String, suggestion: String?)
    case notAnOption(String, of: String, suggestion: String?)
    case typeMismatch(
        expected: String, expectedArguments: [String: String], found: String, foundArguments: [String: String])
    case wrongArgumentCount(String, expected: Int, found: Int)
    case answeredNeedsAName
    case roundDigits
    case noBenchmark(String)
    case synonymInTwoGroups(String)
    case missingColumns([String], found: [String])
    case badDate(String)
    case badCount(String, String)
    case noPosts(skipped: Int)

    // Rules, facts, answers and scenarios
    case cycle([String])
    case factDefinition
    case horizonOnDiagnosis
    case outOfRange(String, min: String, max: String)
    case tooLong(Int, maximum: Int)
    case controlCharacter
    case unknownSchema(String, expected: String)
    case ambiguousNumber(String)
    case expressionTooLong(Int)
    case supersedesCycle([String])
    case scenarioExpectsAction(String)
    case scenarioForbidsAction(String)
    case scenarioExpectsSource(String)
    case scenarioForbidsSource(String)
    case scenarioExpectsDiagnosis(String)
    case scenarioForbidsDiagnosis(String)
    case scenarioExpectsFact(String, expected: String, found: String)
    case scenarioExpectsMissing(String)
    case scenarioForbidsMissing(String)

    /// What a reference points to, as named in messages.
    public enum ReferenceKind: String, Sendable, Hashable {
        case topic, section, question, rule, fact, report
    }

    /// The key of the message in the localisation table, its arguments, and the
    /// suggestion to offer as "did you mean …?".
    var message: (key: String, arguments: [String: MessageArgument], suggestion: String?) {
        let (key, arguments, suggestion) = plainMessage
        return (key, arguments.mapValues { .text(Self.shown($0)) }.merging(phrases) { $1 }, suggestion)
    }

    /// Text from a file as a message shows it: control characters escaped, so that
    /// a message stays one line and shows what is there, and cut after a hundred
    /// characters, so that a megabyte value does not become a megabyte message.
    public static func shown(_ text: String) -> String {
        let limit = 100
        guard text.utf8.count > limit || text.unicodeScalars.contains(where: \.isControlCharacter) else { return text }
        var shown = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                shown += "…"
                break
            }
            if scalar.isControlCharacter {
                shown += scalar.escaped(asASCII: true)
            } else {
                shown.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return shown
    }

    /// A size in bytes as people say it: `64 KB`, `1 MB`.
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0
            ? "\(bytes >> 20) MB" : bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
    }

    /// Arguments that are phrases of the table themselves, translated with the message.
    private var phrases: [String: MessageArgument] {
        switch self {
        case .expectedType(let expected, let found):
            ["expected": .phrase("kind.\(expected.rawValue)", [:]), "found": .phrase("kind.\(found.rawValue)", [:])]
        case .missingTranslation(_, let language):
            ["language": .phrase("language.\(language.rawValue)", [:])]
        case .unknownReference(_, let kind, _):
            ["kind": .phrase("reference.\(kind.rawValue)", [:])]
        case .typeMismatch(let expected, let expectedArguments, let found, let foundArguments):
            ["expected": .phrase(expected, expectedArguments), "found": .phrase(found, foundArguments)]
        default:
            [:]
        }
    }

    private var plainMessage: (key: String, arguments: [String: String], suggestion: String?) {
        switch self {
        case .unreadable(let reason): ("problem.unreadable", ["reason": reason], nil)
        case .notUTF8: ("problem.not_utf8", [:], nil)
        case .emptyFile: ("problem.empty_file", [:], nil)
        case .yamlSyntax(let detail): ("problem.yaml_syntax", ["detail": detail], nil)
        case .duplicateKeys(let keys):
            ("problem.duplicate_keys", ["keys": keys.map { "'\($0)'" }.joined(separator: ", ")], nil)
        case .documentTooLarge(let limit): ("problem.document_too_large", ["limit": String(limit)], nil)
        case .nestedTooDeep(let limit): ("problem.nested_too_deep", ["limit": String(limit)], nil)
        case .fileTooLarge(let limit): ("problem.file_too_large", ["limit": Self.size(limit)], nil)
        case .valueTooLong(let limit): ("problem.value_too_long", ["limit": Self.size(limit)], nil)
        case .unterminatedQuote: ("problem.unterminated_quote", [:], nil)
        case .linkOutsideFolder: ("problem.link_outside_folder", [:], nil)
        case .missingFile(let name): ("problem.missing_file", ["name": name], nil)
        case .unknownFile(let name, let suggestion): ("problem.unknown_file", ["name": name], suggestion)
        case .unknownKey(let key, let suggestion): ("problem.unknown_key", ["key": key], suggestion)
        case .missingKey(let key): ("problem.missing_key", ["key": key], nil)
        case .expectedType(let expected, let found):
            (
                "problem.expected_type", ["expected": "kind.\(expected.rawValue)", "found": "kind.\(found.rawValue)"],
                nil
            )
        case .emptyValue(let key): ("problem.empty_value", ["key": key], nil)
        case .missingTranslation(let field?, let language):
            ("problem.missing_translation_field", ["field": field, "language": "language.\(language.rawValue)"], nil)
        case .missingTranslation(nil, let language):
            (
                "problem.missing_translation",
                ["language": "language.\(language.rawValue)", "code": language.rawValue], nil
            )
        case .notANumber(let text): ("problem.not_a_number", ["text": text], nil)
        case .notAnInteger(let text): ("problem.not_an_integer", ["text": text], nil)
        case .notABoolean(let text): ("problem.not_a_boolean", ["text": text], nil)
        case .unknownLanguage(let code): ("problem.unknown_language", ["code": code], nil)
        case .notYesOrNo(let text): ("problem.not_yes_or_no", ["text": text], nil)
        case .invalidID(let id, let pattern): ("problem.invalid_id", ["id": id, "pattern": pattern], nil)
        case .duplicateID(let id, let first): ("problem.duplicate_id", ["id": id, "first": first.description], nil)
        case .idDoesNotMatchFile(let id, let file): ("problem.id_does_not_match_file", ["id": id, "file": file], nil)
        case .unknownKind(let kind, let suggestion): ("problem.unknown_kind", ["kind": kind], suggestion)
        case .unknownReference(let id, _, let suggestion):
            ("problem.unknown_reference", ["id": id], suggestion)
        case .selfReference(let id): ("problem.self_reference", ["id": id], nil)
        case .unknownQuestionType(let type, let suggestion):
            ("problem.unknown_question_type", ["type": type], suggestion)
        case .missingOptions(let type): ("problem.missing_options", ["type": type], nil)
        case .unexpectedOptions(let type): ("problem.unexpected_options", ["type": type], nil)
        case .boundOnNonNumber(let key, let type): ("problem.bound_on_non_number", ["key": key, "type": type], nil)
        case .minAboveMax(let min, let max):
            ("problem.min_above_max", ["min": min.plainText, "max": max.plainText], nil)
        case .lengthOnNonText(let type): ("problem.length_on_non_text", ["type": type], nil)
        case .duplicateOption(let value): ("problem.duplicate_option", ["value": value], nil)
        case .stepCount(let count, let minimum, let maximum):
            ("problem.step_count", ["count": String(count), "min": String(minimum), "max": String(maximum)], nil)
        case .malformedNumber(let text): ("problem.malformed_number", ["text": text], nil)
        case .unterminatedText: ("problem.unterminated_text", [:], nil)
        case .singleEqual: ("problem.single_equal", [:], nil)
        case .unexpectedCharacter(let character): ("problem.unexpected_character", ["character": character], nil)
        case .expectedExpression(let found?): ("problem.expected_expression", ["found": found], nil)
        case .expectedExpression(nil): ("problem.expected_expression_at_end", [:], nil)
        case .expectedToken(let token, let found): ("problem.expected_token", ["token": token, "found": found], nil)
        case .unexpectedToken(let token): ("problem.unexpected_token", ["token": token], nil)
        case .expressionTooDeep(let limit): ("problem.expression_too_deep", ["limit": String(limit)], nil)
        case .unknownFunction(let name, let suggestion): ("problem.unknown_function", ["name": name], suggestion)
        case .unknownName(let name, let suggestion): ("problem.unknown_name", ["name": name], suggestion)
        case .notAnOption(let value, let owner, let suggestion):
            ("problem.not_an_option", ["value": value, "owner": owner], suggestion)
        case .typeMismatch: ("problem.type_mismatch", [:], nil)
        case .wrongArgumentCount(let name, let expected, let found):
            ("problem.wrong_argument_count", ["name": name, "expected": String(expected), "found": String(found)], nil)
        case .answeredNeedsAName: ("problem.answered_needs_a_name", [:], nil)
        case .roundDigits: ("problem.round_digits", [:], nil)
        case .noBenchmark(let platform): ("problem.no_benchmark", ["platform": platform], nil)
        case .synonymInTwoGroups(let term): ("problem.synonym_in_two_groups", ["term": term], nil)
        case .missingColumns(let columns, let found):
            (
                "problem.missing_columns",
                ["columns": columns.joined(separator: ", "), "found": found.joined(separator: ", ")], nil
            )
        case .badDate(let text): ("problem.bad_date", ["text": text], nil)
        case .badCount(let column, let text): ("problem.bad_count", ["column": column, "text": text], nil)
        case .noPosts(let skipped): ("problem.no_posts", ["skipped": String(skipped)], nil)
        case .cycle(let names): ("problem.cycle", ["path": names.joined(separator: " → ")], nil)
        case .factDefinition: ("problem.fact_definition", [:], nil)
        case .horizonOnDiagnosis: ("problem.horizon_on_diagnosis", [:], nil)
        case .outOfRange(let value, let min, let max):
            ("problem.out_of_range", ["value": value, "min": min, "max": max], nil)
        case .controlCharacter: ("problem.control_character", [:], nil)
        case .unknownSchema(let schema, let expected):
            ("problem.unknown_schema", ["schema": schema, "expected": expected], nil)
        case .ambiguousNumber(let text): ("problem.ambiguous_number", ["text": text], nil)
        case .expressionTooLong(let limit): ("problem.expression_too_long", ["limit": String(limit)], nil)
        case .supersedesCycle(let ids): ("problem.supersedes_cycle", ["path": ids.joined(separator: " → ")], nil)
        case .tooLong(let length, let maximum):
            ("problem.too_long", ["length": String(length), "max": String(maximum)], nil)
        case .scenarioExpectsAction(let id): ("problem.scenario_expects_action", ["id": id], nil)
        case .scenarioForbidsAction(let id): ("problem.scenario_forbids_action", ["id": id], nil)
        case .scenarioExpectsSource(let id): ("problem.scenario_expects_source", ["id": id], nil)
        case .scenarioForbidsSource(let id): ("problem.scenario_forbids_source", ["id": id], nil)
        case .scenarioExpectsDiagnosis(let id): ("problem.scenario_expects_diagnosis", ["id": id], nil)
        case .scenarioForbidsDiagnosis(let id): ("problem.scenario_forbids_diagnosis", ["id": id], nil)
        case .scenarioExpectsFact(let id, let expected, let found):
            ("problem.scenario_expects_fact", ["id": id, "expected": expected, "found": found], nil)
        case .scenarioExpectsMissing(let id): ("problem.scenario_expects_missing", ["id": id], nil)
        case .scenarioForbidsMissing(let id): ("problem.scenario_forbids_missing", ["id": id], nil)
        }
    }

    /// The message, with its "did you mean" hint, in `language`.
    public func description(in language: Language) -> String {
        let strings = Strings.table(for: language)
        let (key, arguments, suggestion) = message
        let resolved = arguments.mapValues { argument in
            switch argument {
            case .text(let text): text
            case .phrase(let key, let arguments): strings(key, arguments)
            }
        }
        var text = strings(key, resolved)
        if let suggestion {
            text += strings("hint.separator") + strings("hint.did_you_mean", ["name": suggestion])
        }
        return text
    }

    /// An argument of a message: plain text, or a phrase of the table to translate.
    public enum MessageArgument: Sendable, Hashable {
        case text(String)
        case phrase(String, [String: String])
    }

}

/// A problem can be thrown where a single one ends the work (a refused answer).
extension Problem: Error {}
