/// The templates a build renders directly, each with the shape of the context the plan gives it.
/// Partials and parents are checked through the templates that use them.
enum TemplateRoots {
    static let pageContent: [String: TemplateShape] = [
        "home": HomeContent.shape, "program-list": ProgramListContent.shape, "program": ProgramPageContent.shape,
        "levels-of-care": LevelsContent.shape, "education-list": EducationListContent.shape,
        "article": ArticlePageContent.shape, "workshop-list": WorkshopListContent.shape,
        "workshop": WorkshopPageContent.shape, "team": TeamContent.shape, "page": InfoPageContent.shape,
        "404": NotFoundContent.shape,
    ]
    static let printContent: [String: TemplateShape] = [
        "handout": HandoutContent.shape, "packet": PacketContent.shape, "brochure": BrochureContent.shape,
    ]

    static var all: [String: TemplateShape] {
        var roots = pageContent.mapValues { PageContext.shape.replacing("content", with: $0) }
        for (name, shape) in printContent { roots[name] = PrintContext.shape.replacing("content", with: shape) }
        roots["crisis-block"] = CrisisBlockContext.shape
        return roots
    }
}

/// What the `crisis-block` partial receives (the ```crisis block in Markdown).
struct CrisisBlockContext: TemplateValue {
    var site: SiteView
    static let fields = TemplateFields<CrisisBlockContext>(["site": .object { $0.site }])
}

