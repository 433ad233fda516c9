import XCTest
@testable import ClinicPress

final class ScheduleTests: XCTestCase {
    func testWeeklyHoursAndDisplay() throws {
        let track = Track(name: "Evening", days: [.mon, .wed, .thu], start: TimeOfDay("18:00")!, end: TimeOfDay("21:30")!,
                          location: nil, position: .none)
        XCTAssertEqual(track.weeklyHours, 10.5)
        XCTAssertEqual(track.weeklyHours, 10.5)
        XCTAssertEqual(Hours.text(minutes: track.weeklyMinutes), "10 hours 30 minutes")
        XCTAssertEqual(Hours.text(minutes: 60), "1 hour")
        XCTAssertEqual(Hours.text(minutes: 45), "45 minutes")
        XCTAssertEqual(TimeOfDay("00:05")?.display, "12:05 AM")
        XCTAssertEqual(TimeOfDay("12:00")?.display, "12:00 PM")
        XCTAssertNil(TimeOfDay("24:00"))
        XCTAssertNil(TimeOfDay("9:30"))
        XCTAssertNil(CalendarDate("2026-02-29"))
        XCTAssertNotNil(CalendarDate("2028-02-29"))
        XCTAssertEqual(CalendarDate("2026-11-23")?.weekday, .mon)
        XCTAssertEqual(CalendarDate("2026-01-31")?.adding(months: 1).iso, "2026-02-28")
    }

    func testHoursOutsideTheLevelOfCareAreWarnings() throws {
        let site = try TemporarySite.minimal([TemporarySite.program(tracks: """
          - name: Short
            days: [mon, wed]
            start: "09:00"
            end: "12:00"
        """)])
        defer { site.remove() }
        let report = site.generate()
        XCTAssertTrue(report.succeeded)
        XCTAssertTrue(report.messages(.warning).contains {
            $0.contains("Content/programs/adult-iop.md:7:5: warning: tracks[1]: track 'Short' has 6 hours a week, but IOP for adults is usually 9 to under 20 hours a week")
        }, "\(report.messages(.warning))")
    }

    func testAdolescentIOPFromSixHours() {
        XCTAssertTrue(ScheduleChecks.expectedHours(.iop, .adolescents).range.contains(6))
        XCTAssertFalse(ScheduleChecks.expectedHours(.iop, .adults).range.contains(6))
        XCTAssertFalse(ScheduleChecks.expectedHours(.iop, .adults).range.contains(20))
        XCTAssertTrue(ScheduleChecks.expectedHours(.php, .adults).range.contains(20))
    }

    func testEndBeforeStartIsAnError() throws {
        let site = try TemporarySite.minimal([TemporarySite.program(tracks: """
          - name: Backwards
            days: [mon, tue, thu]
            start: "13:00"
            end: "10:00"
        """)])
        defer { site.remove() }
        XCTAssertTrue(site.generate().messages().contains { $0.contains("tracks[1].end: track 'Backwards' ends at 10:00, which is not after its start 13:00") })
    }

    func testOverlappingTracksInOneRoomAreAnError() throws {
        let room = """
          - name: Morning
            days: [mon, tue, thu]
            start: "09:00"
            end: "12:00"
            location: Room A
        """
        let other = TemporarySite.program("other-iop", title: "Other", tracks: room.replacingOccurrences(of: "09:00", with: "11:00")
            .replacingOccurrences(of: "12:00", with: "14:00"))
        let site = try TemporarySite.minimal([TemporarySite.program(tracks: room), other])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertTrue(messages.contains { $0.contains("overlaps track 'Morning'") && $0.contains("on Monday in Room A") }, "\(messages)")
    }
}
