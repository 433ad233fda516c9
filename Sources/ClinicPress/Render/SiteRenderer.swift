import Dispatch
import Foundation

/// Renders every page of a validated site with the theme, in parallel, into memory.
struct SiteRenderer {
    let site: Site
    let theme: Theme
    let contentDirectory: URL
    /// Paper for print documents; nil makes none (`--no-print`).
    var paper: Paper?
    var printLinks: PrintLinks = .none

    struct Rendered {
        var files: [OutputFile]
        var pageCount: Int
        var diagnostics: [Diagnostic]
        /// Print HTML files to turn into PDFs, with the content file each came from.
        var printDocuments: [PrintDocument]
    }

    func render() -> Rendered {
        let views = ViewBuilder(site: site)
        let siteView = views.siteView
        let plans = PagePlanner(site: site, printLinks: printLinks).plans()
        let crisisHTML = theme.render(CrisisBlockContext(site: siteView), template: "crisis-block")
        let markdown = MarkdownRenderer(environment: MarkdownEnvironment(
            contentPages: contentPageMap(), sitePages: Set(plans.map(\.path)), assets: site.assets, crisisHTML: crisisHTML))
        let nav = navigation()
        let footerNav = footerNavigation()

        // Each page is independent, so pages render on all cores; results keep the plan order.
        let results = ParallelMap.map(plans) { plan -> (OutputFile, RenderedMarkdown?) in
            let body = plan.makeContent(markdown)
            let isNotFound = plan.path == "404.html"
            let frame = PageFrame(
                site: siteView,
                page: PageMeta(title: plan.title, description: plan.description,
                               canonicalURL: site.baseURL + plan.path, path: plan.path,
                               jsonLD: JSONValue.scriptJSON(plan.jsonLD), isHome: plan.path.isEmpty,
                               breadcrumbs: plan.breadcrumbs),
                nav: nav.map {
                    LinkView(title: $0.title, path: $0.path, current: Self.isCurrent($0.path, plan.path), exact: $0.path == plan.path)
                },
                footerNav: footerNav,
                // The 404 page is served at any address, so its links are absolute.
                root: isNotFound ? site.baseURL : RelativeURL.root(from: plan.path))
            let html = theme.render(body.context(frame), template: plan.template)
            return (OutputFile(path: plan.outputPath, text: html), body.markdown)
        }

        var diagnostics = results.flatMap { $0.1?.diagnostics ?? [] }
        diagnostics += anchorDiagnostics(plans: plans, markdown: results.map(\.1))

        var files = results.map(\.0)
        let documents = paper.map { PrintPlanner(site: site, paper: $0).documents() } ?? []
        files += ParallelMap.map(documents) { [theme] document in
            OutputFile(path: document.htmlPath, text: theme.render(document.makeContext(markdown), template: document.template))
        }
        files += supportFiles(pagePaths: plans.map(\.path).filter { $0 != "404.html" }, diagnostics: &diagnostics)

        // One path, one file: a theme file or a page must never silently replace another.
        var seen: Set<String> = []
        for file in files where !seen.insert(file.path).inserted {
            diagnostics.append(.error(file.path, "two different things would be written to \(file.path)",
                                      hint: "rename the content file or the Templates/ file that produces it"))
        }
        return Rendered(files: files, pageCount: plans.count, diagnostics: diagnostics, printDocuments: documents)
    }

    /// Content file -> page path, for links between content files.
    func contentPageMap() -> [String: String] {
        var pages: [String: String] = [:]
        for p in site.programs { pages[p.file] = SitePaths.program(p.slug) }
        for a in site.articles { pages[a.file] = SitePaths.article(a.slug) }
        for w in site.workshops { pages[w.file] = SitePaths.workshop(w.slug) }
        for p in site.pages { pages[p.file] = SitePaths.page(p.slug) }
        // Links to files that failed to load are not reported a second time.
        for (folder, slugs) in site.unreadable {
            for slug in slugs {
                let file = "Content/\(folder)/\(slug).md"
                if pages[file] == nil, let page = SitePaths.forContentFile(file) { pages[file] = page }
            }
        }
        return pages
    }

