/// What each page template receives. Every page gets `site`, `page`, `nav`, `root` and its own
/// `content`; templates read them as `{{site.name}}`, `{{#content}}...{{/content}}`.
public struct PageContext: Sendable, Hashable {
    public var site: SiteView
    public var page: PageMeta
    public var nav: [LinkView]
    public var footerNav: [LinkView]
    /// Leads from this page to the site root, such as `../../`; empty on the home page.
    public var root: String
    public var content: AnyTemplateValue
    /// The interface words of the site's language: `{{strings.nav.home}}`.
    public var strings: StringsView
}

public struct HomeContent: Sendable, Hashable {
    public var programs: [ProgramCardView]
    public var upcoming: [SessionView]
    public var hasWorkshops: Bool
    public var articles: [ArticleCardView]
}

public struct ProgramListContent: Sendable, Hashable {
    public var programs: [ProgramCardView]
}

public struct ProgramPageContent: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var summary: String
    public var level: String
    public var levelShort: String
    public var audience: String
    public var focus: String
    public var length: String?
    public var tracks: [TrackView]
    public var components: [ComponentView]
    public var goodFit: [String]
    public var notAFit: [String]
    public var insurance: [String]
    public var bodyHTML: String
    public var toc: [HeadingView]
    public var articles: [ArticleCardView]
    public var workshops: [WorkshopCardView]
    public var team: [TeamMemberView]
    public var status: StatusView?
    /// The printable brochure, when print documents are made.
    public var brochure: PrintLinkView?
    /// `image`, shown under the summary (in the first screen: loaded at once).
    public var image: PictureView? = nil
}

public struct LevelRowView: Sendable, Hashable {
    public var title: String
    public var path: String
    public var level: String
    public var levelShort: String
    public var audience: String
    public var tracks: [TrackView]
    public var length: String
    /// Its language when it is not the page's (not translated).
    public var lang: String? = nil
}

public struct LevelsContent: Sendable, Hashable {
    public var rows: [LevelRowView]
}

public struct EducationListContent: Sendable, Hashable {
    public var heading: String
    public var intro: String
    public var filters: [LinkView]
    public var articles: [ArticleCardView]
}

public struct ArticlePageContent: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var summary: String
    public var audience: String
    public var reviewedBy: String
    public var reviewed: String
    public var reviewedISO: String
    public var nextReview: String
    public var nextReviewISO: String
    public var sources: [String]
    public var topics: [String]
    public var programs: [LinkView]
    public var sessions: [SessionView]
    public var bodyHTML: String
    public var toc: [HeadingView]
    /// The printable handout, when print documents are made and the article is one.
    public var handout: PrintLinkView?
    /// `image`, shown under the summary (in the first screen: loaded at once).
    public var image: PictureView? = nil
}

public struct WorkshopSeriesView: Sendable, Hashable {
    public var card: WorkshopCardView
    public var sessions: [SessionView]
}

public struct WorkshopListContent: Sendable, Hashable {
    public var series: [WorkshopSeriesView]
    public var calendarPath: String
}

public struct WorkshopPageContent: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var summary: String
    public var audience: String?
    public var location: String?
    public var onlineURL: String?
    public var sessions: [SessionView]
    public var programs: [LinkView]
    public var bodyHTML: String
    public var toc: [HeadingView]
    public var calendarPath: String
    /// The printable workshop packet, when print documents are made.
    public var packet: PrintLinkView?
}

public struct TeamContent: Sendable, Hashable {
    public var members: [TeamMemberView]
}

public struct InfoPageContent: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var summary: String
    public var bodyHTML: String
    public var toc: [HeadingView]
}

public struct NotFoundContent: Sendable, Hashable {
    public var programs: [ProgramCardView]
}

// MARK: What templates can read

extension HomeContent: TemplateValue {
    public static let fields = TemplateFields<HomeContent>([
        "programs": .list { $0.programs },
        "upcoming": .list { $0.upcoming },
        "hasWorkshops": .value { $0.hasWorkshops },
        "articles": .list { $0.articles },
    ])
}

extension ProgramListContent: TemplateValue {
    public static let fields = TemplateFields<ProgramListContent>([
        "programs": .list { $0.programs },
    ])
}

