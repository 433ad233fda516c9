import Foundation

/// Front matter of each kind of content file, read into the model.
extension ContentLoader {
    func parseProgram(slug: String, file: String, fields: YAMLMapping, body: MarkdownSource) -> Program? {
        let title = fields.string("title", required: "Adult Intensive Outpatient Program")
        let summary = fields.string("summary", required: "Structured therapy three days a week.")
        let level = fields.choice("level_of_care", LevelOfCare.self, required: true)
        let audience = fields.choice("audience", ProgramAudience.self, required: true)
        let tracks = fields.mappings("tracks", allowedKeys: ["name", "days", "start", "end", "location"],
                                     required: "(a list of tracks, each with name, days, start and end)")
            .enumerated().compactMap { index, fields in
                parseTrack(fields).map { track in
                    var track = track
                    track.key = "tracks[\(index + 1)]"
                    return track
                }
            }
        let components: [ProgramComponent] = fields.list("components").enumerated().compactMap { index, item in
            let (node, _) = item
            if let text = node.string, !text.isEmpty { return ProgramComponent(name: text, description: nil) }
            guard let entry = YAMLMapping(node, file: file, lineOffset: fields.lineOffset, path: "components[\(index + 1)]",
                                          allowedKeys: ["name", "description"], report: report,
                                          what: "each component") else { return nil }
            guard let name = entry.string("name", required: "Group therapy") else { return nil }
            return ProgramComponent(name: name, description: entry.string("description"))
        }
        let program = Program(
            slug: slug, file: file, title: title ?? "", summary: summary ?? "",
            levelOfCare: level ?? .iop, audience: audience ?? .adults,
            focus: fields.strings("focus"), lengthWeeks: fields.int("length_weeks", range: 1...520),
            tracks: tracks, components: components, goodFit: fields.strings("good_fit"),
            notAFit: fields.strings("not_a_fit"), insurance: fields.strings("insurance"),
            workshops: fields.slugs("workshops"), order: fields.int("order", range: -10_000...10_000) ?? 1000,
            draft: fields.bool("draft") ?? false, body: body)
        return title == nil || summary == nil || level == nil || audience == nil ? nil : program
    }

    func parseTrack(_ fields: YAMLMapping) -> Track? {
        let name = fields.string("name", required: "Morning track")
        let days = fields.days("days", required: true)
        let start = fields.time("start", required: true)
        let end = fields.time("end", required: true)
        guard let name, let start, let end, !days.isEmpty else { return nil }
        if end <= start {
            report.add(.error(fields.file, fields.position("end"), key: fields.qualified("end"),
                              "track '\(name)' ends at \(end.text), which is not after its start \(start.text)",
                              hint: "times are on the 24-hour clock: 1 PM is 13:00, 6:30 PM is 18:30"))
            return nil
        }
        return Track(name: name, days: days, start: start, end: end, location: fields.string("location"),
                     position: fields.position)
    }

    func parseArticle(slug: String, file: String, fields: YAMLMapping, body: MarkdownSource) -> EducationArticle? {
        let title = fields.string("title", required: "Warning signs of relapse")
        let summary = fields.string("summary", required: "What to watch for, and what to do.")
        let audience = fields.choice("audience", ReaderAudience.self, required: true)
        let reviewed = fields.date("reviewed", required: true)
        let reviewedBy = fields.string("reviewed_by", required: "Dana Whitfield, PhD")
        let article = EducationArticle(
            slug: slug, file: file, title: title ?? "", summary: summary ?? "", audience: audience ?? .everyone,
            reviewed: reviewed ?? CalendarDate(year: 2000, month: 1, day: 1)!, reviewedBy: reviewedBy ?? "",
            reviewEveryMonths: fields.int("review_every_months", range: 1...120) ?? 12,
            topics: fields.strings("topics"), programs: fields.slugs("programs"), sources: fields.strings("sources"),
            readingGradeTarget: fields.int("reading_grade_target", range: 1...18),
            handout: fields.bool("handout") ?? true, draft: fields.bool("draft") ?? false, body: body)
        return title == nil || summary == nil || audience == nil || reviewed == nil || reviewedBy == nil ? nil : article
    }

    func parseWorkshop(slug: String, file: String, fields: YAMLMapping, body: MarkdownSource) -> WorkshopSeries? {
        let title = fields.string("title", required: "Family Education Series")
        let summary = fields.string("summary", required: "Six evenings for families.")
        let sessions: [WorkshopSession] = fields.mappings(
            "sessions", allowedKeys: ["date", "start", "end", "title", "handouts", "location"],
            required: "(a list of sessions, each with date, start, end and title)"
        ).compactMap { entry in
            let date = entry.date("date", required: true)
            let start = entry.time("start", required: true)
            let end = entry.time("end", required: true)
            let sessionTitle = entry.string("title", required: "Understanding treatment")
            let handouts = entry.slugs("handouts")
            guard let date, let start, let end, let sessionTitle else { return nil }
            if end <= start {
                report.add(.error(file, entry.position("end"), key: entry.qualified("end"),
                                  "the session on \(date.iso) ends at \(end.text), which is not after its start \(start.text)",
                                  hint: "times are on the 24-hour clock: 8 PM is 20:00"))
                return nil
            }
            return WorkshopSession(date: date, start: start, end: end, title: sessionTitle, handouts: handouts,
                                   location: entry.string("location"), position: entry.position)
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
        let onlineURL = fields.string("online_url")
        if let onlineURL, !WebAddress.isValid(onlineURL) {
            report.add(.error(file, fields.position("online_url"), key: "online_url",
                              "'\(onlineURL)' is not a web address", hint: "write the full address, starting with https://"))
        }
        let series = WorkshopSeries(
            slug: slug, file: file, title: title ?? "", summary: summary ?? "",
            sessions: sessions.sorted { ($0.date, $0.start) < ($1.date, $1.start) },
            location: fields.string("location"), onlineURL: onlineURL, programs: fields.slugs("programs"),
            audience: fields.choice("audience", ReaderAudience.self), draft: fields.bool("draft") ?? false, body: body)
        return title == nil || summary == nil ? nil : series
    }

    func parsePage(slug: String, file: String, fields: YAMLMapping, body: MarkdownSource) -> InfoPage? {
        guard let title = fields.string("title", required: "About us"),
              let summary = fields.string("summary", required: "Who we are and how we work.") else { return nil }
        return InfoPage(slug: slug, file: file, title: title, summary: summary,
                        order: fields.int("order", range: -10_000...10_000) ?? 1000,
                        menu: fields.bool("menu") ?? false, draft: fields.bool("draft") ?? false, body: body)
    }

    func loadTeam() -> [TeamMember] {
        let file = "Content/team.yml"
        guard files.exists(file), let text = files.read(file),
              let root = YAMLParser.parse(text, file: file, lineOffset: 0, report: report) else { return [] }
        guard case .sequence(let people) = root else {
            report.add(.error(file, SourcePosition(line: 1, column: 1), "team.yml should be a list of people",
                              hint: "start each person with '- name: ...'"))
            return []
        }
        return people.enumerated().compactMap { index, node in
            guard let person = YAMLMapping(node, file: file, lineOffset: 0, path: "[\(index + 1)]",
                                           allowedKeys: ["name", "credentials", "role", "bio", "programs"],
                                           report: report, what: "each person"),
                  let name = person.string("name", required: "Jordan Reyes") else { return nil }
            return TeamMember(name: name, credentials: person.string("credentials"), role: person.string("role"),
                              bio: person.string("bio"), programs: person.slugs("programs"))
        }
    }
}
