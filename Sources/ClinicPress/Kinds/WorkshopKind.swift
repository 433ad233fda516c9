import Foundation

/// `Content/workshops/<slug>.md`: a family education series, its sessions, and its printed packet.
enum WorkshopKind: ContentKind {
    static let name = "workshop series"
    static let source = ContentSource.markdownFolder("workshops")
    static let sessionKeys: [ContentKey] = [
        .required("date", .date, example: "2026-01-31"),
        .required("start", .time, example: "\"18:00\""),
        .required("end", .time, example: "\"19:30\""),
        .required("title", .text, example: "Understanding treatment"),
        .optional("handouts", .references(folder: "education")),
        .optional("location", .text),
    ]
    static let keys: [ContentKey] = [
        .required("title", .text, example: "Family Education Series"),
        .required("summary", .text, example: "Six evenings for families."),
        .required("sessions", .entries(sessionKeys), example: "(a list of sessions, each with date, start, end and title)"),
        .optional("location", .text),
        .optional("online_url", .text).data(),
        .optional("programs", .references(folder: "programs")),
        .optional("audience", .choice(ReaderAudience.allCases.map(\.rawValue))),
        .optional("draft", .flag),
    ]

    static func make(_ fields: Fields, slug: String, file: String, body: MarkdownSource,
                     report: DiagnosticCollector) -> WorkshopSeries? {
        let sessions: [WorkshopSession] = fields.entries("sessions").compactMap { entry in
            guard let date = entry.date("date"), let start = entry.time("start"), let end = entry.time("end"),
                  let title = entry.text("title") else { return nil }
            if end <= start {
                report.add(.error(file, entry.position("end"), key: entry.qualified("end"),
                                  "the session on \(date.iso) ends at \(end.text), which is not after its start \(start.text)",
                                  hint: "times are on the 24-hour clock: 8 PM is 20:00"))
                return nil
            }
            return WorkshopSession(date: date, start: start, end: end, title: title, handouts: entry.references("handouts"),
                                   location: entry.text("location"), position: entry.position)
        }
        var starts: [String: Int] = [:]
        for (index, session) in sessions.enumerated() {
            let key = "\(session.date.iso) \(session.start.text)"
            if let first = starts[key] {
                report.add(.error(file, session.position, key: "sessions[\(index + 1)]",
                                  "two sessions start at the same time (\(session.date.iso) \(session.start.text)): this one and session \(first + 1)",
                                  hint: "change the date or start time, or remove one of them"))
            } else {
                starts[key] = index
            }
        }
        let onlineURL = fields.text("online_url")
        if let onlineURL, !WebAddress.isValid(onlineURL) {
            report.add(.error(file, fields.position("online_url"), key: "online_url",
                              "'\(onlineURL)' is not a web address", hint: "write the full address, starting with https://"))
        }
        guard let title = fields.text("title"), let summary = fields.text("summary") else { return nil }
        return WorkshopSeries(
            slug: slug, file: file, title: title, summary: summary,
            sessions: sessions.sorted { ($0.date, $0.start) < ($1.date, $1.start) },
            location: fields.text("location"), onlineURL: onlineURL, programs: fields.references("programs"),
            audience: fields.choice("audience", ReaderAudience.self), draft: fields.flag("draft") ?? false, body: body)
    }

    static func arrange(_ entries: [WorkshopSeries], reservedIDs: Set<String>) -> [WorkshopSeries] {
        entries.sorted { ($0.sessions.first?.date.iso ?? "", $0.title) < ($1.sessions.first?.date.iso ?? "", $1.title) }
    }

    // MARK: Web pages

    static func pagePath(_ slug: String) -> String? { "workshops/\(slug)/" }
    static let calendarPath = "workshops.ics"

    static var listPaths: [String] { ["workshops/"] }

    static func navigation(_ site: Site) -> [LinkView] {
        site.workshops.isEmpty ? [] : [LinkView(title: site.strings[StringKeys.navWorkshops], path: site.local("workshops/"), current: false)]
    }

    static let pageTemplates: [String: TemplateShape] = [
        "workshop": WorkshopPageContent.shape, "workshop-list": WorkshopListContent.shape,
    ]

    static func pages(_ planner: PagePlanner) -> [PagePlan] {
        let site = planner.site, views = planner.views
        let series = site.workshops.map { series in
            WorkshopSeriesView(card: views.workshopCard(series), sessions: series.sessions.map { views.sessionView($0, in: series) })
        }
        let list = PagePlan(
            path: site.local("workshops/"), template: "workshop-list", title: planner.text(StringKeys.workshopsTitle),
            description: planner.text(StringKeys.workshopsDescription),
            breadcrumbs: [planner.home], jsonLD: site.workshops.flatMap(planner.data.sessions),
            inputs: site.workshops.map(\.file),
            content: AnyTemplateValue(WorkshopListContent(series: series, calendarPath: calendarPath)))
        return [list] + site.workshops.map { page($0, planner) }
    }

