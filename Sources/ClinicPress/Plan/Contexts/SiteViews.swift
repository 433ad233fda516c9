/// Typed values the templates see. Every field is documented in the README's template section.
/// Paths are relative to the site root; templates write `{{root}}{{path}}`.

public struct LinkView: Sendable, Hashable {
    public var title: String
    public var path: String
    /// The page is this link's page or lies below it (a program page under "Programs").
    public var current: Bool
    /// The page is exactly this link's page.
    public var exact: Bool = false
    /// The language of `title` when it is not the page's (an untranslated page): its `lang`.
    public var lang: String? = nil
}

public struct CrisisView: Sendable, Hashable {
    public var name: String
    public var phone: String?
    public var phoneHref: String?
    /// The number to text, as written (`741741`).
    public var text: String?
    /// The word to send, when the line has one (`HOME`): "Text HOME to 741741".
    public var textKeyword: String?
    public var smsHref: String?
    public var url: String?
    /// The language of the name when not the page's (site.yml's name, not translated).
    public var lang: String? = nil
}

public struct HoursView: Sendable, Hashable {
    public var days: String
    public var opens: String
    public var closes: String
}

/// The clinic, as every template sees it under `site`.
public struct SiteView: Sendable, Hashable {
    public var name: String
    public var tagline: String?
    public var description: String?
    public var url: String
    public var language: String
    public var phone: String?
    public var phoneHref: String?
    public var email: String?
    public var addressLines: [String]
    public var hours: [HoursView]
    public var crisis: [CrisisView]
    public var intakeSteps: [String]
    public var year: String
    /// The brand's colours (nil: the theme's own), logo and home-page picture.
    public var brand: BrandView? = nil
    public var logo: ImageView? = nil
    public var hero: ImageView? = nil
    /// Notices shown on the build date, urgent first.
    public var notices: [NoticeView] = []
    /// "Get directions": `map_url`, or an OpenStreetMap search for the address.
    public var directionsURL: String? = nil
    /// `Templates/assets/custom.css` exists and is published at `theme/custom.css`.
    public var customCSS: Bool = false
    /// The language of the clinic's own texts (tagline, description, intake steps) when they are
    /// not in the page's language (no `site.<language>.yml` gives them): for `lang`.
    public var textLang: String? = nil
    /// The home page of the page's language, from the site root (`` or `es/`): links to the
    /// build's own pages are `{{root}}{{site.home}}programs/`.
    public var home: String = ""

    /// The search page (`search/`) when Pagefind indexes this build; nil without search.
    public var searchPath: String? = nil
    /// The Atom feed of articles and notices (`feed.xml`).
    public var feedPath: String = AtomFeed.path(language: nil)
}

/// The page being rendered, under `page`.
public struct PageMeta: Sendable, Hashable {
    public var title: String
    public var description: String
    public var canonicalURL: String
    public var path: String
    public var jsonLD: String
    public var isHome: Bool
    /// Breadcrumb trail above the title, root first; empty on the home page.
    public var breadcrumbs: [LinkView]
    /// Content marked `draft: true`, shown only with `--drafts`: the page says so.
    public var isDraft = false
    /// This page in every language it exists in, itself included (`<link rel="alternate" hreflang>`).
    public var alternates: [AlternateView] = []
    /// The site's languages, each linking this page in it (or that language's home); empty for a
    /// site in one language.
    public var languages: [LanguageLinkView] = []
    /// Pagefind indexes the page's main content (`data-pagefind-body`): not the home page, the 404
    /// page or the search page itself, and nothing in a build without search.
    public var searchable = true
    /// Sharing (Open Graph, Twitter cards): the page's language as `en_US`, the site's other
    /// languages in the same form, and the picture shown with a link to the page.
    public var locale: String = ""
    public var localeAlternates: [String] = []
    public var shareImage: ImageView? = nil
    /// `summary_large_image` for a page's own picture, `summary` for the logo or none.
    public var twitterCard: String = "summary"
}

