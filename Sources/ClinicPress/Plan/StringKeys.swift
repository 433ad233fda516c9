/// The keys of the strings file that Swift reads itself; templates read the others as
/// `{{strings.key}}`. A test checks that every key here is in the built-in `en.yml` and that
/// every key of `en.yml` is read here or by a template, so no string is missing or dead.
enum StringKeys {
    static let longDate = "date.long", mediumDate = "date.medium"
    static let timePattern = "time.pattern", am = "time.am", pm = "time.pm"
    static let timeRange = "time.range", shortTimeRange = "time.range_short"
    static let listSeparator = "lists.separator", listLastSeparator = "lists.last_separator", dayRange = "lists.day_range"
    static let hour = "duration.hour", hours = "duration.hours", minute = "duration.minute", minutes = "duration.minutes"
    static let hoursAndMinutes = "duration.hours_and_minutes"
    static let lengthWeek = "program.length_week", lengthWeeks = "program.length_weeks", lengthVaries = "program.length_varies"

    static let monthKeys = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static func month(_ number: Int) -> String { "months." + monthKeys[number - 1] }
    static func weekday(_ day: Weekday) -> String { "weekdays." + day.rawValue }
    static func weekdayPlural(_ day: Weekday) -> String { "weekdays_plural." + day.rawValue }
    static func weekdayShort(_ day: Weekday) -> String { "weekdays_short." + day.rawValue }
    static func levelOfCare(_ level: LevelOfCare) -> String { "level_of_care." + level.rawValue }
    static func levelOfCareShort(_ level: LevelOfCare) -> String { "level_of_care.\(level.rawValue)_short" }
    static func audience(_ audience: ProgramAudience) -> String { "audiences." + audience.rawValue }
    static func readers(_ readers: ReaderAudience) -> String { "readers." + readers.rawValue }
    static func programStatus(_ status: ProgramStatus) -> String { "status." + status.rawValue }

    // Navigation and the pages the build makes itself.
    static let navHome = "nav.home", navPrograms = "nav.programs", navLevels = "nav.levels_of_care"
    static let navLibrary = "nav.library", navWorkshops = "nav.workshops", navTeam = "nav.team"
    static let programsTitle = "pages.programs_title", programsDescription = "pages.programs_description"
    static let levelsTitle = "pages.levels_title", levelsDescription = "pages.levels_description"
    static let libraryTitle = "pages.library_title", libraryAll = "pages.library_all"
    static let libraryIntro = "pages.library_intro", libraryDescription = "pages.library_description"
    static func libraryTitle(_ readers: ReaderAudience) -> String { "pages.library_title_" + readers.rawValue }
    static let workshopsTitle = "pages.workshops_title", workshopsDescription = "pages.workshops_description"
    static let teamTitle = "pages.team_title", teamDescription = "pages.team_description"
    static let notFoundTitle = "pages.not_found_title", notFoundDescription = "pages.not_found_description"
    static let navSearch = "nav.search"
    static let searchTitle = "pages.search_title", searchDescription = "pages.search_description"
    /// The brand logo shared with a link to a page that has no picture of its own.
    static let shareLogoAlt = "sharing.logo_alt"
    static let feedTitle = "feed.title"

    // Sentences the planner fills in.
    static let trackSentence = "schedule.sentence", trackSentenceIn = "schedule.sentence_in"
    static let hoursAWeek = "schedule.hours_a_week"
    static let cardTrack = "schedule.card_track", cardSeparator = "schedule.card_separator"
    static let online = "sessions.online"
    static func printLink(_ document: String, pdf: Bool) -> String { "print_links.\(document)_\(pdf ? "pdf" : "html")" }
    static let crisisCallOrText = "print.crisis_call_or_text", crisisCall = "print.crisis_call"
    static let crisisText = "print.crisis_text", crisisWeb = "print.crisis_web"
    static let reviewLine = "print.review_line", qrLabel = "print.qr_label"
    static let calendarName = "calendar.name", calendarHandouts = "calendar.handouts"
    static let calendarHandout = "calendar.handout", calendarHandoutSeparator = "calendar.handout_separator"
    static let defaultLifeline = "crisis.default_lifeline", defaultEmergency = "crisis.default_emergency"
    /// "to", in "Text HOME to 741741".
    static let crisisTextTo = "crisis.text_to"

    /// Languages: "(in {language})" after an untranslated title, each language's own name for the
    /// switcher, and the names of languages in this one.
    static let inLanguage = "languages.in_language", selfName = "languages.self_name"
    static let languageNames = ["en", "es"]
    static func languageName(_ code: String) -> String { "languages.names." + code }

    /// Print documents that web pages link to, by the name their link keys use.
    static let printedDocuments = ["handout", "brochure", "packet"]

    /// Every key above, for the test.
    static var all: [String] {
        var keys = [longDate, mediumDate, timePattern, am, pm, timeRange, shortTimeRange, listSeparator, listLastSeparator,
                    dayRange, hour, hours, minute, minutes, hoursAndMinutes, lengthWeek, lengthWeeks, lengthVaries,
                    navHome, navPrograms, navLevels, navLibrary, navWorkshops, navTeam, programsTitle, programsDescription,
                    levelsTitle, levelsDescription, libraryTitle, libraryAll, libraryIntro, libraryDescription,
                    workshopsTitle, workshopsDescription, teamTitle, teamDescription, notFoundTitle, notFoundDescription,
                    trackSentence, trackSentenceIn, hoursAWeek, cardTrack, cardSeparator, online, crisisCallOrText,
                    crisisCall, crisisText, crisisWeb, reviewLine, qrLabel, calendarName, calendarHandouts,
                    calendarHandout, calendarHandoutSeparator, defaultLifeline, defaultEmergency, crisisTextTo,
                    inLanguage, selfName, navSearch, searchTitle, searchDescription, shareLogoAlt, feedTitle]
        keys += languageNames.map(languageName)
        keys += (1...12).map(month)
        keys += Weekday.allCases.flatMap { [weekday($0), weekdayPlural($0), weekdayShort($0)] }
        keys += LevelOfCare.allCases.flatMap { [levelOfCare($0), levelOfCareShort($0)] }
        keys += ProgramAudience.allCases.map(audience) + ReaderAudience.allCases.map(readers)
        keys += ProgramStatus.allCases.map(programStatus)
        keys += ArticleKind.filters.map { libraryTitle($0.audience) }
        keys += printedDocuments.flatMap { [printLink($0, pdf: true), printLink($0, pdf: false)] }
        return keys
    }
}
