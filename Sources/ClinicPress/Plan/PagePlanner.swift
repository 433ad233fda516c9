/// Decides which web pages the site has, with their titles, paths and content.
struct PagePlanner {
    let site: Site
    let bodies: RenderedBodies
    let views: ViewBuilder
    let data: StructuredData
    let printLinks: PrintLinks

    init(site: Site, bodies: RenderedBodies, printLinks: PrintLinks = .none) {
        self.site = site
        self.bodies = bodies
        self.printLinks = printLinks
        self.views = ViewBuilder(site: site)
        self.data = StructuredData(site: site)
    }

    func crumb(_ title: String, _ path: String) -> LinkView { LinkView(title: title, path: path, current: false) }
    var home: LinkView { crumb("Home", "") }

    func plans() -> [PagePlan] {
        var plans = [homePage, programList, levelsOfCare, workshopList, teamPage, notFound]
        plans += site.programs.map(programPage)
        plans += educationLists
        plans += site.articles.map(articlePage)
        plans += site.workshops.map(workshopPage)
        plans += site.pages.map(infoPage)
        return plans
    }

    var homePage: PagePlan {
        let programs = site.programs.map(views.programCard)
        let upcoming = views.upcomingSessions(limit: 4)
        let articles = site.articles.sorted { ($0.reviewed, $1.title) > ($1.reviewed, $0.title) }.prefix(3).map(views.articleCard)
        let content = HomeContent(programs: programs, upcoming: upcoming, hasWorkshops: !site.workshops.isEmpty,
                                  articles: Array(articles))
        return PagePlan(path: "", template: "home", title: site.settings.name,
                        description: site.settings.description ?? site.settings.tagline ?? site.settings.name,
                        breadcrumbs: [], jsonLD: [data.clinic], content: AnyTemplateValue(content))
    }

    var programList: PagePlan {
        let content = ProgramListContent(programs: site.programs.map(views.programCard))
        return PagePlan(path: "programs/", template: "program-list", title: "Our programs",
                        description: "Treatment programs at \(site.settings.name): schedules, who each one is for, and how to start.",
                        breadcrumbs: [home], jsonLD: [], content: AnyTemplateValue(content))
    }

    func programPage(_ program: Program) -> PagePlan {
        let path = SitePaths.program(program.slug)
        let articles = site.articles.filter { $0.programs.contains { $0.slug == program.slug } }.map(views.articleCard)
        let workshopSlugs = program.workshops.map(\.slug)
            + site.workshops.filter { $0.programs.contains { $0.slug == program.slug } }.map(\.slug)
        let workshops = site.workshops.filter { workshopSlugs.contains($0.slug) }.map(views.workshopCard)
        let team = site.team.filter { $0.programs.contains { $0.slug == program.slug } }.map(views.teamMemberView)
        let brochure = printLinks.link(folder: "brochures", slug: program.slug, noun: "brochure")
        let views = self.views
        return PagePlan(
            path: path, template: "program", title: program.title, description: program.summary,
            breadcrumbs: [home, crumb("Programs", "programs/")], jsonLD: [data.program(program)],
            inputs: [program.file],
            content: {
                let body = bodies.web(program.file)
                let content = ProgramPageContent(
                    slug: program.slug, title: program.title, summary: program.summary, level: program.levelOfCare.name,
                    levelShort: program.levelOfCare.shortName, audience: program.audience.name,
                    focus: Days.list(program.focus),
                    length: program.lengthWeeks.map { "\($0) weeks" }, tracks: program.tracks.map(views.trackView),
                    components: program.components.map { ComponentView(name: $0.name, description: $0.description) }, goodFit: program.goodFit,
                    notAFit: program.notAFit, insurance: program.insurance, bodyHTML: body.html, toc: body.tocViews, articles: articles,
                    workshops: workshops, team: team,
                    brochure: brochure)
                return AnyTemplateValue(content)
            }())
    }

    var levelsOfCare: PagePlan {
        let rows = site.programs.map { program in
            LevelRowView(title: program.title, path: SitePaths.program(program.slug), level: program.levelOfCare.name,
                         levelShort: program.levelOfCare.shortName, audience: program.audience.name,
                         tracks: program.tracks.map(views.trackView),
                         length: program.lengthWeeks.map { "\($0) weeks" } ?? "Varies")
        }
        return PagePlan(path: "levels-of-care/", template: "levels-of-care", title: "Levels of care",
                        description: "How outpatient, intensive outpatient, partial hospitalization and residential care differ, and how our programs compare.",
                        breadcrumbs: [home], jsonLD: [], content: AnyTemplateValue(LevelsContent(rows: rows)))
    }