public struct TrackView: Sendable, Hashable {
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

public struct TrackDayView: Sendable, Hashable {
    public var day: String
    public var start: String
    public var end: String
    public var hours: String
}

public struct ComponentView: Sendable, Hashable {
    public var name: String
    public var description: String?
}

public struct HeadingView: Sendable, Hashable {
    public var id: String
    public var text: String
}

public struct ArticleCardView: Sendable, Hashable {
    public var slug: String
    public var path: String
    public var title: String
    public var summary: String
    public var audience: String
    public var audienceKey: String
    /// Its language when it is not the page's (not translated): for `lang`, with "(in English)".
    public var lang: String? = nil
    public var languageNote: String? = nil
}

public struct SessionView: Sendable, Hashable {
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
    public var seriesTitle: String
    public var seriesPath: String
    /// The series' language when it is not the page's (not translated).
    public var seriesLang: String? = nil
}

public struct WorkshopCardView: Sendable, Hashable {
    public var slug: String
    public var path: String
    public var title: String
    public var summary: String
    public var firstDate: String
    public var lastDate: String
    public var upcomingCount: Int
    public var hasUpcoming: Bool
    /// Its language when it is not the page's (not translated): for `lang`, with "(in English)".
    public var lang: String? = nil
    public var languageNote: String? = nil
}

public struct TeamMemberView: Sendable, Hashable {
    public var id: String
    public var name: String
    public var credentials: String?
    public var role: String?
    public var bio: String?
    public var programs: [LinkView]
    /// `photo`, with `photo_alt` or the name as its alt text.
    public var photo: PictureView? = nil
    /// The language of role and bio when not the page's (no team file in this language).
    public var textLang: String? = nil
}

public struct ProgramCardView: Sendable, Hashable {
    public var slug: String
    public var path: String
    public var title: String
    public var summary: String
    public var level: String
    public var levelShort: String
    public var audience: String
    public var scheduleLine: String
    public var status: StatusView? = nil
    /// Its language when it is not the page's (not translated): for `lang`, with "(in English)".
    public var lang: String? = nil
    public var languageNote: String? = nil
}

// MARK: What templates can read

extension LinkView: TemplateValue {
    public static let fields = TemplateFields<LinkView>([
        "title": .value { $0.title },
        "path": .value { $0.path },
        "current": .value { $0.current },
        "exact": .value { $0.exact },
        "lang": .value { $0.lang },
    ])
}

extension CrisisView: TemplateValue {
    public static let fields = TemplateFields<CrisisView>([
        "name": .value { $0.name },
        "phone": .value { $0.phone },
        "phoneHref": .value { $0.phoneHref },
        "text": .value { $0.text },
        "textKeyword": .value { $0.textKeyword },
        "smsHref": .value { $0.smsHref },
        "url": .value { $0.url },
        "lang": .value { $0.lang },
    ])
}

extension HoursView: TemplateValue {
    public static let fields = TemplateFields<HoursView>([
        "days": .value { $0.days },
        "opens": .value { $0.opens },
        "closes": .value { $0.closes },
    ])
}

extension SiteView: TemplateValue {
    public static let fields = TemplateFields<SiteView>([
        "name": .value { $0.name },
        "tagline": .value { $0.tagline },
        "description": .value { $0.description },
        "url": .value { $0.url },
        "language": .value { $0.language },
        "phone": .value { $0.phone },
        "phoneHref": .value { $0.phoneHref },
        "email": .value { $0.email },
        "addressLines": .texts { $0.addressLines },
        "hours": .list { $0.hours },
        "crisis": .list { $0.crisis },
        "intakeSteps": .texts { $0.intakeSteps },
        "year": .value { $0.year },
        "brand": .object { $0.brand },
        "logo": .object { $0.logo },
        "hero": .object { $0.hero },
        "notices": .list { $0.notices },
        "directionsURL": .value { $0.directionsURL },
        "customCSS": .value { $0.customCSS },
        "textLang": .value { $0.textLang },
        "home": .value { $0.home },
        "searchPath": .value { $0.searchPath },
        "feedPath": .value { $0.feedPath },
    ])
}

extension PageMeta: TemplateValue {
    public static let fields = TemplateFields<PageMeta>([
        "title": .value { $0.title },
        "description": .value { $0.description },
        "canonicalURL": .value { $0.canonicalURL },
        "path": .value { $0.path },
        "jsonLD": .value { $0.jsonLD },
        "isHome": .value { $0.isHome },
        "breadcrumbs": .list { $0.breadcrumbs },
        "isDraft": .value { $0.isDraft },
        "alternates": .list { $0.alternates },
        "languages": .list { $0.languages },
        "searchable": .value { $0.searchable },
        "locale": .value { $0.locale },
        "localeAlternates": .texts { $0.localeAlternates },
        "shareImage": .object { $0.shareImage },
        "twitterCard": .value { $0.twitterCard },
    ])
}

extension TrackView: TemplateValue {
    public static let fields = TemplateFields<TrackView>([
        "name": .value { $0.name },
        "daysText": .value { $0.daysText },
        "daysShort": .value { $0.daysShort },
        "start": .value { $0.start },
        "end": .value { $0.end },
        "hoursPerWeek": .value { $0.hoursPerWeek },
        "hoursPerDay": .value { $0.hoursPerDay },
        "location": .value { $0.location },
        "sentence": .value { $0.sentence },
        "days": .list { $0.days },
    ])
}

extension TrackDayView: TemplateValue {
    public static let fields = TemplateFields<TrackDayView>([
        "day": .value { $0.day },
        "start": .value { $0.start },
        "end": .value { $0.end },
        "hours": .value { $0.hours },
    ])
}

extension ComponentView: TemplateValue {
    public static let fields = TemplateFields<ComponentView>([
        "name": .value { $0.name },
        "description": .value { $0.description },
    ])
}

extension HeadingView: TemplateValue {
    public static let fields = TemplateFields<HeadingView>([
        "id": .value { $0.id },
        "text": .value { $0.text },
    ])
}

extension ArticleCardView: TemplateValue {
    public static let fields = TemplateFields<ArticleCardView>([
        "slug": .value { $0.slug },
        "path": .value { $0.path },
        "title": .value { $0.title },
        "summary": .value { $0.summary },
        "audience": .value { $0.audience },
        "audienceKey": .value { $0.audienceKey },
        "lang": .value { $0.lang },
        "languageNote": .value { $0.languageNote },
    ])
}

extension SessionView: TemplateValue {
    public static let fields = TemplateFields<SessionView>([
        "title": .value { $0.title },
        "date": .value { $0.date },
        "isoDate": .value { $0.isoDate },
        "startISO": .value { $0.startISO },
        "endISO": .value { $0.endISO },
        "start": .value { $0.start },
        "end": .value { $0.end },
        "time": .value { $0.time },
        "location": .value { $0.location },
        "isPast": .value { $0.isPast },
        "handouts": .list { $0.handouts },
        "seriesTitle": .value { $0.seriesTitle },
        "seriesPath": .value { $0.seriesPath },
        "seriesLang": .value { $0.seriesLang },
    ])
}

extension WorkshopCardView: TemplateValue {
    public static let fields = TemplateFields<WorkshopCardView>([
        "slug": .value { $0.slug },
        "path": .value { $0.path },
        "title": .value { $0.title },
        "summary": .value { $0.summary },
        "firstDate": .value { $0.firstDate },
        "lastDate": .value { $0.lastDate },
        "upcomingCount": .value { $0.upcomingCount },
        "hasUpcoming": .value { $0.hasUpcoming },
        "lang": .value { $0.lang },
        "languageNote": .value { $0.languageNote },
    ])
}

extension TeamMemberView: TemplateValue {
    public static let fields = TemplateFields<TeamMemberView>([
        "id": .value { $0.id },
        "name": .value { $0.name },
        "credentials": .value { $0.credentials },
        "role": .value { $0.role },
        "bio": .value { $0.bio },
        "programs": .list { $0.programs },
        "photo": .object { $0.photo },
        "textLang": .value { $0.textLang },
    ])
}

extension ProgramCardView: TemplateValue {
    public static let fields = TemplateFields<ProgramCardView>([
        "slug": .value { $0.slug },
        "path": .value { $0.path },
        "title": .value { $0.title },
        "summary": .value { $0.summary },
        "level": .value { $0.level },
        "levelShort": .value { $0.levelShort },
        "audience": .value { $0.audience },
        "scheduleLine": .value { $0.scheduleLine },
        "status": .object { $0.status },
        "lang": .value { $0.lang },
        "languageNote": .value { $0.languageNote },
    ])
}

/// One of the site's languages in the language switcher: its own name, where this page is in it.
public struct LanguageLinkView: Sendable, Hashable {
    /// `es`
    public var code: String
    /// The language's name in itself (`Español`).
    public var name: String
    public var path: String
    /// The page is in this language.
    public var current: Bool
}

/// A `<link rel="alternate" hreflang>` of a page: `x-default` is the default language's page.
public struct AlternateView: Sendable, Hashable {
    public var hreflang: String
    public var url: String
}

extension LanguageLinkView: TemplateValue {
    public static let fields = TemplateFields<LanguageLinkView>([
        "code": .value { $0.code },
        "name": .value { $0.name },
        "path": .value { $0.path },
        "current": .value { $0.current },
    ])
}

extension AlternateView: TemplateValue {
    public static let fields = TemplateFields<AlternateView>([
        "hreflang": .value { $0.hreflang },
        "url": .value { $0.url },
    ])
}
