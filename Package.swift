// swift-tools-version:6.0
import PackageDescription

// `make fuzz` sets COACH_FUZZ: the library and the fuzz entry point are then built
// for libFuzzer (coverage and the address sanitizer), in a build folder of their own.
let fuzzing = Context.environment["COACH_FUZZ"] != nil
let forLibFuzzer: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []

#if canImport(Glibc)
    import Glibc
#endif

// The release executable is linked for start-up (Linker/README.md): by lld, which the
// Swift toolchain ships; with the code that typical runs execute laid out together, in
// the order `make order` measured, so that a run maps fewer pages; and with relative
// relocations packed, which glibc applies from 2.36 on (from a few kilobytes instead of
// a megabyte) and an older glibc refuses to start: they are used only when the glibc
// building the coach, which will run it, reads them. And it exports no symbol: the
// toolchain's arguments for a static standard library ask for every symbol of the
// program's own objects to be exported, which put CoachKit's 2 100 public symbols
// (170 KB) in the dynamic symbol table for the loader to search and map, and for
// the runtime's `dladdr` at start-up to scan (55 000 instructions). Nothing looks
// them up: a crash's backtrace reads the binary's own symbol table.
let glibcReadsPackedRelocations: Bool = {
    #if canImport(Glibc)
        // "glibc 2.36"
        var text = [CChar](repeating: 0, count: 64)
        guard confstr(Int32(_CS_GNU_LIBC_VERSION), &text, text.count) > 0 else { return false }
        let bytes = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        let version = String(decoding: bytes, as: UTF8.self).split(separator: " ").last?.split(separator: ".")
            .compactMap { Int($0) }
        guard let version, version.count >= 2 else { return false }
        return (version[0], version[1]) >= (2, 36)
    #else
        return false
    #endif
}()
let startUpLayout: [LinkerSetting] = [
    .unsafeFlags(
        ["-use-ld=lld"]
            + (glibcReadsPackedRelocations ? ["-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"] : [])
            + [
                "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Linker/coach.order",
                "-Xlinker", "--no-warn-symbol-ordering",
                "-Xlinker", "--no-export-dynamic",
            ],
        .when(platforms: [.linux], configuration: .release)
    )
]

// The C libraries. `make` sets COACH_STATIC_C_LIBRARIES: its release builds on Linux
// then link libedit (with the terminal and BSD libraries it needs) and libyaml in from
// their static archives, so that the binary loads no shared library of its own at
// start-up (five fewer: about 0.5 ms of every run, Linker/README.md) and runs where
// they are not installed. Their system-library targets then name no library (no
// pkg-config), since the linker takes a shared library named anywhere on its command
// line over an archive. Without it (`swift build`, or a package that uses CoachKit),
// they are shared libraries found by pkg-config, and the manifest has no unsafe flags
// outside the `coach` executable.
let staticCLibraries = Context.environment["COACH_STATIC_C_LIBRARIES"] != nil
func cLibrary(_ name: String, archives: [String]) -> [LinkerSetting] {
    guard staticCLibraries else { return [.linkedLibrary(name)] }
    return [
        .linkedLibrary(name, .when(platforms: [.macOS])),
        .linkedLibrary(name, .when(platforms: [.linux], configuration: .debug)),
        .unsafeFlags(
            archives.flatMap { ["-Xlinker", "-l:lib\($0).a"] }, .when(platforms: [.linux], configuration: .release)),
    ]
}

// Release builds from `make` (which sets COACH_STATIC_C_LIBRARIES, above) also reach
// the metadata of generic types through their accessors, rather than by demangling
// their names at run time: the first array of each element type cost some 12 000
// instructions of demangling, and `coach plan` makes about a hundred of them
// (Linker/README.md). The code is as large either way. And they put each function in
// a section of its own, so that the symbol order (`startUpLayout`) moves functions, not
// whole files.
let releaseCode: [SwiftSetting] =
    staticCLibraries
    ? [
        .unsafeFlags(
            [
                "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors",
                "-Xfrontend", "-function-sections",
            ],
            .when(platforms: [.linux], configuration: .release))
    ] : []