    /// The library, and one page per audience: a filter that needs no script.
    var educationLists: [PagePlan] {
        let filters: [(String, String, ReaderAudience?)] = [
            ("All articles", "education/", nil),
            ("For families", "education/for-families/", .family),
            ("For clients", "education/for-clients/", .client),
        ]
        return filters.map { title, path, audience in
            let articles = site.articles.filter { audience == nil || $0.audience == audience || $0.audience == .everyone }
            let links = filters.map { LinkView(title: $0.0, path: $0.1, current: $0.1 == path) }
            let heading = audience == nil ? "Learning library" : "Learning library: \(title.lowercased())"
            let content = EducationListContent(
                heading: heading,
                intro: "Plain-language articles about treatment, recovery and supporting someone you love. Each one is reviewed by our clinical team and can be printed.",
                filters: links, articles: articles.map(views.articleCard))
            return PagePlan(path: path, template: "education-list", title: heading,
                            description: "Articles for clients and families from \(site.settings.name).",
                            breadcrumbs: audience == nil ? [home] : [home, crumb("Learning library", "education/")],
                            jsonLD: [], content: AnyTemplateValue(content))
        }
    }

    func articlePage(_ article: EducationArticle) -> PagePlan {
        let path = SitePaths.article(article.slug)
        let programs = article.programs.compactMap { site.program($0.slug) }
            .map { LinkView(title: $0.title, path: SitePaths.program($0.slug), current: false) }
        let handout = article.handout ? printLinks.link(folder: "handouts", slug: article.slug, noun: "handout") : nil
        let sessions = site.workshops.flatMap { series in
            series.sessions.filter { $0.handouts.contains { $0.slug == article.slug } }
                .map { views.sessionView($0, in: series) }
        }
        return PagePlan(
            path: path, template: "article", title: article.title, description: article.summary,
            breadcrumbs: [home, crumb("Learning library", "education/")], jsonLD: [data.article(article)],
            inputs: [article.file],
            content: {
                let body = bodies.web(article.file)
                let content = ArticlePageContent(
                    slug: article.slug, title: article.title, summary: article.summary, audience: article.audience.name,
                    reviewedBy: article.reviewedBy, reviewed: article.reviewed.display, reviewedISO: article.reviewed.iso,
                    nextReview: article.nextReview.display, nextReviewISO: article.nextReview.iso, sources: article.sources,
                    topics: article.topics, programs: programs, sessions: sessions,
                    bodyHTML: body.html, toc: body.tocViews, handout: handout)
                return AnyTemplateValue(content)
            }())
    }

    var workshopList: PagePlan {
        let series = site.workshops.map { series in
            WorkshopSeriesView(card: views.workshopCard(series), sessions: series.sessions.map { views.sessionView($0, in: series) })
        }
        let content = WorkshopListContent(series: series, calendarPath: "workshops.ics")
        return PagePlan(path: "workshops/", template: "workshop-list", title: "Family workshops",
                        description: "Free education series for families and friends of people in treatment at \(site.settings.name).",
                        breadcrumbs: [home], jsonLD: site.workshops.flatMap(data.sessions),
                        content: AnyTemplateValue(content))
    }

    func workshopPage(_ series: WorkshopSeries) -> PagePlan {
        let path = SitePaths.workshop(series.slug)
        let sessions = series.sessions.map { views.sessionView($0, in: series) }
        let packet = printLinks.link(folder: "workshops", slug: series.slug, noun: "workshop packet")
        let programs = series.programs.compactMap { site.program($0.slug) }
            .map { LinkView(title: $0.title, path: SitePaths.program($0.slug), current: false) }
        return PagePlan(
            path: path, template: "workshop", title: series.title, description: series.summary,
            breadcrumbs: [home, crumb("Workshops", "workshops/")], jsonLD: data.sessions(series),
            inputs: [series.file],
            content: {
                let body = bodies.web(series.file)
                let content = WorkshopPageContent(
                    slug: series.slug, title: series.title, summary: series.summary, audience: series.audience?.name,
                    location: series.location, onlineURL: series.onlineURL, sessions: sessions, programs: programs, bodyHTML: body.html, toc: body.tocViews, calendarPath: "workshops.ics", packet: packet)
                return AnyTemplateValue(content)
            }())
    }

    var teamPage: PagePlan {
        let members = site.team.map(views.teamMemberView)
        return PagePlan(path: "team/", template: "team", title: "Our team",
                        description: "The counselors, doctors, nurses and staff of \(site.settings.name).",
                        breadcrumbs: [home], jsonLD: [],
                        content: AnyTemplateValue(TeamContent(members: members)))
    }

    func infoPage(_ page: InfoPage) -> PagePlan {
        let path = SitePaths.page(page.slug)
        return PagePlan(
            path: path, template: "page", title: page.title, description: page.summary, breadcrumbs: [home], jsonLD: [],
            inputs: [page.file],
            content: {
                let body = bodies.web(page.file)
                return AnyTemplateValue(InfoPageContent(slug: page.slug, title: page.title, summary: page.summary,
                                                        bodyHTML: body.html, toc: body.tocViews))
            }())
    }

    var notFound: PagePlan {
        let content = NotFoundContent(programs: site.programs.map(views.programCard))
        return PagePlan(path: "404.html", template: "404", title: "Page not found",
                        description: "This page could not be found.", breadcrumbs: [], jsonLD: [],
                        content: AnyTemplateValue(content))
    }
}
