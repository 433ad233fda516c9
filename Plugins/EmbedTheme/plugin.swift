import Foundation
import PackagePlugin

/// Embeds every file of the package's `Templates/` folder into the ClinicPress library, so the
/// built tool carries its default theme and a site folder with only `Content/` builds; and the
/// starter site that `clinicpress new site` writes.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "ThemeEmbedder").url
        let folders = [
            ("the default theme", context.package.directoryURL.appending(path: "Templates"), "BuiltInTheme"),
            ("the starter site", context.package.directoryURL.appending(path: "Sources/ClinicPress/Scaffold/Starter"), "BuiltInStarter"),
        ]
        return folders.map { what, directory, name in
            let output = context.pluginWorkDirectoryURL.appending(path: name + ".swift")
            var inputs: [URL] = []
            if let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) {
                for case let url as URL in files where !url.hasDirectoryPath {
                    inputs.append(url)
                }
            }
            return .buildCommand(
                displayName: "Embedding \(what)",
                executable: tool,
                arguments: [directory.path, output.path, name],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            )
        }
    }
}
