import XCTest
@testable import ClinicPress

final class FrontMatterTests: XCTestCase {
    func testSplitsYAMLAndBodyWithLineNumbers() {
        let report = DiagnosticCollector()
        let split = FrontMatter.split("---\ntitle: A\nsummary: B\n---\n# Body\n", file: "x.md", report: report)
        XCTAssertEqual(split?.yaml, "title: A\nsummary: B")
        XCTAssertEqual(split?.body.firstLine, 5)
        XCTAssertEqual(split?.body.text, "# Body\n")
        XCTAssertTrue(report.all.isEmpty)
    }

    func testUnclosedFrontMatterIsAnError() {
        let report = DiagnosticCollector()
        XCTAssertNil(FrontMatter.split("---\ntitle: A\n", file: "x.md", report: report))
        XCTAssertEqual(report.all.first?.message, "the front matter that starts on line 1 is never closed")
    }

    func testOnlyAFenceAtColumnOneClosesTheFrontMatter() {
        let report = DiagnosticCollector()
        let text = "---\nsummary: >\n  One.\n  ...\n  ---\n  Two.\ntitle: A\n--- \nBody\n"
        let split = FrontMatter.split(text, file: "x.md", report: report)
        XCTAssertEqual(split?.yaml, "summary: >\n  One.\n  ...\n  ---\n  Two.\ntitle: A")
        XCTAssertEqual(split?.body.firstLine, 9)
        XCTAssertEqual(split?.body.text, "Body\n")
    }

    func testWindowsAndOldMacLineEndsBecomeLineFeeds() {
        XCTAssertEqual(SiteFiles.unixLineEnds("a\r\nb\rc\n\r\r\nd"), "a\nb\nc\n\n\nd")
        XCTAssertEqual(SiteFiles.unixLineEnds("é\r\n"), "é\n")
    }

    func testYAMLAliasesAreCountedBeforeTheyExpand() {
        var laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = Character(UnicodeScalar(96 + level)!), name = Character(UnicodeScalar(97 + level)!)
            laughs += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let excess = YAMLAliasBudget.check(laughs)
        XCTAssertNotNil(excess)
        XCTAssertLessThanOrEqual(excess?.aliases ?? .max, YAMLAliasBudget.maximumAliases + 1)
        // A few aliases of small values are fine.
        XCTAssertNil(YAMLAliasBudget.check("a: &x [mon, wed]\nb: *x\nc: *x\n"))
    }

    func testMissingFrontMatterIsAnError() {
        let report = DiagnosticCollector()
        XCTAssertNil(FrontMatter.split("title: A\n", file: "x.md", report: report))
        XCTAssertTrue(report.hasErrors)
    }

    func testMisspeltKeyGetsSuggestionWithFileLine() throws {
        let site = try TemporarySite.minimal([TemporarySite.program(extra: "sumary: oops\n")])
        defer { site.remove() }
        let report = site.generate()
        XCTAssertFalse(report.succeeded)
        XCTAssertTrue(report.messages().contains {
            $0.hasPrefix("Content/programs/adult-iop.md:6:1: error: sumary: unknown key 'sumary'") && $0.contains("did you mean 'summary'?")
        }, "\(report.messages())")
    }

    func testMissingRequiredKeyNamesTheKey() throws {
        let site = try TemporarySite.minimal([("Content/education/a.md", "---\ntitle: A\nsummary: B\naudience: family\nreviewed: 2026-01-01\n---\nText\n")])
        defer { site.remove() }
        let report = site.generate()
        XCTAssertTrue(report.messages().contains { $0.contains("Content/education/a.md:2:1: error: reviewed_by: the required key 'reviewed_by' is missing") },
                      "\(report.messages())")
    }

    func testStringWhereListBelongs() throws {
        let site = try TemporarySite.minimal([TemporarySite.program(tracks: "  - name: Morning\n    days: monday\n    start: \"09:00\"\n    end: \"12:00\"")])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertTrue(messages.contains { $0.contains("tracks[1].days: 'days' should be a list") }, "\(messages)")
    }

    func testImpossibleDateAndTime() throws {
        let workshop = TemporarySite.workshop(sessions: """
          - date: 2026-13-40
            start: "25:00"
            end: "20:00"
            title: One
        """)
        let site = try TemporarySite.minimal([workshop])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertTrue(messages.contains { $0.contains("series.md:5:11: error: sessions[1].date: '2026-13-40' is not a real date") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("sessions[1].start: '25:00' is not a time on the 24-hour clock") }, "\(messages)")
    }

    func testTabIndentationIsReportedOnItsLine() throws {
        let site = try TemporarySite.minimal([("Content/pages/about.md", "---\ntitle: About\n\tsummary: x\n---\nText\n")])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertTrue(messages.contains { $0.hasPrefix("Content/pages/about.md:3:1: error: this line is indented with a tab") }, "\(messages)")
    }

    func testUnknownDaySuggestsTheRightOne() throws {
        let site = try TemporarySite.minimal([TemporarySite.program(tracks: "  - name: M\n    days: [mon, wedn]\n    start: \"09:00\"\n    end: \"12:00\"")])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertTrue(messages.contains { $0.contains("'wedn' is not a day") && $0.contains("did you mean 'wed'?") }, "\(messages)")
    }

    func testDuplicateSlugsAreAnError() throws {
        let site = try TemporarySite.minimal([("Content/pages/About.md", "---\ntitle: A\nsummary: B\n---\nx"),
                                              ("Content/pages/about.md", "---\ntitle: A\nsummary: B\n---\nx")])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertTrue(messages.contains { $0.contains("has the same slug 'about'") }, "\(messages)")
    }

    func testEveryErrorOfARunIsReported() throws {
        let site = try TemporarySite.minimal([
            ("Content/pages/a.md", "---\ntitle: A\n---\nx"),
            ("Content/pages/b.md", "---\ntitel: B\nsummary: S\n---\nx"),
            ("Content/pages/c.md", "no front matter"),
        ])
        defer { site.remove() }
        let files = Set(site.generate().diagnostics.errors.map(\.file))
        XCTAssertEqual(files, ["Content/pages/a.md", "Content/pages/b.md", "Content/pages/c.md"])
    }
}
