import ClinicPress
import Foundation

/// The site as it is being edited: the last good build, served from memory, and the errors of
/// the last change if it broke something. Rebuilds run one at a time, in the order changes came.
final class SiteSession: @unchecked Sendable {
    /// What one rebuild did, for the terminal and for the pages.
    struct Rebuild: Sendable {
        var report: BuildReport
        var seconds: Double
        /// Web paths (`/education/x/`) whose bytes changed.
        var changedPaths: [String]
        /// Outputs kept from the last build rather than rendered again.
        var reused: Int
        /// The build went from good to broken, or back, or its errors changed: every page reloads.
        var errorsChanged: Bool
    }

    private let base: BuildOptions
    private let lock = NSLock()
    private var site = ServedSite.empty
    private var overlay = ""
    private var lastGood: BuildReport?
    /// What the last build leaves for the next: unchanged files, bodies and pages are kept.
    private let cache = BuildCache()

    /// PDFs are rendered when first asked for, outside the site folder.
    private let workspace: PrintWorkspace
    private var pdfPaths: Set<String> = []
    /// PDFs asked for so far: re-rendered in the background after their inputs change.
    private var requestedPDFs: Set<String> = []
    /// Pagefind's bundle for the pages served now (`pagefind/...`), made again when a page changes.
    private var searchBundle: [OutputFile] = []
    private let searchFolder: URL
    /// The pages changed since the bundle was made: `refreshSearch` makes it again.
    private var searchStale = false
    /// Counts good builds, so a bundle made for an older one is never served with newer pages.
    private var generation = 0
    /// One Pagefind run at a time (it writes into `searchFolder`).
    private let indexing = NSLock()

    init(options: BuildOptions) {
        self.base = options
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("clinicpress-serve-\(getpid())")
        self.workspace = PrintWorkspace(folder: folder)
        self.searchFolder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("clinicpress-serve-\(getpid())-search")
    }

    /// The current site and overlay, for a request (never waits for a rebuild).
    func snapshot() -> (site: ServedSite, overlay: String) {
        lock.lock(); defer { lock.unlock() }
        return (site, overlay)
    }

    /// The PDF at an output path, rendered now if it is not up to date; nil when the path is
    /// not a PDF of the site.
    func pdf(_ path: String) -> Result<Data, PDFEngine.Failure>? {
        lock.lock()
        guard pdfPaths.contains(path), let report = lastGood else { lock.unlock(); return nil }
        requestedPDFs.insert(path)
        let wanted = requestedPDFs
        lock.unlock()
        return workspace.pdf(path, of: report, alsoWanted: wanted)
    }

    /// Renders the PDFs asked for so far again, when the last rebuild changed their documents.
    func refreshPDFs(after rebuild: Rebuild) {
        lock.lock()
        let wanted = requestedPDFs
        let report = lastGood
        lock.unlock()
        guard let report, let first = wanted.sorted().first, rebuild.report.succeeded, !rebuild.changedPaths.isEmpty else { return }
        _ = workspace.pdf(first, of: report, alsoWanted: wanted)
    }

    func removeWorkspace() {
        workspace.remove()
        try? FileManager.default.removeItem(at: searchFolder)
    }

    /// The search bundle for a good build: the last one, served with the new pages at once. When a
    /// page changed (or there is no bundle yet) it is marked stale for `refreshSearch`, which runs
    /// after the pages are served: on a site of thousands of pages Pagefind takes seconds, and the
    /// first page and every edit's reload must not wait for it.
    private func searchFiles(for report: BuildReport, served: ServedSite) -> [OutputFile] {
        guard report.searchEngine != nil else { return [] }
        let new = ServedSite(report.files)
        if searchBundle.isEmpty || new.changedPaths(since: served).contains(where: { $0.hasSuffix(".html") }) { searchStale = true }
        return searchBundle
    }

    /// Indexes the pages served now when they changed since their bundle was made, and serves the
    /// new bundle (no page reloads for it: pages load the index only when someone searches).
    func refreshSearch() {
        indexing.lock(); defer { indexing.unlock() }
        lock.lock()
        guard searchStale, let report = lastGood, let engine = report.searchEngine else { lock.unlock(); return }
        searchStale = false
        let made = generation
        lock.unlock()
        let bundle: [OutputFile]
        do {
            bundle = try SearchBundle.make(for: report.files, engine: engine, in: searchFolder, background: true)
        } catch {
            // Said once on the terminal; the search page keeps the last index (or says search is unavailable).
            FileHandle.standardError.write(Data("search: the site could not be indexed: \(error.reason)\n".utf8))
            return
        }
        lock.lock(); defer { lock.unlock() }
        // A newer build while Pagefind ran keeps its pages, and marked the bundle stale again.
        searchBundle = bundle
        if generation == made { site = ServedSite(report.files + bundle) }
    }

    /// Builds the site again after `changed` (absolute paths; empty for the first build).
    func rebuild(changed: Set<String>) -> Rebuild {
        let started = Date()
        // (the folder itself too: `theme export` may make it, and its first files, between two reads)
        let templates = base.siteDirectory.appendingPathComponent("Templates").path
        // A template or theme file changed: pages rendered with the old theme may not be kept.
        if changed.contains(where: { $0.hasPrefix(templates) }) { cache.forgetRenders() }
        var options = base
        options.now = BuildOptions.defaultNow()
        options.cache = cache
        let report = SiteBuilder.generate(options)
        var rebuild = Rebuild(report: report, seconds: 0, changedPaths: [], reused: 0, errorsChanged: false)
        let search = report.succeeded ? searchFiles(for: report, served: snapshot().site) : []
        rebuild.seconds = Date().timeIntervalSince(started)
        lock.lock(); defer { lock.unlock() }
        let overlayBefore = overlay
        if report.succeeded {
            let new = ServedSite(report.files + search)
            rebuild.changedPaths = new.changedPaths(since: site).map(ServedSite.urlPath(of:))
            rebuild.reused = report.reusedCount
            site = new
            overlay = ""
            lastGood = report
            generation += 1
            pdfPaths = PrintWorkspace.pdfPaths(of: report)
        } else {
            overlay = ErrorOverlay.html(report.diagnostics)
        }
        rebuild.errorsChanged = overlay != overlayBefore
        return rebuild
    }
}
