/// One web page to render: where it goes, its title and description, and its content.
struct PagePlan: Sendable {
    /// Folder path of the page (`programs/adult-iop/`), `` for home, or `404.html`.
    var path: String
    var template: String
    var title: String
    var description: String
    var breadcrumbs: [LinkView]
    var jsonLD: [JSONValue]
    /// Content files the page shows, besides `site.yml` which every page shows.
    var inputs: [String] = []
    var content: AnyTemplateValue
    /// The page shows content marked `draft: true` (built only with `--drafts`).
    var isDraft = false
    /// Pagefind indexes the page's main content (false for the home, 404 and search pages).
    var searchable = true
    /// The picture shared with a link to the page (its own `image`); nil: the brand's logo.
    var shareImage: ImageReference? = nil
    var shareImageAlt: String? = nil

    var outputPath: String { path.hasSuffix(".html") ? path : path + "index.html" }
}

extension RenderedMarkdown {
    var tocViews: [HeadingView] { tableOfContents.map { HeadingView(id: $0.id, text: $0.text) } }
}
