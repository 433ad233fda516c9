import Foundation

/// What to do about PDFs: make them when WeasyPrint is there, insist on it, or make none.
public enum PDFMode: String, Sendable, CaseIterable {
    case auto, require, off
}

public struct BuildOptions: Sendable {
    public var siteDirectory: URL
    /// Render cacheable partials once per distinct value (off only to test that it changes nothing).
    var cacheFragments = true
    /// The kinds of content a site is made of (tests add their own to show a kind is only a descriptor).
    var kinds: [any ContentKind.Type] = ContentKinds.all
    public var outputDirectory: URL
    /// Overrides `url` in site.yml (for staging copies of a site).
    public var baseURL: String?
    public var includeDrafts: Bool
    /// The moment of the build; workshop sessions before its day are past.
    public var now: Date
    /// `--date`: the day the build takes as today, whatever `now` is (notices, past sessions).
    public var buildDay: CalendarDate?
    /// Make handouts, packets and brochures (`--no-print` turns this off).
    public var print: Bool
    /// Overrides `paper` in site.yml.
    public var paper: Paper?
    public var pdf: PDFMode
    /// Site search: index the site with Pagefind when it is installed, insist on it, or make none.
    public var search: SearchMode = .auto
    /// How many PDFs render at once.
    public var pdfJobs: Int
    /// Ignore the previous output: render every PDF (`--fresh`). Otherwise unchanged PDFs are reused (PDFCache).
    public var fresh = false
    /// What the last build of the same site left (`clinicpress serve`): unchanged files are not
    /// read again, unchanged bodies not rendered again, outputs planned exactly as before keep
    /// their bytes. Nil for a build from the files alone.
    public var cache: BuildCache?
    /// Called as PDFs finish: (done, to render, PDF path).
    public var pdfProgress: (@Sendable (Int, Int, String) -> Void)?

    public init(siteDirectory: URL, outputDirectory: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
                now: Date = BuildOptions.defaultNow(), print: Bool = true, paper: Paper? = nil, pdf: PDFMode = .auto,
                pdfJobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.outputDirectory = (outputDirectory ?? siteDirectory.appendingPathComponent("Output")).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.now = now
        self.print = print
        self.paper = paper
        self.pdf = pdf
        self.pdfJobs = max(1, min(pdfJobs, 8))
    }

    /// `SOURCE_DATE_EPOCH` when set (reproducible builds), otherwise the clock. A value that is
    /// not one (`SourceDateEpoch`) is refused by the command as a usage error before it gets here.
    public static func defaultNow() -> Date {
        if case .success(let date?) = SourceDateEpoch.environment { return date }
        return Date()
    }
}

