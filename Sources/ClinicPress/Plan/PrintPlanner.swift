/// The printed documents of a site: a handout per article, a packet per workshop series and a
/// brochure per program. Each is an HTML file that WeasyPrint turns into a PDF beside it.
public struct PrintDocument: Sendable, Hashable {
    /// Its layout: a brochure's fixed panels are checked for text that does not fit.
    public enum Kind: String, Sendable { case handout, packet, brochure }
    public var kind: Kind
    public var slug: String
    /// `print/<folder>/<slug>.pdf`
    public var folder: String
    /// The content file it comes from, for diagnostics.
    public var source: String
    public var template: String
    public var context: PrintContext
    /// Content files it shows.
    public var inputs: [String]
    public var htmlPath: String { "print/\(folder)/\(slug).html" }
    public var pdfPath: String { "print/\(folder)/\(slug).pdf" }
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

    /// From `print/<folder>/` (or `print/es/<folder>/`) to the site root.
    var root: String { site.edition.isDefault ? "../../" : "../../../" }

    /// Every kind's printed documents.
    func documents() -> [PrintDocument] {
        site.kinds.flatMap { $0.printDocuments(self) }
    }

    var crisisLine: String {
        guard let first = site.settings.crisis.first else { return "" }
        // "HOME to 741741" with a keyword, else the number alone.
        let text = first.text.map { line in
            line.keyword.map { "\($0) \(site.strings[StringKeys.crisisTextTo]) \(line.number)" } ?? line.number
        }
        let values = ["name": views.crisisName(first), "phone": first.phone?.written ?? "", "text": text ?? "", "url": first.url ?? ""]
        // "call or text 988" only when the text goes to the number called, without a keyword.
        let sameNumber = first.text.map { $0.keyword == nil && $0.digits == first.phone?.digits } ?? false
        let key = first.phone.map { _ in sameNumber ? StringKeys.crisisCallOrText : StringKeys.crisisCall }
            ?? (first.text != nil ? StringKeys.crisisText : StringKeys.crisisWeb)
        return site.strings.fill(key, values)
    }

    func frame(title: String, description: String, url: String, created: CalendarDate) -> PrintFrame {
        PrintFrame(
            paperSize: paper == .a4 ? "A4" : "letter", paper: paper.rawValue, title: title, description: description,
            onlineURL: url, qrSVG: qrSVG(url), crisisLine: crisisLine,
            created: created.iso)
    }

    func handoutView(_ article: EducationArticle, idPrefix: String) -> HandoutView {
        let url = site.baseURL + site.articlePath(article.slug)
        let body = bodies.print(article.file, idPrefix: idPrefix)
        let reviewed = views.format.date(article.reviewed)
        return HandoutView(
            id: idPrefix + PrintIDs.handout, slug: article.slug, title: article.title, summary: article.summary,
            audience: views.format.readers(article.audience), reviewedBy: article.reviewedBy, reviewed: reviewed,
            reviewedISO: article.reviewed.iso,
            reviewLine: site.strings.fill(StringKeys.reviewLine, ["name": article.reviewedBy, "date": reviewed]),
            sources: article.sources, bodyHTML: body.html, onlineURL: url, qrSVG: qrSVG(url),
            image: views.picture(article.image, alt: article.imageAlt ?? ""))
    }

    /// The QR code opening `url`, titled for screen readers.
    func qrSVG(_ url: String) -> String {
        QRCode.svg(for: url, label: site.strings.fill(StringKeys.qrLabel, ["url": url])) ?? ""
    }

    func context(_ frame: PrintFrame, _ content: AnyTemplateValue) -> PrintContext {
        PrintContext(site: siteView, print: frame, root: root, content: content, strings: StringsView(site.strings))
    }
}
