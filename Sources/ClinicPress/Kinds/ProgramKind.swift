/// `Content/programs/<slug>.md`: a treatment program, its tracks, and its tri-fold brochure.
enum ProgramKind: ContentKind {
    static let name = "program"
    static let source = ContentSource.markdownFolder("programs")
    static let trackKeys: [ContentKey] = [
        .required("name", .text, example: "Morning track"),
        .required("days", .days, example: "[mon, wed, fri]"),
        .required("start", .time, example: "\"09:30\""),
        .required("end", .time, example: "\"12:30\""),
        .optional("location", .text),
    ]
    static let keys: [ContentKey] = [
        .required("title", .text, example: "Adult Intensive Outpatient Program"),
        .required("summary", .text, example: "Structured therapy three days a week."),
        .required("level_of_care", .choice(LevelOfCare.allCases.map(\.rawValue)), example: "iop"),
        .required("audience", .choice(ProgramAudience.allCases.map(\.rawValue)), example: "adults"),
        .optional("focus", .texts),
        .optional("length_weeks", .integer(1...520)),
        .required("tracks", .entries(trackKeys), example: "(a list of tracks, each with name, days, start and end)"),
        .optional("components", .textsOrEntries([.required("name", .text, example: "Group therapy"), .optional("description", .text)])),
        .optional("good_fit", .texts),
        .optional("not_a_fit", .texts),
        .optional("insurance", .texts),
        .optional("workshops", .references(folder: "workshops")),
        .optional("status", .choice(ProgramStatus.allCases.map(\.rawValue))),
        .optional("status_note", .text),
        .optional("order", .integer(-10_000...10_000)),
        .optional("draft", .flag),
        .optional("image", .image),
        .optional("image_alt", .text),
    ]

    static func make(_ fields: Fields, slug: String, file: String, body: MarkdownSource, report: DiagnosticCollector) -> Program? {
        let tracks = fields.entries("tracks").enumerated().compactMap { index, entry in
            track(entry, report: report).map { track in
                var track = track
                track.key = "tracks[\(index + 1)]"
                return track
            }
        }
        let components = fields.entries("components").compactMap { entry -> ProgramComponent? in
            if let text = entry.plainText { return ProgramComponent(name: text, description: nil) }
            return entry.text("name").map { ProgramComponent(name: $0, description: entry.text("description")) }
        }
        ImageReference.requireAlt(fields, image: "image", alt: "image_alt", report: report)
        guard let title = fields.text("title"), let summary = fields.text("summary"),
              let level = fields.choice("level_of_care", LevelOfCare.self),
              let audience = fields.choice("audience", ProgramAudience.self) else { return nil }
        return Program(
            slug: slug, file: file, title: title, summary: summary, levelOfCare: level, audience: audience,
            focus: fields.texts("focus"), lengthWeeks: fields.integer("length_weeks"), tracks: tracks,
            components: components, goodFit: fields.texts("good_fit"), notAFit: fields.texts("not_a_fit"),
            insurance: fields.texts("insurance"), workshops: fields.references("workshops"),
            status: fields.choice("status", ProgramStatus.self), statusNote: fields.text("status_note"),
            order: fields.integer("order") ?? 1000, draft: fields.flag("draft") ?? false, body: body,
            image: fields.image("image"), imageAlt: fields.text("image_alt"))
    }

    static func track(_ fields: Fields, report: DiagnosticCollector) -> Track? {
        guard let name = fields.text("name"), let start = fields.time("start"), let end = fields.time("end"),
              !fields.days("days").isEmpty else { return nil }
        if end <= start {
            report.add(.error(fields.file, fields.position("end"), key: fields.qualified("end"),
                              "track '\(name)' ends at \(end.text), which is not after its start \(start.text)",
                              hint: "times are on the 24-hour clock: 1 PM is 13:00, 6:30 PM is 18:30"))
            return nil
        }
        return Track(name: name, days: fields.days("days"), start: start, end: end, location: fields.text("location"),
                     position: fields.position)
    }

