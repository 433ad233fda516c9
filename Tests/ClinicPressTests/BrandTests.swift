import Foundation
import XCTest
@testable import ClinicPress

/// Brand colours (WCAG 2.1 arithmetic, the suggested shades, the derived palette), notices'
/// date windows and program status.
final class BrandTests: XCTestCase {
    func colour(_ hex: String) -> RGBColor { RGBColor.parse(hex)! }

    func testContrastOfKnownPairs() {
        XCTAssertEqual(RGBColor.black.contrast(with: .white), 21, accuracy: 0.001)
        XCTAssertEqual(RGBColor.white.contrast(with: .white), 1, accuracy: 0.001)
        // The usual borderline greys: #767676 is the lightest that passes 4.5:1 on white.
        XCTAssertEqual(colour("#767676").contrast(with: .white), 4.54, accuracy: 0.01)
        XCTAssertEqual(colour("#777777").contrast(with: .white), 4.48, accuracy: 0.01)
        XCTAssertEqual(colour("#0000ff").contrast(with: .white), 8.59, accuracy: 0.01)
        // The theme's own pairs, as site.css's header comment gives them.
        XCTAssertEqual(colour("#08505f").contrast(with: .white), 9.0, accuracy: 0.05)
        XCTAssertEqual(colour("#111111").contrast(with: colour("#ffdd00")), 14.0, accuracy: 0.05)
        // Symmetric.
        XCTAssertEqual(colour("#7fb3d5").contrast(with: .white), RGBColor.white.contrast(with: colour("#7fb3d5")))
    }

    func testRatioTextNeverRoundsUpToAPass() {
        XCTAssertEqual(RGBColor.ratioText(4.4999), "4.4:1")
        XCTAssertEqual(RGBColor.ratioText(3.25), "3.2:1")
        XCTAssertEqual(RGBColor.ratioText(21), "21.0:1")
    }

    func testParseOnlySixDigitHex() {
        XCTAssertEqual(RGBColor.parse("#1F4e79")?.hex, "#1f4e79")
        for bad in ["#abc", "1f4e79", "#1f4e7", "#1f4e79a", "#gggggg", "red", "", "#"] {
            XCTAssertNil(RGBColor.parse(bad), bad)
        }
    }

