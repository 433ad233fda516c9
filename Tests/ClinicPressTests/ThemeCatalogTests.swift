import XCTest
@testable import ClinicPress

final class ThemeCatalogTests: XCTestCase {
    func testEveryFileOfTheThemeIsDescribed() {
        XCTAssertEqual(ThemeCatalog.undescribed, [], "add a line for each to ThemeCatalog.descriptions")
        XCTAssertEqual(Set(ThemeCatalog.descriptions.keys).subtracting(ThemeExport.files.keys), [],
                       "ThemeCatalog describes files the theme no longer has")
    }

    func testTheReadmeTableIsTheThemeList() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        guard let start = text.range(of: "-->\n", range: text.range(of: "<!-- templates:start")!.upperBound..<text.endIndex),
              let end = text.range(of: "<!-- templates:end -->") else { return XCTFail("README has no templates block") }
        XCTAssertEqual(String(text[start.upperBound..<end.lowerBound]), ThemeCatalog.markdownTable(),
                       "run: clinicpress theme list, and put its table into README.md's templates block")
    }

    func testExportWritesEveryFileAndRefusesToOverwriteChanges() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicpress-export-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try ThemeExport.export(to: folder, force: false)
        XCTAssertEqual(first.written.count, ThemeExport.files.count)
        XCTAssertEqual(try ThemeExport.export(to: folder, force: false).unchanged.count, ThemeExport.files.count)
        try Data("changed".utf8).write(to: folder.appendingPathComponent("footer.mustache"))
        XCTAssertThrowsError(try ThemeExport.export(to: folder, force: false)) { error in
            XCTAssertEqual((error as? ThemeExport.Refusal)?.differing, ["footer.mustache"])
        }
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("footer.mustache"), encoding: .utf8), "changed")
        XCTAssertEqual(try ThemeExport.export(to: folder, force: true).written, ["footer.mustache"])
    }

    func testNewFilesRefuseBadAndTakenNames() throws {
        let site = try TemporarySite.minimal()
        defer { site.remove() }
        let today = Date(timeIntervalSince1970: 1_795_392_000)
        XCTAssertEqual(try NewContent.file(.article, slug: "sleep-and-mood", site: site.root, today: today),
                       "Content/education/sleep-and-mood.md")
        XCTAssertThrowsError(try NewContent.file(.article, slug: "sleep-and-mood", site: site.root, today: today))
        XCTAssertThrowsError(try NewContent.file(.page, slug: "Sleep Mood", site: site.root, today: today))
        XCTAssertThrowsError(try NewContent.file(.page, slug: "programs", site: site.root, today: today))
        let text = try site.read("Content/education/sleep-and-mood.md")
        XCTAssertTrue(text.contains("reviewed: 2026-11-23"), text)
        var options = BuildOptions(siteDirectory: site.root, includeDrafts: true, pdf: .off)
        options.now = today
        let report = SiteBuilder.generate(options)
        XCTAssertTrue(report.succeeded, "\(report.messages())")
        XCTAssertTrue(report.files.contains { $0.path == "education/sleep-and-mood/index.html" })
    }
}
