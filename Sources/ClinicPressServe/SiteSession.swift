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
    /// A template changed since the last good build: nothing rendered before may be reused.
    private var themeChanged = false

    init(options: BuildOptions) {
        var options = options
        options.pdf = .off   // pages link to the print documents' HTML, which is served at once
        self.base = options
    }

    /// The current site and overlay, for a request (never waits for a rebuild).
    func snapshot() -> (site: ServedSite, overlay: String) {
        lock.lock(); defer { lock.unlock() }
        return (site, overlay)
    }

    /// Builds the site again after `changed` (absolute paths; empty for the first build).
    func rebuild(changed: Set<String>) -> Rebuild {
        let started = Date()
        let templates = base.siteDirectory.appendingPathComponent("Templates").path + "/"
        if changed.contains(where: { $0.hasPrefix(templates) }) { themeChanged = true }
        var options = base
        options.now = BuildOptions.defaultNow()
        options.previousRender = themeChanged ? nil : lastGood
        let report = SiteBuilder.generate(options)
        var rebuild = Rebuild(report: report, seconds: Date().timeIntervalSince(started), changedPaths: [], reused: 0,
                              errorsChanged: false)
        lock.lock(); defer { lock.unlock() }
        let overlayBefore = overlay
        if report.succeeded {
            let new = ServedSite(report.files)
            rebuild.changedPaths = new.changedPaths(since: site).map(ServedSite.urlPath(of:))
            rebuild.reused = report.reusedCount
            site = new
            overlay = ""
            lastGood = report
            themeChanged = false
        } else {
            overlay = ErrorOverlay.html(report.diagnostics)
        }
        rebuild.errorsChanged = overlay != overlayBefore
        return rebuild
    }
}
