/// One web page to render: where it goes, its title and description, and how to make its content.
struct PagePlan: Sendable {
    /// Folder path of the page (`programs/adult-iop/`), `` for home, or `404.html`.
    var path: String
    var template: String
    var title: String
    var description: String
    var breadcrumbs: [LinkView]
    var jsonLD: [JSONValue]
    /// Renders the page's Markdown (if any) and returns its template content.
    var makeContent: @Sendable (MarkdownRenderer) -> PageBody

    var outputPath: String { path.hasSuffix(".html") ? path : path + "index.html" }
}

/// The content of one page plus what rendering its Markdown found.
struct PageBody: Sendable {
    /// Wraps the typed content in the page's full template context.
    var context: @Sendable (PageFrame) -> any Sendable
    var markdown: RenderedMarkdown?

    init<C: Sendable>(_ content: C, markdown: RenderedMarkdown? = nil) {
        self.context = { frame in
            PageContext(site: frame.site, page: frame.page, nav: frame.nav, footerNav: frame.footerNav,
                        root: frame.root, content: content)
        }
        self.markdown = markdown
    }
}

/// The parts of a page context every page shares.
struct PageFrame: Sendable {
    var site: SiteView
    var page: PageMeta
    var nav: [LinkView]
    var footerNav: [LinkView]
    var root: String
}

extension RenderedMarkdown {
    var tocViews: [HeadingView] { tableOfContents.map { HeadingView(id: $0.id, text: $0.text) } }
}
