import Foundation

/// Stage 5: templates only. Turns every planned output into bytes, on all cores.
struct Renderer {
    let theme: Theme
    let site: Site
    let contentDirectory: URL

    struct Rendered {
        var files: [OutputFile]
        var diagnostics: [Diagnostic]
    }

    func render(_ plan: OutputPlan) -> Rendered {
        // The crisis block a body asks for with ```crisis is the theme's partial, the same on every page.
        let crisisBlock = theme.render(CrisisBlockContext(site: ViewBuilder(site: site).siteView, strings: StringsView(site.strings)), template: "crisis-block")
        let replacement = crisisBlock.hasSuffix("\n") || crisisBlock.isEmpty ? crisisBlock : crisisBlock + "\n"
        let marker = MarkdownRenderer.crisisBlockMarker + "\n"
        let results = ParallelMap.map(plan.outputs) { output -> Result<OutputFile, Diagnostic> in
            switch output.source {
            case .page(let template, let context):
                return .success(OutputFile(path: output.path, text: Renderer.placeCrisisBlock(
                    theme.render(context, template: template), marker: marker, with: replacement)))
            case .printDocument(let template, let context):
                return .success(OutputFile(path: output.path, text: Renderer.placeCrisisBlock(
                    theme.render(context, template: template), marker: marker, with: replacement)))
            case .text(let text):
                return .success(OutputFile(path: output.path, text: text))
            case .themeFile(let name):
                return .success(OutputFile(path: output.path, contents: theme.staticFiles[name] ?? Data()))
            case .asset(let asset):
                let url = contentDirectory.appendingPathComponent("assets").appendingPathComponent(asset)
                do {
                    return .success(OutputFile(path: output.path, contents: try Data(contentsOf: url)))
                } catch {
                    return .failure(.error("Content/assets/" + asset, "this file cannot be read: \(error.localizedDescription)"))
                }
            }
        }
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        // One path, one file: a theme file or a page must never silently replace another.
        var seen: Set<String> = []
        for file in files where !seen.insert(file.path).inserted {
            diagnostics.append(.error(file.path, "two different things would be written to \(file.path)",
                                      hint: "rename the content file or the Templates/ file that produces it"))
        }
        return Rendered(files: files, diagnostics: diagnostics)
    }

    static func placeCrisisBlock(_ html: String, marker: String, with block: String) -> String {
        html.contains(MarkdownRenderer.crisisBlockMarker) ? html.replacingOccurrences(of: marker, with: block) : html
    }
}

extension Diagnostic: Error {}
