import XCTest
@testable import ClinicPress

final class ICalendarTests: XCTestCase {
    func calendar() throws -> ICalendar {
        let site = try TemporarySite.minimal()
        defer { site.remove() }
        let report = DiagnosticCollector()
        let content = try XCTUnwrap(ContentLoader(siteDirectory: site.root, includeDrafts: false, report: report).load())
        return ICalendar(site: SiteValidator(report: report, reservedIDs: []).validate(content, buildDate: CalendarDate("2026-11-23")!,
                                                                      baseURL: "https://clinic.example.org/"))
    }

    func testFoldsAt75OctetsWithoutSplittingCharacters() throws {
        let ics = try calendar()
        let line = "SUMMARY:" + String(repeating: "é", count: 60) + String(repeating: "x", count: 30)
        let folded = ics.fold(line)
        for physical in folded.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(physical.utf8.count, 75, physical)
        }
        XCTAssertEqual(folded.replacingOccurrences(of: "\r\n ", with: ""), line)
    }

    func testEscapesText() throws {
        XCTAssertEqual(try calendar().escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne")
    }

    func testVTimezoneCoversTransitions() throws {
        let lines = try calendar().timeZoneLines(TimeZone(identifier: "America/New_York")!, from: 2026, through: 2026)
        XCTAssertTrue(lines.contains("DTSTART:20260308T020000"), "\(lines)")
        XCTAssertTrue(lines.contains("DTSTART:20261101T020000"), "\(lines)")
        XCTAssertTrue(lines.contains("TZOFFSETTO:-0400"))
    }
}
