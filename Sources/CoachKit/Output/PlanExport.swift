#if canImport(Glibc)
    import Glibc
#endif

/// The forms a plan can be written in. The first three are the coach's own; the
/// others are converted from the Markdown by pandoc, when it is installed.
public enum PlanFormat: String, Sendable, CaseIterable {
    case text, json, markdown, html, docx, pdf

    /// The format a file name asks for, by its extension; Markdown by default.
    public init(fileName: String) {
        switch PathText.pathExtension(fileName).lowercased() {
        case "txt", "text": self = .text
        case "json": self = .json
        case "html", "htm": self = .html
        case "docx": self = .docx
        case "pdf": self = .pdf
        default: self = .markdown
        }
    }

    /// Converted from the Markdown by pandoc.
    public var needsPandoc: Bool { self == .html || self == .docx || self == .pdf }

    /// Not text: written to a file, never to a terminal.
    public var isBinary: Bool { self == .docx || self == .pdf }
}

/// Renders a plan in any of its formats.
public struct PlanExporter: Sendable {
    let knowledge: KnowledgeBase
    let language: Language
    /// The environment pandoc runs in (its `PATH` finds it). Only the formats that
    /// need pandoc (`PlanFormat.needsPandoc`) read it: a caller may pass none for
    /// the others, as `coach plan` does.
    let environment: [String: String]

    public init(knowledge: KnowledgeBase, language: Language, environment: [String: String]) {
        self.knowledge = knowledge
        self.language = language
        self.environment = environment
    }

    /// The text's UTF-8 bytes, copied at once.
    private static func data(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { Array($0) }
    }

    /// The plan as bytes in `format`; `date` is the day it is made, as `YYYY-MM-DD`.
    /// Text is wrapped to `width` and styled with `style` when given (for a terminal).
    public func render(
        _ plan: Plan, as format: PlanFormat, date: String, width: Int? = nil,
        style: TextStyle = TextStyle(isEnabled: false)
    ) throws(CoachError) -> [UInt8] {
        switch format {
        case .text:
            let renderer = PlanTextRenderer(knowledge: knowledge, language: language, width: width, style: style)
            return Self.data(renderer.render(plan, date: date) + "\n")
        case .json:
            var bytes = PlanDocument.json(plan, knowledge: knowledge, date: date).utf8()
            bytes.append(0x0A)
            return bytes
        case .markdown:
            return Self.data(markdown(plan, date: date))
        case .html, .docx, .pdf:  // `needsPandoc`
            let title = PlanWording(knowledge: knowledge, language: language).title(of: plan)
            var source = markdown(plan, date: date)
            // LaTeX engines have no glyph for the word joiner that breaks autolinks,
            // and a link in a PDF injects nothing.
            if format == .pdf { source = source.replacing("\u{2060}", with: "") }
            return try Pandoc(environment: environment).convert(
                markdown: source, to: format, title: title, language: language)
        }
    }

    private func markdown(_ plan: Plan, date: String) -> String {
        PlanMarkdownRenderer(knowledge: knowledge, language: language).render(plan, date: date)
    }
}

/// pandoc, run to turn the Markdown into HTML, Word or PDF.
struct Pandoc {
    let environment: [String: String]

    /// The PDF engines pandoc can use, best first for French text.
    static let pdfEngines = ["xelatex", "lualatex", "pdflatex", "wkhtmltopdf", "weasyprint"]

    /// A program on the `PATH`.
    func find(_ program: String) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = folder + "/" + program
            if FileSystem.isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    func convert(markdown: String, to format: PlanFormat, title: String, language: Language) throws(CoachError)
        -> [UInt8]
    {
        guard let pandoc = find("pandoc") else {
            throw .toolMissing(tool: "pandoc", format: format.rawValue, package: "pandoc")
        }
        var arguments = ["--from", "gfm", "--metadata", "lang=\(language.rawValue)"]
        switch format {
        case .html: arguments += ["--to", "html5", "--standalone", "--metadata", "pagetitle=\(title)"]
        case .docx: arguments += ["--to", "docx"]
        case .pdf:
            guard let engine = Self.pdfEngines.first(where: { find($0) != nil }) else {
                throw .toolMissing(tool: "xelatex", format: "pdf", package: "texlive-xetex")
            }
            arguments += ["--pdf-engine", engine, "--variable", "geometry:margin=2cm"]
        default: break
        }
        // A folder of its own, made by `mkdtemp` (private, and a name no other
        // process has).
        guard let template = strdup(FileSystem.temporaryFolder + "/coach-export-XXXXXX") else {
            throw .conversionFailed(tool: "pandoc", reason: FileSystem.lastReason)
        }
        defer { free(template) }
        guard mkdtemp(template) != nil else {
            throw .conversionFailed(tool: "pandoc", reason: FileSystem.lastReason)
        }
        let folder = String(cString: template)
        defer { FileSystem.remove(folder) }
        let input = folder + "/plan.md"
        let output = folder + "/plan.\(format.rawValue)"
        let errors = folder + "/pandoc.log"
        if let failure = FileSystem.writeFile(Array(markdown.utf8), to: input) {
            throw .conversionFailed(tool: "pandoc", reason: failure)
        }
        let status: Int32
        do {
            status = try Subprocess.run(pandoc, arguments: arguments + ["--output", output, input], errorsTo: errors)
        } catch {
            throw .conversionFailed(tool: "pandoc", reason: error.reason)
        }
        guard status == 0, let data = FileSystem.contents(of: output) else {
            let said = FileSystem.contents(of: errors) ?? []
            let reason = String(decoding: said, as: UTF8.self).split(separator: "\n").first.map(String.init)
            throw .conversionFailed(tool: "pandoc", reason: reason ?? "exit status \(status)")
        }
        return data
    }
}