    static func page(_ series: WorkshopSeries, _ planner: PagePlanner) -> PagePlan {
        let site = planner.site
        let programs = series.programs.compactMap { site.program($0.slug) }
        let body = planner.bodies.web(series.file)
        let content = WorkshopPageContent(
            slug: series.slug, title: series.title, summary: series.summary, audience: series.audience.map(planner.views.format.readers),
            location: series.location, onlineURL: series.onlineURL,
            sessions: series.sessions.map { planner.views.sessionView($0, in: series) },
            programs: programs.map { site.link(ProgramKind.self, $0.slug, title: $0.title) },
            bodyHTML: body.html, toc: body.tocViews, calendarPath: calendarPath,
            packet: planner.printLinks.link(folder: site.printFolder(packetFolder), slug: series.slug, document: "packet", strings: site.strings))
        let handouts = series.sessions.flatMap(\.handouts).compactMap { site.article($0.slug)?.file }
        return PagePlan(
            path: site.workshopPath(series.slug), template: "workshop", title: series.title, description: series.summary,
            breadcrumbs: [planner.home, planner.crumb(planner.text(StringKeys.navWorkshops), site.local("workshops/"))], jsonLD: planner.data.sessions(series),
            inputs: [series.file] + programs.map(\.file) + handouts, content: AnyTemplateValue(content), isDraft: series.draft)
    }

    // MARK: Print: one packet per series, with its sessions' handouts

    static let packetFolder = "workshops"
    static let printTemplates: [String: TemplateShape] = ["packet": PacketContent.shape]

    static func printBodies(_ series: WorkshopSeries, content: SiteContent) -> [PrintBody] {
        let page = "print/\(packetFolder)/"
        var bodies = [PrintBody(file: series.file, source: series.body, page: page, idPrefix: PrintIDs.intro)]
        for (index, session) in series.sessions.enumerated() {
            for reference in session.handouts {
                guard let article = content.entry(ArticleKind.self, reference.slug) else { continue }
                bodies.append(PrintBody(file: article.file, source: article.body, page: page,
                                        idPrefix: PrintIDs.packetHandout(session: index, slug: article.slug)))
            }
        }
        return bodies
    }

    static func entryPage(_ series: WorkshopSeries, _ planner: PagePlanner) -> PagePlan? { page(series, planner) }

    static func printDocuments(_ planner: PrintPlanner) -> [PrintDocument] {
        planner.site.workshops.flatMap { entryPrintDocuments($0, planner) }
    }

    static func entryPrintDocuments(_ series: WorkshopSeries, _ planner: PrintPlanner) -> [PrintDocument] {
        let site = planner.site
        let frame = planner.frame(title: series.title, description: series.summary,
                                  url: site.baseURL + site.workshopPath(series.slug),
                                  created: series.sessions.first?.date ?? site.buildDate)
        var inputs = [series.file]
        let sessions = series.sessions.enumerated().map { index, session in
            let articles = session.handouts.compactMap { site.article($0.slug) }
            inputs += articles.map(\.file)
            return PacketSessionView(
                number: index + 1, id: "session-\(index + 1)", title: session.title,
                date: planner.views.format.longDate(session.date),
                time: planner.views.format.timeRange(session.start, session.end),
                location: session.location ?? series.location,
                handouts: articles.map { planner.handoutView($0, idPrefix: PrintIDs.packetHandout(session: index, slug: $0.slug)) })
        }
        let content = PacketContent(
            title: series.title, summary: series.summary, location: series.location, onlineURL: series.onlineURL,
            introHTML: planner.bodies.print(series.file, idPrefix: PrintIDs.intro).html, sessions: sessions)
        return [PrintDocument(kind: .packet, slug: series.slug, folder: site.printFolder(packetFolder), source: series.file,
                              template: "packet", context: planner.context(frame, AnyTemplateValue(content)),
                              inputs: Array(Set(inputs)).sorted())]
    }
}

extension WorkshopSeries: ContentEntry {
    public var references: [SlugReference] { programs + sessions.flatMap(\.handouts) }
}

extension Site {
    public var workshops: [WorkshopSeries] { entries(WorkshopKind.self) }
    public func workshop(_ slug: String) -> WorkshopSeries? { entry(WorkshopKind.self, slug) }
}