    /// Links to `#anchor` on a page must name one of its headings. Pages whose file failed to load
    /// have no headings here; their own errors were reported already.
    func anchorDiagnostics(plans: [PagePlan], markdown: [RenderedMarkdown?]) -> [Diagnostic] {
        var headingIDs: [String: Set<String>] = [:]
        for (plan, rendered) in zip(plans, markdown) {
            if let rendered { headingIDs[plan.path] = Set(rendered.headings.map(\.id)) }
        }
        var diagnostics: [Diagnostic] = []
        for reference in markdown.flatMap({ $0?.anchorReferences ?? [] }) {
            guard let ids = headingIDs[reference.page], !ids.contains(reference.anchor),
                  !MarkdownRenderer.reservedIDs.contains(reference.anchor) else { continue }
            diagnostics.append(.error(reference.file, reference.position,
                                      "the link points to '#\(reference.anchor)' on \(reference.page), but that page has no such heading",
                                      hint: Suggestion.hint(for: reference.anchor, in: Array(ids))
                                          ?? "use the heading text in lowercase with hyphens, such as #what-to-expect"))
        }
        return diagnostics
    }

    /// Everything besides the pages: sitemap, robots.txt, the calendar, theme files and assets.
    func supportFiles(pagePaths: [String], diagnostics: inout [Diagnostic]) -> [OutputFile] {
        var files: [OutputFile] = []
        files.append(OutputFile(path: "sitemap.xml", text: Sitemap.xml(baseURL: site.baseURL, pagePaths: pagePaths)))
        files.append(OutputFile(path: "robots.txt", text: Sitemap.robots(baseURL: site.baseURL)))
        if !site.workshops.isEmpty {
            files.append(OutputFile(path: "workshops.ics", text: ICalendar(site: site).render()))
        }
        for (path, data) in theme.staticFiles.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: path, contents: data))
        }
        for asset in site.assets.sorted() {
            let url = contentDirectory.appendingPathComponent("assets").appendingPathComponent(asset)
            do {
                files.append(OutputFile(path: "assets/" + asset, contents: try Data(contentsOf: url)))
            } catch {
                diagnostics.append(.error("Content/assets/" + asset, "this file cannot be read: \(error.localizedDescription)"))
            }
        }
        return files
    }

    static func isCurrent(_ link: String, _ page: String) -> Bool {
        !link.isEmpty && page.hasPrefix(link)
    }

    func navigation() -> [LinkView] {
        var links = [LinkView(title: "Programs", path: "programs/", current: false),
                     LinkView(title: "Levels of care", path: "levels-of-care/", current: false),
                     LinkView(title: "Learning library", path: "education/", current: false)]
        if !site.workshops.isEmpty { links.append(LinkView(title: "Workshops", path: "workshops/", current: false)) }
        if !site.team.isEmpty { links.append(LinkView(title: "Team", path: "team/", current: false)) }
        links += site.pages.filter(\.menu).map { LinkView(title: $0.title, path: SitePaths.page($0.slug), current: false) }
        return links
    }

    func footerNavigation() -> [LinkView] {
        site.pages.map { LinkView(title: $0.title, path: SitePaths.page($0.slug), current: false) }
    }
}

/// What the `crisis-block` partial receives (the ```crisis block in Markdown).
struct CrisisBlockContext: Sendable {
    var site: SiteView
}

enum ParallelMap {
    /// `map` on all cores, keeping the order of the input.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        // Found by the fuzzer's leak checker: the results must be deinitialized, not only freed.
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        let buffer = SendableBuffer(pointer: results)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            buffer.pointer[index] = transform(items[index])
        }
        return results.map { $0! }
    }

    /// Each iteration writes its own slot, so sharing the buffer across threads is safe.
    struct SendableBuffer<R>: @unchecked Sendable {
        let pointer: UnsafeMutableBufferPointer<R?>
    }
}
