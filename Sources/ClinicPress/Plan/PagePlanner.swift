/// Decides which web pages the site has, with their titles, paths and content. Each kind plans
/// its own pages (`ContentKind.pages`); this holds what they share, and the site's own pages.
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
        self.data = StructuredData(site: site, language: site.edition.language)
    }

    func crumb(_ title: String, _ path: String) -> LinkView { LinkView(title: title, path: path, current: false) }
    var home: LinkView { crumb(text(StringKeys.navHome), site.local("")) }

    /// A string of the site's strings file, with `{clinic}` filled in where it appears.
    func text(_ key: String) -> String { site.strings.fill(key, ["clinic": site.settings.name]) }

    /// The site's own pages (home, 404), then every kind's pages.
    func plans() -> [PagePlan] {
        var plans = [homePage, notFound]
        if site.search { plans.append(SearchPage.plan(self)) }
        for kind in site.kinds { plans += kind.pages(self) }
        return plans
    }

    var homePage: PagePlan {
        let programs = site.programs.map(views.programCard)
        let upcoming = views.upcomingSessions(limit: 4)
        let articles = site.articles.sorted { ($0.reviewed, $1.title) > ($1.reviewed, $0.title) }.prefix(3).map(views.articleCard)
        let content = HomeContent(programs: programs, upcoming: upcoming, hasWorkshops: !site.workshops.isEmpty,
                                  articles: Array(articles))
        return PagePlan(path: site.local(""), template: "home", title: site.settings.name,
                        description: site.settings.description ?? site.settings.tagline ?? site.settings.name,
                        breadcrumbs: [], jsonLD: [data.clinic, data.website], content: AnyTemplateValue(content), searchable: false)
    }

    var notFound: PagePlan {
        let content = NotFoundContent(programs: site.programs.map(views.programCard))
        return PagePlan(path: "404.html", template: "404", title: text(StringKeys.notFoundTitle),
                        description: text(StringKeys.notFoundDescription), breadcrumbs: [], jsonLD: [],
                        content: AnyTemplateValue(content), searchable: false)
    }
}
