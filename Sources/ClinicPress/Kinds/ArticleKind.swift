/// `Content/education/<slug>.md`: a psychoeducation article for clients or families, in the
/// learning library and printed as a handout.
enum ArticleKind: ContentKind {
    static let name = "education article"
    static let source = ContentSource.markdownFolder("education")
    static let keys: [ContentKey] = [
        .required("title", .text, example: "Warning signs of relapse"),
        .required("summary", .text, example: "What to watch for, and what to do."),
        .required("audience", .choice(ReaderAudience.allCases.map(\.rawValue)), example: "family"),
        .required("reviewed", .date, example: "2026-01-31"),
        .optional("published", .date),
        .required("reviewed_by", .text, example: "Dana Whitfield, PhD"),
        .optional("review_every_months", .integer(1...120)),
        .optional("topics", .texts).data(),
        .optional("programs", .references(folder: "programs")),
        .optional("sources", .texts).data(),
        .optional("reading_grade_target", .integer(1...18)),
        .optional("draft", .flag),
        .optional("handout", .flag),
        .optional("image", .image),
        .optional("image_alt", .text),
    ]

    static func make(_ fields: Fields, slug: String, file: String, body: MarkdownSource,
                     report: DiagnosticCollector) -> EducationArticle? {
        ImageReference.requireAlt(fields, image: "image", alt: "image_alt", report: report)
        guard let title = fields.text("title"), let summary = fields.text("summary"),
              let audience = fields.choice("audience", ReaderAudience.self), let reviewed = fields.date("reviewed"),
              let reviewedBy = fields.text("reviewed_by") else { return nil }
        return EducationArticle(
            slug: slug, file: file, title: title, summary: summary, audience: audience, reviewed: reviewed,
            reviewedBy: reviewedBy, reviewEveryMonths: fields.integer("review_every_months") ?? 12,
            topics: fields.texts("topics"), programs: fields.references("programs"), sources: fields.texts("sources"),
            readingGradeTarget: fields.integer("reading_grade_target"), handout: fields.flag("handout") ?? true,
            draft: fields.flag("draft") ?? false, body: body, image: fields.image("image"), imageAlt: fields.text("image_alt"),
            published: fields.date("published"))
    }

    /// The library's filter pages: no article may take their names. Their titles are the
    /// audiences' names in the strings file.
    /// The library's filter pages (`education/for-families/`): list pages, so no article may take their names.
    static let filters: [(slug: String, audience: ReaderAudience)] = [("for-families", .family), ("for-clients", .client)]

    static func arrange(_ entries: [EducationArticle], reservedIDs: Set<String>) -> [EducationArticle] {
        entries.sorted { ($0.title, $0.slug) < ($1.title, $1.slug) }
    }

    // MARK: Web pages

    static func pagePath(_ slug: String) -> String? { "education/\(slug)/" }

    static var listPaths: [String] { ["education/"] + filters.map { "education/\($0.slug)/" } }

    static func navigation(_ site: Site) -> [LinkView] {
        [LinkView(title: site.strings[StringKeys.navLibrary], path: site.local("education/"), current: false)]
    }

    static let pageTemplates: [String: TemplateShape] = [
        "article": ArticlePageContent.shape, "education-list": EducationListContent.shape,
    ]

    static func pages(_ planner: PagePlanner) -> [PagePlan] {
        libraryPages(planner) + ParallelMap.map(planner.site.articles) { page($0, planner) }
    }

    /// The library, and one page per audience: a filter that needs no script.
    static func libraryPages(_ planner: PagePlanner) -> [PagePlan] {
        let site = planner.site
        let all: [(title: String, path: String, audience: ReaderAudience?)] =
            [(planner.text(StringKeys.libraryAll), site.local("education/"), nil)]
            + filters.map { (planner.views.format.readers($0.audience), site.local("education/\($0.slug)/"), $0.audience) }
        return all.map { title, path, audience in
            let articles = site.articles.filter { audience == nil || $0.audience == audience || $0.audience == .everyone }
            let heading = planner.text(audience.map(StringKeys.libraryTitle) ?? StringKeys.libraryTitle)
            let content = EducationListContent(
                heading: heading,
                intro: planner.text(StringKeys.libraryIntro),
                filters: all.map { LinkView(title: $0.title, path: $0.path, current: $0.path == path) },
                articles: articles.map(planner.views.articleCard))
            return PagePlan(path: path, template: "education-list", title: heading,
                            description: planner.text(StringKeys.libraryDescription),
                            breadcrumbs: audience == nil ? [planner.home] : [planner.home, libraryCrumb(planner)],
                            jsonLD: [], inputs: articles.map(\.file), content: AnyTemplateValue(content))
        }
    }