    static func check(_ entries: [Program], report: DiagnosticCollector) {
        ScheduleChecks(report: report).check(entries)
    }

    static func arrange(_ entries: [Program], reservedIDs: Set<String>) -> [Program] {
        entries.sorted { ($0.order, $0.title, $0.slug) < ($1.order, $1.title, $1.slug) }
    }

    // MARK: Web pages

    static func pagePath(_ slug: String) -> String? { "programs/\(slug)/" }

    static var listPaths: [String] { ["programs/", "levels-of-care/"] }

    static func navigation(_ site: Site) -> [LinkView] {
        [LinkView(title: site.strings[StringKeys.navPrograms], path: site.local("programs/"), current: false),
         LinkView(title: site.strings[StringKeys.navLevels], path: site.local("levels-of-care/"), current: false)]
    }

    static let pageTemplates: [String: TemplateShape] = [
        "program": ProgramPageContent.shape, "program-list": ProgramListContent.shape, "levels-of-care": LevelsContent.shape,
    ]

    static func pages(_ planner: PagePlanner) -> [PagePlan] {
        let site = planner.site
        let list = PagePlan(
            path: site.local("programs/"), template: "program-list", title: planner.text(StringKeys.programsTitle),
            description: planner.text(StringKeys.programsDescription),
            breadcrumbs: [planner.home], jsonLD: [], inputs: site.programs.map(\.file),
            content: AnyTemplateValue(ProgramListContent(programs: site.programs.map(planner.views.programCard))))
        return [list, levelsOfCare(planner)] + site.programs.map { page($0, planner) }
    }

    /// How many articles a program page suggests: a few chosen ones are read, a wall of them is not.
    static let relatedArticleLimit = 4

    /// The articles that name the program, those whose topics meet the program's focus first,
    /// then by title; at most `relatedArticleLimit` (the library lists them all).
    static func relatedArticles(_ program: Program, _ articles: [EducationArticle]) -> [EducationArticle] {
        let focus = program.focus.map { $0.lowercased() }
        let named = articles.filter { $0.programs.contains { $0.slug == program.slug } }
        // Each article's overlap is counted once, then sorted (a program may be named by thousands).
        let ranked = named.enumerated().map { offset, article -> (overlap: Int, offset: Int, article: EducationArticle) in
            let overlap = article.topics.filter { topic in
                let topic = topic.lowercased()
                return focus.contains { $0 == topic || $0.contains(topic) || topic.contains($0) }
            }.count
            return (overlap, offset, article)
        }.sorted { ($0.overlap, -$0.offset) > ($1.overlap, -$1.offset) }
        return ranked.prefix(relatedArticleLimit).map(\.article)
    }

    static func page(_ program: Program, _ planner: PagePlanner) -> PagePlan {
        let site = planner.site, views = planner.views
        let articles = relatedArticles(program, site.articles)
        let seriesSlugs = Set(program.workshops.map(\.slug))
        let workshops = site.workshops.filter { series in
            seriesSlugs.contains(series.slug) || series.programs.contains { $0.slug == program.slug }
        }
        let team = site.team.filter { $0.programs.contains { $0.slug == program.slug } }
        let body = planner.bodies.web(program.file)
        let format = views.format
        let content = ProgramPageContent(
            slug: program.slug, title: program.title, summary: program.summary, level: format.levelOfCare(program.levelOfCare),
            levelShort: format.levelOfCareShort(program.levelOfCare), audience: format.audience(program.audience),
            focus: format.list(program.focus), length: program.lengthWeeks.map(format.weeks), tracks: program.tracks.map(views.trackView),
            components: program.components.map { ComponentView(name: $0.name, description: $0.description) },
            goodFit: program.goodFit, notAFit: program.notAFit, insurance: program.insurance, bodyHTML: body.html,
            toc: body.tocViews, articles: articles.map(views.articleCard), workshops: workshops.map(views.workshopCard),
            team: team.map(views.teamMemberView), status: views.statusView(program),
            brochure: planner.printLinks.link(folder: site.printFolder(brochureFolder), slug: program.slug, document: "brochure",
                                             strings: site.strings),
            image: views.picture(program.image, alt: program.imageAlt ?? "", eager: true))
        return PagePlan(
            path: site.programPath(program.slug), template: "program", title: program.title, description: program.summary,
            breadcrumbs: [planner.home, planner.crumb(planner.text(StringKeys.navPrograms), site.local("programs/"))], jsonLD: [planner.data.programPage(program)],
            inputs: [program.file] + articles.map(\.file) + workshops.map(\.file) + (team.isEmpty ? [] : ["Content/team.yml"]),
            content: AnyTemplateValue(content), isDraft: program.draft,
            shareImage: program.image, shareImageAlt: program.imageAlt)
    }

