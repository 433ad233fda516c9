import Foundation

/// Content whose references have been checked: every slug it names exists.
/// This is what the renderers work from.
public struct Site: Sendable {
    public var settings: SiteSettings
    public var programs: [Program]
    public var articles: [EducationArticle]
    public var workshops: [WorkshopSeries]
    public var team: [TeamMember]
    public var pages: [InfoPage]
    public var assets: Set<String>
    /// The day the site is built, in the clinic's time zone: workshops before it are past.
    public var buildDate: CalendarDate
    /// Absolute URL of the site root, ending in `/`.
    public var baseURL: String
    /// Files left out because of their own errors (see `SiteContent.unreadable`).
    public var unreadable: [String: Set<String>] = [:]

    public func program(_ slug: String) -> Program? { programs.first { $0.slug == slug } }
    public func article(_ slug: String) -> EducationArticle? { articles.first { $0.slug == slug } }
    public func workshop(_ slug: String) -> WorkshopSeries? { workshops.first { $0.slug == slug } }

    public var timeZone: TimeZone { settings.timeZone }
}

/// Where each kind of content lives on the website, relative to the site root.
public enum SitePaths {
    public static func program(_ slug: String) -> String { "programs/\(slug)/" }
    public static func article(_ slug: String) -> String { "education/\(slug)/" }
    public static func workshop(_ slug: String) -> String { "workshops/\(slug)/" }
    public static func page(_ slug: String) -> String { "\(slug)/" }

    /// The page path for a content file (`Content/programs/adult-iop.md` -> `programs/adult-iop/`).
    public static func forContentFile(_ path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 3, parts[0] == "Content" else { return nil }
        let slug = ((parts[2] as NSString).deletingPathExtension).lowercased()
        switch parts[1] {
        case "programs": return program(slug)
        case "education": return article(slug)
        case "workshops": return workshop(slug)
        case "pages": return page(slug)
        default: return nil
        }
    }

    /// Pages the build makes itself, which a body may link to directly (`/team/`).
    public static let generatedPages: Set<String> = [
        "", "programs/", "levels-of-care/", "education/", "education/for-families/", "education/for-clients/",
        "workshops/", "team/", "404.html",
    ]

    /// Pages the build writes itself; a `Content/pages/` file with one of these slugs would collide.
    public static let reserved = ["programs", "education", "workshops", "team", "levels-of-care", "assets", "theme",
                                  "print", "404", "index", "sitemap", "robots"]
}
