/// What the print templates receive (`handout`, `packet`, `brochure`). Like web pages, each gets
/// `site`, `root` and `content`, plus `print` with what every printed page needs.

public struct PrintFrame: Sendable, Hashable {
    /// `letter` or `A4`, for `@page { size: ... }`.
    public var paperSize: String
    public var paper: String
    /// The document's title, for `<title>` and the PDF's metadata.
    public var title: String
    public var description: String
    /// The online version's absolute URL; the QR code opens it.
    public var onlineURL: String
    /// The QR code as inline SVG (with a `<title>` for tagged PDF).
    public var qrSVG: String
    /// The first crisis line in one sentence, for page footers: "Crisis? Call or text 988 (988 Suicide & Crisis Lifeline)".
    public var crisisLine: String
    /// A date for the PDF's metadata (`dcterms.created`), from the content, so PDFs are reproducible.
    public var created: String
}

public struct PrintContext: Sendable, Hashable {
    public var site: SiteView
    public var print: PrintFrame
    /// Leads from the document to the site root (`../../`), for the stylesheet and images.
    public var root: String
    public var content: AnyTemplateValue
    /// The interface words of the site's language: `{{strings.packet.contents}}`.
    public var strings: StringsView
}

/// One education article as printed: on its own (a handout) or inside a workshop packet.
public struct HandoutView: Sendable, Hashable {
    /// Unique within a packet; the table of contents links to it.
    public var id: String
    public var slug: String
    public var title: String
    public var summary: String
    /// "For families"
    public var audience: String
    public var reviewedBy: String
    public var reviewed: String
    public var reviewedISO: String
    /// "Reviewed by Dana Whitfield, PhD on September 15, 2026", for the page footer.
    public var reviewLine: String
    public var sources: [String]
    public var bodyHTML: String
    public var onlineURL: String
    public var qrSVG: String
    /// The article's `image`: print templates show `{{root}}{{src}}`, the largest rendition.
    public var image: PictureView? = nil
}

public struct HandoutContent: Sendable, Hashable {
    public var handout: HandoutView
}

public struct PacketSessionView: Sendable, Hashable {
    public var number: Int
    public var id: String
    public var title: String
    public var date: String
    public var time: String
    public var location: String?
    public var handouts: [HandoutView]
}

public struct PacketContent: Sendable, Hashable {
    public var title: String
    public var summary: String
    public var location: String?
    public var onlineURL: String?
    public var introHTML: String
    public var sessions: [PacketSessionView]
}

/// The weekly schedule as a grid: days across, times down, one band per track.
public struct ScheduleGridView: Sendable, Hashable {
    public struct Day: Sendable, Hashable {
        public var name: String
        public var shortName: String
        /// CSS grid column (2 and up; column 1 holds the times).
        public var column: Int
    }
    public struct TimeMark: Sendable, Hashable {
        public var label: String
        /// CSS grid row (2 and up; row 1 holds the day names). Each row is 30 minutes.
        public var row: Int
    }
    public struct Band: Sendable, Hashable {
        public var track: String
        public var hoursPerWeek: String
        public var time: String
        public var column: Int
        public var rowStart: Int
        public var rowEnd: Int
        /// 1, 2, 3 ... one per track, for colours.
        public var trackNumber: Int
    }
    public var days: [Day]
    public var times: [TimeMark]
    public var bands: [Band]
    /// Number of half-hour rows, for `grid-template-rows`.
    public var rowCount: Int
    public var columnCount: Int
}

public struct BrochureContent: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var summary: String
    public var level: String
    public var audience: String
    public var length: String?
    public var focus: String
    public var components: [ComponentView]
    public var tracks: [TrackView]
    public var grid: ScheduleGridView
    public var goodFit: [String]
    public var notAFit: [String]
    public var insurance: [String]
    public var status: StatusView?
    /// `image`: print templates show `{{root}}{{src}}`, the largest rendition.
    public var image: PictureView? = nil
}

/// A link from a web page to its printed version.
public struct PrintLinkView: Sendable, Hashable {
    public var path: String
    /// "Print this handout (PDF)", or "(printable page)" when PDFs could not be made.
    public var label: String
    public var isPDF: Bool
}

// MARK: What templates can read

