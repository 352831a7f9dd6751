#if canImport(Glibc)
    import Glibc
#endif

/// A user's interview in progress: the answers, in the order given.
public struct Session: Sendable, Equatable {
    public var name: String
    public var answers: Answers
    /// Question ids in the order they were answered, for `/back`.
    public var order: [String]

    public init(name: String, answers: Answers = Answers(), order: [String] = []) {
        self.name = name
        self.answers = answers
        self.order = order
    }

    /// Records an answer (replacing an earlier one to the same question).
    public mutating func record(_ answer: Answers.Answer, for id: String) {
        answers[id] = answer
        order.removeAll { $0 == id }
        order.append(id)
    }

    /// Takes back the last answer; returns its question id.
    public mutating func undoLast() -> String? {
        guard let id = order.popLast() else { return nil }
        answers[id] = nil
        return id
    }

    /// The session as JSON (`coach.session/1`).
    func json() -> JSON {
        .object([
            ("schema", .string("coach.session/1")),
            ("name", .string(name)),
            ("answers", .object(order.compactMap { id in answers[id].map { (id, JSON($0.value)) } })),
            ("order", .array(order.map(JSON.string))),
        ])
    }
}

/// Where sessions live, `$XDG_DATA_HOME/coach/sessions/NAME.json`, and how they are
/// read and written: atomically, and never over a file that could not be read.
public struct SessionStore: Sendable {
    /// The folder's path.
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// The environment variables `init(environment:)` reads.
    public static let variables = ["XDG_DATA_HOME", "HOME"]

    /// The sessions folder for this environment (default `~/.local/share`).
    public init(environment: [String: String]) {
        let base: String
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            base = PathText.absolute(data)
        } else {
            // An empty HOME is the working folder, as a file URL made of it was.
            let home = environment["HOME"] ?? FileSystem.temporaryFolder
            base = PathText.absolute(home.isEmpty ? ".local/share" : home + "/.local/share")
        }
        folder = (base == "/" ? "" : base) + "/coach/sessions"
    }

    /// A session name: letters, digits, `-` and `_`, so that it is a file name and
    /// nothing else.
    public static func isValid(name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" }
    }

    /// A letter, a mark or a digit of any script.
    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
            .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            true
        default: false
        }
    }

    /// The path of session `name`'s file.
    public func path(for name: String) -> String {
        folder + "/" + name + ".json"
    }

    /// What loading found besides the session.
    public enum Notice: Sendable, Equatable {
        /// The file could not be read as a session; it was renamed to `path`.
        case setAside(path: String, problems: [Diagnostic])
    }

    /// The session `name`: new when no file exists. A file that cannot be read as a
    /// session is renamed aside (when `setAside`) and a new session starts, or it
    /// throws its diagnostics.
    public func load(_ name: String, knowledge: KnowledgeBase, setAside: Bool) throws(CoachError) -> (Session, Notice?)
    {
        let path = path(for: name)
        guard FileSystem.kind(of: path) != .missing else { return (Session(name: name), nil) }
        do throws(CoachError) {
            // No session the coach writes comes near the limit: a larger file is not
            // one of its own, and is set aside like any other it cannot read.
            let data = try FileSystem.contents(of: path, limit: AnswersFile.maximumBytes, display: path)
            return (try Self.decode(data, name: name, path: path, knowledge: knowledge), nil)
        } catch {
            guard setAside, case .invalidData(let problems) = error else { throw error }
            let aside = PathText.deletingExtension(path) + ".corrupt-\(Clock.stamp()).json"
            // Never over a file already there (`rename` would replace it).
            guard FileSystem.kind(of: aside) == .missing else {
                throw .cannotWrite(aside, reason: FileSystem.reason(EEXIST))
            }
            guard rename(path, aside) == 0 else { throw .cannotWrite(aside, reason: FileSystem.lastReason) }
            return (Session(name: name), .setAside(path: aside, problems: problems))
        }
    }

    /// The session in `data`; any problem throws every diagnostic.
    static func decode(_ data: [UInt8], name: String, path: String, knowledge: KnowledgeBase) throws(CoachError)
        -> Session
    {
        let log = DiagnosticLog()
        let reader = DocumentReader(file: path, log: log)
        guard let root = try DataNode.parse(data: data, path: path) else {
            throw .invalidData([Diagnostic(.error, .emptyFile, at: SourceLocation(file: path))])
        }
        var session = Session(name: name)
        if let fields = reader.fields(of: root, allowed: ["schema", "name", "answers", "order"]) {
            if let schema = fields.requiredText("schema"), schema != "coach.session/1" {
                reader.error(.unknownSchema(schema, expected: "coach.session/1"), at: fields["schema"]?.position)
            }
            if let answers = fields.required("answers") {
                session.answers = AnswersReader(knowledge: knowledge, reader: reader).answers(from: answers)
            }
            let order = fields["order"].flatMap { reader.texts($0, key: "order") } ?? []
            // Answers missing from the order (an edited file) go last, in question order.
            session.order = order.filter { session.answers[$0] != nil }
            for question in knowledge.questions where session.answers[question.id] != nil {
                if !session.order.contains(question.id) { session.order.append(question.id) }
            }
        }
        guard !log.diagnostics.contains(where: \.isError) else { throw .invalidData(log.sorted()) }
        return session
    }

    /// Writes the session atomically (temporary file, fsync, rename).
    public func save(_ session: Session) throws(CoachError) {
        if let failure = FileSystem.makeFolder(folder) { throw .cannotWrite(folder, reason: failure) }
        var bytes = session.json().utf8()
        bytes.append(0x0A)
        try AtomicFile.write(bytes, to: path(for: session.name))
    }
}
