/// Finds the partials of web pages whose output depends only on a few values of the page
/// context, such as the footer (`site`, `root`, `footerNav`): the render stage renders each of
/// them once per distinct set of those values instead of once per page. Worked out from the
/// templates themselves, so a clinic's overrides are judged the same way, and a partial that
/// reads anything page-specific is simply rendered every time.
struct CacheablePartial: Sendable, Equatable {
    var name: String
    /// Dotted names, from the top of the page context, whose values decide the partial's output.
    var paths: [[String]]
}

enum FragmentAnalysis {
    /// - Parameter strings: the shape of the loaded strings file.
    static func cacheablePartials(texts: [String: String], pageRoots: [String: TemplateShape],
                                  strings: TemplateShape) -> [CacheablePartial] {
        let check = TemplateCheck(texts: texts, sources: [:])
        var pages = TemplateCheck.Walker(check: check)
        for name in pageRoots.keys.sorted() where texts[name] != nil {
            pages.walk(name, stack: [pageRoots[name]!], depth: 0)
        }
        // The page context with a content that differs from page to page.
        let frame = PageContext.shape.replacing("content", with: .open).replacing("strings", with: strings)
        var result: [CacheablePartial] = []
        for (name, inclusion) in pages.inclusions.sorted(by: { $0.key < $1.key }) {
            // Included inside a section, the partial could read that section's values; indented,
            // its lines would be indented: either way it is rendered in place.
            guard inclusion.depth == 1, inclusion.atLineStart, texts[name] != nil else { continue }
            var partial = TemplateCheck.Walker(check: check)
            partial.walk(name, stack: [frame], depth: 0)
            guard !partial.touchesOpen, !partial.hasBlocks, partial.found.isEmpty else { continue }
            result.append(CacheablePartial(name: name, paths: partial.rootPaths.sorted().map {
                $0.split(separator: ".").map(String.init)
            }))
        }
        return result
    }
}
