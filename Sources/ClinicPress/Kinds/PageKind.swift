/// `Content/pages/<slug>.md`: about, contact, FAQ and the like, at `/<slug>/`.
enum PageKind: ContentKind {
    static let name = "page"
    static let source = ContentSource.markdownFolder("pages")
    static let keys: [ContentKey] = [
        .required("title", .text, example: "About us"),
        .required("summary", .text, example: "Who we are and how we work."),
        .optional("order", .integer(-10_000...10_000)),
        .optional("menu", .flag),
        .optional("draft", .flag),
    ]

    static func make(_ fields: Fields, slug: String, file: String, body: MarkdownSource, report: DiagnosticCollector) -> InfoPage? {
        guard let title = fields.text("title"), let summary = fields.text("summary") else { return nil }
        return InfoPage(slug: slug, file: file, title: title, summary: summary, order: fields.integer("order") ?? 1000,
                        menu: fields.flag("menu") ?? false, draft: fields.flag("draft") ?? false, body: body)
    }

    static func arrange(_ entries: [InfoPage], reservedIDs: Set<String>) -> [InfoPage] {
        entries.sorted { ($0.order, $0.title) < ($1.order, $1.title) }
    }

    static func pagePath(_ slug: String) -> String? { "\(slug)/" }

    /// Pages with `menu: true` join the main navigation; every page is linked from the footer.
    static func navigation(_ site: Site) -> [LinkView] {
        site.pages.filter(\.menu).map { site.link(PageKind.self, $0.slug, title: $0.title) }
    }

    static let pageTemplates: [String: TemplateShape] = ["page": InfoPageContent.shape]

    static func pages(_ planner: PagePlanner) -> [PagePlan] {
        planner.site.pages.compactMap { entryPage($0, planner) }
    }

    static func entryPage(_ page: InfoPage, _ planner: PagePlanner) -> PagePlan? {
        let body = planner.bodies.web(page.file)
        return PagePlan(
            path: planner.site.pagePath(page.slug), template: "page", title: page.title, description: page.summary,
            breadcrumbs: [planner.home], jsonLD: [], inputs: [page.file],
            content: AnyTemplateValue(InfoPageContent(slug: page.slug, title: page.title, summary: page.summary,
                                                      bodyHTML: body.html, toc: body.tocViews)),
            isDraft: page.draft)
    }
}

extension InfoPage: ContentEntry {
    public var references: [SlugReference] { [] }
}

extension Site {
    public var pages: [InfoPage] { entries(PageKind.self) }
}
