/// A kind of content (program, article, workshop series, page, team member), described once:
/// where its files are, which keys they take, what page and print document each one becomes.
/// The stages read these descriptors; none of them names a kind of its own accord, so adding a
/// kind is one descriptor (this protocol), one template and its section in the README.
protocol ContentKind: SendableMetatype {
    associatedtype Entry: ContentEntry

    /// `program`, for messages.
    static var name: String { get }
    static var source: ContentSource { get }
    /// The keys an entry may have, with their types and whether they are required.
    static var keys: [ContentKey] { get }

    /// The typed entry from checked values; reports what no single key can show (an end before
    /// a start) and returns nil when the entry cannot be used.
    static func make(_ fields: Fields, slug: String, file: String, body: MarkdownSource,
                     report: DiagnosticCollector) -> Entry?
    /// Checks that need every entry of the kind (schedules that overlap, reserved names).
    static func check(_ entries: [Entry], report: DiagnosticCollector)
    /// The entries in the order the site shows them, with anything derived from all of them.
    static func arrange(_ entries: [Entry], reservedIDs: Set<String>) -> [Entry]

    /// The web page of one entry (`programs/adult-iop/`), or nil when entries have none.
    static func pagePath(_ slug: String) -> String?
    /// The kind's own list pages (`programs/`), which a body may link to directly (`/programs/`)
    /// and no `Content/pages/` file may take the name of.
    static var listPaths: [String] { get }
    /// Main navigation links this kind adds (its list page), in order.
    static func navigation(_ site: Site) -> [LinkView]
    /// Every web page of the kind: one per entry, and its lists.
    static func pages(_ planner: PagePlanner) -> [PagePlan]
    /// The page of one entry alone, the one that shows its body (`clinicpress serve` plans it
    /// again after an edit of the body), or nil when entries have no page.
    static func entryPage(_ entry: Entry, _ planner: PagePlanner) -> PagePlan?
    /// Page templates of the kind, each with the shape of its `content`, for the template check.
    static var pageTemplates: [String: TemplateShape] { get }

    /// Markdown bodies the printed documents need, beyond the web ones.
    static func printBodies(_ entry: Entry, content: SiteContent) -> [PrintBody]
    /// The printed documents of the kind.
    static func printDocuments(_ planner: PrintPlanner) -> [PrintDocument]
    /// The printed documents whose source is this entry.
    static func entryPrintDocuments(_ entry: Entry, _ planner: PrintPlanner) -> [PrintDocument]
    static var printTemplates: [String: TemplateShape] { get }
    /// The body shows on every page (notices), not on one page of its own: after an edit of it
    /// alone, every page is planned again.
    static var bodyOnEveryPage: Bool { get }
}

/// Where a kind's entries are written.
public enum ContentSource: Sendable {
    /// One Markdown file with front matter per entry: `Content/<folder>/<slug>.md`.
    case markdownFolder(String)
    /// One YAML file holding a list of entries: `Content/team.yml`.
    case yamlList(String)

    /// `programs` for `Content/programs/`; the file name for a list.
    public var folder: String {
        switch self {
        case .markdownFolder(let folder): return folder
        case .yamlList(let file): return file
        }
    }
}

/// What every entry has.
public protocol ContentEntry: Sendable {
    var slug: String { get }
    /// The file it was read from, relative to the site folder.
    var file: String { get }
    var draft: Bool { get }
    /// The Markdown text below the front matter (empty for entries of a YAML list).
    var body: MarkdownSource { get }
    /// Every slug the entry names, each with the folder it must be found in.
    var references: [SlugReference] { get }
    /// Every picture the entry names in its keys, checked to exist in `Content/assets/`.
    var images: [ImageReference] { get }
}

extension ContentEntry {
    public var images: [ImageReference] { [] }
}

/// A body to render for print: absolute links, and ids prefixed where several share a packet.
struct PrintBody: Sendable {
    var file: String
    var source: MarkdownSource
    /// Folder of the print document it goes in (`print/handouts/`).
    var page: String
    var idPrefix: String
}

/// Defaults: no checks across entries, file order, no pages, no print documents.
extension ContentKind {
    static func check(_ entries: [Entry], report: DiagnosticCollector) {}
    static func arrange(_ entries: [Entry], reservedIDs: Set<String>) -> [Entry] { entries }
    static func pagePath(_ slug: String) -> String? { nil }
    static var listPaths: [String] { [] }
    static func navigation(_ site: Site) -> [LinkView] { [] }
    static func pages(_ planner: PagePlanner) -> [PagePlan] { [] }
    static func entryPage(_ entry: Entry, _ planner: PagePlanner) -> PagePlan? { nil }
    static func entryPrintDocuments(_ entry: Entry, _ planner: PrintPlanner) -> [PrintDocument] { [] }
    static var pageTemplates: [String: TemplateShape] { [:] }
    static func printBodies(_ entry: Entry, content: SiteContent) -> [PrintBody] { [] }
    static func printDocuments(_ planner: PrintPlanner) -> [PrintDocument] { [] }
    static var printTemplates: [String: TemplateShape] { [:] }
    static var bodyOnEveryPage: Bool { false }
}
