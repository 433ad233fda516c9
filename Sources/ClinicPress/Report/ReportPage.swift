import Foundation

/// Report/index.html: one page for the clinical director. The summary comes first, then the
/// documents table (sortable by a small script; complete and in path order without it), the two
/// charts, the sentences to rewrite, the schedules and every finding.
enum ReportPage {
    /// - Parameter sourcePrefix: the way from the report's folder to the site folder (`../`), for links to source files.
    static func html(_ report: ContentReport, sourcePrefix: String) -> String {
        let e = HTML.escape
        func source(_ path: String, _ line: Int) -> String {
            let shown = line > 0 ? "\(path):\(line)" : path
            return "<a href=\"\(e(sourcePrefix + URLPath.encode(path)))\"><code>\(e(shown))</code></a>"
        }
        var page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Content review report: \(e(report.siteName)), \(report.date.iso)</title>
        <style>\(style)</style>
        </head>
        <body>
        <header><h1>Content review report: \(e(report.siteName))</h1>
        <p>As of \(report.date.iso). Made by <code>clinicpress report</code>; the same data is in <a href="report.json">report.json</a>.</p></header>
        <main>

        """
        page += summary(report)
        page += "<section aria-labelledby=\"documents\"><h2 id=\"documents\">Documents</h2>\n"
        page += "<p>Grades are Flesch-Kincaid school grades (for Spanish, the INFLESZ band as a grade). Select a column heading to sort by it.</p>\n"
        page += "<div class=\"scroll\" role=\"region\" aria-labelledby=\"documents\" tabindex=\"0\"><table class=\"sortable\">\n<thead><tr>"
        for (index, column) in ["Document", "Kind", "Words", "Grade", "Target", "Reading ease", "SMOG", "Review due", "Status", "Reviewer", "Sources"].enumerated() {
            page += "<th scope=\"col\"\(index == 0 ? " aria-sort=\"ascending\"" : "")>\(e(column))</th>"
        }
        page += "</tr></thead>\n<tbody>\n"
        for document in report.documents {
            page += row(document, source: source)
        }
        page += "</tbody></table></div></section>\n"
        page += "<section aria-labelledby=\"grades\"><h2 id=\"grades\">Reading grade against target</h2>\n\(ReportCharts.grades(report.documents))\n</section>\n"
        page += "<section aria-labelledby=\"timeline\"><h2 id=\"timeline\">Review due dates</h2>\n\(ReportCharts.timeline(report.documents, date: report.date))\n</section>\n"
        page += hardest(report, source: source)
        page += ReportSections.schedules(report, source: source)
        page += ReportSections.findings(report, source: source)
        page += "</main>\n<script>\(ReportSections.sortScript)</script>\n</body>\n</html>\n"
        return page
    }

    static func summary(_ report: ContentReport) -> String {
        let counts = report.findings.counts
        var html = "<section aria-labelledby=\"summary\"><h2 id=\"summary\">Summary</h2>\n"
        let over = report.documents.filter(\.overTarget).count
        html += "<p>\(report.documents.count) documents measured, \(over) over their reading-grade target; \(report.programs.count) programs.</p>\n<ul class=\"counts\">\n"
        for kind in FindingKind.allCases {
            html += "<li><span class=\"count\(counts[kind, default: 0] > 0 ? " some" : "")\">\(counts[kind, default: 0])</span> \(HTML.escape(kind.label))</li>\n"
        }
        html += "</ul>\n"
        let worst = ReportSections.worst(report)
        if !worst.isEmpty {
            html += "<h3>First to act on</h3>\n<ol>\n" + worst.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ol>\n"
        }
        return html + "</section>\n"
    }

    static func row(_ document: DocumentReport, source: (String, Int) -> String) -> String {
        let e = HTML.escape
        let values = Dictionary(uniqueKeysWithValues: document.level.scores.values.map { ($0.name, $0.value) })
        func number(_ value: Double?) -> String {
            guard let value, document.level.words > 0 else { return "<td data-value=\"-1\">–</td>" }
            return "<td data-value=\"\(String(format: "%.2f", value))\">\(String(format: "%.1f", value))</td>"
        }
        let grade = document.level.scores.grade
        var html = "<tr><td data-value=\"\(e(document.path))\"><span\(lang(document))>\(e(document.title))</span><br>\(source(document.path, document.bodyLine))</td>"
        html += "<td>\(document.kind.rawValue)</td><td data-value=\"\(document.level.words)\">\(document.level.words)</td>"
        html += document.level.words > 0
            ? "<td data-value=\"\(String(format: "%.2f", grade))\">\(String(format: "%.1f", grade))\(document.overTarget ? " <strong>over</strong>" : "")</td>"
            : "<td data-value=\"-1\">–</td>"
        html += "<td data-value=\"\(document.target)\">\(document.target)</td>"
        html += number(values["flesch_reading_ease"] ?? values["szigriszt_pazos"]) + number(values["smog"])
        let due = document.review?.due?.iso
        html += "<td data-value=\"\(due ?? "9999")\">\(due ?? "–")</td>"
        html += "<td>\(document.review.map { "<span class=\"status \($0.status.rawValue)\">\($0.status.words)</span>" } ?? "–")</td>"
        html += "<td>\(e(document.review?.reviewedBy ?? "–"))</td>"
        html += "<td data-value=\"\(document.sources ?? -1)\">\(document.sources.map(String.init) ?? "–")</td></tr>\n"
        return html
    }

    static func hardest(_ report: ContentReport, source: (String, Int) -> String) -> String {
        let over = report.documents.filter { !$0.hardestSentences.isEmpty }
        var html = "<section aria-labelledby=\"hardest\"><h2 id=\"hardest\">Sentences to rewrite first</h2>\n"
        guard !over.isEmpty else { return html + "<p>No document is over its target.</p></section>\n" }
        for document in over {
            html += "<h3><span\(lang(document))>\(HTML.escape(document.title))</span> (grade \(String(format: "%.1f", document.level.scores.grade)), target \(document.target))</h3>\n<ol>\n"
            for sentence in document.hardestSentences {
                let words = sentence.longWords.isEmpty ? "" : " Long words: " + sentence.longWords.map { "<em>\(HTML.escape($0))</em>" }.joined(separator: ", ") + "."
                html += "<li>\(source(document.path, sentence.line)) grade \(String(format: "%.1f", sentence.grade)): “<span\(lang(document))>\(HTML.escape(sentence.text))</span>”\(words)</li>\n"
            }
            html += "</ol>\n"
        }
        return html + "</section>\n"
    }

    /// ` lang="es"` for a document in another language than the page's English (WCAG 3.1.2).
    static func lang(_ document: DocumentReport) -> String {
        ReadingLanguage(code: document.language) == .english && document.language.lowercased().hasPrefix("en") ? ""
            : " lang=\"\(HTML.escape(document.language))\""
    }

    static let style = """
    body{font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:72rem;padding:1rem}
    a{color:#0b4f8a}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
    th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;color:#0b4f8a;text-decoration:underline;cursor:pointer}
    .scroll{overflow-x:auto}.counts{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;list-style:none;padding:0}
    .count{font-weight:bold;display:inline-block;min-width:1.5rem;text-align:right}.count.some{color:#a4001d}
    .status.overdue,.status.never-reviewed{color:#a4001d;font-weight:bold}.status.due-soon{color:#7a4a00;font-weight:bold}
    .chart{max-width:60rem;height:auto}.chart .label,.chart .value,.chart .axis{font-size:12px;fill:#1a1a1a}
    .chart .grid{stroke:#bbb}.chart .bar{fill:#4a7ab0}.chart .bar.over{fill:#a4001d}.chart .target{stroke:#000;stroke-width:3}
    .chart .today{stroke:#000;stroke-dasharray:4 3}.dot.ok{fill:#2e7d32}.dot.due-soon{fill:#b86e00}.dot.overdue,.dot.never-reviewed{fill:#a4001d}
    code{font-size:.9em}
    """
}