    func testSuggestedShadeIsTheNearestDarkerOneThatPasses() throws {
        let light = colour("#7fb3d5")
        let problem = try XCTUnwrap(BrandPalette.problem(color: light))
        XCTAssertEqual(RGBColor.ratioText(problem.ratio), "2.2:1")
        let shade = try XCTUnwrap(problem.suggestion)
        XCTAssertGreaterThanOrEqual(shade.contrast(with: .white), 4.5)
        // Same hue (within rounding), darker, and one step lighter would not pass.
        XCTAssertEqual(shade.hsl.hue, light.hsl.hue, accuracy: 0.01)
        XCTAssertLessThan(shade.hsl.lightness, light.hsl.lightness)
        XCTAssertLessThan(shade.shifted(lightness: 0.01).contrast(with: .white), 4.5)
        XCTAssertNil(BrandPalette.problem(color: colour("#1f4e79")))
        // Yellow needs to go a long way down, but gets there.
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(colour("#ffff00").nearestShade(reaching: 4.5, against: .white)).contrast(with: .white), 4.5)
    }

    func testAccentMustCarryDarkTextAndShowOnTheBar() throws {
        XCTAssertNil(BrandPalette.problem(accent: BrandPalette.defaultAccent, brand: nil))
        let problem = try XCTUnwrap(BrandPalette.problem(accent: colour("#c05621"), brand: colour("#1f4e79")))
        let lighter = try XCTUnwrap(problem.suggestion)
        XCTAssertGreaterThanOrEqual(lighter.contrast(with: BrandPalette.text), 4.5)
        XCTAssertGreaterThanOrEqual(lighter.contrast(with: BrandPalette(color: colour("#1f4e79"), accent: nil).darker), 3)
    }

    /// Every pair the theme shows passes for any brand colour that passes on white, even the
    /// borderline ones: links on the footer and on tints, white on the header and the bar.
    func testDerivedPaletteKeepsEveryPairReadable() {
        for hex in ["#08505f", "#1f4e79", "#767676", "#2f6b3a", "#b00020", "#6a1b9a", "#000000", "#0f6e6e"] {
            let palette = BrandPalette(color: colour(hex), accent: nil)
            XCTAssertGreaterThanOrEqual(palette.link.contrast(with: BrandPalette.darkestLinkBackground), 4.5, hex)
            XCTAssertGreaterThanOrEqual(palette.link.contrast(with: colour("#fcfbf8")), 4.5, hex)
            for text in [palette.link, palette.dark, palette.darker, BrandPalette.text] {
                XCTAssertGreaterThanOrEqual(text.contrast(with: palette.tint), 4.5, hex)
                XCTAssertGreaterThanOrEqual(text.contrast(with: palette.tintStrong), 4.5, hex)
            }
            for background in [palette.brand, palette.dark, palette.darker] {
                XCTAssertGreaterThanOrEqual(RGBColor.white.contrast(with: background), 4.5, hex)
            }
        }
        // A comfortable brand colour is used as it is for links.
        XCTAssertEqual(BrandPalette(color: colour("#1f4e79"), accent: nil).link, colour("#1f4e79"))
    }

    // MARK: Notices

    func testNoticeWindowIncludesBothEnds() throws {
        let starts = try XCTUnwrap(CalendarDate("2026-11-20")), ends = try XCTUnwrap(CalendarDate("2026-11-27"))
        let notice = Notice(slug: "n", file: "Content/notices/n.md", title: "Closed", starts: starts, ends: ends, level: .urgent,
                            paragraphs: [], draft: false, body: MarkdownSource(text: "", firstLine: 6))
        XCTAssertFalse(notice.isShown(on: CalendarDate("2026-11-19")!))
        XCTAssertTrue(notice.isShown(on: starts))
        XCTAssertTrue(notice.isShown(on: CalendarDate("2026-11-23")!))
        XCTAssertTrue(notice.isShown(on: ends))
        XCTAssertFalse(notice.isShown(on: CalendarDate("2026-11-28")!))
        let oneDay = Notice(slug: "d", file: "f", title: "t", starts: starts, ends: starts, level: .info, paragraphs: [], draft: false,
                            body: MarkdownSource(text: "", firstLine: 1))
        XCTAssertTrue(oneDay.isShown(on: starts))
    }

    func testNoticesOnTheBuildDayOnly() throws {
        func notice(_ slug: String, _ starts: String, _ ends: String, _ level: String = "info") -> (String, String) {
            ("Content/notices/\(slug).md", "---\ntitle: Notice \(slug)\nstarts: \(starts)\nends: \(ends)\nlevel: \(level)\n---\nText of \(slug).\n\nSecond paragraph.\n")
        }
        let site = try TemporarySite(Dictionary(uniqueKeysWithValues: [
            ("Content/site.yml", TemporarySite.siteYML),
            notice("past", "2026-11-01", "2026-11-22"), notice("today", "2026-11-23", "2026-11-23", "urgent"),
            notice("running", "2026-11-01", "2026-12-01"), notice("future", "2026-11-24", "2026-12-01"),
        ]))
        defer { site.remove() }
        let report = site.generate()
        XCTAssertEqual(report.diagnostics.errors.map(\.description), [])
        let home = try XCTUnwrap(report.files.first { $0.path == "index.html" }?.contents).flatMap { String(decoding: $0, as: UTF8.self) }
        let html = try XCTUnwrap(home)
        XCTAssertTrue(html.contains("Notice today") && html.contains("Notice running"))
        XCTAssertFalse(html.contains("Notice past") || html.contains("Notice future"))
        // Urgent first, and each paragraph its own.
        XCTAssertLessThan(try XCTUnwrap(html.range(of: "Notice today")).lowerBound, try XCTUnwrap(html.range(of: "Notice running")).lowerBound)
        XCTAssertTrue(html.contains("<p>Text of today.</p>\n<p>Second paragraph.</p>"))
        // --date wins over the clock.
        var options = BuildOptions(siteDirectory: site.root, now: TemporarySite.now, pdf: .off)
        options.buildDay = CalendarDate("2026-11-30")
        let later = SiteBuilder.generate(options)
        let laterHome = String(decoding: try XCTUnwrap(later.files.first { $0.path == "index.html" }?.contents ?? nil), as: UTF8.self)
        XCTAssertTrue(laterHome.contains("Notice future") && !laterHome.contains("Notice today"))
    }

    // MARK: Program status

    func testProgramStatusIsReadAndShownInWords() throws {
        let site = try TemporarySite(Dictionary(uniqueKeysWithValues: [
            ("Content/site.yml", TemporarySite.siteYML),
            TemporarySite.program("adult-iop", extra: "status: paused\nstatus_note: Back in March.\n"),
            TemporarySite.program("teen-iop", title: "Teen IOP", extra: "status: full\n"),
        ]))
        defer { site.remove() }
        let report = site.generate()
        let errors = report.diagnostics.errors.map(\.description)
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertTrue(errors.first?.contains("status") == true && errors.first?.contains("'full'") == true, "\(errors)")
        let fixed = try TemporarySite(Dictionary(uniqueKeysWithValues: [
            ("Content/site.yml", TemporarySite.siteYML), TemporarySite.program("adult-iop", extra: "status: paused\nstatus_note: Back in March.\n"),
        ]))
        defer { fixed.remove() }
        let page = String(decoding: try XCTUnwrap(fixed.generate().files.first { $0.path == "programs/adult-iop/index.html" }?.contents ?? nil), as: UTF8.self)
        XCTAssertTrue(page.contains("<span class=\"status-badge\">Not taking new clients right now</span> <span class=\"status-note\">Back in March.</span>"), page)
    }

    // MARK: Pictures

    func testImageDimensions() {
        XCTAssertTrue(SiteImage.svgDimensions("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 48\">")! == (64, 48))
        XCTAssertTrue(SiteImage.svgDimensions("<svg width='120px' height='80'>")! == (120, 80))
        XCTAssertNil(SiteImage.svgDimensions("<svg>"))
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
        png.append(contentsOf: [0, 0, 2, 0, 0, 0, 1, 0x2c])
        XCTAssertTrue(SiteImage.pngDimensions(png)! == (512, 300))
        XCTAssertNil(SiteImage.pngDimensions(Data("not a png at all, really not".utf8)))
        if case .success = SiteImage.assetName("assets/../site.yml", extensions: ["svg", "png"]) { XCTFail("left Content/assets") }
        if case .success = SiteImage.assetName("logo.svg", extensions: ["svg", "png"]) { XCTFail("not under assets/") }
        if case .success = SiteImage.assetName("assets/logo.gif", extensions: ["svg", "png"]) { XCTFail("not SVG or PNG") }
        if case .failure = SiteImage.assetName("assets/brand/logo.svg", extensions: ["svg", "png"]) { XCTFail("a subfolder is fine") }
    }
}
