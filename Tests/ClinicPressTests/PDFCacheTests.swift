import Foundation
import XCTest
@testable import ClinicPress

/// PDFs only when something changed (PDFCache): real builds with real WeasyPrint. `make test`
/// installs it, so a missing WeasyPrint fails these tests instead of skipping them.
final class PDFCacheTests: XCTestCase {
    /// Two handouts and a workshop packet that includes handout `a`.
    func makeSite(program: Bool = false) throws -> TemporarySite {
        var files = ["Content/site.yml": TemporarySite.siteYML]
        for (path, text) in [
            TemporarySite.article("a", body: "First article."),
            TemporarySite.article("b", body: "Second article."),
            TemporarySite.workshop("series", sessions: """
              - date: 2026-12-01
                start: "18:00"
                end: "19:30"
                title: One
                handouts: [a]
            """),
        ] { files[path] = text }
        if program {
            let (path, text) = TemporarySite.program()
            files[path] = text
        }
        return try TemporarySite(files)
    }

    func engine() throws -> PDFEngine {
        try XCTUnwrap(PDFEngine.locate(), "WeasyPrint was not found: run scripts/install-print-tools.sh (make test does)")
    }

    func build(_ site: TemporarySite, output: URL? = nil, fresh: Bool = false) throws -> BuildReport {
        _ = try engine()
        var options = BuildOptions(siteDirectory: site.root, outputDirectory: output, now: TemporarySite.now, pdf: .require)
        options.fresh = fresh
        let report = SiteBuilder.build(options)
        XCTAssertTrue(report.succeeded, "\(report.messages())")
        return report
    }

    /// Every file under `folder`, hidden ones included: path -> bytes.
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    func testSecondBuildRendersNothingAndIsByteIdentical() throws {
        let site = try makeSite(program: true)
        defer { site.remove() }
        let output = site.root.appendingPathComponent("Output")
        let first = try build(site)
        XCTAssertEqual(first.pdfCount, 4)
        XCTAssertEqual(first.pdfRendered, 4)
        let before = try snapshot(output)
        XCTAssertNotNil(before[PDFCache.manifestName])
        XCTAssertNotNil(before["print/brochures/adult-iop.pdf"])

        let second = try build(site)
        XCTAssertEqual(second.pdfRendered, 0)
        XCTAssertEqual(second.pdfReused, 4)
        XCTAssertEqual(try snapshot(output), before, "a build of unchanged content must give the same bytes")
        // A reused brochure still reports its overflow check.
        XCTAssertEqual(second.diagnostics.map(\.description), first.diagnostics.map(\.description))
    }

    func testEditingOneArticleRendersOnlyTheDocumentsThatShowIt() throws {
        let site = try makeSite()
        defer { site.remove() }
        let output = site.root.appendingPathComponent("Output")
        _ = try build(site)
        let before = try snapshot(output)

        // b is only in its own handout.
        try site.write("Content/education/b.md", TemporarySite.article("b", body: "Second article, edited.").1)
        let edited = try build(site)
        XCTAssertEqual(edited.pdfRendered, 1)
        XCTAssertEqual(edited.pdfReused, 2)
        var after = try snapshot(output)
        XCTAssertNotEqual(after["print/handouts/b.pdf"], before["print/handouts/b.pdf"])
        XCTAssertEqual(after["print/handouts/a.pdf"], before["print/handouts/a.pdf"])
        XCTAssertEqual(after["print/workshops/series.pdf"], before["print/workshops/series.pdf"])

        // a is in its handout and in the packet.
        try site.write("Content/education/a.md", TemporarySite.article("a", body: "First article, edited.").1)
        let second = try build(site)
        XCTAssertEqual(second.pdfRendered, 2)
        XCTAssertEqual(second.pdfReused, 1)
        after = try snapshot(output)

        // The same bytes as a clean build of the edited content.
        let clean = site.root.appendingPathComponent("Clean")
        let fresh = try build(site, output: clean)
        XCTAssertEqual(fresh.pdfRendered, 3)
        XCTAssertEqual(try snapshot(clean), after)
    }

    func testTamperedPDFIsRenderedAgain() throws {
        let site = try makeSite()
        defer { site.remove() }
        let output = site.root.appendingPathComponent("Output")
        _ = try build(site)
        let before = try snapshot(output)
        let pdf = output.appendingPathComponent("print/handouts/a.pdf")
        var bytes = try Data(contentsOf: pdf)
        bytes.append(contentsOf: Array("%% edited by hand\n".utf8))
        try bytes.write(to: pdf)

        let report = try build(site)
        XCTAssertEqual(report.pdfRendered, 1)
        XCTAssertEqual(report.pdfReused, 2)
        XCTAssertEqual(try snapshot(output), before)
    }

    func testFreshRendersEveryPDF() throws {
        let site = try makeSite()
        defer { site.remove() }
        let output = site.root.appendingPathComponent("Output")
        _ = try build(site)
        let before = try snapshot(output)
        let report = try build(site, fresh: true)
        XCTAssertEqual(report.pdfRendered, 3)
        XCTAssertEqual(report.pdfReused, 0)
        XCTAssertEqual(try snapshot(output), before)
    }

    // MARK: What a document uses (no WeasyPrint needed)

    func testInputsFollowStylesheetsImagesAndFonts() throws {
        let site = try TemporarySite([
            "print/handouts/x.html": """
                <!doctype html><html><head><link rel="stylesheet" href="../../theme/print.css">
                <link rel="canonical" href="https://example.org/x/">
                <style>@page { size: letter; } .logo { background: url('../../assets/bg.png'); }</style></head>
                <body><!-- <img src="../../assets/commented.png"> -->
                <img src="../../assets/group%20room.svg?v=1" alt=""><a href="../../index.html">home</a>
                <img src="data:image/png;base64,AAAA" alt=""></body></html>
                """,
            "theme/print.css": "@import 'fonts.css';\n/* url(ignored.woff) */ body { color: black }",
            "theme/fonts.css": "@font-face { font-family: X; src: url(fonts/x.woff2) format('woff2'), local('X'); }",
            "theme/fonts/x.woff2": "font bytes",
            "assets/group room.svg": "<svg xmlns='http://www.w3.org/2000/svg'><image href='inner.png'/></svg>",
            "assets/inner.png": "png",
        ])
        defer { site.remove() }
        var inputs = PrintInputs(root: site.root)
        let key = inputs.key(html: "print/handouts/x.html", context: ["paper letter"])
        XCTAssertTrue(key.cacheable)
        XCTAssertEqual(key.inputs, ["assets/bg.png", "assets/group room.svg", "assets/inner.png", "theme/fonts.css",
                                    "theme/fonts/x.woff2", "theme/print.css"])

        // Any of them changing changes the key; so does the paper.
        for (path, text) in [("theme/fonts/x.woff2", "other font"), ("assets/inner.png", "other"), ("assets/bg.png", "now here")] {
            try site.write(path, text)
            var again = PrintInputs(root: site.root)
            XCTAssertNotEqual(again.key(html: "print/handouts/x.html", context: ["paper letter"]).key, key.key, path)
        }
        var fresh = PrintInputs(root: site.root)
        let now = fresh.key(html: "print/handouts/x.html", context: ["paper letter"]).key
        XCTAssertNotEqual(fresh.key(html: "print/handouts/x.html", context: ["paper a4"]).key, now)
        XCTAssertEqual(ContentHash.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(ContentHash.hex(String(repeating: "a", count: 1000)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
