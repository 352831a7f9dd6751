// libFuzzer's entry point for three of the coach's readers. `make fuzz` (see
// Fuzz/README.md) builds it with -sanitize=fuzzer,address and FUZZING defined: its
// `main` hands over to libFuzzer's driver, which calls `LLVMFuzzerTestOneInput` with
// each input it makes. Built as usual, it replays files instead
// (`coach-fuzz TARGET FILE...`): `make test` runs the kept corpora that way.
//
// COACH_FUZZ_TARGET chooses what the bytes are:
// - `conditions`: a rule's condition, parsed, checked against the built-in questions,
//   and when it checks, evaluated and compiled to flat tests;
// - `answers`: an answers file, YAML or JSON;
// - `posts`: a posts CSV, fed in small chunks so that every boundary is crossed.

import FoundationEssentials

// It reaches inside CoachKit, which only a debug build opens to it.
#if DEBUG
    @testable import CoachKit
#endif

#if canImport(Glibc)
    import Glibc
#endif

#if DEBUG
    nonisolated(unsafe) var target = ProcessInfo.processInfo.environment["COACH_FUZZ_TARGET"] ?? "conditions"
    let knowledge = KnowledgeLoader.loadBuiltIn(includingScenarios: false).knowledge!

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
        let data = Array(UnsafeBufferPointer(start: start, count: count))
        switch target {
        case "conditions": fuzzCondition(String(decoding: data, as: UTF8.self))
        case "answers": _ = try? AnswersFile.parse(data, path: "fuzz.yaml", knowledge: knowledge)
        case "posts": fuzzPosts(data)
        default: fatalError("COACH_FUZZ_TARGET is conditions, answers or posts, not \(target)")
        }
        return 0
    }

    func fuzzCondition(_ text: String) {
        let compiler = KnowledgeCompiler(questions: knowledge.questions, facts: [], log: DiagnosticLog())
        let source = SourceText(
            text: text, file: "fuzz.yaml", position: SourcePosition(line: 1, column: 1), style: .plain)
        guard let expression = compiler.compile(source, expecting: .boolean) else { return }
        // Evaluated over nothing known, then over every question answered with something.
        _ = Evaluator(values: Array(repeating: nil, count: knowledge.questions.count)).evaluate(expression)
        let values: [Value?] = knowledge.questions.map { question in
            switch question.kind {
            case .number: .number(3)
            case .boolean: .boolean(true)
            case .text: .text("x")
            case .choice: question.options.first.map { .text($0.value) }
            case .multi: .list(question.options.prefix(2).map(\.value))
            }
        }
        _ = Evaluator(values: values).evaluate(expression)
        _ = CompiledConditions(conditions: [expression])
    }

    func fuzzPosts(_ data: [UInt8]) {
        var offset = 0
        _ = try? PostsReader(knowledge: knowledge).read(path: "fuzz.csv", skipBadRows: data.count % 2 == 0) {
            () throws(CoachError) -> [UInt8] in
            let chunk = data[offset..<min(offset + 7, data.count)]
            offset += chunk.count
            return Array(chunk)
        }
    }

    /// Built for libFuzzer, hands over to its driver; else replays inputs,
    /// `coach-fuzz TARGET FILE...`, each file given to the entry point as libFuzzer would
    /// give it, and exits 0 when none crashed.
    @main
    enum Entry {
        static func main() throws {
            #if FUZZING
                var argc = CommandLine.argc
                var argv = CommandLine.unsafeArgv
                exit(runLibFuzzerDriver(&argc, &argv) { start, count in fuzz(start!, count) })
            #else
                let arguments = CommandLine.arguments.dropFirst()
                guard let first = arguments.first else {
                    print("usage: coach-fuzz conditions|answers|posts FILE...")
                    return
                }
                target = first
                for path in arguments.dropFirst() {
                    let data = try Data(contentsOf: URL(fileURLWithPath: path))
                    var bytes = [UInt8](data)
                    bytes.append(0)  // never an empty buffer, whose address may be nil
                    _ = bytes.withUnsafeBufferPointer { fuzz($0.baseAddress!, data.count) }
                }
            #endif
        }
    }

    #if FUZZING
        /// libFuzzer's driver (compiler-rt's FuzzerInterface.h), for a program with its own `main`.
        @_silgen_name("LLVMFuzzerRunDriver")
        func runLibFuzzerDriver(
            _ argc: UnsafeMutablePointer<Int32>,
            _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
            _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
        ) -> Int32
    #endif

#else
    @main
    enum Entry {
        static func main() {
            print("coach-fuzz reaches inside CoachKit: build it for debugging (make fuzz, swift build).")
        }
    }
#endif
