import Foundation

/// The typed content model: what a clinic's files say, after parsing and before cross-checks.

/// A reference to another piece of content by slug, remembered with where it was written.
public struct SlugReference: Hashable, Sendable {
    public var slug: String
    public var key: String
    public var position: SourcePosition
    /// The folder of `Content/` the slug must be found in (`programs`).
    public var folder: String
}

/// Markdown text with the line in its file where it starts, so diagnostics point at the file.
public struct MarkdownSource: Sendable {
    public var text: String
    /// Line of the file where the Markdown text begins (1-based).
    public var firstLine: Int
}

public struct Address: Sendable {
    public var street: String?, city: String?, region: String?, postalCode: String?, country: String?
    public var lines: [String] {
        let cityLine = [city, [region, postalCode].compactMap { $0 }.joined(separator: " ")]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        return [street, cityLine.isEmpty ? nil : cityLine, country].compactMap { $0 }.filter { !$0.isEmpty }
    }
}

public struct OfficeHours: Sendable {
    public var days: [Weekday]
    public var opens: TimeOfDay
    public var closes: TimeOfDay
}

public struct CrisisResource: Sendable {
    public var name: String
    public var phone: PhoneNumber?
    public var text: TextLine?
    public var url: String?
    /// For the built-in lines: the strings-file key of the name, which replaces `name` on pages.
    public var nameKey: String?

    /// Shown when `site.yml` lists no crisis resources; their names are in the strings file.
    public static let defaults = [
        CrisisResource(name: "", phone: .known("988"), text: .known("988"), url: "https://988lifeline.org/", nameKey: StringKeys.defaultLifeline),
        CrisisResource(name: "", phone: .known("911"), text: nil, url: nil, nameKey: StringKeys.defaultEmergency),
    ]
}

/// `Content/site.yml`
public struct SiteSettings: Sendable {
    public var name: String
    public var url: String
    /// The default language (the first of `languages`), whose pages are at the site root.
    public var language: String
    /// Every language of the site, the default first (`languages: [en, es]`); one for most sites.
    public var languages: [String] = []
    public var timezone: String?
    public var tagline: String?
    public var description: String?
    public var phone: PhoneNumber?
    public var email: String?
    public var address: Address?
    public var hours: [OfficeHours]
    public var crisis: [CrisisResource]
    public var intakeSteps: [String]
    public var paper: Paper
    /// `brand`: logo and colours (nil: the theme's own).
    public var brand: Brand? = nil
    /// `hero`: the home page's picture.
    public var hero: Hero? = nil
    /// `map_url`: where "Get directions" leads instead of an OpenStreetMap search for the address.
    public var mapURL: String? = nil
    /// `reading_grade_target`: the grade a document aims for when its own file does not say (`clinicpress report`).
    public var readingGradeTarget: Int? = nil

    /// The clinic's time zone; UTC when none is given (a site without workshops needs none).
    public var timeZone: TimeZone { timezone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")! }
}

/// One weekly schedule of a program: `Morning track, Mon/Tue/Thu 09:30-12:30`.
public struct Track: Sendable {
    public var name: String
    public var days: [Weekday]
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var location: String?
    public var position: SourcePosition

    /// Hours of treatment a week: the days times the length of each day.
    public var weeklyHours: Double { Double(weeklyMinutes) / 60 }
    public var weeklyMinutes: Int { days.count * minutesPerDay }
    public var minutesPerDay: Int { end.minutes - start.minutes }
    /// `tracks[2]`, for diagnostics.
    public var key: String = "tracks"
}

/// A program's `status`: shown as a badge in words, never by colour alone.
public enum ProgramStatus: String, CaseIterable, Sendable {
    case accepting, waitlist, paused
}

public struct ProgramComponent: Sendable {
    public var name: String
    public var description: String?
}

/// `Content/programs/<slug>.md`
public struct Program: Sendable {
    public var slug: String
    public var file: String
    public var title: String
    public var summary: String
    public var levelOfCare: LevelOfCare
    public var audience: ProgramAudience
    public var focus: [String]
    public var lengthWeeks: Int?
    public var tracks: [Track]
    public var components: [ProgramComponent]
    public var goodFit: [String]
    public var notAFit: [String]
    public var insurance: [String]
    public var workshops: [SlugReference]
    /// `status`: whether the program takes new clients now (nil: not said).
    public var status: ProgramStatus?
    public var statusNote: String?
    public var order: Int
    public var draft: Bool
    public var body: MarkdownSource
    /// `image`, shown on the program's page and brochure, with `image_alt`.
    public var image: ImageReference? = nil
    public var imageAlt: String? = nil
}

/// `Content/education/<slug>.md`: a psychoeducation article, also printed as a handout.
public struct EducationArticle: Sendable {
    public var slug: String
    public var file: String
    public var title: String
    public var summary: String
    public var audience: ReaderAudience
    public var reviewed: CalendarDate
    public var reviewedBy: String
    public var reviewEveryMonths: Int
    public var topics: [String]
    public var programs: [SlugReference]
    public var sources: [String]
    public var readingGradeTarget: Int?
    /// `handout: false` keeps the article out of the printed handouts.
    public var handout: Bool
    public var draft: Bool
    public var body: MarkdownSource
    /// `image`, shown at the top of the article and its handout, with `image_alt`.
    public var image: ImageReference? = nil
    public var imageAlt: String? = nil
    /// `published`: the day the article first appeared (the feed's `published`); nil: unknown.
    public var published: CalendarDate? = nil

