import Foundation
import XCTest
@testable import ClinicPress

/// Builds real sites into temporary folders and reads the pages back.
final class EndToEndTests: XCTestCase {
    /// The fixture clinic in Tests/Fixtures/clinic: small, but with every kind of page and print document.
    /// The example clinic in Content/ is the users' to edit; no test depends on its words, slugs or counts.
    func buildFixtureClinic() throws -> (BuildReport, URL) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("clinicpress-e2e-\(UUID().uuidString)")
        // PDFs are judged by `make test` with independent tools; here the print HTML is enough.
        let report = SiteBuilder.build(BuildOptions(siteDirectory: Repository.fixtureClinic, outputDirectory: output,
                                                    now: TemporarySite.now, pdf: .off))
        return (report, output)
    }

    func testFixtureClinicBuildsEveryPageCleanly() throws {
        let (report, output) = try buildFixtureClinic()
        defer { try? FileManager.default.removeItem(at: output) }
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        func exists(_ path: String) -> Bool {
            FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
        }
        // Nothing is dropped: every content file of the fixture has its page, and every print document its HTML.
        let expected = ["index.html", "programs/index.html", "levels-of-care/index.html", "education/index.html",
                        "education/for-families/index.html", "education/for-clients/index.html",
                        "workshops/index.html", "team/index.html", "404.html", "sitemap.xml", "robots.txt", "workshops.ics",
                        "theme/site.css", "assets/quiet-room.svg",
                        "programs/day-iop/index.html", "programs/teen-op/index.html",
                        "education/first-visit/index.html", "education/family-support/index.html",
                        "education/coping-tools/index.html", "education/first-week-checklist/index.html",
                        "workshops/family-nights/index.html", "workshops/skills-lunch/index.html",
                        "about/index.html", "contact/index.html", "privacy/index.html",
                        "print/handouts/first-visit.html", "print/handouts/family-support.html",
                        "print/handouts/coping-tools.html",
                        "print/workshops/family-nights.html", "print/workshops/skills-lunch.html",
                        "print/brochures/day-iop.html", "print/brochures/teen-op.html"]
        for path in expected {
            XCTAssertTrue(exists(path), "missing \(path)")
        }
        // A draft is left out, and so is the handout of an article marked `handout: false`.
        XCTAssertFalse(exists("programs/draft-program/index.html"), "a draft program was published")
        XCTAssertFalse(report.files.contains { $0.path.contains("draft-program") }, "a draft program was published")
        XCTAssertFalse(report.files.contains { $0.path.hasPrefix("print/") && $0.path.contains("first-week-checklist") },
                       "an article with handout: false was printed")

        // Web pages; the print documents under print/ are judged as PDFs by `make test`.
        var webPages = 0
        for file in report.files where file.path.hasSuffix(".html") && !file.path.hasPrefix("print/") {
            webPages += 1
            let html = String(decoding: file.contents, as: UTF8.self)
            XCTAssertEqual(html.components(separatedBy: "<h1").count - 1, 1, "\(file.path) needs exactly one h1")
            // The fixture is in English and Spanish (languages: [en, es]); Spanish pages are under es/.
            XCTAssertTrue(html.contains("<html lang=\"\(file.path.hasPrefix("es/") ? "es" : "en")\""), file.path)
            XCTAssertTrue(html.contains("<link rel=\"canonical\" href=\"https://example.org/"), file.path)
            XCTAssertTrue(html.contains("<meta name=\"description\" content=\""), file.path)
            XCTAssertTrue(html.contains("href=\"tel:988\""), "\(file.path) lacks the crisis line")
            XCTAssertTrue(html.contains("href=\"sms:988\""), "\(file.path) lacks the crisis text line")
            XCTAssertTrue(html.contains("href=\"#main\""), "\(file.path) lacks the skip link")
            XCTAssertTrue(html.contains("<main id=\"main\""), file.path)
            // No third-party request: anything loaded by URL comes from the site itself.
            for attribute in ["src=\"", "<link rel=\"stylesheet\" href=\""] {
                for piece in html.components(separatedBy: attribute).dropFirst() {
                    let url = String(piece.prefix { $0 != "\"" })
                    let isAbsolute = url.hasPrefix("//") || url.contains("://")
                    XCTAssertTrue(!isAbsolute || url.hasPrefix("https://example.org/"), "\(file.path) loads \(url)")
                }
            }
            XCTAssertFalse(html.contains("<iframe") || html.contains("@import"), file.path)
        }
        XCTAssertGreaterThanOrEqual(webPages, expected.filter { $0.hasSuffix(".html") && !$0.hasPrefix("print/") }.count)

        func page(_ path: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }
        let program = try page("programs/day-iop/index.html")
        XCTAssertTrue(program.contains("9:30 AM"), "schedule times are shown with AM/PM")
        XCTAssertTrue(program.contains("<table"), "schedule table")
        XCTAssertTrue(program.contains("9 hours"), "hours per week")
        XCTAssertTrue(program.contains("alt=\"Two chairs in a quiet room with a sunny window\""), "picture with its alt text")
        XCTAssertTrue(program.contains("href=\"../../education/coping-tools/#grounding\""),
                      "a link to another file's heading becomes the page's address and anchor")
        XCTAssertTrue(program.contains("Ada Moss"), "the program's team")
        // The audience filters hold the articles for that audience only.
        let families = try page("education/for-families/index.html")
        XCTAssertTrue(families.contains("Supporting Your Family Member"))
        XCTAssertFalse(families.contains("Coping Tools for Hard Moments"))
        let clients = try page("education/for-clients/index.html")
        XCTAssertTrue(clients.contains("Coping Tools for Hard Moments"))
        XCTAssertFalse(clients.contains("Supporting Your Family Member"))
        XCTAssertTrue(try page("team/index.html").contains("Chloé Nguyễn"), "names are kept as written")
        let sitemap = try page("sitemap.xml")
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/programs/day-iop/</loc>"))
        XCTAssertFalse(sitemap.contains("404"))
        XCTAssertFalse(sitemap.contains("draft-program"))
        let ics = try page("workshops.ics")
        XCTAssertEqual(ics.components(separatedBy: "BEGIN:VEVENT").count - 1, 5, "one event per session")
    }

    func testMarkupInTitlesAndDataIsEscapedEverywhere() throws {
        let evil = "Evil <script>alert(1)</script> \\\"quote\\\" & co"
        let site = try TemporarySite.minimal([
            TemporarySite.program(title: "\"\(evil)\""),
            ("Content/workshops/series.md", """
            ---
            title: "\(evil)"
            summary: S
            location: "Room <b>1</b>, \\"east\\"; wing"
            sessions:
              - date: 2026-12-01
                start: "18:00"
                end: "19:30"
                title: "\(evil)"
            ---
            Intro
            """),
        ])
        defer { site.remove() }
        let report = site.generate()
        XCTAssertTrue(report.succeeded, "\(report.messages())")
        // iCalendar is plain text with its own escaping (checked below); every other output is markup.
        for file in report.files where !file.path.hasSuffix(".ics") {
            let text = String(decoding: file.contents, as: UTF8.self)
            XCTAssertFalse(text.contains("<script>alert"), "unescaped markup in \(file.path)")
        }
        let program = try XCTUnwrap(report.file("programs/adult-iop/index.html"))
        XCTAssertTrue(program.contains("Evil &lt;script&gt;alert(1)&lt;/script&gt;"), program)
        let ics = try XCTUnwrap(report.file("workshops.ics"))
        XCTAssertTrue(ics.contains("LOCATION:Room <b>1</b>\\, \"east\"\\; wing"), ics)
        let workshop = try XCTUnwrap(report.file("workshops/series/index.html"))
        XCTAssertTrue(workshop.contains("\\u003cscript\\u003e"), "JSON-LD escapes < and >")
    }

    func testFailedBuildLeavesPreviousOutputUntouched() throws {
        let site = try TemporarySite.minimal()
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let index = try site.read("Output/index.html")
        try site.write("Content/pages/broken.md", "---\ntitle: Broken\n")
        let failed = site.build()
        XCTAssertFalse(failed.succeeded)
        XCTAssertEqual(try site.read("Output/index.html"), index)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/broken/index.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
    }

    func testRemovedContentDisappearsAndOutputIsDeterministic() throws {
        let site = try TemporarySite.minimal([TemporarySite.article("relapse")])
        defer { site.remove() }
        let first = site.generate()
        let second = site.generate()
        XCTAssertEqual(first.files.map(\.path), second.files.map(\.path))
        XCTAssertEqual(first.files.map(\.contents), second.files.map(\.contents))
        XCTAssertTrue(site.build().succeeded)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/education/relapse.md"))
        XCTAssertTrue(site.build().succeeded)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/education/relapse").path))
    }

    func testOutputThatWouldReplaceTheSiteIsRefused() throws {
        let site = try TemporarySite.minimal()
        defer { site.remove() }
        for output in [site.root, site.root.appendingPathComponent("Content"), site.root.deletingLastPathComponent()] {
            let report = site.build(output: output)
            XCTAssertFalse(report.succeeded)
            XCTAssertTrue(report.messages().contains { $0.contains("would replace") }, "\(report.messages())")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/site.yml").path))
    }

    func testASiteWithOnlyContentBuildsWithTheBuiltInTheme() throws {
        let site = try TemporarySite.minimal()
        defer { site.remove() }
        let report = site.build()
        XCTAssertTrue(report.succeeded, "\(report.messages())")
        XCTAssertTrue(try site.read("Output/theme/site.css").count > 100)
        XCTAssertTrue(try site.read("Output/programs/adult-iop/index.html").contains("Adult IOP"))
    }
}