public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var files: [OutputFile]
    public var pageCount: Int
    /// What the build planned to write (nil when loading failed).
    public var plan: OutputPlan?
    /// PDFs to render from print HTML files once they are written.
    var pdfJobs: [PDFEngine.Job] = []
    var brochureSources: [String: (program: String, file: String)] = [:]
    /// PDF path -> the content file it prints, so a PDF that fails names the file behind it.
    var printSources: [String: String] = [:]
    var engine: PDFEngine?
    /// Pagefind, when this build has search: it indexes the written site before it takes the output's place.
    public var searchEngine: SearchEngine?
    public var pdfCount: Int { pdfJobs.count }
    /// Of the PDFs: how many were rendered by this build, and how many were unchanged and reused.
    public var pdfRendered = 0
    public var pdfReused = 0
    /// The plan was the last build's with the pages of changed bodies planned again (`clinicpress serve`).
    var planWasIncremental = false
    /// Outputs kept from the last build (`BuildOptions.cache`) instead of rendered again.
    public var reusedCount = 0
    var pdfPaper = ""
    /// The output folder could not be used (it is a file, or cannot be written): not a content error.
    public var outputFailed = false
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The whole pipeline: files -> content model -> validated site -> rendered pages -> output folder.
/// Everything happens in memory first; the output folder changes only when nothing failed.
public enum SiteBuilder {
    /// Loads, checks and renders the site without writing anything (`clinicpress check` uses this).
    /// The stages run in order, each handing a value to the next: load, markdown, check, plan, render.
    public static func generate(_ options: BuildOptions) -> BuildReport {
        let report = DiagnosticCollector()
        var clock = StageClock()
        // The command refuses such an address as a usage error; a library caller gets an error too,
        // never the address of site.yml in its place.
        if let text = options.baseURL, case .failure(let problem) = SiteAddress.parse(text) {
            report.add(.error("--base-url", "'\(text)' cannot be the site's address: \(problem.message)", hint: problem.hint()))
        }
        // 1. load
        var loader = ContentLoader(siteDirectory: options.siteDirectory, includeDrafts: options.includeDrafts, kinds: options.kinds,
                                   report: report)
        loader.cache = options.cache
        let content = loader.load()
        let theme = Theme.load(siteDirectory: options.siteDirectory, kinds: options.kinds, report: report)
        let strings = ThemeStrings.load(siteDirectory: options.siteDirectory,
                                        language: content?.settings.language ?? ThemeStrings.defaultLanguage, report: report)
        // The template check belongs to stage 3 but runs here, so a theme's problems are reported
        // even when the content is too broken to go on.
        let stringsShape = StringsView.shape(keys: strings.values.keys)
        if let theme { report.add(contentsOf: TemplateCheck(theme: theme).check(roots: TemplateRoots.all(strings: stringsShape, kinds: options.kinds))) }
        guard let content, let theme else {
            return BuildReport(diagnostics: report.all.sortedForReport(), files: [], pageCount: 0)
        }
        let baseURL = normalizedBaseURL(options.baseURL) ?? content.settings.url
        let paper = options.print ? (options.paper ?? content.settings.paper) : nil

        clock.lap("load")
        // 2. markdown: every body once, before any template runs.
        let bodies = MarkdownStage.render(content, baseURL: baseURL, reservedIDs: theme.reservedIDs, print: paper != nil,
                                          cache: options.cache)
        report.add(contentsOf: bodies.diagnostics)

        clock.lap("markdown")
        // 3. check: references, anchors, schedules, template variables.
        var site = SiteValidator(report: report, reservedIDs: theme.reservedIDs).validate(
            content, buildDate: options.buildDay ?? CalendarDate(options.now, in: content.settings.timeZone), baseURL: baseURL)
        site.strings = strings
        site.customStylesheet = theme.staticFiles[ThemeFiles.customStylesheetOutput] != nil
        site.edition = content.edition
        report.add(contentsOf: AnchorCheck.check(bodies, reservedIDs: theme.reservedIDs))
        // Which partials render the same on many pages, read from the templates, for the render stage.
        let cacheable = !options.cacheFragments ? [] : FragmentAnalysis.cacheablePartials(
            texts: theme.texts, pageRoots: TemplateRoots.pages(strings: stringsShape, kinds: options.kinds), strings: stringsShape)

        var engine: PDFEngine?
        var links = PrintLinks.none
        if options.print {
            links = .html
            if options.pdf != .off {
                engine = PDFEngine.locate()
                if engine != nil {
                    links = .pdf
                } else {
                    let message = "WeasyPrint was not found, so no PDFs are made: the print documents are HTML only, and the website links those"
                    let hint = "install it with: \(PDFEngine.installCommand()), or set CLINICPRESS_HOME to the ClinicPress folder where 'make site' ran"
                    report.add(options.pdf == .require ? .error("print", message, hint: hint) : .warning("print", message, hint: hint))
                }
            }
        }
        var searchEngine: SearchEngine?
        if options.search != .off {
            searchEngine = SearchEngine.locate()
            if searchEngine == nil {
                let message = "Pagefind was not found, so the site has no search: no search page, and no link to one"
                let hint = "install it with: \(PDFEngine.installCommand()) (it installs Pagefind beside WeasyPrint), set CLINICPRESS_PAGEFIND to a pagefind program, or build with --search off"
                report.add(options.search == .require ? .error("search", message, hint: hint) : .warning("search", message, hint: hint))
            }
        }
        site.search = searchEngine != nil
        clock.lap("check")
        // 4. plan
        let planner = OutputPlanner(site: site, bodies: bodies, theme: theme, paper: paper, printLinks: links)
        // `clinicpress serve`, after edits of bodies alone: the last plan with the pages and print
        // documents that show those bodies planned again. Otherwise (and always for `build`) all.
        let planInputs = PlanInputs(buildDate: site.buildDate, baseURL: baseURL, paper: paper, printLinks: links)
        let changes = content.changes
        let everyPage = ContentKinds.everyPageFolders(options.kinds).map { "Content/\($0)/" }
        let bodiesOnEveryPage = changes?.bodyOnly.contains { file in everyPage.contains { file.hasPrefix($0) } } ?? false
        // A site in several languages is planned whole each time: a body shows in more than one language's pages.
        let replanned = changes.flatMap { $0.structural || bodiesOnEveryPage || !content.translations.isEmpty ? nil : options.cache?.previousPlan(for: planInputs) }
            .flatMap { planner.replan($0, changedBodies: changes!.bodyOnly) }
        var plan: OutputPlan
        var languagePlans: [OutputPlan] = []
        if content.translations.isEmpty {
            plan = replanned?.plan ?? planner.plan()
        } else {
            // Every language's pages first, so each page can link its versions in the others.
            let languages = otherLanguages(content, defaultSite: site, options: options, baseURL: baseURL, theme: theme,
                                           paper: paper, links: links, report: report)
            let defaultPages = planner.pagePlans()
            var pages = [site.edition.language: Set(defaultPages.map(\.path))]
            var names = [site.edition.language: strings[StringKeys.selfName]]
            for language in languages {
                pages[language.site.edition.language] = Set(language.pages.map { site.edition.unprefixed($0.path) })
                names[language.site.edition.language] = language.site.strings[StringKeys.selfName]
            }
            let alternates = PageAlternates(baseURL: baseURL, edition: site.edition, pages: pages, names: names)
            let sitemap = defaultPages.map(\.path) + languages.flatMap { $0.pages.map(\.path) }
            plan = planner.plan(pages: defaultPages, alternates: alternates, sitemap: sitemap)
            languagePlans = languages.map {
                OutputPlanner(site: $0.site, bodies: $0.bodies, theme: theme, paper: paper, printLinks: links)
                    .plan(pages: $0.pages, alternates: alternates, sitemap: [])
            }
        }
        report.add(contentsOf: OutputPathLimits.check(plan, outputFolder: options.outputDirectory.path))
        for other in languagePlans { report.add(contentsOf: OutputPathLimits.check(other, outputFolder: options.outputDirectory.path)) }
        clock.lap("plan")
        // 5. render
        let renderer = Renderer(theme: theme, cacheablePartials: cacheable,
                                contentDirectory: options.siteDirectory.appendingPathComponent("Content"),
                                previousOutput: options.fresh ? nil : OutputWriter.followingLinks(options.outputDirectory))
        var rendered = renderer.render(plan, reusing: options.cache?.previousReport, replanned: replanned?.changed)
        // Each language renders with its own crisis block; the plans then become one.
        for other in languagePlans {
            let more = renderer.render(other, reusing: options.cache?.previousReport)
            rendered.files += more.files
            rendered.diagnostics += more.diagnostics
            rendered.reused += more.reused
            plan.outputs += other.outputs
            plan.pageCount += other.pageCount
            plan.printDocuments += other.printDocuments
        }
        report.add(contentsOf: rendered.diagnostics)
        clock.lap("render")
        var result = BuildReport(diagnostics: report.all.sortedForReport(), files: rendered.files, pageCount: plan.pageCount)
        result.plan = plan
        result.reusedCount = rendered.reused
        result.planWasIncremental = replanned != nil
        result.searchEngine = searchEngine
        if engine != nil {
            result.engine = engine
            result.pdfJobs = plan.printDocuments.map {
                PDFEngine.Job(html: $0.htmlPath, pdf: $0.pdfPath, checkPanels: $0.kind == .brochure)
            }
            for document in plan.printDocuments {
                result.printSources[document.pdfPath] = document.source
                if document.kind == .brochure { result.brochureSources[document.pdfPath] = (document.slug, document.source) }
            }
        }
        result.pdfPaper = (options.paper ?? content.settings.paper).rawValue
        if result.succeeded { options.cache?.setPrevious(result, planInputs: planInputs) }
        return result
    }

