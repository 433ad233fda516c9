import Foundation

/// Content whose references have been checked: every slug it names exists.
/// This is what the renderers work from.
public struct Site: Sendable {
    public var settings: SiteSettings
    /// The entries of every kind, in the order the site shows them.
    public var entries: ContentStore
    public var assets: Set<String>
    /// The raster pictures of `Content/assets/` and their renditions.
    public var images = ImageCatalog()
    /// The width and height each SVG of the assets says it has.
    public var svgSizes: [String: SVGSize] = [:]
    /// The day the site is built, in the clinic's time zone: workshops before it are past.
    public var buildDate: CalendarDate
    /// Absolute URL of the site root, ending in `/`.
    public var baseURL: String
    /// Files left out because of their own errors (see `SiteContent.unreadable`).
    public var unreadable: [String: Set<String>] = [:]
    /// The kinds of content the site is made of (`ContentKinds.all`).
    var kinds: [any ContentKind.Type] = ContentKinds.all
    /// The interface words in the site's language (`Templates/strings/<language>.yml`).
    public var strings: ThemeStrings = .builtInEnglish
    /// The theme has `Templates/assets/custom.css`: pages link it after the theme's styles.
    public var customStylesheet = false
    /// The language of these pages and where the pages of the site's other languages are.
    public var edition = LanguageEdition(language: ThemeStrings.defaultLanguage, languages: [])
    /// Keys of site.yml that `site.<language>.yml` gives in this edition's language.
    public var translatedSiteKeys: Set<String> = []
    /// The translation files shown in this edition (their entries have pages and print documents in it).
    public var translationFiles: Set<String> = []
    /// Pagefind indexes this build: the site has a search page, linked from the header.
    public var search = false

    /// Dates, times, day names and lists in those words.
    var format: LocaleFormatter { LocaleFormatter(strings: strings) }

    func entries<K: ContentKind>(_ kind: K.Type) -> [K.Entry] { entries.entries(kind) }
    func entry<K: ContentKind>(_ kind: K.Type, _ slug: String) -> K.Entry? { entries.entry(kind, slug) }

    public var timeZone: TimeZone { settings.timeZone }
}

/// Paths the build itself decides, relative to the site root (entries' pages: `Site.path`).
public enum SitePaths {

    /// Pages the build makes itself, which a body may link to directly (`/team/`).
    static func generatedPages(_ kinds: [any ContentKind.Type]) -> Set<String> {
        Set(["", "404.html"] + ContentKinds.listPaths(kinds))
    }

    /// Paths the build writes itself: no entry's page may take one (a page named `programs`, an
    /// article named `for-families`).
    /// A language's folder (`es/`) is taken on a site in several languages: `languages` lists them.
    static func taken(_ kinds: [any ContentKind.Type], languages: [String] = []) -> Set<String> {
        Set(ContentKinds.listPaths(kinds)).union(["assets/", "theme/", "print/", "404/", "index/", "sitemap/", "robots/",
                                                   SearchPage.path, SearchEngine.bundleFolder + "/", "feed/"])
            .union(languages.dropFirst().map { $0.lowercased() + "/" })
    }
}
