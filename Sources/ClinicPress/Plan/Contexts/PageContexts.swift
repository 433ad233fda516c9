/// What each page template receives. Every page gets `site`, `page`, `nav`, `root` and its own
/// `content`; templates read them as `{{site.name}}`, `{{#content}}...{{/content}}`.
public struct PageContext<Content: Sendable>: Sendable {
    public var site: SiteView
    public var page: PageMeta
    public var nav: [LinkView]
    public var footerNav: [LinkView]
    /// Leads from this page to the site root, such as `../../`; empty on the home page.
    public var root: String
    public var content: Content
}

public struct HomeContent: Sendable {
    public var programs: [ProgramCardView]
    public var upcoming: [SessionView]
    public var hasUpcoming: Bool
    public var hasWorkshops: Bool
    public var articles: [ArticleCardView]
    public var hasArticles: Bool
}

public struct ProgramListContent: Sendable {
    public var programs: [ProgramCardView]
}

public struct ProgramPageContent: Sendable {
    public var slug: String
    public var title: String
    public var summary: String
    public var level: String
    public var levelShort: String
    public var audience: String
    public var focus: String
    public var hasFocus: Bool
    public var length: String?
    public var tracks: [TrackView]
    public var components: [ComponentView]
    public var hasComponents: Bool
    public var goodFit: [String]
    public var hasGoodFit: Bool
    public var notAFit: [String]
    public var hasNotAFit: Bool
    public var insurance: [String]
    public var hasInsurance: Bool
    public var bodyHTML: String
    public var toc: [HeadingView]
    public var hasTOC: Bool
    public var articles: [ArticleCardView]
    public var hasArticles: Bool
    public var workshops: [WorkshopCardView]
    public var hasWorkshops: Bool
    public var team: [TeamMemberView]
    public var hasTeam: Bool
    /// The printable brochure, when print documents are made.
    public var brochure: PrintLinkView?
}

public struct LevelRowView: Sendable {
    public var title: String
    public var path: String
    public var level: String
    public var levelShort: String
    public var audience: String
    public var tracks: [TrackView]
    public var length: String
}

public struct LevelsContent: Sendable {
    public var rows: [LevelRowView]
}

public struct EducationListContent: Sendable {
    public var heading: String
    public var intro: String
    public var filters: [LinkView]
    public var articles: [ArticleCardView]
    public var hasArticles: Bool
}

public struct ArticlePageContent: Sendable {
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
    public var hasSources: Bool
    public var topics: [String]
    public var hasTopics: Bool
    public var programs: [LinkView]
    public var hasPrograms: Bool
    public var sessions: [SessionView]
    public var hasSessions: Bool
    public var bodyHTML: String
    public var toc: [HeadingView]
    public var hasTOC: Bool
    /// The printable handout, when print documents are made and the article is one.
    public var handout: PrintLinkView?
}

public struct WorkshopSeriesView: Sendable {
    public var card: WorkshopCardView
    public var sessions: [SessionView]
}

public struct WorkshopListContent: Sendable {
    public var series: [WorkshopSeriesView]
    public var hasSeries: Bool
    public var calendarPath: String
}

public struct WorkshopPageContent: Sendable {
    public var slug: String
    public var title: String
    public var summary: String
    public var audience: String?
    public var location: String?
    public var onlineURL: String?
    public var sessions: [SessionView]
    public var programs: [LinkView]
    public var hasPrograms: Bool
    public var bodyHTML: String
    public var toc: [HeadingView]
    public var hasTOC: Bool
    public var calendarPath: String
    /// The printable workshop packet, when print documents are made.
    public var packet: PrintLinkView?
}

public struct TeamContent: Sendable {
    public var members: [TeamMemberView]
    public var hasMembers: Bool
}

public struct InfoPageContent: Sendable {
    public var slug: String
    public var title: String
    public var summary: String
    public var bodyHTML: String
    public var toc: [HeadingView]
    public var hasTOC: Bool
}

public struct NotFoundContent: Sendable {
    public var programs: [ProgramCardView]
}
