/// Typed values the templates see. Every field is documented in the README's template section.
/// Paths are relative to the site root; templates write `{{root}}{{path}}`.

public struct LinkView: Sendable {
    public var title: String
    public var path: String
    /// The page is this link's page or lies below it (a program page under "Programs").
    public var current: Bool
    /// The page is exactly this link's page.
    public var exact: Bool = false
}

public struct CrisisView: Sendable {
    public var name: String
    public var phone: String?
    public var phoneHref: String?
    public var text: String?
    public var smsHref: String?
    public var url: String?
}

public struct HoursView: Sendable {
    public var days: String
    public var opens: String
    public var closes: String
}

/// The clinic, as every template sees it under `site`.
public struct SiteView: Sendable {
    public var name: String
    public var tagline: String?
    public var description: String?
    public var url: String
    public var language: String
    public var phone: String?
    public var phoneHref: String?
    public var email: String?
    public var addressLines: [String]
    public var hasAddress: Bool
    public var hours: [HoursView]
    public var hasHours: Bool
    public var crisis: [CrisisView]
    public var intakeSteps: [String]
    public var hasIntakeSteps: Bool
    public var year: String
}

/// The page being rendered, under `page`.
public struct PageMeta: Sendable {
    public var title: String
    public var description: String
    public var canonicalURL: String
    public var path: String
    public var jsonLD: String
    public var isHome: Bool
    /// Breadcrumb trail above the title, root first; empty on the home page.
    public var breadcrumbs: [LinkView]
}

public struct TrackView: Sendable {
    public var name: String
    /// `Mondays, Tuesdays and Thursdays`
    public var daysText: String
    /// `Mon, Tue, Thu`
    public var daysShort: String
    public var start: String
    public var end: String
    public var hoursPerWeek: String
    public var hoursPerDay: String
    public var location: String?
    /// The whole schedule in one sentence.
    public var sentence: String
    public var days: [TrackDayView]
}

public struct TrackDayView: Sendable {
    public var day: String
    public var start: String
    public var end: String
    public var hours: String
}

public struct ComponentView: Sendable {
    public var name: String
    public var description: String?
}

public struct HeadingView: Sendable {
    public var id: String
    public var text: String
}

public struct ArticleCardView: Sendable {
    public var slug: String
    public var path: String
    public var title: String
    public var summary: String
    public var audience: String
    public var audienceKey: String
}

public struct SessionView: Sendable {
    public var title: String
    public var date: String
    public var isoDate: String
    /// `2026-11-05T18:30`, for `<time datetime>`.
    public var startISO: String
    public var endISO: String
    public var start: String
    public var end: String
    public var time: String
    public var location: String?
    public var isPast: Bool
    public var handouts: [ArticleCardView]
    public var hasHandouts: Bool
    public var seriesTitle: String
    public var seriesPath: String
}

public struct WorkshopCardView: Sendable {
    public var slug: String
    public var path: String
    public var title: String
    public var summary: String
    public var firstDate: String
    public var lastDate: String
    public var upcomingCount: Int
    public var hasUpcoming: Bool
}

public struct TeamMemberView: Sendable {
    public var id: String
    public var name: String
    public var credentials: String?
    public var role: String?
    public var bio: String?
    public var programs: [LinkView]
    public var hasPrograms: Bool
}

public struct ProgramCardView: Sendable {
    public var slug: String
    public var path: String
    public var title: String
    public var summary: String
    public var level: String
    public var levelShort: String
    public var audience: String
    public var scheduleLine: String
}
