import XCTest
@testable import ClinicPress

final class PrintTests: XCTestCase {
    func testPrintDocumentsForEveryArticleSeriesAndProgram() throws {
        let series = TemporarySite.workshop("family-series", sessions: """
          - date: 2026-12-01
            start: "18:00"
            end: "19:30"
            title: One
            handouts: [relapse, coping]
        """)
        let site = try TemporarySite.minimal([
            TemporarySite.article("relapse", body: "## Signs\n\nSee [the program](../programs/adult-iop.md)."),
            TemporarySite.article("coping"),
            TemporarySite.article("private", extra: "handout: false\n"),
            series,
        ])
        defer { site.remove() }
        let report = site.generate()
        XCTAssertTrue(report.succeeded, "\(report.messages())")
        let paths = Set(report.files.map(\.path))
        for path in ["print/handouts/relapse.html", "print/handouts/coping.html", "print/workshops/family-series.html",
                     "print/brochures/adult-iop.html"] {
            XCTAssertTrue(paths.contains(path), "missing \(path)")
        }
        XCTAssertFalse(paths.contains("print/handouts/private.html"), "handout: false opts out")
        let handout = try XCTUnwrap(report.file("print/handouts/relapse.html"))
        // On paper, links point at the website; the QR code opens the online article.
        XCTAssertTrue(handout.contains("href=\"https://clinic.example.org/programs/adult-iop/\""), handout)
        XCTAssertTrue(handout.contains("<svg class=\"qr\""), handout)
        XCTAssertTrue(handout.contains("https://clinic.example.org/education/relapse/"), handout)
        // The web page links the printable version (HTML here, since PDFs are off in this test).
        let page = try XCTUnwrap(report.file("education/relapse/index.html"))
        XCTAssertTrue(page.contains("href=\"../../print/handouts/relapse.html\""), page)
        let packet = try XCTUnwrap(report.file("print/workshops/family-series.html"))
        XCTAssertTrue(packet.contains("Article relapse") && packet.contains("Article coping"), packet)
    }

    func testNoPrintMakesNoDocumentsAndNoLinks() throws {
        let site = try TemporarySite.minimal([TemporarySite.article("relapse")])
        defer { site.remove() }
        let report = SiteBuilder.generate(BuildOptions(siteDirectory: site.root, now: TemporarySite.now, print: false))
        XCTAssertFalse(report.files.contains { $0.path.hasPrefix("print/") })
        XCTAssertFalse(report.file("education/relapse/index.html")?.contains("print/handouts") ?? true)
    }

    func testQRCodeEncodesTheURL() throws {
        let svg = try XCTUnwrap(QRCode.svg(for: "https://example.org/education/x/", label: "QR"))
        XCTAssertTrue(svg.hasPrefix("<svg class=\"qr\""))
        XCTAssertTrue(svg.contains("<title>QR</title>"))
        // Version 3 (29 modules) + 8 quiet modules for a URL of this length at level M.
        XCTAssertTrue(svg.contains("viewBox=\"0 0 37 37\""), svg)
    }

    func testScheduleGridPlacesTracks() {
        let morning = Track(name: "Morning", days: [.mon, .wed], start: TimeOfDay("09:30")!, end: TimeOfDay("12:30")!,
                            location: nil, position: .none)
        let evening = Track(name: "Evening", days: [.tue], start: TimeOfDay("18:00")!, end: TimeOfDay("21:00")!,
                            location: nil, position: .none)
        let grid = ScheduleGrid.make([morning, evening], format: LocaleFormatter(strings: .builtInEnglish))
        XCTAssertEqual(grid.days.map(\.shortName), ["Mon", "Tue", "Wed"])
        XCTAssertEqual(grid.rowCount, 23) // 9:30 to 21:00 in half hours
        let tuesday = grid.bands.first { $0.track == "Evening" }
        XCTAssertEqual(tuesday?.column, 3)
        XCTAssertEqual(tuesday?.rowStart, 2 + 17)
        XCTAssertEqual(tuesday?.rowEnd, 2 + 23)
        XCTAssertEqual(tuesday?.hoursPerWeek, "3 hours a week")
    }

    func testEngineIsFoundFromTheBinaryOrCLINICPRESS_HOME() throws {
        let home = try TemporarySite([".venv-print/bin/python": "#!/bin/sh\n", "scripts/render_pdfs.py": "# driver\n"])
        defer { home.remove() }
        chmod(home.root.appendingPathComponent(".venv-print/bin/python").path, 0o755)
        let elsewhere = URL(fileURLWithPath: "/usr/local/bin/clinicpress")
        XCTAssertNil(PDFEngine.locate(environment: [:], executable: elsewhere))
        XCTAssertEqual(PDFEngine.locate(environment: ["CLINICPRESS_HOME": home.root.path], executable: elsewhere)?.driver.path,
                       home.root.appendingPathComponent("scripts/render_pdfs.py").path)
        let inside = home.root.appendingPathComponent(".build/release/clinicpress")
        XCTAssertNotNil(PDFEngine.locate(environment: [:], executable: inside))
    }
}
