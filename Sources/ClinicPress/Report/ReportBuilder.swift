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
                     frontMatter: (String) -> String) -> ContentReport {
        let settings = content.settings
        // Until the site has translations (issue 11), every document is in the site's language.
        let language = settings.language
        let tools = tools ?? ReadingTools.load(for: [ReadingLanguage(code: language)])
        let siteTarget = settings.readingGradeTarget ?? defaultTarget
        var findings: [Finding] = []
        var documents: [DocumentReport] = []

        func measure(path: String, kind: DocumentReport.Kind, title: String, body: MarkdownSource, target: Int) -> DocumentReport {
            let counter = tools.counter(for: ReadingLanguage(code: language))
            let readable = ReadableText.extract(body)
            let level = ReadingLevel(text: readable.text, counter: counter)
            var document = DocumentReport(path: path, kind: kind, language: language, title: title, bodyLine: body.firstLine,
                                          readable: readable, level: level, target: target, hardestSentences: [], review: nil, sources: nil)
            if document.overTarget {
                document.hardestSentences = HardestSentences.find(in: readable, counter: counter, target: target)
            }
            return document
        }

        for article in content.entries(ArticleKind.self) {
            var document = measure(path: article.file, kind: .article, title: article.title, body: article.body,
                                   target: article.readingGradeTarget ?? siteTarget)
            let lines = FrontMatterLines(text: frontMatter(article.file))
            let due = ReviewStatus.due(reviewed: article.reviewed, months: article.reviewEveryMonths)
            let reviewer = article.reviewedBy.trimmingCharacters(in: .whitespaces)
            document.review = .init(reviewed: article.reviewed, due: due,
                                    status: ReviewStatus.of(reviewed: article.reviewed, months: article.reviewEveryMonths, on: date),
                                    reviewedBy: reviewer.isEmpty ? nil : reviewer, line: lines.line(of: "reviewed"))
            document.sources = article.sources.count
            findings += ReviewFindings.findings(document, months: article.reviewEveryMonths, date: date, lines: lines)
            documents.append(document)
        }
        for program in content.entries(ProgramKind.self) {
            documents.append(measure(path: program.file, kind: .program, title: program.title, body: program.body, target: siteTarget))
        }
        for series in content.entries(WorkshopKind.self) {
            documents.append(measure(path: series.file, kind: .workshop, title: series.title, body: series.body, target: siteTarget))
        }
        for document in documents where document.overTarget {
            findings.append(ReviewFindings.grade(document))
        }

        // Coverage: every body a page shows, info pages included.
        let articles = Set(documents.filter { $0.kind == .article }.map(\.path))
        let sources = Dictionary(uniqueKeysWithValues:
            content.entries(ArticleKind.self).map { ($0.file, $0.body) } + content.entries(ProgramKind.self).map { ($0.file, $0.body) }
            + content.entries(WorkshopKind.self).map { ($0.file, $0.body) } + content.entries(PageKind.self).map { ($0.file, $0.body) })
        for (path, body) in sources.sorted(by: { $0.key < $1.key }) {
            let scan = CoverageScan.scan(body, file: path)
            findings += scan.findings
            if articles.contains(path), !scan.hasCrisisBlock {
                findings.append(Finding(kind: .crisisBlock, path: path, line: 0, message: "the article has no crisis block, so its handout shows the crisis lines only in the page footer",
                                        hint: "add an empty ```crisis fenced block where a reader in distress would need it"))
            }
        }

        let schedules = ProgramSchedules.report(content.entries(ProgramKind.self))
        findings += schedules.findings
        documents.sort { $0.path < $1.path }
        findings.sort { ($0.path, $0.line, $0.kind) < ($1.path, $1.line, $1.kind) }
        return ContentReport(date: date, siteName: settings.name, documents: documents, programs: schedules.programs,
                             findings: findings, toolWarnings: tools.warnings)
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