    static func levelsOfCare(_ planner: PagePlanner) -> PagePlan {
        let site = planner.site, format = planner.views.format
        let rows = site.programs.map { program in
            LevelRowView(title: program.title, path: site.programPath(program.slug), level: format.levelOfCare(program.levelOfCare),
                         levelShort: format.levelOfCareShort(program.levelOfCare), audience: format.audience(program.audience),
                         tracks: program.tracks.map(planner.views.trackView),
                         length: program.lengthWeeks.map(format.weeks) ?? planner.text(StringKeys.lengthVaries),
                         lang: site.otherLanguage(ProgramKind.self, program.slug))
        }
        return PagePlan(path: site.local("levels-of-care/"), template: "levels-of-care", title: planner.text(StringKeys.levelsTitle),
                        description: planner.text(StringKeys.levelsDescription),
                        breadcrumbs: [planner.home], jsonLD: [], inputs: site.programs.map(\.file),
                        content: AnyTemplateValue(LevelsContent(rows: rows)))
    }

    // MARK: Print

    static let brochureFolder = "brochures"
    static let printTemplates: [String: TemplateShape] = ["brochure": BrochureContent.shape]

    static func entryPage(_ program: Program, _ planner: PagePlanner) -> PagePlan? { page(program, planner) }

    static func printDocuments(_ planner: PrintPlanner) -> [PrintDocument] {
        planner.site.programs.flatMap { entryPrintDocuments($0, planner) }
    }

    static func entryPrintDocuments(_ program: Program, _ planner: PrintPlanner) -> [PrintDocument] {
        let format = planner.views.format
        let frame = planner.frame(title: program.title, description: program.summary,
                                  url: planner.site.baseURL + planner.site.programPath(program.slug), created: planner.site.buildDate)
        let content = BrochureContent(
            slug: program.slug, title: program.title, summary: program.summary, level: format.levelOfCare(program.levelOfCare),
            audience: format.audience(program.audience), length: program.lengthWeeks.map(format.weeks),
            focus: format.list(program.focus),
            components: program.components.map { ComponentView(name: $0.name, description: $0.description) },
            tracks: program.tracks.map(planner.views.trackView), grid: ScheduleGrid.make(program.tracks, format: format),
            goodFit: program.goodFit, notAFit: program.notAFit, insurance: program.insurance,
            status: planner.views.statusView(program),
            image: planner.views.picture(program.image, alt: program.imageAlt ?? ""))
        return [PrintDocument(kind: .brochure, slug: program.slug, folder: planner.site.printFolder(brochureFolder), source: program.file,
                              template: "brochure", context: planner.context(frame, AnyTemplateValue(content)),
                              inputs: [program.file])]
    }
}

extension Program: ContentEntry {
    public var references: [SlugReference] { workshops }
    public var images: [ImageReference] { image.map { [$0] } ?? [] }
}

extension Site {
    public var programs: [Program] { entries(ProgramKind.self) }
    public func program(_ slug: String) -> Program? { entry(ProgramKind.self, slug) }
}
