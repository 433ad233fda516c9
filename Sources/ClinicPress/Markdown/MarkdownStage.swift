/// Stage 2: every Markdown body of the site rendered once, before any template runs, with the
/// headings, anchors and problems each one has. Later stages only look the results up.
public struct RenderedBodies: Sendable {
    /// Content file -> its body as it appears on its web page.
    public var web: [String: RenderedMarkdown]
    /// Bodies as printed: links absolute (paper has no relative links), ids prefixed where several
    /// documents share one packet.
    public var print: [PrintBodyKey: RenderedMarkdown]

    public func web(_ file: String) -> RenderedMarkdown {
        web[file] ?? RenderedMarkdown(html: "", headings: [], anchorReferences: [], diagnostics: [])
    }

    public func print(_ file: String, idPrefix: String) -> RenderedMarkdown {
        print[PrintBodyKey(file: file, idPrefix: idPrefix)]
            ?? RenderedMarkdown(html: "", headings: [], anchorReferences: [], diagnostics: [])
    }

    /// What rendering found: broken links, images without alt text ... (web renditions only, so
    /// each problem is reported once).
    public var diagnostics: [Diagnostic] { web.keys.sorted().flatMap { web[$0]!.diagnostics } }
}

public struct PrintBodyKey: Hashable, Sendable {
    public var file: String
    public var idPrefix: String
}

/// One body to render: which file, where its HTML goes, and how links are written.
struct MarkdownJob: Sendable {
    var source: MarkdownSource
    var file: String
    var page: String
    var linkBase: String?
    var idPrefix: String
}

enum MarkdownStage {
    /// The page path of every published content file, and of files that failed to load (links to
    /// those are not reported a second time).
    static func contentPages(_ content: SiteContent) -> [String: String] {
        var pages: [String: String] = [:]
        for p in content.programs { pages[p.file] = SitePaths.program(p.slug) }
        for a in content.articles { pages[a.file] = SitePaths.article(a.slug) }
        for w in content.workshops { pages[w.file] = SitePaths.workshop(w.slug) }
        for p in content.pages { pages[p.file] = SitePaths.page(p.slug) }
        for (folder, slugs) in content.unreadable {
            for slug in slugs {
                let file = "Content/\(folder)/\(slug).md"
                if pages[file] == nil, let page = SitePaths.forContentFile(file) { pages[file] = page }
            }
        }
        return pages
    }

    /// Renders every body on all cores. `print` adds the printed renditions.
    static func render(_ content: SiteContent, baseURL: String, reservedIDs: Set<String>, print: Bool) -> RenderedBodies {
        let pages = contentPages(content)
        let renderer = MarkdownRenderer(environment: MarkdownEnvironment(
            contentPages: pages, sitePages: SitePaths.generatedPages.union(pages.values),
            assets: Set(content.assets), reservedIDs: reservedIDs))

        var webJobs: [MarkdownJob] = []
        for p in content.programs { webJobs.append(MarkdownJob(source: p.body, file: p.file, page: SitePaths.program(p.slug), idPrefix: "")) }
        for a in content.articles { webJobs.append(MarkdownJob(source: a.body, file: a.file, page: SitePaths.article(a.slug), idPrefix: "")) }
        for w in content.workshops { webJobs.append(MarkdownJob(source: w.body, file: w.file, page: SitePaths.workshop(w.slug), idPrefix: "")) }
        for p in content.pages { webJobs.append(MarkdownJob(source: p.body, file: p.file, page: SitePaths.page(p.slug), idPrefix: "")) }

        var printJobs: [MarkdownJob] = []
        if print {
            for a in content.articles where a.handout {
                printJobs.append(MarkdownJob(source: a.body, file: a.file, page: "print/handouts/", linkBase: baseURL, idPrefix: ""))
            }
            let articles = Dictionary(content.articles.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
            for series in content.workshops {
                printJobs.append(MarkdownJob(source: series.body, file: series.file, page: "print/workshops/",
                                             linkBase: baseURL, idPrefix: PrintIDs.intro))
                for (index, session) in series.sessions.enumerated() {
                    for reference in session.handouts {
                        guard let article = articles[reference.slug] else { continue }
                        printJobs.append(MarkdownJob(source: article.body, file: article.file, page: "print/workshops/",
                                                     linkBase: baseURL, idPrefix: PrintIDs.packetHandout(session: index, slug: article.slug)))
                    }
                }
            }
        }
        let jobs = webJobs + printJobs
        let results = ParallelMap.map(jobs) { job in
            renderer.render(job.source, file: job.file, page: job.page, linkBase: job.linkBase, idPrefix: job.idPrefix)
        }
        var bodies = RenderedBodies(web: [:], print: [:])
        for (job, result) in zip(jobs, results) {
            if job.linkBase == nil {
                bodies.web[job.file] = result
            } else {
                bodies.print[PrintBodyKey(file: job.file, idPrefix: job.idPrefix)] = result
            }
        }
        return bodies
    }
}

/// Id prefixes that keep headings unique inside a workshop packet, which prints several bodies.
enum PrintIDs {
    static let intro = "intro-"
    /// The id of a printed handout's own element (`<article id="handout">`).
    static let handout = "handout"
    static let reserved: Set<String> = [handout]
    static func packetHandout(session index: Int, slug: String) -> String { "s\(index + 1)-\(slug)-" }
}