    public var nextReview: CalendarDate { reviewed.adding(months: reviewEveryMonths) }
    /// When the article last changed, for the feed: the later of `published` and `reviewed`.
    public var updated: CalendarDate { max(published ?? reviewed, reviewed) }
}

public struct WorkshopSession: Sendable {
    public var date: CalendarDate
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var title: String
    public var handouts: [SlugReference]
    public var location: String?
    public var position: SourcePosition
}

/// `Content/workshops/<slug>.md`: a family education series.
public struct WorkshopSeries: Sendable {
    public var slug: String
    public var file: String
    public var title: String
    public var summary: String
    public var sessions: [WorkshopSession]
    public var location: String?
    public var onlineURL: String?
    public var programs: [SlugReference]
    public var audience: ReaderAudience?
    public var draft: Bool
    public var body: MarkdownSource
}

/// One entry of `Content/team.yml`.
public struct TeamMember: Sendable {
    public var name: String
    public var credentials: String?
    public var role: String?
    public var bio: String?
    public var programs: [SlugReference]
    /// `photo`, with `photo_alt` (the person's name when absent).
    public var photo: ImageReference? = nil
    public var photoAlt: String? = nil
    /// The member's anchor on the team page, unique within the site (set when the site is validated).
    public var id: String = ""
}

/// `Content/pages/<slug>.md`: about, contact, FAQ and the like.
public struct InfoPage: Sendable {
    public var slug: String
    public var file: String
    public var title: String
    public var summary: String
    public var order: Int
    public var menu: Bool
    public var draft: Bool
    public var body: MarkdownSource
}

/// Everything in a site's `Content/` folder, parsed.
public struct SiteContent: Sendable {
    public var settings: SiteSettings
    /// The entries of every kind (see `ContentKinds`).
    public var entries: ContentStore
    /// The kinds of content the site is made of, in the order the site lists them.
    var kinds: [any ContentKind.Type] = ContentKinds.all
    /// Paths of files in `Content/assets/`, relative to it (`group-room.svg`).
    public var assets: [String]
    /// The raster pictures among them that can be published, with their renditions.
    public var images = ImageCatalog()
    /// The width and height each SVG of the assets says it has.
    public var svgSizes: [String: SVGSize] = [:]
    /// Slugs of files that exist but could not be read because of their own errors, by folder
    /// (`programs`): references to them are not reported again as unknown.
    public var unreadable: [String: Set<String>] = [:]
    /// What changed since the last load of the same site (`clinicpress serve`); nil otherwise.
    public var changes: ContentChanges?
    /// The site in each of its other languages (`languages: [en, es]`), in the order listed.
    public var translations: [LanguageContent] = []
    /// For the content of one of those languages (`localized`): its translation files -> their sources.
    public var translationSources: [String: String] = [:]
    /// The language of this content: the default, or one of the others (`localized`).
    public var language: String { localizedLanguage ?? settings.language }
    var localizedLanguage: String?

    /// The site as it reads in one of its other languages: translated entries in place of their
    /// sources, site.yml's texts from `site.<language>.yml`.
    func localized(_ translation: LanguageContent) -> SiteContent {
        var content = self
        content.settings = translation.settings
        content.entries = translation.entries
        content.translationSources = translation.sources
        content.localizedLanguage = translation.language
        content.changes = nil
        return content
    }

    /// Where each language's pages are, and which entries each language has.
    var edition: LanguageEdition {
        var edition = LanguageEdition(language: language, languages: settings.languages)
        for translation in translations { edition.translated[translation.language] = translation.translated }
        return edition
    }

    func entries<K: ContentKind>(_ kind: K.Type) -> [K.Entry] { entries.entries(kind) }
    func entry<K: ContentKind>(_ kind: K.Type, _ slug: String) -> K.Entry? { entries.entry(kind, slug) }
}

/// An SVG's own size (its `viewBox`, else `width` and `height`), in CSS pixels.
public struct SVGSize: Sendable, Hashable {
    public var width: Int
    public var height: Int
}
