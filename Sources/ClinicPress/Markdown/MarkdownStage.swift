/// Stage 2: every Markdown body of the site rendered once, before any template runs, with the
/// headings, anchors and problems each one has. Later stages only look the results up.
public struct RenderedBodies: Sendable {
    /// Content file -> its body as it appears on its web page.
    public var web: [String: RenderedMarkdown]
    /// Bodies as printed: links absolute (paper has no relative links), ids prefixed where several
    /// documents share one packet.
    public var print: [PrintBodyKey: RenderedMarkdown]
    /// Content file -> its page path, as the links were resolved with (for the anchor check).
    public var contentPages: [String: String]

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

    var key: BuildCache.BodyKey { BuildCache.BodyKey(file: file, page: page, linkBase: linkBase, idPrefix: idPrefix) }
}

enum MarkdownStage {
    /// The page path of every published content file, and of files that failed to load (links to
    /// those are not reported a second time).
    /// In another language than the default, a translated entry's page is that language's, and a
    /// link to its source file goes there too; other entries' pages are the default language's.
    static func contentPages(_ content: SiteContent) -> [String: String] {
        var pages: [String: String] = [:]
        let prefix = content.edition.prefix
        for kind in content.kinds {
            for entry in content.entries.plain[kind.source.folder] ?? [] {
                guard let page = kind.pagePath(entry.slug) else { continue }
                if let source = content.translationSources[entry.file] {
                    pages[entry.file] = prefix + page
                    pages[source] = prefix + page
                } else if pages[entry.file] == nil {
                    pages[entry.file] = page
                }
            }
            for slug in content.unreadable[kind.source.folder] ?? [] {
                let file = "Content/\(kind.source.folder)/\(slug).md"
                if pages[file] == nil, let page = kind.pagePath(slug) { pages[file] = page }
            }
        }
        return pages
    }

    /// Renders every body on all cores. `print` adds the printed renditions.
    /// - Parameter cache: bodies rendered by the last build (`clinicpress serve`) are kept when
    ///   their text and the site's pages and assets are the same.
    static func render(_ content: SiteContent, baseURL: String, reservedIDs: Set<String>, print: Bool,
                       cache: BuildCache? = nil) -> RenderedBodies {
        let pages = contentPages(content)
        let environment = MarkdownEnvironment(
            contentPages: pages, sitePages: SitePaths.generatedPages(content.kinds).union(pages.values),
            assets: Set(content.assets), reservedIDs: reservedIDs, images: content.images, svgSizes: content.svgSizes,
            languagePrefix: content.edition.prefix, everyLanguagePages: content.edition.isDefault ? [] : SitePaths.generatedPages(content.kinds).subtracting(["404.html"]))
        let renderer = MarkdownRenderer(environment: environment)
        var jobs: [MarkdownJob] = []
        for kind in content.kinds { jobs += self.jobs(kind, content, baseURL: baseURL, print: print) }
        let cached = cache?.bodies(for: environment) ?? [:]
        let results = ParallelMap.map(jobs) { job -> RenderedMarkdown in
            if let hit = cached[job.key], hit.firstLine == job.source.firstLine, hit.source == job.source.text { return hit.result }
            return renderer.render(job.source, file: job.file, page: job.page, linkBase: job.linkBase, idPrefix: job.idPrefix)
        }
        if let cache {
            var fresh: [BuildCache.BodyKey: (source: String, firstLine: Int, result: RenderedMarkdown)] = [:]
            for (job, result) in zip(jobs, results) { fresh[job.key] = (job.source.text, job.source.firstLine, result) }
            cache.storeBodies(fresh, environment: environment)
        }
        var bodies = RenderedBodies(web: [:], print: [:], contentPages: pages)
        for (job, result) in zip(jobs, results) {
            if job.linkBase == nil {
                bodies.web[job.file] = result
            } else {
                bodies.print[PrintBodyKey(file: job.file, idPrefix: job.idPrefix)] = result
            }
        }
        return bodies
    }

    /// A kind's bodies: on its web pages, and in its printed documents.
    /// In another language than the default, only translated entries have pages and print documents.
    static func jobs<K: ContentKind>(_ kind: K.Type, _ content: SiteContent, baseURL: String, print: Bool) -> [MarkdownJob] {
        var jobs: [MarkdownJob] = []
        let prefix = content.edition.prefix
        for entry in content.entries(kind) where prefix.isEmpty || content.translationSources[entry.file] != nil {
            if let page = K.pagePath(entry.slug) {
                jobs.append(MarkdownJob(source: entry.body, file: entry.file, page: prefix + page, linkBase: nil, idPrefix: ""))
            }
            guard print else { continue }
            for body in K.printBodies(entry, content: content) {
                // `print/handouts/` is `print/es/handouts/` in Spanish.
                let page = prefix.isEmpty ? body.page : "print/" + prefix + body.page.dropFirst("print/".count)
                jobs.append(MarkdownJob(source: body.source, file: body.file, page: page, linkBase: baseURL,
                                        idPrefix: body.idPrefix))
            }
        }
        return jobs
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
