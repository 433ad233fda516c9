import Foundation

/// One measured document of report.json's `documents` (schema in the README, "report.json").
public struct DocumentReport: Sendable {
    public enum Kind: String, Sendable { case article, program, workshop }

    /// Relative to the site folder.
    public var path: String
    public var kind: Kind
    public var language: String
    public var title: String
    /// The line of the file where the body starts, for the link to the source.
    public var bodyLine: Int
    public var readable: ReadableText
    public var level: ReadingLevel
    public var target: Int
    public var hardestSentences: [HardSentence]
    /// Review keys: only for kinds that carry `reviewed` (articles); nil otherwise.
    public var review: Review?
    /// Number of `sources`; nil for kinds without the key.
    public var sources: Int?

    public struct Review: Sendable {
        public var reviewed: CalendarDate?
        public var due: CalendarDate?
        public var status: ReviewStatus
        public var reviewedBy: String?
        /// The line of `reviewed` in the file, for links and warnings.
        public var line: Int
    }

    public var overTarget: Bool { level.words > 0 && level.scores.grade > Double(target) }
}

/// A track of a program, with its weekly hours against the program's range.
public struct TrackReport: Sendable {
    public var name: String
    public var days: [String]
    public var start: String
    public var end: String
    public var location: String?
    public var weeklyHours: Double
    public var line: Int
    public var withinRange: Bool
    /// Tracks (`Program title: track name`) meeting in the same room, at any time of the week.
    public var sharesRoomWith: [String]
}

/// A program's schedule for report.json's `programs`.
public struct ProgramReport: Sendable {
    public var path: String
    public var title: String
    public var levelOfCare: String
    public var audience: String
    /// The usual weekly hours for the level and audience, in words, and as numbers (max: nil for none).
    public var expectedHours: String
    public var minimumHours: Double
    public var maximumHours: Double?
    public var tracks: [TrackReport]
}

/// Everything `clinicpress report` found, in the order it is shown.
public struct ContentReport: Sendable {
    public var date: CalendarDate
    public var siteName: String
    public var documents: [DocumentReport]
    public var programs: [ProgramReport]
    public var findings: [Finding]
    /// Problems with the report's own tools (no pronunciation dictionary), shown as warnings.
    public var toolWarnings: [Diagnostic]
}
