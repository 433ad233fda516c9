/// The templates a build renders directly, each with the shape of the context the plan gives it.
/// Partials and parents are checked through the templates that use them.
enum TemplateRoots {
    /// The site's own page templates; each kind adds its own (`ContentKind.pageTemplates`).
    static let sitePages: [String: TemplateShape] = [
        "home": HomeContent.shape, "404": NotFoundContent.shape, "search": SearchContent.shape,
    ]

    /// Web page templates, each with its whole context's shape; `strings` is the shape of the
    /// loaded strings file, which every template can read.
    static func pages(strings: TemplateShape, kinds: [any ContentKind.Type] = ContentKinds.all) -> [String: TemplateShape] {
        var pages = sitePages
        for kind in kinds { pages.merge(kind.pageTemplates) { first, _ in first } }
        return pages.mapValues { PageContext.shape.replacing("content", with: $0).replacing("strings", with: strings) }
    }

    /// Every template a build renders directly: web pages, print documents, the crisis block.
    static func all(strings: TemplateShape, kinds: [any ContentKind.Type] = ContentKinds.all) -> [String: TemplateShape] {
        var printed: [String: TemplateShape] = [:]
        for kind in kinds { printed.merge(kind.printTemplates) { first, _ in first } }
        var roots = pages(strings: strings, kinds: kinds)
        for (name, shape) in printed {
            roots[name] = PrintContext.shape.replacing("content", with: shape).replacing("strings", with: strings)
        }
        roots["crisis-block"] = CrisisBlockContext.shape.replacing("strings", with: strings)
        return roots
    }

    /// The same, from the keys of a strings file.
    static func all(strings keys: some Sequence<String>, kinds: [any ContentKind.Type] = ContentKinds.all) -> [String: TemplateShape] {
        all(strings: StringsView.shape(keys: keys), kinds: kinds)
    }

    /// Templates every build renders: a site may override them, not remove them.
    static func required(_ kinds: [any ContentKind.Type]) -> [String] { all(strings: .object([:]), kinds: kinds).keys.sorted() }
}

/// What the `crisis-block` partial receives (the ```crisis block in Markdown).
struct CrisisBlockContext: TemplateValue {
    var site: SiteView
    var strings: StringsView
    static let fields = TemplateFields<CrisisBlockContext>(["site": .object { $0.site }, "strings": .strings { $0.strings }])
}

