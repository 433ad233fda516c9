import XCTest
@testable import ClinicPress

final class ReferenceTests: XCTestCase {
    func testUnknownSlugsNameFileKeyAndSuggestion() throws {
        let site = try TemporarySite.minimal([
            TemporarySite.article("relapse", extra: "programs: [adult-iopp]\n"),
            ("Content/team.yml", "- name: Jo Park\n  programs: [adult-iop, teen]\n"),
        ])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertTrue(messages.contains {
            $0.contains("Content/education/relapse.md:7:") && $0.contains("programs[1]: there is no program 'adult-iopp'")
                && $0.contains("did you mean 'adult-iop'?")
        }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("Content/team.yml:2:") && $0.contains("there is no program 'teen'") }, "\(messages)")
    }

    func testSessionHandoutsMustExist() throws {
        let series = TemporarySite.workshop(sessions: """
          - date: 2026-12-01
            start: "18:00"
            end: "19:30"
            title: One
            handouts: [relapse, relaps]
        """)
        let site = try TemporarySite.minimal([TemporarySite.article("relapse"), series])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertEqual(messages.count, 1, "\(messages)")
        XCTAssertTrue(messages[0].contains("sessions[1].handouts[2]: there is no education article 'relaps'"), messages[0])
    }

    func testEmptyCrisisListDuplicateSessionsAndSamePageAnchors() throws {
        let series = TemporarySite.workshop(sessions: """
          - date: 2026-12-01
            start: "18:00"
            end: "19:30"
            title: One
          - date: 2026-12-01
            start: "18:00"
            end: "19:00"
            title: Two
        """)
        let site = try TemporarySite.minimal([
            ("Content/site.yml", TemporarySite.siteYML + "\ncrisis: []\n"),
            series,
            TemporarySite.article("relapse", body: "## Signs\n\nSee [signs](#signs) and [gone](#nowhere)."),
        ])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertTrue(messages.contains { $0.contains("crisis: 'crisis' lists no crisis lines") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("sessions[2]: two sessions start at the same time") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("'#nowhere'") }, "\(messages)")
        XCTAssertFalse(messages.contains { $0.contains("'#signs'") }, "\(messages)")
    }

    func testTeamAnchorsAreUniqueAndPhoneExtensionsAreKeptApart() throws {
        let site = try TemporarySite.minimal([("Content/team.yml", "- name: Jo Park\n- name: Jo Park\n- name: 李明\n")])
        defer { site.remove() }
        let team = try XCTUnwrap(site.generate().file("team/index.html"))
        for id in ["id=\"jo-park\"", "id=\"jo-park-2\"", "id=\"member-3\""] { XCTAssertTrue(team.contains(id), id) }
        XCTAssertEqual(try PhoneNumber.parse("(847) 555-0142 ext. 12").get().href, "tel:8475550142;ext=12")
    }

    func testDraftsAreLeftOutUnlessAsked() throws {
        let site = try TemporarySite.minimal([TemporarySite.article("draft-one", extra: "draft: true\n")])
        defer { site.remove() }
        XCTAssertNil(site.generate().file("education/draft-one/index.html"))
        XCTAssertNotNil(site.generate(drafts: true).file("education/draft-one/index.html"))
    }
}
