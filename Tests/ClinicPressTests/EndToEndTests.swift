import Foundation
import XCTest
@testable import ClinicPress

/// Builds real sites into temporary folders and reads the pages back.
final class EndToEndTests: XCTestCase {
    func buildExampleClinic() throws -> (BuildReport, URL) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("clinicpress-e2e-\(UUID().uuidString)")
        // PDFs are judged by `make test` with independent tools; here the print HTML is enough.
        let report = SiteBuilder.build(BuildOptions(siteDirectory: Repository.root, outputDirectory: output,
                                                    now: TemporarySite.now, pdf: .off))
        return (report, output)
    }

    func testExampleClinicBuildsEveryPageCleanly() throws {
        let (report, output) = try buildExampleClinic()
        defer { try? FileManager.default.removeItem(at: output) }
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        let content = Repository.root.appendingPathComponent("Content")
        func slugs(_ folder: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
        }
        // Nothing is dropped: every content file has its page.
        var expected = ["index.html", "programs/index.html", "levels-of-care/index.html", "education/index.html",
                        "workshops/index.html", "team/index.html", "404.html", "sitemap.xml", "robots.txt", "workshops.ics",
                        "theme/site.css"]
        expected += try slugs("programs").map { "programs/\($0)/index.html" }
        expected += try slugs("education").map { "education/\($0)/index.html" }
        expected += try slugs("workshops").map { "workshops/\($0)/index.html" }
        expected += try slugs("pages").map { "\($0)/index.html" }
        for path in expected {
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "missing \(path)")
        }
        XCTAssertGreaterThanOrEqual(try slugs("programs").count, 4)
        XCTAssertGreaterThanOrEqual(try slugs("education").count, 8)

        // Web pages; the print documents under print/ are judged as PDFs by `make test`.
        for file in report.files where file.path.hasSuffix(".html") && !file.path.hasPrefix("print/") {
            let html = String(decoding: file.contents, as: UTF8.self)
            XCTAssertEqual(html.components(separatedBy: "<h1").count - 1, 1, "\(file.path) needs exactly one h1")
            XCTAssertTrue(html.contains("<html lang=\"en\""), file.path)
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
        let program = try String(contentsOf: output.appendingPathComponent("programs/adult-iop/index.html"), encoding: .utf8)
        XCTAssertTrue(program.contains("9:30 AM"), "schedule times are shown with AM/PM")
        XCTAssertTrue(program.contains("<table"), "schedule table")
        XCTAssertTrue(program.contains("9 hours"), "hours per week")
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/programs/adult-iop/</loc>"))
        XCTAssertFalse(sitemap.contains("404"))
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
