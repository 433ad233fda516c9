import Foundation
import PackagePlugin

/// Embeds every file of the package's `Templates/` folder into the ClinicPress library,
/// so the built tool carries its default theme and a site folder with only `Content/` builds.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let themeDirectory = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInTheme.swift")
        var inputs: [URL] = []
        if let files = FileManager.default.enumerator(at: themeDirectory, includingPropertiesForKeys: nil) {
            for case let url as URL in files where !url.hasDirectoryPath {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding the default theme",
                executable: try context.tool(named: "ThemeEmbedder").url,
                arguments: [themeDirectory.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            )
        ]
    }
}
