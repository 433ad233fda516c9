/// Builds the template views from the validated site. Views do not depend on the page they
/// appear on, so each is built once and shared by every page that shows it.
struct ViewBuilder {
    let site: Site

    var siteView: SiteView {
        let s = site.settings
        let hours = s.hours.map { HoursView(days: Days.range($0.days), opens: $0.opens.display, closes: $0.closes.display) }
        let address = s.address?.lines ?? []
        return SiteView(
            name: s.name, tagline: s.tagline, description: s.description, url: site.baseURL, language: s.language,
            phone: s.phone, phoneHref: s.phone.map(Phone.href), email: s.email,
            addressLines: address, hours: hours,
            crisis: s.crisis.map(crisisView), intakeSteps: s.intakeSteps,
            year: String(site.buildDate.year))
    }

    func crisisView(_ resource: CrisisResource) -> CrisisView {
        CrisisView(name: resource.name, phone: resource.phone, phoneHref: resource.phone.map(Phone.href),
                   text: resource.text, smsHref: resource.text.map { "sms:" + Phone.digits($0) }, url: resource.url)
    }

    func trackView(_ track: Track) -> TrackView {
        let hours = Hours.text(minutes: track.weeklyMinutes)
        let perDay = Hours.text(minutes: track.minutesPerDay)
        let days = Days.list(track.days.map { $0.name + "s" })
        var sentence = "\(days), \(track.start.display) to \(track.end.display): \(hours) a week"
        if let location = track.location { sentence += ", in \(location)" }
        return TrackView(
            name: track.name, daysText: days, daysShort: track.days.map(\.shortName).joined(separator: ", "),
            start: track.start.display, end: track.end.display, hoursPerWeek: hours, hoursPerDay: perDay,
            location: track.location, sentence: sentence + ".",
            days: track.days.map { TrackDayView(day: $0.name, start: track.start.display, end: track.end.display, hours: perDay) })
    }

    func programCard(_ program: Program) -> ProgramCardView {
        let schedule = program.tracks.map { "\($0.name): \($0.days.map(\.shortName).joined(separator: ", ")), \($0.start.display)–\($0.end.display)" }
        return ProgramCardView(
            slug: program.slug, path: SitePaths.program(program.slug), title: program.title, summary: program.summary,
            level: program.levelOfCare.name, levelShort: program.levelOfCare.shortName, audience: program.audience.name,
            scheduleLine: schedule.joined(separator: "; "))
    }

    func articleCard(_ article: EducationArticle) -> ArticleCardView {
        ArticleCardView(slug: article.slug, path: SitePaths.article(article.slug), title: article.title,
                        summary: article.summary, audience: article.audience.name, audienceKey: article.audience.rawValue)
    }

    func workshopCard(_ series: WorkshopSeries) -> WorkshopCardView {
        let upcoming = series.sessions.filter { $0.date >= site.buildDate }.count
        return WorkshopCardView(
            slug: series.slug, path: SitePaths.workshop(series.slug), title: series.title, summary: series.summary,
            firstDate: series.sessions.first?.date.display ?? "", lastDate: series.sessions.last?.date.display ?? "",
            upcomingCount: upcoming, hasUpcoming: upcoming > 0)
    }

    func sessionView(_ session: WorkshopSession, in series: WorkshopSeries) -> SessionView {
        let handouts = session.handouts.compactMap { site.article($0.slug) }.map(articleCard)
        return SessionView(
            title: session.title, date: session.date.longDisplay, isoDate: session.date.iso,
            startISO: "\(session.date.iso)T\(session.start.text)", endISO: "\(session.date.iso)T\(session.end.text)",
            start: session.start.display, end: session.end.display,
            time: "\(session.start.display) to \(session.end.display)",
            location: session.location ?? series.location ?? (series.onlineURL != nil ? "Online" : nil),
            isPast: session.date < site.buildDate, handouts: handouts,
            seriesTitle: series.title, seriesPath: SitePaths.workshop(series.slug))
    }

    func teamMemberView(_ member: TeamMember) -> TeamMemberView {
        let programs = member.programs.compactMap { site.program($0.slug) }
            .map { LinkView(title: $0.title, path: SitePaths.program($0.slug), current: false) }
        return TeamMemberView(id: member.id, name: member.name, credentials: member.credentials, role: member.role,
                              bio: member.bio, programs: programs)
    }

    /// Sessions on or after the build date, soonest first, across every series.
    func upcomingSessions(limit: Int) -> [SessionView] {
        var all: [(WorkshopSession, WorkshopSeries)] = []
        for series in site.workshops {
            for session in series.sessions where session.date >= site.buildDate { all.append((session, series)) }
        }
        all.sort { ($0.0.date, $0.0.start, $0.1.title) < ($1.0.date, $1.0.start, $1.1.title) }
        return all.prefix(limit).map { sessionView($0.0, in: $0.1) }
    }
}

enum Days {
    /// `Monday to Friday`, or `Monday, Wednesday and Friday`.
    static func range(_ days: [Weekday]) -> String {
        let sorted = days.sorted()
        if sorted.count >= 3, let first = sorted.first, let last = sorted.last, last.index - first.index == sorted.count - 1 {
            return "\(first.name) to \(last.name)"
        }
        return list(sorted.map(\.name))
    }

    /// `a, b and c`
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}

enum Phone {
    /// The number to dial: an extension (`ext. 12`, `x12`) is not part of it.
    static func digits(_ text: String) -> String {
        var number = Substring(text)
        if let cut = number.firstIndex(where: { $0.isLetter || $0 == "," || $0 == ";" || $0 == "#" }) {
            number = number[..<cut]
        }
        return number.filter { $0.isNumber || $0 == "+" }
    }
    static func href(_ text: String) -> String { "tel:" + digits(text) }
}
