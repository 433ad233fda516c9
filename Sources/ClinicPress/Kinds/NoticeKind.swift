import Foundation

/// `Content/notices/<slug>.md`: a short announcement (a closure, a new group) shown as a banner
/// on every page, 404 included, from `starts` through `ends`. Notices have no page of their own
/// and are not printed: paper outlives the dates.
enum NoticeKind: ContentKind {
    static let name = "notice"
    static let source = ContentSource.markdownFolder("notices")
    static let keys: [ContentKey] = [
        .required("title", .text, example: "Closed on Thanksgiving Day"),
        .required("starts", .date, example: "2026-11-20"),
        .required("ends", .date, example: "2026-11-26"),
        .optional("level", .choice(NoticeLevel.allCases.map(\.rawValue))),
        .optional("draft", .flag),
    ]
    /// A banner must stay short, or it pushes the page (and on a phone the first screen) down.
    static let maximumBodyCharacters = 400

    static func make(_ fields: Fields, slug: String, file: String, body: MarkdownSource, report: DiagnosticCollector) -> Notice? {
        guard let title = fields.text("title"), let starts = fields.date("starts"), let ends = fields.date("ends") else { return nil }
        if ends < starts {
            report.add(.error(file, fields.position("ends"), key: "ends",
                              "the notice ends on \(ends.iso), before it starts on \(starts.iso)",
                              hint: "'ends' is the last day the notice is shown: write a date on or after \(starts.iso)"))
            return nil
        }
        let text = Notice.paragraphs(body.text)
        let length = text.reduce(0) { $0 + $1.count }
        if length > maximumBodyCharacters {
            report.add(.error(file, SourcePosition(line: body.firstLine, column: 1),
                              "the notice's text is \(length) characters long; a notice may have at most \(maximumBodyCharacters)",
                              hint: "keep the banner to a sentence or two, and put the details on a page of Content/pages/ that the notice names"))
            return nil
        }
        return Notice(slug: slug, file: file, title: title, starts: starts, ends: ends,
                      level: fields.choice("level", NoticeLevel.self) ?? .info, paragraphs: text,
                      draft: fields.flag("draft") ?? false, body: body)
    }

    /// Urgent first, then the soonest to start, then by title.
    static func arrange(_ entries: [Notice], reservedIDs: Set<String>) -> [Notice] {
        entries.sorted { ($0.level.rank, $0.starts, $0.title, $0.slug) < ($1.level.rank, $1.starts, $1.title, $1.slug) }
    }

    /// The text is on every page, not on a page of its own: an edit of it changes them all.
    static var bodyOnEveryPage: Bool { true }
}

public enum NoticeLevel: String, CaseIterable, Sendable {
    case info, urgent
    var rank: Int { self == .urgent ? 0 : 1 }
}

/// One notice. Its text is shown as written, in paragraphs (no Markdown: a banner on every page
/// could not resolve links relative to each page, and needs no formatting).
public struct Notice: ContentEntry {
    public var slug: String
    public var file: String
    public var title: String
    public var starts: CalendarDate
    public var ends: CalendarDate
    public var level: NoticeLevel
    public var paragraphs: [String]
    public var draft: Bool
    public var body: MarkdownSource
    public var references: [SlugReference] { [] }

    /// Shown on `day` when it is from `starts` through `ends`, both days included.
    public func isShown(on day: CalendarDate) -> Bool { starts <= day && day <= ends }

    /// Paragraphs split at blank lines, each on one line.
    static func paragraphs(_ text: String) -> [String] {
        var result: [String] = [], current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { result.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(Substring(trimmed))
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }
}

extension Site {
    public var notices: [Notice] { entries(NoticeKind.self) }
}