let package = Package(
    name: "coach",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "coach", targets: ["coach"]),
        .library(name: "CoachKit", targets: ["CoachKit"]),
    ],
    dependencies: [.package(url: "https://github.com/jpsim/Yams", from: "6.2.2")],
    targets: [
        // The library: knowledge, diagnostics, and later rules, interview and plan.
        // No terminal I/O: it reports, the front prints.
        .target(
            name: "CoachKit",
            dependencies: ["CLibYAML"],
            swiftSettings: forLibFuzzer + releaseCode,
            linkerSettings: cLibrary("yaml", archives: ["yaml"]),
            plugins: ["EmbedKnowledge"]
        ),
        // libyaml, read through its event API for the YAML the plain reader declines
        // and for its errors; linked by CoachKit (`cLibrary`).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: staticCLibraries ? nil : "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // libedit, through a shim for its variadic calls (see ../shared/notes/libedit.md);
        // linked by CoachShell (`cLibrary`).
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: staticCLibraries ? nil : "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // The interactive shell: a thin layer over CoachKit and libedit.
        .target(
            name: "CoachShell",
            dependencies: ["CoachKit", "CEditLine"],
            swiftSettings: releaseCode,
            linkerSettings: cLibrary("edit", archives: ["edit", "tinfo", "bsd", "md"])
        ),
        // The command line: its syntax as data, read without reflection, and the
        // commands over CoachKit and the shell.
        .executableTarget(
            name: "coach",
            dependencies: ["CoachKit", "CoachShell"],
            swiftSettings: releaseCode,
            linkerSettings: startUpLayout
        ),
        // Build-time: turns knowledge/ and locales/ into a Swift file, so that the
        // built-in knowledge travels inside the binary.
        .executableTarget(
            name: "KnowledgeEmbedder",
            dependencies: ["SwiftLiteral"]
        ),
        // Texts written as Swift string literals, for the two tools above and below.
        .target(
            name: "SwiftLiteral"
        ),
        // `make snapshot`: loads the built-in knowledge with CoachKit and writes its
        // snapshot into the `coach` target, which reads it at start-up instead of the
        // YAML. Not a build plugin: a plugin's tool cannot depend on CoachKit, whose
        // own plugin SwiftPM has not run yet when it first builds plugin tools.
        .executableTarget(
            name: "KnowledgeSnapshotter",
            dependencies: ["CoachKit", "SwiftLiteral"]
        ),
        // The benchmarks (Benchmarks/README.md, `make bench`); not part of the coach.
        .executableTarget(
            name: "coach-bench",
            dependencies: ["CoachKit"],
            path: "Benchmarks/CoachBenchmarks"
        ),
        // libFuzzer's entry point for the condition parser, the answers reader and the
        // posts CSV reader (Fuzz/README.md, `make fuzz`); built as usual, it replays
        // the kept corpora.
        .executableTarget(
            name: "coach-fuzz",
            dependencies: ["CoachKit"],
            path: "Fuzz/CoachFuzz",
            swiftSettings: forLibFuzzer + (fuzzing ? [.define("FUZZING")] : []),
            linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []
        ),
        .plugin(
            name: "EmbedKnowledge",
            capability: .buildTool(),
            dependencies: ["KnowledgeEmbedder"]
        ),
        // Yams is only the reference the YAML readers are compared with.
        .testTarget(
            name: "CoachKitTests",
            dependencies: ["CoachKit", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
        // Every module a test target imports is named here: SwiftPM rebuilds a target
        // when the modules it names change, not the ones they bring along, and a test
        // compiled against an older layout of CoachKit's types crashes.
        .testTarget(
            name: "CoachShellTests",
            dependencies: ["CoachShell", "CoachKit", "CEditLine"]
        ),
        // The shell in a real terminal, through tmux.
        .testTarget(
            name: "CoachTerminalTests"
        ),
        // The command line in process: parsing, help and completion scripts.
        .testTarget(
            name: "CoachCommandTests",
            dependencies: ["coach", "CoachKit"]
        ),
        // The benchmarks' own tools: the linker's symbol order (Linker/README.md).
        .testTarget(
            name: "CoachBenchmarksTests",
            dependencies: ["coach-bench"]
        ),
        .testTarget(
            name: "CoachEndToEndTests",
            dependencies: ["CoachKit"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
