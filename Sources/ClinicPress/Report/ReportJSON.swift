import Foundation

/// report.json: the report as one JSON object, keys sorted, so two runs on the same content and
/// date give the same bytes. The schema is in the README ("report.json"). Absent values are
/// written as `null` rather than left out, so a reader can tell "none" from "not measured".
public enum ReportJSON {
    public static func encode(_ report: ContentReport) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every value is a string, number, list or object built here: encoding cannot fail.
        return (try? encoder.encode(Root(report: report))) ?? Data("{}".utf8)
    }

    /// Two decimals: enough to compare with textstat, and stable across platforms.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct Root: Encodable {
        let report: ContentReport
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(report.date.iso, forKey: Key("date"))
            try c.encode(report.siteName, forKey: Key("site"))
            let counts = report.findings.counts
            try c.encode(Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }), forKey: Key("summary"))
            try c.encode(report.documents.map(DocumentJSON.init), forKey: Key("documents"))
            try c.encode(report.programs.map(ProgramJSON.init), forKey: Key("programs"))
            try c.encode(report.findings.map(FindingJSON.init), forKey: Key("findings"))
        }
    }

    struct DocumentJSON: Encodable {
        let document: DocumentReport
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            let d = document
            try c.encode(d.path, forKey: Key("path"))
            try c.encode(d.kind.rawValue, forKey: Key("kind"))
            try c.encode(d.language, forKey: Key("language"))
            try c.encode(d.title, forKey: Key("title"))
            try c.encode(d.level.words, forKey: Key("words"))
            try c.encode(d.level.sentences, forKey: Key("sentences"))
            try c.encode(d.level.syllables, forKey: Key("syllables"))
            try c.encode(d.readable.text, forKey: Key("text"))
            try c.encode(Dictionary(uniqueKeysWithValues: d.level.scores.values.map { ($0.name, rounded($0.value)) }), forKey: Key("grade"))
            try c.encode(d.target, forKey: Key("target"))
            try c.encode(d.overTarget, forKey: Key("over_target"))
            try c.encode(d.hardestSentences.map(SentenceJSON.init), forKey: Key("hardest_sentences"))
            try c.encode(d.review?.reviewed?.iso, forKey: Key("reviewed"))
            try c.encode(d.review?.due?.iso, forKey: Key("review_due"))
            try c.encode(d.review?.status.rawValue, forKey: Key("status"))
            try c.encode(d.review?.reviewedBy, forKey: Key("reviewed_by"))
            try c.encode(d.sources, forKey: Key("sources"))
        }
    }

    struct SentenceJSON: Encodable {
        let sentence: HardSentence
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(sentence.line, forKey: Key("line"))
            try c.encode(sentence.text, forKey: Key("text"))
            try c.encode(rounded(sentence.grade), forKey: Key("grade"))
            try c.encode(sentence.longWords, forKey: Key("long_words"))
        }
    }

    struct ProgramJSON: Encodable {
        let program: ProgramReport
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(program.path, forKey: Key("path"))
            try c.encode(program.title, forKey: Key("title"))
            try c.encode(program.levelOfCare, forKey: Key("level_of_care"))
            try c.encode(program.audience, forKey: Key("audience"))
            try c.encode(program.expectedHours, forKey: Key("expected_hours"))
            try c.encode(program.minimumHours, forKey: Key("min_weekly_hours"))
            try c.encode(program.maximumHours, forKey: Key("max_weekly_hours"))
            try c.encode(program.tracks.map(TrackJSON.init), forKey: Key("tracks"))
        }
    }

    struct TrackJSON: Encodable {
        let track: TrackReport
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(track.name, forKey: Key("name"))
            try c.encode(track.days, forKey: Key("days"))
            try c.encode(track.start, forKey: Key("start"))
            try c.encode(track.end, forKey: Key("end"))
            try c.encode(track.location, forKey: Key("location"))
            try c.encode(rounded(track.weeklyHours), forKey: Key("weekly_hours"))
            try c.encode(track.withinRange, forKey: Key("within_range"))
            try c.encode(track.sharesRoomWith, forKey: Key("shares_room_with"))
            try c.encode(track.line, forKey: Key("line"))
        }
    }

    struct FindingJSON: Encodable {
        let finding: Finding
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(finding.kind.rawValue, forKey: Key("kind"))
            try c.encode(finding.path, forKey: Key("path"))
            try c.encode(finding.line, forKey: Key("line"))
            try c.encode(finding.key, forKey: Key("key"))
            try c.encode(finding.message, forKey: Key("message"))
            try c.encode(finding.hint, forKey: Key("hint"))
        }
    }
}
