/// What the print templates receive (`handout`, `packet`, `brochure`). Like web pages, each gets
/// `site`, `root` and `content`, plus `print` with what every printed page needs.

public struct PrintFrame: Sendable {
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

public struct PrintContext<Content: Sendable>: Sendable {
    public var site: SiteView
    public var print: PrintFrame
    /// Leads from the document to the site root (`../../`), for the stylesheet and images.
    public var root: String
    public var content: Content
}

/// One education article as printed: on its own (a handout) or inside a workshop packet.
public struct HandoutView: Sendable {
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
    public var hasSources: Bool
    public var bodyHTML: String
    public var onlineURL: String
    public var qrSVG: String
}

public struct HandoutContent: Sendable {
    public var handout: HandoutView
}

public struct PacketSessionView: Sendable {
    public var number: Int
    public var id: String
    public var title: String
    public var date: String
    public var time: String
    public var location: String?
    public var handouts: [HandoutView]
    public var hasHandouts: Bool
}

public struct PacketContent: Sendable {
    public var title: String
    public var summary: String
    public var location: String?
    public var onlineURL: String?
    public var introHTML: String
    public var sessions: [PacketSessionView]
}

/// The weekly schedule as a grid: days across, times down, one band per track.
public struct ScheduleGridView: Sendable {
    public struct Day: Sendable {
        public var name: String
        public var shortName: String
        /// CSS grid column (2 and up; column 1 holds the times).
        public var column: Int
    }
    public struct TimeMark: Sendable {
        public var label: String
        /// CSS grid row (2 and up; row 1 holds the day names). Each row is 30 minutes.
        public var row: Int
    }
    public struct Band: Sendable {
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

public struct BrochureContent: Sendable {
    public var slug: String
    public var title: String
    public var summary: String
    public var level: String
    public var audience: String
    public var length: String?
    public var focus: String
    public var hasFocus: Bool
    public var components: [ComponentView]
    public var hasComponents: Bool
    public var tracks: [TrackView]
    public var grid: ScheduleGridView
    public var goodFit: [String]
    public var hasGoodFit: Bool
    public var notAFit: [String]
    public var hasNotAFit: Bool
    public var insurance: [String]
    public var hasInsurance: Bool
}

/// A link from a web page to its printed version.
public struct PrintLinkView: Sendable {
    public var path: String
    /// "Print this handout (PDF)", or "(printable page)" when PDFs could not be made.
    public var label: String
    public var isPDF: Bool
}