extension ProgramPageContent: TemplateValue {
    public static let fields = TemplateFields<ProgramPageContent>([
        "slug": .value { $0.slug },
        "title": .value { $0.title },
        "summary": .value { $0.summary },
        "level": .value { $0.level },
        "levelShort": .value { $0.levelShort },
        "audience": .value { $0.audience },
        "focus": .value { $0.focus },
        "length": .value { $0.length },
        "tracks": .list { $0.tracks },
        "components": .list { $0.components },
        "goodFit": .texts { $0.goodFit },
        "notAFit": .texts { $0.notAFit },
        "insurance": .texts { $0.insurance },
        "bodyHTML": .value { $0.bodyHTML },
        "toc": .list { $0.toc },
        "articles": .list { $0.articles },
        "workshops": .list { $0.workshops },
        "team": .list { $0.team },
        "brochure": .object { $0.brochure },
        "status": .object { $0.status },
        "image": .object { $0.image },
    ])
}

extension LevelRowView: TemplateValue {
    public static let fields = TemplateFields<LevelRowView>([
        "title": .value { $0.title },
        "path": .value { $0.path },
        "level": .value { $0.level },
        "levelShort": .value { $0.levelShort },
        "audience": .value { $0.audience },
        "tracks": .list { $0.tracks },
        "length": .value { $0.length },
        "lang": .value { $0.lang },
    ])
}

extension LevelsContent: TemplateValue {
    public static let fields = TemplateFields<LevelsContent>([
        "rows": .list { $0.rows },
    ])
}

extension EducationListContent: TemplateValue {
    public static let fields = TemplateFields<EducationListContent>([
        "heading": .value { $0.heading },
        "intro": .value { $0.intro },
        "filters": .list { $0.filters },
        "articles": .list { $0.articles },
    ])
}

extension ArticlePageContent: TemplateValue {
    public static let fields = TemplateFields<ArticlePageContent>([
        "slug": .value { $0.slug },
        "title": .value { $0.title },
        "summary": .value { $0.summary },
        "audience": .value { $0.audience },
        "reviewedBy": .value { $0.reviewedBy },
        "reviewed": .value { $0.reviewed },
        "reviewedISO": .value { $0.reviewedISO },
        "nextReview": .value { $0.nextReview },
        "nextReviewISO": .value { $0.nextReviewISO },
        "sources": .texts { $0.sources },
        "topics": .texts { $0.topics },
        "programs": .list { $0.programs },
        "sessions": .list { $0.sessions },
        "bodyHTML": .value { $0.bodyHTML },
        "toc": .list { $0.toc },
        "handout": .object { $0.handout },
        "image": .object { $0.image },
    ])
}

extension WorkshopSeriesView: TemplateValue {
    public static let fields = TemplateFields<WorkshopSeriesView>([
        "card": .object { $0.card },
        "sessions": .list { $0.sessions },
    ])
}

extension WorkshopListContent: TemplateValue {
    public static let fields = TemplateFields<WorkshopListContent>([
        "series": .list { $0.series },
        "calendarPath": .value { $0.calendarPath },
    ])
}

extension WorkshopPageContent: TemplateValue {
    public static let fields = TemplateFields<WorkshopPageContent>([
        "slug": .value { $0.slug },
        "title": .value { $0.title },
        "summary": .value { $0.summary },
        "audience": .value { $0.audience },
        "location": .value { $0.location },
        "onlineURL": .value { $0.onlineURL },
        "sessions": .list { $0.sessions },
        // Upcoming sessions first; past ones folded away below them.
        "upcoming": .list { $0.sessions.filter { !$0.isPast } },
        "past": .list { $0.sessions.filter(\.isPast) },
        "programs": .list { $0.programs },
        "bodyHTML": .value { $0.bodyHTML },
        "toc": .list { $0.toc },
        "calendarPath": .value { $0.calendarPath },
        "packet": .object { $0.packet },
    ])
}

extension TeamContent: TemplateValue {
    public static let fields = TemplateFields<TeamContent>([
        "members": .list { $0.members },
    ])
}

extension InfoPageContent: TemplateValue {
    public static let fields = TemplateFields<InfoPageContent>([
        "slug": .value { $0.slug },
        "title": .value { $0.title },
        "summary": .value { $0.summary },
        "bodyHTML": .value { $0.bodyHTML },
        "toc": .list { $0.toc },
    ])
}

extension NotFoundContent: TemplateValue {
    public static let fields = TemplateFields<NotFoundContent>([
        "programs": .list { $0.programs },
    ])
}

extension PageContext: TemplateValue {
    public static let fields = TemplateFields<PageContext>([
        "site": .object { $0.site },
        "page": .object { $0.page },
        "nav": .list { $0.nav },
        "footerNav": .list { $0.footerNav },
        "root": .value { $0.root },
        "content": .open { $0.content },
        "strings": .strings { $0.strings },
    ])
}
