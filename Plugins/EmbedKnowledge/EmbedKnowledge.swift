import Foundation
import PackagePlugin

/// Runs `KnowledgeEmbedder` over `knowledge/` and `locales/` so that the built-in
/// knowledge base is compiled into `CoachKit`.
///
/// SwiftPM caches a plugin's plan and re-runs the command only when a declared input
/// changes. Adding a file changes its folder's modification time, not any existing
/// file's, so every folder is declared as an input too; the tool lists the folders
/// itself rather than trusting this list.
@main
struct EmbedKnowledge: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders = ["knowledge", "locales"].map { root.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        var inputs: [URL] = []
        for folder in folders {
            inputs.append(folder)
            inputs += Self.contents(of: folder)
        }
        return [
            .buildCommand(
                displayName: "Embedding the built-in knowledge",
                executable: try context.tool(named: "KnowledgeEmbedder").url,
                arguments: [output.path] + folders.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    /// Every file and folder below `folder`, skipping hidden ones.
    private static func contents(of folder: URL) -> [URL] {
        guard
            let walker = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        else { return [] }
        return walker.compactMap { $0 as? URL }
    }
}