extension PrintFrame: TemplateValue {
    public static let fields = TemplateFields<PrintFrame>([
        "paperSize": .value { $0.paperSize },
        "paper": .value { $0.paper },
        "title": .value { $0.title },
        "description": .value { $0.description },
        "onlineURL": .value { $0.onlineURL },
        "qrSVG": .value { $0.qrSVG },
        "crisisLine": .value { $0.crisisLine },
        "created": .value { $0.created },
    ])
}

extension HandoutView: TemplateValue {
    public static let fields = TemplateFields<HandoutView>([
        "id": .value { $0.id },
        "slug": .value { $0.slug },
        "title": .value { $0.title },
        "summary": .value { $0.summary },
        "audience": .value { $0.audience },
        "reviewedBy": .value { $0.reviewedBy },
        "reviewed": .value { $0.reviewed },
        "reviewedISO": .value { $0.reviewedISO },
        "reviewLine": .value { $0.reviewLine },
        "sources": .texts { $0.sources },
        "bodyHTML": .value { $0.bodyHTML },
        "onlineURL": .value { $0.onlineURL },
        "qrSVG": .value { $0.qrSVG },
        "image": .object { $0.image },
    ])
}

extension HandoutContent: TemplateValue {
    public static let fields = TemplateFields<HandoutContent>([
        "handout": .object { $0.handout },
    ])
}

extension PacketSessionView: TemplateValue {
    public static let fields = TemplateFields<PacketSessionView>([
        "number": .value { $0.number },
        "id": .value { $0.id },
        "title": .value { $0.title },
        "date": .value { $0.date },
        "time": .value { $0.time },
        "location": .value { $0.location },
        "handouts": .list { $0.handouts },
    ])
}

extension PacketContent: TemplateValue {
    public static let fields = TemplateFields<PacketContent>([
        "title": .value { $0.title },
        "summary": .value { $0.summary },
        "location": .value { $0.location },
        "onlineURL": .value { $0.onlineURL },
        "introHTML": .value { $0.introHTML },
        "sessions": .list { $0.sessions },
    ])
}

extension ScheduleGridView: TemplateValue {
    public static let fields = TemplateFields<ScheduleGridView>([
        "days": .list { $0.days },
        "times": .list { $0.times },
        "bands": .list { $0.bands },
        "rowCount": .value { $0.rowCount },
        "columnCount": .value { $0.columnCount },
    ])
}

extension BrochureContent: TemplateValue {
    public static let fields = TemplateFields<BrochureContent>([
        "slug": .value { $0.slug },
        "title": .value { $0.title },
        "summary": .value { $0.summary },
        "level": .value { $0.level },
        "audience": .value { $0.audience },
        "length": .value { $0.length },
        "focus": .value { $0.focus },
        "components": .list { $0.components },
        "tracks": .list { $0.tracks },
        "grid": .object { $0.grid },
        "goodFit": .texts { $0.goodFit },
        "notAFit": .texts { $0.notAFit },
        "insurance": .texts { $0.insurance },
        "status": .object { $0.status },
        "image": .object { $0.image },
    ])
}

extension PrintLinkView: TemplateValue {
    public static let fields = TemplateFields<PrintLinkView>([
        "path": .value { $0.path },
        "label": .value { $0.label },
        "isPDF": .value { $0.isPDF },
    ])
}

extension PrintContext: TemplateValue {
    public static let fields = TemplateFields<PrintContext>([
        "site": .object { $0.site },
        "print": .object { $0.print },
        "root": .value { $0.root },
        "content": .open { $0.content },
        "strings": .strings { $0.strings },
    ])
}

extension ScheduleGridView.Day: TemplateValue {
    public static let fields = TemplateFields<ScheduleGridView.Day>([
        "name": .value { $0.name },
        "shortName": .value { $0.shortName },
        "column": .value { $0.column },
    ])
}

extension ScheduleGridView.TimeMark: TemplateValue {
    public static let fields = TemplateFields<ScheduleGridView.TimeMark>([
        "label": .value { $0.label },
        "row": .value { $0.row },
    ])
}

extension ScheduleGridView.Band: TemplateValue {
    public static let fields = TemplateFields<ScheduleGridView.Band>([
        "track": .value { $0.track },
        "hoursPerWeek": .value { $0.hoursPerWeek },
        "time": .value { $0.time },
        "column": .value { $0.column },
        "rowStart": .value { $0.rowStart },
        "rowEnd": .value { $0.rowEnd },
        "trackNumber": .value { $0.trackNumber },
    ])
}
