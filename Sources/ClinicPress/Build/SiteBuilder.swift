import Foundation

public struct BuildOptions: Sendable {
    public var siteDirectory: URL
    public var outputDirectory: URL
    /// Overrides `url` in site.yml (for staging copies of a site).
    public var baseURL: String?
    public var includeDrafts: Bool
    /// The moment of the build; workshop sessions before its day are past.
    public var now: Date

    public init(siteDirectory: URL, outputDirectory: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
                now: Date = BuildOptions.defaultNow()) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.outputDirectory = (outputDirectory ?? siteDirectory.appendingPathComponent("Output")).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.now = now
    }

    /// `SOURCE_DATE_EPOCH` when set (reproducible builds), otherwise the clock.
    public static func defaultNow() -> Date {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(text) {
            return Date(timeIntervalSince1970: seconds)
        }
        return Date()
    }
}

public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var files: [OutputFile]
    public var pageCount: Int
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The whole pipeline: files -> content model -> validated site -> rendered pages -> output folder.
/// Everything happens in memory first; the output folder changes only when nothing failed.
public enum SiteBuilder {
    /// Loads, checks and renders the site without writing anything (`clinicpress check` uses this).
    public static func generate(_ options: BuildOptions) -> BuildReport {
        let report = DiagnosticCollector()
        let content = ContentLoader(siteDirectory: options.siteDirectory, includeDrafts: options.includeDrafts,
                                    report: report).load()
        let theme = Theme.load(siteDirectory: options.siteDirectory, report: report)
        guard let content, let theme else {
            return BuildReport(diagnostics: report.all.sortedForReport(), files: [], pageCount: 0)
        }
        let timeZone = content.settings.timezone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        let site = SiteValidator(report: report).validate(
            content, buildDate: CalendarDate(options.now, in: timeZone),
            baseURL: normalizedBaseURL(options.baseURL) ?? content.settings.url)
        let rendered = SiteRenderer(site: site, theme: theme,
                                    contentDirectory: options.siteDirectory.appendingPathComponent("Content")).render()
        report.add(contentsOf: rendered.diagnostics)
        return BuildReport(diagnostics: report.all.sortedForReport(), files: rendered.files, pageCount: rendered.pageCount)
    }

    /// Generates the site and, when it has no errors, replaces the output folder with it.
    public static func build(_ options: BuildOptions) -> BuildReport {
        var report = generate(options)
        guard report.succeeded else { return report }
        do {
            try OutputWriter(siteDirectory: options.siteDirectory, outputDirectory: options.outputDirectory)
                .replaceOutput(with: report.files)
        } catch let error as OutputWriter.Failure {
            report.diagnostics.append(.error(options.outputDirectory.path, error.message, hint: error.hint))
        } catch {
            report.diagnostics.append(.error(options.outputDirectory.path, "the output folder could not be written: \(error.localizedDescription)"))
        }
        return report
    }

    /// An absolute http(s) URL ending in `/`, or nil when `text` is nil or not one.
    public static func normalizedBaseURL(_ text: String?) -> String? {
        guard let text, let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme),
              url.host != nil else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }
}