    /// Generates the site and, when it has no errors, replaces the output folder with it.
    /// PDFs are rendered inside the new folder before it takes the old one's place.
    public static func build(_ options: BuildOptions) -> BuildReport {
        var report = generate(options)
        guard report.succeeded else { return report }
        var clock = StageClock()
        defer { clock.lap("write") }
        var printDiagnostics: [Diagnostic] = []
        do {
            let writer = OutputWriter(siteDirectory: options.siteDirectory, outputDirectory: options.outputDirectory)
            try writer.replaceOutput(with: report.files) { staging in
                    // One Pagefind run indexes the whole new site, before it takes the output's place.
                    if let search = report.searchEngine {
                        do {
                            try search.index(site: staging)
                        } catch let failure as SearchEngine.Failure {
                            throw PrintFailure(diagnostics: [.error("search", "the site could not be indexed for search: \(failure.reason)",
                                                                    hint: "build with --search off to make the site without search")])
                        }
                    }
                    guard let engine = report.engine, !report.pdfJobs.isEmpty else { return }
                    let result = PDFCache.render(report.pdfJobs, engine: engine, staging: staging,
                                                 previous: options.fresh ? nil : writer.outputDirectory, paper: report.pdfPaper,
                                                 parallel: options.pdfJobs, progress: options.pdfProgress)
                    let outcome = result.outcome
                    (report.pdfRendered, report.pdfReused) = (result.rendered, result.reused)
                    if !outcome.failures.isEmpty {
                        throw PrintFailure(diagnostics: printFailures(outcome.failures, sources: report.printSources))
                    }
                    printDiagnostics = overflowWarnings(outcome, sources: report.brochureSources)
                }
        } catch let error as PrintFailure {
            report.diagnostics += error.diagnostics
        } catch let error as OutputWriter.Failure {
            report.outputFailed = true
            report.diagnostics.append(.error(options.outputDirectory.path, error.message, hint: error.hint))
        } catch {
            report.outputFailed = true
            report.diagnostics.append(.error(options.outputDirectory.path, "the output folder could not be written: \(error.localizedDescription)"))
        }
        report.diagnostics = (report.diagnostics + printDiagnostics).sortedForReport()
        return report
    }

