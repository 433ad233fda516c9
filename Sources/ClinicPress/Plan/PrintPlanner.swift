/// The printed documents of a site: a handout per article, a packet per workshop series and a
/// brochure per program. Each is an HTML file that WeasyPrint turns into a PDF beside it.
public struct PrintDocument: Sendable, Hashable {
    public enum Kind: String, Sendable { case handout, packet, brochure }
    public var kind: Kind
    public var slug: String
    /// The content file it comes from, for diagnostics.
    public var source: String
    public var template: String
    public var context: PrintContext
    /// Content files it shows.
    public var inputs: [String]
    public var htmlPath: String { "print/\(folder)/\(slug).html" }
    public var pdfPath: String { "print/\(folder)/\(slug).pdf" }
    public var folder: String {
        switch kind {
        case .handout: return "handouts"
        case .packet: return "workshops"
        case .brochure: return "brochures"
        }
    }
}

struct PrintPlanner {
    let site: Site
    let bodies: RenderedBodies
    let paper: Paper
    let views: ViewBuilder
    let siteView: SiteView

    init(site: Site, bodies: RenderedBodies, paper: Paper) {
        self.site = site
        self.bodies = bodies
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

    func handoutView(_ article: EducationArticle, idPrefix: String) -> HandoutView {
        let url = site.baseURL + SitePaths.article(article.slug)
        let body = bodies.print(article.file, idPrefix: idPrefix)
        return HandoutView(
            id: idPrefix + PrintIDs.handout, slug: article.slug, title: article.title, summary: article.summary,
            audience: article.audience.name, reviewedBy: article.reviewedBy, reviewed: article.reviewed.display,
            reviewedISO: article.reviewed.iso, reviewLine: "Reviewed by \(article.reviewedBy) on \(article.reviewed.display)",
            sources: article.sources, bodyHTML: body.html, onlineURL: url,
            qrSVG: QRCode.svg(for: url, label: "QR code: \(url)") ?? "")
    }

    func handout(_ article: EducationArticle) -> PrintDocument {
        let frame = self.frame(title: article.title, description: article.summary,
                               url: site.baseURL + SitePaths.article(article.slug), created: article.reviewed)
        let view = handoutView(article, idPrefix: "")
        return PrintDocument(kind: .handout, slug: article.slug, source: article.file, template: "handout",
                             context: PrintContext(site: siteView, print: frame, root: PrintPlanner.root,
                                                   content: AnyTemplateValue(HandoutContent(handout: view))),
                             inputs: [article.file])
    }

    func packet(_ series: WorkshopSeries) -> PrintDocument {
        let url = site.baseURL + SitePaths.workshop(series.slug)
        let frame = self.frame(title: series.title, description: series.summary, url: url,
                               created: series.sessions.first?.date ?? site.buildDate)
        let intro = bodies.print(series.file, idPrefix: PrintIDs.intro)
        var inputs = [series.file]
        let sessions = series.sessions.enumerated().map { index, session in
            let articles = session.handouts.compactMap { site.article($0.slug) }
            inputs += articles.map(\.file)
            return PacketSessionView(
                number: index + 1, id: "session-\(index + 1)", title: session.title, date: session.date.longDisplay,
                time: "\(session.start.display) to \(session.end.display)",
                location: session.location ?? series.location,
                handouts: articles.map { handoutView($0, idPrefix: PrintIDs.packetHandout(session: index, slug: $0.slug)) })
        }
        let content = PacketContent(title: series.title, summary: series.summary, location: series.location,
                                    onlineURL: series.onlineURL, introHTML: intro.html, sessions: sessions)
        return PrintDocument(kind: .packet, slug: series.slug, source: series.file, template: "packet",
                             context: PrintContext(site: siteView, print: frame, root: PrintPlanner.root,
                                                   content: AnyTemplateValue(content)),
                             inputs: Array(Set(inputs)).sorted())
    }

    func brochure(_ program: Program) -> PrintDocument {
        let frame = self.frame(title: program.title, description: program.summary,
                               url: site.baseURL + SitePaths.program(program.slug), created: site.buildDate)
        let content = BrochureContent(
            slug: program.slug, title: program.title, summary: program.summary, level: program.levelOfCare.name,
            audience: program.audience.name, length: program.lengthWeeks.map { "\($0) weeks" },
            focus: Days.list(program.focus),
            components: program.components.map { ComponentView(name: $0.name, description: $0.description) },
            tracks: program.tracks.map(views.trackView), grid: ScheduleGrid.make(program.tracks), goodFit: program.goodFit,
            notAFit: program.notAFit, insurance: program.insurance)
        return PrintDocument(kind: .brochure, slug: program.slug, source: program.file, template: "brochure",
                             context: PrintContext(site: siteView, print: frame, root: PrintPlanner.root,
                                                   content: AnyTemplateValue(content)),
                             inputs: [program.file])
    }
}
