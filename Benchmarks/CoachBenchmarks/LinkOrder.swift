import Foundation

/// `coach-bench order OBJECT PROFILE…`: the linker's symbol order for the coach
/// (Linker/README.md), from callgrind profiles of typical runs, the run that matters most
/// first.
///
/// The functions of `OBJECT` (the profiled binary's file name) that ran, grouped by the
/// runs they ran in: first those of the first profile, and among them those of the
/// second first, and so on; then those the first did not run, in the same way. Within
/// a group, the most instructions first. Laid out in this order, the first run's code is
/// one block, the second's two at most, and each run's code sits on few pages: the
/// kernel maps a program's code 64 KB around each page it touches.
func linkOrder(object: String, profiles: [URL]) throws -> String {
    var runs: [String: [Bool]] = [:]
    var instructions: [String: Int] = [:]
    for (index, url) in profiles.enumerated() {
        let text = try String(contentsOf: url, encoding: .utf8)
        for (name, cost) in executedFunctions(inCallgrindProfile: text, object: object) {
            runs[name, default: Array(repeating: false, count: profiles.count)][index] = true
            instructions[name, default: 0] += cost
        }
    }
    let ordered = runs.keys.sorted { a, b in
        if runs[a]! != runs[b]! {
            return runs[a]!.lexicographicallyPrecedes(runs[b]!) { $0 && !$1 }
        }
        return (instructions[a]!, b) > (instructions[b]!, a)
    }
    return ordered.map { $0 + "\n" }.joined()
}

/// The functions of `object` that ran in one callgrind profile, with the instructions
/// each ran itself. Reads callgrind's format with its compressed names: `fn=(7) name`
/// names function 7 once, `fn=(7)` refers to it again.
func executedFunctions(inCallgrindProfile text: String, object: String) -> [String: Int] {
    var objects: [Substring: Substring] = [:]
    var functions: [Substring: Substring] = [:]
    var inObject = false
    var function: Substring?
    var skipCallCost = false
    var result: [String: Int] = [:]

    /// `(id) name` or `(id)`: the name, remembered under its id.
    func resolve(_ field: Substring, in table: inout [Substring: Substring]) -> Substring {
        guard field.hasPrefix("("), let close = field.firstIndex(of: ")") else { return field }
        let id = field[...close]
        let name = field[field.index(after: close)...].drop { $0 == " " }
        if !name.isEmpty { table[id] = name }
        return table[id] ?? name
    }

    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
        if line.hasPrefix("ob=") {
            let path = resolve(line.dropFirst(3), in: &objects)
            inObject = path.split(separator: "/").last.map { $0 == object } ?? false
        } else if line.hasPrefix("fn=") {
            function = resolve(line.dropFirst(3), in: &functions)
            skipCallCost = false
        } else if line.hasPrefix("cob=") {
            _ = resolve(line.dropFirst(4), in: &objects)
        } else if line.hasPrefix("cfn=") {
            _ = resolve(line.dropFirst(4), in: &functions)
        } else if line.hasPrefix("calls=") {
            skipCallCost = true  // the next cost line is the call's, not the function's own
        } else if let first = line.first, first.isNumber || first == "+" || first == "-" || first == "*" {
            if skipCallCost {
                skipCallCost = false
                continue
            }
            guard inObject, let function, !function.hasPrefix("0x") else { continue }
            // Callgrind marks a function's recursion levels and contexts with 'N.
            let name = String(function.split(separator: "'").first ?? function)
            let fields = line.split(separator: " ")
            result[name, default: 0] += fields.count > 1 ? Int(fields[1]) ?? 0 : 0
        }
    }
    return result
}