    struct PrintFailure: Error {
        var diagnostics: [Diagnostic]
    }

    /// One error per PDF that was not made, on the content file it prints (a Python exception such as
    /// a RecursionError is named by its type and message, never shown as a traceback).
    static func printFailures(_ failures: [PDFEngine.Failure], sources: [String: String]) -> [Diagnostic] {
        failures.map { failure in
            guard let pdf = failure.pdf else {
                return .error("print", "the PDFs could not be made: \(failure.reason)",
                              hint: "check the print templates; run with --pdf off to build the website without PDFs")
            }
            let hint = failure.reason.contains("refused to load")
                ? "a printed document may load only files inside the output folder: pictures from Content/assets/ and the theme's own files"
                : "check what this file shows in print and the print templates; run with --pdf off to build the website without PDFs"
            return .error(sources[pdf] ?? "print", "its printed document \(pdf) could not be made: \(failure.reason)", hint: hint)
        }
    }

    static func overflowWarnings(_ outcome: PDFEngine.Outcome, sources: [String: (program: String, file: String)]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for (pdf, report) in outcome.panelReports.sorted(by: { $0.key < $1.key }) {
            guard let source = sources[pdf] else { continue }
            for panel in report.overflow {
                warnings.append(.warning(source.file, "the brochure for '\(source.program)' does not fit: the \(panel) panel is too full and its end is cut off",
                                         hint: "shorten the text that goes on that panel (see the README's print section), then build again"))
            }
            if report.pages != 2 {
                warnings.append(.warning(source.file, "the brochure for '\(source.program)' has \(report.pages) pages instead of 2",
                                         hint: "shorten the program's lists so each side fits on one sheet"))
            }
        }
        return warnings
    }

    /// An absolute http(s) URL ending in `/`, or nil when `text` is nil or not one.
    /// The normal form of a `--base-url` (`SiteAddress`); nil when there is none or it is not one.
    public static func normalizedBaseURL(_ text: String?) -> String? {
        guard let text, case .success(let address) = SiteAddress.parse(text) else { return nil }
        return address.text
    }
}
