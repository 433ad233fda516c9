import Foundation

/// Stage 4: every file a build writes, as a value: its path, what makes it, and the content
/// files it was made from. Two plans compare cheaply, so a rebuild can tell what changed.
public struct OutputPlan: Sendable, Equatable {
    public var outputs: [PlannedOutput]
    public var pageCount: Int
    /// Print documents that become PDFs, with the content file each came from.
    public var printDocuments: [PrintDocument]
    /// What the `crisis-block` partial gets, for the ```crisis blocks in bodies.
    var crisisBlock: CrisisBlockContext
}

public struct PlannedOutput: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// A web page: a page template and its context.
        case page(template: String, context: PageContext)
        /// A print document's HTML, which WeasyPrint may turn into a PDF.
        case printDocument(template: String, context: PrintContext)
        /// Text made by the planner itself (sitemap, robots.txt, the calendar).
        case text(String)
        /// A file of the theme copied as it is (`theme/site.css`).
        case themeFile(String)
        /// A file of `Content/assets/` copied as it is (never a raster picture: see `image`).
        case asset(String)
        /// One rendition of a raster picture of `Content/assets/`, encoded by libvips (`ImageEncoder`);
        /// `sha256` is the picture's, so an edited picture is never taken for the last one.
        case image(ImageRendition, sha256: String)
    }

    /// Path inside the output folder.
    public var path: String
    public var source: Source
    /// Content files this output shows (site.yml and the theme count for every output).
    public var inputs: [String]
}

/// Builds the whole plan from the checked site and its rendered bodies.
struct OutputPlanner {
    let site: Site
    let bodies: RenderedBodies
    let theme: Theme
    /// Paper for print documents; nil makes none (`--no-print`).
    var paper: Paper?
    var printLinks: PrintLinks

    func plan() -> OutputPlan {
        let pages = pagePlans()
        return plan(pages: pages, alternates: .single(baseURL: site.baseURL, edition: site.edition),
                    sitemap: pages.map(\.path))
    }

    /// The web pages of this language: in a language other than the default, only those of
    /// translated entries and the build's own lists (the others link the default language's pages).
    func pagePlans() -> [PagePlan] {
        let pages = PagePlanner(site: site, bodies: bodies, printLinks: printLinks).plans()
        guard !site.edition.isDefault else { return pages }
        return pages.filter { $0.path.hasPrefix(site.edition.prefix) }
    }

    /// Every output of this language's pages; the default language's plan also has the files the
    /// site has once (sitemap of `sitemap` pages, robots.txt, calendar, theme, pictures).
    func plan(pages: [PagePlan], alternates: PageAlternates, sitemap: [String]) -> OutputPlan {
        let maker = PageOutputMaker(self, alternates: alternates)
        var outputs: [PlannedOutput] = ParallelMap.map(pages) { maker.output($0) }
        let documents = (paper.map { PrintPlanner(site: site, bodies: bodies, paper: $0).documents() } ?? [])
            .filter { site.edition.isDefault || site.translationFiles.contains($0.source) }
        outputs += documents.map {
            PlannedOutput(path: $0.htmlPath, source: .printDocument(template: $0.template, context: $0.context), inputs: $0.inputs)
        }
        let crisisBlock = CrisisBlockContext(site: maker.siteView, strings: maker.strings)
        // Each language has its feed of the articles and notices in it.
        outputs.append(feedOutput())
        guard site.edition.isDefault else {
            return OutputPlan(outputs: outputs, pageCount: pages.count, printDocuments: documents, crisisBlock: crisisBlock)
        }
        let pagePaths = sitemap.filter { $0 != "404.html" }
        outputs.append(PlannedOutput(path: "sitemap.xml", source: .text(Sitemap.xml(baseURL: site.baseURL, pagePaths: pagePaths,
                                                                                   alternates: alternates)), inputs: []))
        outputs.append(PlannedOutput(path: "robots.txt", source: .text(Sitemap.robots(baseURL: site.baseURL)), inputs: []))
        if !site.workshops.isEmpty {
            outputs.append(PlannedOutput(path: "workshops.ics", source: .text(ICalendar(site: site).render()),
                                         inputs: site.workshops.map(\.file)))
        }
        for path in theme.staticFiles.keys.sorted() {
            outputs.append(PlannedOutput(path: path, source: .themeFile(path), inputs: []))
        }
        // Raster pictures are published only as renditions: the originals may carry GPS positions.
        for asset in site.assets.sorted() where !RasterImages.isRaster(asset) {
            outputs.append(PlannedOutput(path: "assets/" + asset, source: .asset(asset), inputs: ["Content/assets/" + asset]))
        }
        var renditionKeys: [(path: String, key: String)] = []
        for asset in site.images.images.keys.sorted() {
            let picture = site.images.images[asset]!
            for rendition in picture.renditions {
                outputs.append(PlannedOutput(path: rendition.path, source: .image(rendition, sha256: picture.sha256),
                                             inputs: ["Content/assets/" + asset]))
                renditionKeys.append((rendition.path, ImageCache.key(rendition, sha256: picture.sha256)))
            }
        }
        if !renditionKeys.isEmpty {
            outputs.append(PlannedOutput(path: ImageCache.manifestName, source: .text(ImageCache.manifest(renditionKeys)), inputs: []))
        }
        return OutputPlan(outputs: outputs, pageCount: pages.count, printDocuments: documents, crisisBlock: crisisBlock)
    }

