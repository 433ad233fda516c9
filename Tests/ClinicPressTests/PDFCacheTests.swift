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

    // MARK: What a document uses, as WeasyPrint loaded it

    func testEveryFileWeasyPrintLoadedIsInTheKey() throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.write("Content/assets/room.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>")
        let (path, text) = TemporarySite.article("b", body: "Second article.\n\n![A room](../assets/room.svg)")
        try site.write(path, text)
        let output = site.root.appendingPathComponent("Output")
        _ = try build(site)
        let manifest = try XCTUnwrap(PDFCache.readManifest(in: output))
        for (pdf, entry) in manifest.pdfs {
            XCTAssertNotNil(entry.inputs["theme/print.css"], "\(pdf) loaded the print stylesheet: \(entry.inputs)")
        }
        XCTAssertNotNil(manifest.pdfs["print/handouts/b.pdf"]?.inputs["assets/room.svg"])
        XCTAssertNil(manifest.pdfs["print/handouts/a.pdf"]?.inputs["assets/room.svg"])

        // The picture changes: only the handout that shows it is rendered again.
        try site.write("Content/assets/room.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='20' height='10'/>")
        let picture = try build(site)
        XCTAssertEqual(picture.pdfRendered, 1)
        // The stylesheet changes: every PDF is rendered again.
        let css = try String(contentsOf: Repository.root.appendingPathComponent("Templates/theme/print.css"), encoding: .utf8)
        try site.write("Templates/theme/print.css", css + "\n/* a clinic's change */\n")
        let style = try build(site)
        XCTAssertEqual(style.pdfRendered, 3)
        XCTAssertEqual(style.pdfReused, 0)
    }
}
