import Foundation

/// GitHub-flavoured Markdown as `cmark-gfm` renders it, for tests that check what a
/// reader of the export would see.
enum CommonMark {
    enum Failure: Error, CustomStringConvertible {
        case missing
        case failed(String)

        var description: String {
            switch self {
            case .missing: "cmark-gfm is not installed: `make test` installs it (Debian package cmark-gfm)"
            case .failed(let reason): "cmark-gfm failed: \(reason)"
            }
        }
    }

    /// The HTML that cmark-gfm makes of `markdown`, with GitHub's extensions, raw
    /// HTML let through (`--unsafe`) so that any that slipped in shows.
    static func html(_ markdown: String) throws -> String {
        let candidates = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure.missing
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--unsafe", "-e", "table", "-e", "tasklist", "-e", "autolink", "-e", "strikethrough"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure.failed("exit \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// The names of the HTML elements in `html`, each once.
    static func tags(in html: String) -> Set<String> {
        var tags: Set<String> = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.first == "/" { rest = rest.dropFirst() }
            let name = rest.prefix { $0.isLetter || $0.isNumber }
            if !name.isEmpty { tags.insert(name.lowercased()) } else { tags.insert("<" + String(rest.prefix(8))) }
        }
        return tags
    }

    /// The `href` of every link.
    static func links(in html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// The cells of each row of each table in the Markdown source, counting only
    /// unescaped pipes: for a table, the header's count and every row's.
    static func tableRows(in markdown: String) -> [[Int]] {
        var tables: [[Int]] = []
        var current: [Int] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                if !current.isEmpty { tables.append(current) }
                current = []
                continue
            }
            var pipes = 0
            var escaped = false
            for character in line {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "|" {
                    pipes += 1
                }
            }
            current.append(pipes - 1)
        }
        if !current.isEmpty { tables.append(current) }
        return tables
    }
}