    static func libraryCrumb(_ planner: PagePlanner) -> LinkView { planner.crumb(planner.text(StringKeys.navLibrary), planner.site.local("education/")) }

    static func page(_ article: EducationArticle, _ planner: PagePlanner) -> PagePlan {
        let site = planner.site
        let programs = article.programs.compactMap { site.program($0.slug) }
            .map { site.link(ProgramKind.self, $0.slug, title: $0.title) }
        let series = site.workshops.filter { $0.sessions.contains { $0.handouts.contains { $0.slug == article.slug } } }
        let sessions = series.flatMap { series in
            series.sessions.filter { $0.handouts.contains { $0.slug == article.slug } }
                .map { planner.views.sessionView($0, in: series) }
        }
        let body = planner.bodies.web(article.file)
        let format = planner.views.format
        let content = ArticlePageContent(
            slug: article.slug, title: article.title, summary: article.summary, audience: format.readers(article.audience),
            reviewedBy: article.reviewedBy, reviewed: format.date(article.reviewed), reviewedISO: article.reviewed.iso,
            nextReview: format.date(article.nextReview), nextReviewISO: article.nextReview.iso, sources: article.sources,
            topics: article.topics, programs: programs, sessions: sessions, bodyHTML: body.html, toc: body.tocViews,
            handout: article.handout ? planner.printLinks.link(folder: site.printFolder(handoutFolder), slug: article.slug, document: "handout", strings: site.strings) : nil,
            image: planner.views.picture(article.image, alt: article.imageAlt ?? "", eager: true))
        return PagePlan(
            path: site.articlePath(article.slug), template: "article", title: article.title, description: article.summary,
            breadcrumbs: [planner.home, libraryCrumb(planner)],
            jsonLD: [planner.data.article(article)],
            inputs: [article.file] + article.programs.compactMap { site.program($0.slug)?.file } + series.map(\.file),
            content: AnyTemplateValue(content), isDraft: article.draft,
            shareImage: article.image, shareImageAlt: article.imageAlt)
    }

    // MARK: Print: one handout per article (`handout: false` opts out)

    static let handoutFolder = "handouts"
    static let printTemplates: [String: TemplateShape] = ["handout": HandoutContent.shape]

    static func printBodies(_ article: EducationArticle, content: SiteContent) -> [PrintBody] {
        article.handout ? [PrintBody(file: article.file, source: article.body, page: "print/\(handoutFolder)/", idPrefix: "")] : []
    }

    static func entryPage(_ article: EducationArticle, _ planner: PagePlanner) -> PagePlan? { page(article, planner) }

    static func printDocuments(_ planner: PrintPlanner) -> [PrintDocument] {
        planner.site.articles.flatMap { entryPrintDocuments($0, planner) }
    }

    static func entryPrintDocuments(_ article: EducationArticle, _ planner: PrintPlanner) -> [PrintDocument] {
        guard article.handout else { return [] }
        let frame = planner.frame(title: article.title, description: article.summary,
                                  url: planner.site.baseURL + planner.site.articlePath(article.slug), created: article.reviewed)
        let content = HandoutContent(handout: planner.handoutView(article, idPrefix: ""))
        return [PrintDocument(kind: .handout, slug: article.slug, folder: planner.site.printFolder(handoutFolder), source: article.file,
                              template: "handout", context: planner.context(frame, AnyTemplateValue(content)),
                              inputs: [article.file])]
    }
}

extension EducationArticle: ContentEntry {
    public var references: [SlugReference] { programs }
    public var images: [ImageReference] { image.map { [$0] } ?? [] }
}

extension Site {
    public var articles: [EducationArticle] { entries(ArticleKind.self) }
    public func article(_ slug: String) -> EducationArticle? { entry(ArticleKind.self, slug) }
}
