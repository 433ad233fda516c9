import Foundation

/// The findings about one document's review dates, reviewer, sources and reading grade, worded
/// for the writer who fixes them.
enum ReviewFindings {
    /// - Parameter sourcesOwnedElsewhere: a translation's sources are its source's, reported there.
    static func findings(_ document: DocumentReport, months: Int, date: CalendarDate, lines: FrontMatterLines,
                         sourcesOwnedElsewhere: Bool = false) -> [Finding] {
        guard let review = document.review else { return [] }
        var findings: [Finding] = []
        let path = document.path
        switch review.status {
        case .overdue:
            let days = date.daysSinceEpoch - review.due!.daysSinceEpoch
            findings.append(Finding(kind: .overdue, path: path, line: review.line, key: "reviewed",
                                    message: "the review was due on \(review.due!.iso), \(plural(days, "day")) ago (reviewed \(review.reviewed!.iso), every \(plural(months, "month")))",
                                    hint: "have a clinician review it, then set 'reviewed' to the day they did"))
        case .dueSoon:
            let days = review.due!.daysSinceEpoch - date.daysSinceEpoch
            findings.append(Finding(kind: .dueSoon, path: path, line: review.line, key: "reviewed",
                                    message: "the review is due on \(review.due!.iso), in \(plural(days, "day"))",
                                    hint: "plan the review before \(review.due!.iso)"))
        case .neverReviewed:
            findings.append(Finding(kind: .neverReviewed, path: path, line: 0, key: "reviewed", message: "the document has never been reviewed",
                                    hint: "have a clinician review it and add 'reviewed: YYYY-MM-DD'"))
        case .ok:
            break
        }
        if review.reviewedBy == nil {
            findings.append(Finding(kind: .reviewer, path: path, line: lines.line(of: "reviewed_by"), key: "reviewed_by",
                                    message: "no reviewer is named", hint: "add 'reviewed_by: NAME, CREDENTIALS'"))
        }
        if document.kind == .article, document.sources == 0, !sourcesOwnedElsewhere {
            findings.append(Finding(kind: .sources, path: path, line: 0, key: "sources", message: "the article lists no sources",
                                    hint: "add 'sources:' with the guidelines or studies it rests on"))
        }
        return findings
    }

    static func grade(_ document: DocumentReport) -> Finding {
        let grade = String(format: "%.1f", document.level.scores.grade)
        let lines = document.hardestSentences.map { String($0.line) }
        let words = Array(document.hardestSentences.flatMap(\.longWords).prefix(6))
        var hint = "shorter sentences and words bring the grade down"
        if !lines.isEmpty { hint = "start with the sentence\(lines.count == 1 ? "" : "s") on line\(lines.count == 1 ? "" : "s") \(lines.joined(separator: ", "))" }
        if !words.isEmpty { hint += "; simpler words for: \(words.joined(separator: ", "))" }
        return Finding(kind: .grade, path: document.path, line: document.hardestSentences.first?.line ?? document.bodyLine,
                       key: document.kind == .article ? "reading_grade_target" : nil,
                       message: "reads at grade \(grade), above its target of \(document.target)", hint: hint)
    }

    private static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
