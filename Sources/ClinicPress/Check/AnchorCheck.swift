/// Links to `#anchor` on a page must name one of its headings, or an id the theme gives an
/// element itself. Checked from the rendered bodies, before any template runs.
enum AnchorCheck {
    static func check(_ bodies: RenderedBodies, reservedIDs: Set<String>) -> [Diagnostic] {
        var headingIDs: [String: Set<String>] = [:]
        for (file, rendered) in bodies.web {
            if let page = bodies.contentPages[file] { headingIDs[page] = Set(rendered.headings.map(\.id)) }
        }
        var diagnostics: [Diagnostic] = []
        for file in bodies.web.keys.sorted() {
            for reference in bodies.web[file]!.anchorReferences {
                // Pages whose file failed to load have no headings here; their own errors were reported.
                guard let ids = headingIDs[reference.page], !ids.contains(reference.anchor),
                      !reservedIDs.contains(reference.anchor) else { continue }
                diagnostics.append(.error(reference.file, reference.position,
                                          "the link points to '#\(reference.anchor)' on \(reference.page), but that page has no such heading",
                                          hint: Suggestion.hint(for: reference.anchor, in: Array(ids))
                                              ?? "use the heading text in lowercase with hyphens, such as #what-to-expect"))
            }
        }
        return diagnostics
    }
}
