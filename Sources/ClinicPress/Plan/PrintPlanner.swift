/// The printed documents of a site: a handout per article, a packet per workshop series and a
/// brochure per program. Each is an HTML file that WeasyPrint turns into a PDF beside it.
struct PrintDocument: Sendable {
    enum Kind: String, Sendable { case handout, packet, brochure }
    var kind: Kind
    var slug: String
    var source: String
    var template: String
    var htmlPath: String { "print/\(folder)/\(slug).html" }
    var pdfPath: String { "print/\(folder)/\(slug).pdf" }
    var folder: String {
        switch kind {
        case .handout: return "handouts"
        case .packet: return "workshops"
        case .brochure: return "brochures"
        }
    }
    /// Builds the template context; Markdown is rendered with absolute links (paper has no relative ones).
    var makeContext: @Sendable (MarkdownRenderer) -> any Sendable
}

struct PrintPlanner {
    let site: Site
    let paper: Paper
    let views: ViewBuilder
    let siteView: SiteView

    init(site: Site, paper: Paper) {
        self.site = site
        self.paper = paper
        self.views = ViewBuilder(site: site)
        self.siteView = views.siteView
    }

    static let root = "../../"

    func documents() -> [PrintDocument] {
        site.articles.filter(\.handout).map(handout) + site.workshops.map(packet) + site.programs.map(brochure)
    }

    var crisisLine: String {
        guard let first = site.settings.crisis.first else { return "" }
        if let phone = first.phone, first.text == phone { return "In crisis? \(first.name): call or text \(phone)" }
        if let phone = first.phone { return "In crisis? \(first.name): call \(phone)" }
        if let text = first.text { return "In crisis? \(first.name): text \(text)" }
        return "In crisis? \(first.name): \(first.url ?? "")"
    }

    func frame(title: String, description: String, url: String, created: CalendarDate) -> PrintFrame {
        PrintFrame(
            paperSize: paper == .a4 ? "A4" : "letter", paper: paper.rawValue, title: title, description: description,
            onlineURL: url, qrSVG: QRCode.svg(for: url, label: "QR code: \(url)") ?? "", crisisLine: crisisLine,
            created: created.iso)
    }

    func handoutView(_ article: EducationArticle, markdown: MarkdownRenderer, page: String, idPrefix: String) -> HandoutView {
        let url = site.baseURL + SitePaths.article(article.slug)
        let body = markdown.render(article.body, file: article.file, page: page, linkBase: site.baseURL, idPrefix: idPrefix)
        return HandoutView(
            id: idPrefix + "handout", slug: article.slug, title: article.title, summary: article.summary,
            audience: article.audience.name, reviewedBy: article.reviewedBy, reviewed: article.reviewed.display,
            reviewedISO: article.reviewed.iso, reviewLine: "Reviewed by \(article.reviewedBy) on \(article.reviewed.display)",
            sources: article.sources, hasSources: !article.sources.isEmpty, bodyHTML: body.html, onlineURL: url,
            qrSVG: QRCode.svg(for: url, label: "QR code: \(url)") ?? "")
    }

    func handout(_ article: EducationArticle) -> PrintDocument {
        let siteView = self.siteView
        let frame = self.frame(title: article.title, description: article.summary,
                               url: site.baseURL + SitePaths.article(article.slug), created: article.reviewed)
        let planner = self
        return PrintDocument(kind: .handout, slug: article.slug, source: article.file, template: "handout") { markdown in
            let view = planner.handoutView(article, markdown: markdown, page: "print/handouts/", idPrefix: "")
            return PrintContext(site: siteView, print: frame, root: PrintPlanner.root, content: HandoutContent(handout: view))
        }
    }

    func packet(_ series: WorkshopSeries) -> PrintDocument {
        let siteView = self.siteView
        let url = site.baseURL + SitePaths.workshop(series.slug)
        let frame = self.frame(title: series.title, description: series.summary, url: url,
                               created: series.sessions.first?.date ?? site.buildDate)
        let planner = self
        return PrintDocument(kind: .packet, slug: series.slug, source: series.file, template: "packet") { markdown in
            let intro = markdown.render(series.body, file: series.file, page: "print/workshops/", linkBase: planner.site.baseURL,
                                        idPrefix: "intro-")
            let sessions = series.sessions.enumerated().map { index, session in
                let handouts = session.handouts.compactMap { planner.site.article($0.slug) }.map {
                    planner.handoutView($0, markdown: markdown, page: "print/workshops/", idPrefix: "s\(index + 1)-\($0.slug)-")
                }
                return PacketSessionView(
                    number: index + 1, id: "session-\(index + 1)", title: session.title, date: session.date.longDisplay,
                    time: "\(session.start.display) to \(session.end.display)",
                    location: session.location ?? series.location, handouts: handouts, hasHandouts: !handouts.isEmpty)
            }
            let content = PacketContent(title: series.title, summary: series.summary, location: series.location,
                                        onlineURL: series.onlineURL, introHTML: intro.html, sessions: sessions)
            return PrintContext(site: siteView, print: frame, root: PrintPlanner.root, content: content)
        }
    }

    func brochure(_ program: Program) -> PrintDocument {
        let siteView = self.siteView
        let frame = self.frame(title: program.title, description: program.summary,
                               url: site.baseURL + SitePaths.program(program.slug), created: site.buildDate)
        let views = self.views
        return PrintDocument(kind: .brochure, slug: program.slug, source: program.file, template: "brochure") { _ in
            let content = BrochureContent(
                slug: program.slug, title: program.title, summary: program.summary, level: program.levelOfCare.name,
                audience: program.audience.name, length: program.lengthWeeks.map { "\($0) weeks" },
                focus: Days.list(program.focus), hasFocus: !program.focus.isEmpty,
                components: program.components.map { ComponentView(name: $0.name, description: $0.description) },
                hasComponents: !program.components.isEmpty, tracks: program.tracks.map(views.trackView),
                grid: ScheduleGrid.make(program.tracks), goodFit: program.goodFit, hasGoodFit: !program.goodFit.isEmpty,
                notAFit: program.notAFit, hasNotAFit: !program.notAFit.isEmpty, insurance: program.insurance,
                hasInsurance: !program.insurance.isEmpty)
            return PrintContext(site: siteView, print: frame, root: PrintPlanner.root, content: content)
        }
    }
}
