/// Builds the template views from the validated site. Views do not depend on the page they
/// appear on, so each is built once and shared by every page that shows it.
struct ViewBuilder {
    let site: Site
    var format: LocaleFormatter { site.format }

    var siteView: SiteView {
        let s = site.settings
        let hours = s.hours.map { HoursView(days: format.dayRange($0.days), opens: format.time($0.opens), closes: format.time($0.closes)) }
        let address = s.address?.lines ?? []
        var view = SiteView(
            name: s.name, tagline: s.tagline, description: s.description, url: site.baseURL, language: site.edition.language,
            phone: s.phone?.written, phoneHref: s.phone?.href, email: s.email,
            addressLines: address, hours: hours,
            crisis: s.crisis.map(crisisView), intakeSteps: s.intakeSteps,
            year: String(site.buildDate.year))
        view.brand = brandView
        view.logo = s.brand?.logo.map { imageView($0, alt: "") }
        view.hero = s.hero.map { imageView($0.image, alt: $0.alt) }
        view.notices = noticeViews
        view.directionsURL = directionsURL
        view.customCSS = site.customStylesheet
        view.textLang = siteTextLanguage("tagline")
        view.home = site.edition.prefix
        view.searchPath = site.search ? site.local(SearchPage.path) : nil
        view.feedPath = AtomFeed.path(language: site.edition.isDefault ? nil : site.edition.language)
        return view
    }

    /// `lang` for a text of site.yml on these pages: nil when it is in their language (the default
    /// language, or translated by `site.<language>.yml`), else the default language.
    func siteTextLanguage(_ key: String) -> String? {
        site.edition.isDefault || site.translatedSiteKeys.contains(key) ? nil : site.edition.defaultLanguage
    }

    /// A crisis line's name: the clinic's words, or the strings file's for the built-in lines.
    func crisisName(_ resource: CrisisResource) -> String {
        resource.nameKey.map { site.strings[$0] } ?? resource.name
    }

    func crisisView(_ resource: CrisisResource) -> CrisisView {
        CrisisView(name: crisisName(resource), phone: resource.phone?.written, phoneHref: resource.phone?.href,
                   text: resource.text?.number, textKeyword: resource.text?.keyword, smsHref: resource.text?.href, url: resource.url,
                   lang: resource.nameKey == nil ? siteTextLanguage("crisis") : nil)
    }

    func trackView(_ track: Track) -> TrackView {
        let hours = format.duration(minutes: track.weeklyMinutes)
        let perDay = format.duration(minutes: track.minutesPerDay)
        let days = format.list(track.days.map(format.weekdayPlural))
        let start = format.time(track.start), end = format.time(track.end)
        var values = ["days": days, "start": start, "end": end, "hours": hours]
        values["location"] = track.location
        let sentence = site.strings.fill(track.location == nil ? StringKeys.trackSentence : StringKeys.trackSentenceIn, values)
        return TrackView(
            name: track.name, daysText: days, daysShort: daysShort(track.days),
            start: start, end: end, hoursPerWeek: hours, hoursPerDay: perDay,
            location: track.location, sentence: sentence,
            days: track.days.map { TrackDayView(day: format.weekday($0), start: start, end: end, hours: perDay) })
    }

    /// `Mon, Tue, Thu`
    func daysShort(_ days: [Weekday]) -> String {
        days.map(format.weekdayShort).joined(separator: site.strings[StringKeys.listSeparator])
    }

    func programCard(_ program: Program) -> ProgramCardView {
        let schedule = program.tracks.map {
            site.strings.fill(StringKeys.cardTrack, ["track": $0.name, "days": daysShort($0.days),
                                                     "start": format.time($0.start), "end": format.time($0.end)])
        }
        return ProgramCardView(
            slug: program.slug, path: site.programPath(program.slug), title: program.title, summary: program.summary,
            level: format.levelOfCare(program.levelOfCare), levelShort: format.levelOfCareShort(program.levelOfCare),
            audience: format.audience(program.audience),
            scheduleLine: schedule.joined(separator: site.strings[StringKeys.cardSeparator]), status: statusView(program),
            lang: site.otherLanguage(ProgramKind.self, program.slug), languageNote: site.languageNote(ProgramKind.self, program.slug))
    }

    func articleCard(_ article: EducationArticle) -> ArticleCardView {
        ArticleCardView(slug: article.slug, path: site.articlePath(article.slug), title: article.title,
                        summary: article.summary, audience: format.readers(article.audience), audienceKey: article.audience.rawValue,
                        lang: site.otherLanguage(ArticleKind.self, article.slug), languageNote: site.languageNote(ArticleKind.self, article.slug))
    }

    func workshopCard(_ series: WorkshopSeries) -> WorkshopCardView {
        let upcoming = series.sessions.filter { $0.date >= site.buildDate }.count
        return WorkshopCardView(
            slug: series.slug, path: site.workshopPath(series.slug), title: series.title, summary: series.summary,
            firstDate: series.sessions.first.map { format.date($0.date) } ?? "",
            lastDate: series.sessions.last.map { format.date($0.date) } ?? "",
            upcomingCount: upcoming, hasUpcoming: upcoming > 0,
            lang: site.otherLanguage(WorkshopKind.self, series.slug), languageNote: site.languageNote(WorkshopKind.self, series.slug))
    }

    func sessionView(_ session: WorkshopSession, in series: WorkshopSeries) -> SessionView {
        let handouts = session.handouts.compactMap { site.article($0.slug) }.map(articleCard)
        return SessionView(
            title: session.title, date: format.longDate(session.date), isoDate: session.date.iso,
            startISO: "\(session.date.iso)T\(session.start.text)", endISO: "\(session.date.iso)T\(session.end.text)",
            start: format.time(session.start), end: format.time(session.end),
            time: format.timeRange(session.start, session.end),
            location: session.location ?? series.location ?? (series.onlineURL != nil ? site.strings[StringKeys.online] : nil),
            isPast: session.date < site.buildDate, handouts: handouts,
            seriesTitle: series.title, seriesPath: site.workshopPath(series.slug),
            seriesLang: site.otherLanguage(WorkshopKind.self, series.slug))
    }

    func teamMemberView(_ member: TeamMember) -> TeamMemberView {
        let programs = member.programs.compactMap { site.program($0.slug) }
            .map { site.link(ProgramKind.self, $0.slug, title: $0.title) }
        return TeamMemberView(id: member.id, name: member.name, credentials: member.credentials, role: member.role,
                              bio: member.bio, programs: programs,
                              photo: picture(member.photo, alt: member.photoAlt ?? member.name, sizes: "10rem"),
                              textLang: site.edition.otherLanguage(folder: TeamKind.source.folder, slug: member.slug))
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
