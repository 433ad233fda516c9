import Foundation

/// The report's two pictures as inline SVG, readable without script: each document's grade
/// against its target, and the review due dates on a line of time. Every mark has a `<title>`
/// and the same numbers are in the documents table, so nothing is only in a picture.
enum ReportCharts {
    /// One bar per document measured; the target as a dark tick across the bar.
    static func grades(_ documents: [DocumentReport]) -> String {
        let measured = documents.filter { $0.level.words > 0 }
        let rowHeight = 22, labelWidth = 300, plotWidth = 420, top = 24
        let maxGrade = max(18.0, measured.map(\.level.scores.grade).max() ?? 0).rounded(.up)
        let height = top + rowHeight * max(measured.count, 1) + 10
        func x(_ grade: Double) -> Int { labelWidth + Int((max(0, grade) / maxGrade * Double(plotWidth)).rounded()) }
        var svg = "<svg class=\"chart\" role=\"img\" aria-labelledby=\"grade-chart-title\" viewBox=\"0 0 \(labelWidth + plotWidth + 60) \(height)\" width=\"100%\">\n"
        svg += "<title id=\"grade-chart-title\">Reading grade of each document (bar) against its target (tick)</title>\n"
        for grade in stride(from: 0, through: Int(maxGrade), by: 2) {
            svg += "<line x1=\"\(x(Double(grade)))\" y1=\"\(top - 6)\" x2=\"\(x(Double(grade)))\" y2=\"\(height - 10)\" class=\"grid\"/>"
            svg += "<text x=\"\(x(Double(grade)))\" y=\"\(top - 10)\" class=\"axis\" text-anchor=\"middle\">\(grade)</text>\n"
        }
        for (index, document) in measured.enumerated() {
            let y = top + index * rowHeight
            let grade = document.level.scores.grade
            let over = document.overTarget
            let label = "\(document.title): grade \(String(format: "%.1f", grade)), target \(document.target)\(over ? ", over target" : "")"
            svg += "<g><title>\(HTML.escape(label))</title>"
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\" class=\"label\">\(HTML.escape(shortened(document.title, 40)))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(x(grade) - labelWidth)\" height=\"14\" class=\"\(over ? "bar over" : "bar")\"/>"
            svg += "<line x1=\"\(x(Double(document.target)))\" y1=\"\(y + 1)\" x2=\"\(x(Double(document.target)))\" y2=\"\(y + 21)\" class=\"target\"/>"
            svg += "<text x=\"\(x(grade) + 6)\" y=\"\(y + 15)\" class=\"value\">\(String(format: "%.1f", grade))\(over ? " over" : "")</text></g>\n"
        }
        return svg + "</svg>"
    }

    /// Review due dates from the earliest (or the report's date) to the latest, one dot per
    /// document, with the report's date marked.
    static func timeline(_ documents: [DocumentReport], date: CalendarDate) -> String {
        let dated = documents.compactMap { document in document.review?.due.map { (document, $0) } }
            .sorted { ($0.1, $0.0.path) < ($1.1, $1.0.path) }
        guard let first = dated.first?.1, let last = dated.last?.1 else {
            return "<p>No document has a review date.</p>"
        }
        let start = min(first, date).daysSinceEpoch - 15, end = max(last, date).daysSinceEpoch + 15
        let left = 20, width = 680, rowHeight = 20, top = 56
        let height = top + rowHeight * dated.count + 10
        func x(_ day: CalendarDate) -> Int { left + Int(Double(day.daysSinceEpoch - start) / Double(max(end - start, 1)) * Double(width)) }
        var svg = "<svg class=\"chart\" role=\"img\" aria-labelledby=\"timeline-title\" viewBox=\"0 0 \(left + width + 320) \(height)\" width=\"100%\">\n"
        svg += "<title id=\"timeline-title\">Review due dates, with the report's date \(date.iso) marked</title>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(top - 8)\" x2=\"\(left + width)\" y2=\"\(top - 8)\" class=\"grid\"/>"
        // Quarter marks, so the line reads as time.
        for year in min(first.year, date.year)...max(last.year, date.year) + 1 {
            for month in [1, 4, 7, 10] {
                guard let quarter = CalendarDate(year: year, month: month, day: 1), quarter.daysSinceEpoch > start,
                      quarter.daysSinceEpoch < end else { continue }
                svg += "<line x1=\"\(x(quarter))\" y1=\"\(top - 12)\" x2=\"\(x(quarter))\" y2=\"\(top - 4)\" class=\"grid\"/>"
                svg += "<text x=\"\(x(quarter))\" y=\"\(top - 16)\" class=\"axis\" text-anchor=\"middle\">\(String(format: "%04d-%02d", year, month))</text>"
            }
        }
        svg += "<line x1=\"\(x(date))\" y1=\"\(top - 46)\" x2=\"\(x(date))\" y2=\"\(height - 6)\" class=\"today\"/>"
        // Above the year marks, so the two never overlap.
        svg += "<text x=\"\(x(date) + 4)\" y=\"\(top - 34)\" class=\"axis\">report date \(date.iso)</text>\n"
        for (index, (document, due)) in dated.enumerated() {
            let y = top + index * rowHeight
            let status = document.review?.status ?? .ok
            svg += "<g><title>\(HTML.escape("\(document.title): due \(due.iso), \(status.words)"))</title>"
            svg += "<circle cx=\"\(x(due))\" cy=\"\(y + 6)\" r=\"5\" class=\"dot \(status.rawValue)\"/>"
            svg += "<text x=\"\(left + width + 10)\" y=\"\(y + 10)\" class=\"label\">\(due.iso) \(HTML.escape(shortened(document.title, 34)))</text></g>\n"
        }
        return svg + "</svg>"
    }

    static func shortened(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

extension ReviewStatus {
    /// In words, so a status never rests on colour alone.
    var words: String {
        switch self {
        case .ok: return "up to date"
        case .dueSoon: return "due soon"
        case .overdue: return "overdue"
        case .neverReviewed: return "never reviewed"
        }
    }
}
