import Foundation

/// `clinicpress report` (and the report's warnings in `clinicpress check`): loads the site with
/// the engine's loader, reads each body through libcmark, and measures, dates and checks it.
public enum ReportBuilder {
    /// The reading grade a document aims for when neither its file nor site.yml says.
    public static let defaultTarget = 8

    /// The report for a site folder, or nil with the diagnostics when its content cannot be loaded.
    /// `date` nil: SOURCE_DATE_EPOCH, else today, in the clinic's time zone.
    public static func make(siteDirectory: URL, date: CalendarDate?, includeDrafts: Bool = false,
                            tools: ReadingTools? = nil) -> (report: ContentReport?, diagnostics: [Diagnostic]) {
        let collector = DiagnosticCollector()
        let loader = ContentLoader(siteDirectory: siteDirectory.standardizedFileURL, includeDrafts: includeDrafts, report: collector)
        guard let content = loader.load(), !collector.hasErrors else { return (nil, collector.all.sortedForReport()) }
        let day = date ?? CalendarDate(BuildOptions.defaultNow(), in: content.settings.timeZone)
        let folder = siteDirectory.standardizedFileURL
        let report = make(content: content, date: day, tools: tools, frontMatter: {
            (try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) ?? ""
        })
        return (report, collector.all.sortedForReport())
    }

    /// What `clinicpress check` adds: the findings as warnings (not those the check stage reports
    /// itself), and the report's missing tools.
    public static func warnings(siteDirectory: URL, date: CalendarDate?, includeDrafts: Bool) -> [Diagnostic] {
        guard let report = make(siteDirectory: siteDirectory, date: date, includeDrafts: includeDrafts).report else { return [] }
        return report.toolWarnings + report.findings.filter(\.kind.warnsInCheck).map(\.diagnostic)
    }

    /// The report for loaded content; `frontMatter` gives a file's text, to find the line of its review keys.
    static func make(content: SiteContent, date: CalendarDate, tools: ReadingTools?,
                     frontMatter: @escaping (String) -> String) -> ContentReport {
        let settings = content.settings
        let languages = Set(([settings.language] + content.translations.map(\.language)).map(ReadingLanguage.init(code:)))
        let tools = tools ?? ReadingTools.load(for: languages)
        var edition = ReportDocuments(date: date, tools: tools, siteTarget: settings.readingGradeTarget ?? defaultTarget,
                                      frontMatter: frontMatter)
        // The default language: every entry. Then each translation, in its own language, with its own review.
        edition.collect(content, language: settings.language, translation: nil)
        for translation in content.translations {
            edition.collect(content.localized(translation), language: translation.language, translation: translation)
        }
        var findings = edition.findings
        for document in edition.documents where document.overTarget {
            findings.append(ReviewFindings.grade(document))
        }
        let schedules = ProgramSchedules.report(content.entries(ProgramKind.self))
        findings += schedules.findings
        findings.sort { ($0.path, $0.line, $0.kind) < ($1.path, $1.line, $1.kind) }
        return ContentReport(date: date, siteName: settings.name, documents: edition.documents.sorted { $0.path < $1.path },
                             programs: schedules.programs, findings: findings, toolWarnings: tools.warnings)
    }
}

/// The line of a top-level key in a content file's front matter (1-based; 0 when absent).
struct FrontMatterLines {
    let text: String

    func line(of key: String) -> Int {
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if number > 1, line.hasPrefix("---") { return 0 }
            if line.hasPrefix(key + ":") { return number }
        }
        return 0
    }
}
