import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Stage 5: templates only. Turns every planned output into bytes, on all cores.
struct Renderer {
    let theme: Theme
    /// Partials to render once per distinct value (`FragmentAnalysis`, in the check stage).
    var cacheablePartials: [CacheablePartial] = []
    let contentDirectory: URL
    /// The last build's output folder, whose pictures are not encoded again when unchanged
    /// (`ImageCache`); nil encodes them all (`--fresh`, `clinicpress check`).
    var previousOutput: URL?

    struct Rendered {
        var files: [OutputFile]
        var diagnostics: [Diagnostic]
        /// Outputs kept from the previous render.
        var reused = 0
    }

    /// - Parameter previous: the last render of this site with the same theme (`clinicpress serve`):
    ///   an output planned exactly as before keeps its bytes instead of being rendered again.
    /// - Parameter replanned: when the plan is the previous one with these outputs planned again
    ///   (`OutputPlanner.replan`), the others are taken by position, without comparing them.
    func render(_ plan: OutputPlan, reusing previous: BuildReport? = nil, replanned: Set<String>? = nil) -> Rendered {
        let kept: [OutputFile]? = if replanned != nil, let previous, let old = previous.plan,
            old.outputs.count == plan.outputs.count, previous.files.count == plan.outputs.count { previous.files } else { nil }
        let reusable = kept == nil ? previous.map(Renderer.reusable) ?? [:] : [:]
        // The crisis block a body asks for with ```crisis is the theme's partial, the same on every page.
        RenderBudget.begin()
        let crisisBlock = theme.render(plan.crisisBlock, template: "crisis-block")
        if RenderBudget.exceeded { return Rendered(files: [], diagnostics: [Renderer.overBudget("crisis-block", "every page")]) }
        let replacement = crisisBlock.hasSuffix("\n") || crisisBlock.isEmpty ? crisisBlock : crisisBlock + "\n"
        let marker = MarkdownRenderer.crisisBlockMarker + "\n"
        let stop = RenderStop()
        let fragments = FragmentCache(library: theme.library, partials: cacheablePartials)
        let pictures = encodePictures(plan, kept: kept, replanned: replanned, reusable: reusable)
        let results = ParallelMap.map(Array(plan.outputs.indices)) { index -> (Result<OutputFile, Diagnostic>, reused: Bool) in
            let output = plan.outputs[index]
            if let kept, kept[index].path == output.path, !(replanned?.contains(output.path) ?? true) {
                return (.success(kept[index]), true)
            }
            if let (planned, file) = reusable[output.path], planned == output { return (.success(file), true) }
            return (renderOne(output), false)
        }
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for (result, _) in results {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        // Past the budget, one error is enough (the first output in plan order, so the report is the
        // same from run to run); the others were stopped by the same partials.
        let overBudget = diagnostics.filter { $0.message.hasPrefix("rendering ") && $0.message.contains(" values and was stopped") }
        if overBudget.count > 1 { diagnostics.removeAll { overBudget.dropFirst().contains($0) } }
        // One path, one file: a theme file or a page must never silently replace another.
        var seen: Set<String> = []
        for file in files where !seen.insert(file.path).inserted {
            diagnostics.append(.error(file.path, "two different things would be written to \(file.path)",
                                      hint: "rename the content file or the Templates/ file that produces it"))
        }
        return Rendered(files: files, diagnostics: diagnostics, reused: results.filter(\.reused).count)

        @Sendable func renderOne(_ output: PlannedOutput) -> Result<OutputFile, Diagnostic> {
            switch output.source {
            case .page(let template, let context):
                if stop.isSet { return .success(OutputFile(path: output.path, text: "")) }
                RenderBudget.begin()
                let html = fragments.library(for: context).render(context, withTemplate: template) ?? ""
                if RenderBudget.exceeded { stop.set(); return .failure(Renderer.overBudget(template, output.path)) }
                return .success(OutputFile(path: output.path, text: Renderer.placeCrisisBlock(html, marker: marker, with: replacement)))
            case .printDocument(let template, let context):
                if stop.isSet { return .success(OutputFile(path: output.path, text: "")) }
                RenderBudget.begin()
                let html = theme.render(context, template: template)
                if RenderBudget.exceeded { stop.set(); return .failure(Renderer.overBudget(template, output.path)) }
                return .success(OutputFile(path: output.path, text: Renderer.placeCrisisBlock(html, marker: marker, with: replacement)))
            case .text(let text):
                return .success(OutputFile(path: output.path, text: text))
            case .themeFile(let name):
                return .success(OutputFile(path: output.path, body: theme.staticFiles[name] ?? .bytes(Data())))
            case .asset(let asset):
                // Copied when the site is written, never read into memory here.
                let source = contentDirectory.appendingPathComponent("assets").appendingPathComponent(asset).path
                guard access(source, R_OK) == 0 else {
                    return .failure(.error("Content/assets/" + asset, "this file cannot be read: \(String(cString: strerror(errno)))"))
                }
                return .success(OutputFile(path: output.path, copyOf: source))
            case .image:
                return pictures[output.path] ?? .failure(.error(output.path, "this picture was not made"))
            }
        }
    }

    /// The pictures' renditions that are not kept from the last render, each picture read once.
    func encodePictures(_ plan: OutputPlan, kept: [OutputFile]?, replanned: Set<String>?,
                        reusable: [String: (PlannedOutput, OutputFile)]) -> [String: Result<OutputFile, Diagnostic>] {
        var jobs: [ImageEncoder.Job] = []
        for (index, output) in plan.outputs.enumerated() {
            guard case .image(let rendition, let sha256) = output.source else { continue }
            if let kept, kept[index].path == output.path, !(replanned?.contains(output.path) ?? true) { continue }
            if let (planned, _) = reusable[output.path], planned == output { continue }
            jobs.append(ImageEncoder.Job(path: output.path, rendition: rendition, sha256: sha256))
        }
        guard !jobs.isEmpty else { return [:] }
        let encoder = ImageEncoder(assetsFolder: contentDirectory.appendingPathComponent("assets"),
                                   cache: previousOutput.flatMap(ImageCache.init(previousOutput:)))
        return encoder.encode(jobs)
    }

    /// The previous build's outputs by path, each with its file.
    static func reusable(_ previous: BuildReport) -> [String: (PlannedOutput, OutputFile)] {
        guard let plan = previous.plan else { return [:] }
        let files = Dictionary(previous.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [String: (PlannedOutput, OutputFile)] = [:]
        for output in plan.outputs {
            if let file = files[output.path] { result[output.path] = (output, file) }
        }
        return result
    }

    static func overBudget(_ template: String, _ output: String) -> Diagnostic {
        .error("Templates/\(template).mustache",
               "rendering \(output) read more than 2,000,000 values and was stopped: its sections over lists are nested so that the page would grow without end",
               hint: "look for a section inside a section over the same list, such as {{#site.crisis}} inside {{#site.crisis}}, in this template or its partials")
    }

    static func placeCrisisBlock(_ html: String, marker: String, with block: String) -> String {
        containsBytes(html, MarkdownRenderer.crisisBlockMarker) ? html.replacingOccurrences(of: marker, with: block) : html
    }

    /// A byte search (memchr, then memcmp): Foundation's `contains` on every page of a large
    /// site cost more than rendering the page's body.
    static func containsBytes(_ text: String, _ needle: String) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard let first = pattern.first, let base = haystack.baseAddress, pattern.count <= haystack.count else {
                    return pattern.isEmpty
                }
                var offset = 0
                let last = haystack.count - pattern.count
                while offset <= last, let hit = memchr(base + offset, Int32(first), last - offset + 1) {
                    let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + position, pattern.baseAddress!, pattern.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }
}

extension Diagnostic: Error {}