    /// What every page's context shares, made once; `output` adds one page's own part.
    struct PageOutputMaker: Sendable {
        let siteView: SiteView
        let nav: [LinkView]
        let footerNav: [LinkView]
        let baseURL: String
        let strings: StringsView
        let alternates: PageAlternates
        /// The home page of this language (`` or `es/`).
        let homePath: String
        let sharing: Sharing

        init(_ planner: OutputPlanner, alternates: PageAlternates? = nil) {
            homePath = planner.site.edition.prefix
            self.alternates = alternates ?? .single(baseURL: planner.site.baseURL, edition: planner.site.edition)
            siteView = ViewBuilder(site: planner.site).siteView
            nav = planner.navigation()
            footerNav = planner.footerNavigation()
            baseURL = planner.site.baseURL
            strings = StringsView(planner.site.strings)
            sharing = Sharing(site: planner.site, language: planner.site.edition.language)
        }

        func output(_ plan: PagePlan) -> PlannedOutput {
            let isNotFound = plan.path == "404.html"
            let context = PageContext(
                site: siteView,
                page: PageMeta(title: plan.title, description: plan.description, canonicalURL: baseURL + plan.path,
                               path: plan.path, jsonLD: JSONValue.scriptJSON(plan.jsonLD), isHome: plan.path == homePath,
                               breadcrumbs: plan.breadcrumbs, isDraft: plan.isDraft,
                               alternates: alternates.alternates(of: plan.path), languages: alternates.switcher(for: plan.path),
                               searchable: plan.searchable && siteView.searchPath != nil,
                               locale: sharing.locale, localeAlternates: sharing.localeAlternates,
                               shareImage: sharing.image(plan), twitterCard: sharing.twitterCard(plan)),
                nav: nav.map {
                    LinkView(title: $0.title, path: $0.path, current: OutputPlanner.isCurrent($0.path, plan.path), exact: $0.path == plan.path,
                             lang: $0.lang)
                },
                footerNav: footerNav,
                // The 404 page is served at any address, so its links start at the site's path
                // (`/` or `/clinic/`): they work on the real host, on a staging host and locally.
                root: isNotFound ? OutputPlanner.rootPath(of: baseURL) : RelativeURL.root(from: plan.path),
                content: plan.content, strings: strings)
            return PlannedOutput(path: plan.outputPath, source: .page(template: plan.template, context: context), inputs: plan.inputs)
        }
    }

    /// This language's feed (`feed.xml`, `es/feed.xml`).
    func feedOutput() -> PlannedOutput {
        let language = site.edition.isDefault ? nil : site.edition.language
        return PlannedOutput(path: AtomFeed.path(language: language),
                             source: .text(AtomFeed(site: site, bodies: bodies, language: language).render()),
                             inputs: site.articles.map(\.file) + site.notices.map(\.file))
    }

    /// `/clinic/` for `https://example.org/clinic/` (the address is normalised: it ends with `/`).
    static func rootPath(of baseURL: String) -> String {
        guard let scheme = baseURL.range(of: "://"),
              let slash = baseURL[scheme.upperBound...].firstIndex(of: "/") else { return "/" }
        return String(baseURL[slash...])
    }

    static func isCurrent(_ link: String, _ page: String) -> Bool {
        !link.isEmpty && page.hasPrefix(link)
    }

    /// Each kind's links, in the order of the site's kinds.
    func navigation() -> [LinkView] {
        site.kinds.flatMap { $0.navigation(site) }
            + (site.search ? [LinkView(title: site.strings[StringKeys.navSearch], path: site.local(SearchPage.path), current: false)] : [])
    }

    func footerNavigation() -> [LinkView] {
        site.pages.map { site.link(PageKind.self, $0.slug, title: $0.title) }
    }
}
