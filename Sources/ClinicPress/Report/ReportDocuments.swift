import Foundation

/// The documents of one language edition of the site, measured, with their review and coverage
/// findings: the default language's entries, or a translation's translated files (an untranslated
/// entry is its source, already measured).
struct ReportDocuments {
    let date: CalendarDate
    let tools: ReadingTools
    let siteTarget: Int
    let frontMatter: (String) -> String
    private(set) var documents: [DocumentReport] = []
    private(set) var findings: [Finding] = []

    init(date: CalendarDate, tools: ReadingTools, siteTarget: Int, frontMatter: @escaping (String) -> String) {
        self.date = date
        self.tools = tools
        self.siteTarget = siteTarget
        self.frontMatter = frontMatter
    }

    mutating func collect(_ content: SiteContent, language: String, translation: LanguageContent?) {
        // In a translation, only the files of that language: the rest are their sources.
        let wanted = { (file: String) in translation == nil || translation!.sources[file] != nil }
        for article in content.entries(ArticleKind.self) where wanted(article.file) {
            var document = measure(article.file, .article, article.title, article.body, language: language,
                                   target: article.readingGradeTarget ?? siteTarget)
            let lines = FrontMatterLines(text: frontMatter(article.file))
            // A translation has its own review (who checked the translation, and when); the data,
            // `review_every_months` and `sources` included, is its source's.
            let own = translation?.reviews[article.file]
            let reviewed = translation == nil ? article.reviewed : own?.reviewed
            let reviewer = (translation == nil ? article.reviewedBy : own?.reviewedBy ?? "").trimmingCharacters(in: .whitespaces)
            document.review = .init(reviewed: reviewed, due: reviewed.map { ReviewStatus.due(reviewed: $0, months: article.reviewEveryMonths) },
                                    status: ReviewStatus.of(reviewed: reviewed, months: article.reviewEveryMonths, on: date),
                                    reviewedBy: reviewer.isEmpty ? nil : reviewer, line: lines.line(of: "reviewed"))
            document.sources = article.sources.count
            findings += ReviewFindings.findings(document, months: article.reviewEveryMonths, date: date, lines: lines,
                                                sourcesOwnedElsewhere: translation != nil)
            documents.append(document)
        }
        for program in content.entries(ProgramKind.self) where wanted(program.file) {
            documents.append(reviewedIfDated(measure(program.file, .program, program.title, program.body, language: language, target: siteTarget),
                                             translation: translation))
        }
        for series in content.entries(WorkshopKind.self) where wanted(series.file) {
            documents.append(reviewedIfDated(measure(series.file, .workshop, series.title, series.body, language: language, target: siteTarget),
                                             translation: translation))
        }
        coverage(content, wanted: wanted)
    }

    private func measure(_ path: String, _ kind: DocumentReport.Kind, _ title: String, _ body: MarkdownSource,
                         language: String, target: Int) -> DocumentReport {
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

    /// A translated program or series that carries `reviewed` has a review status too.
    private mutating func reviewedIfDated(_ document: DocumentReport, translation: LanguageContent?) -> DocumentReport {
        guard let own = translation?.reviews[document.path], let reviewed = own.reviewed else { return document }
        var document = document
        let lines = FrontMatterLines(text: frontMatter(document.path))
        let reviewer = own.reviewedBy?.trimmingCharacters(in: .whitespaces) ?? ""
        document.review = .init(reviewed: reviewed, due: ReviewStatus.due(reviewed: reviewed, months: ReviewStatus.defaultMonths),
                                status: ReviewStatus.of(reviewed: reviewed, months: ReviewStatus.defaultMonths, on: date),
                                reviewedBy: reviewer.isEmpty ? nil : reviewer, line: lines.line(of: "reviewed"))
        findings += ReviewFindings.findings(document, months: ReviewStatus.defaultMonths, date: date, lines: lines,
                                            sourcesOwnedElsewhere: true)
        return document
    }

    /// Coverage: every body a page shows, info pages included.
    private mutating func coverage(_ content: SiteContent, wanted: (String) -> Bool) {
        let articles = Set(content.entries(ArticleKind.self).map(\.file))
        let bodies = content.entries(ArticleKind.self).map { ($0.file, $0.body) } + content.entries(ProgramKind.self).map { ($0.file, $0.body) }
            + content.entries(WorkshopKind.self).map { ($0.file, $0.body) } + content.entries(PageKind.self).map { ($0.file, $0.body) }
        for (path, body) in bodies where wanted(path) {
            let scan = CoverageScan.scan(body, file: path)
            findings += scan.findings
            if articles.contains(path), !scan.hasCrisisBlock {
                findings.append(Finding(kind: .crisisBlock, path: path, line: 0, message: "the article has no crisis block, so its handout shows the crisis lines only in the page footer",
                                        hint: "add an empty ```crisis fenced block where a reader in distress would need it"))
            }
        }
    }
}
