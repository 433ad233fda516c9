import XCTest
@testable import ClinicPress

/// `clinicpress serve` rebuilds with a `BuildCache`: files, bodies, plans and pages of the last
/// build are kept where nothing they came from changed. Whatever is edited, the result must be
/// byte for byte what a build from the files alone makes.
final class IncrementalBuildTests: XCTestCase {
    var site: URL!

    override func setUpWithError() throws {
        site = FileManager.default.temporaryDirectory.appendingPathComponent("clinicpress-incremental-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Repository.fixtureClinic, to: site)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: site) }

    func options(cache: BuildCache?) -> BuildOptions {
        var options = BuildOptions(siteDirectory: site, now: TemporarySite.now, pdf: .off)
        options.cache = cache
        return options
    }

    /// Builds with the cache and without, and requires the same diagnostics, plan and files.
    @discardableResult
    func assertSameAsFresh(_ cache: BuildCache, _ what: String, file: StaticString = #filePath, line: UInt = #line) -> BuildReport {
        let incremental = SiteBuilder.generate(options(cache: cache))
        let fresh = SiteBuilder.generate(options(cache: nil))
        XCTAssertEqual(incremental.diagnostics, fresh.diagnostics, what, file: file, line: line)
        XCTAssertTrue(incremental.plan == fresh.plan, "\(what): the plans differ", file: file, line: line)
        XCTAssertEqual(incremental.files.map(\.path), fresh.files.map(\.path), what, file: file, line: line)
        for (a, b) in zip(incremental.files, fresh.files) where a.contents != b.contents {
            XCTFail("\(what): \(a.path) differs from a fresh build", file: file, line: line)
        }
        return incremental
    }

    /// The fixture in its default language alone: a site in several languages is planned whole on
    /// every rebuild (a body shows in more than one language's pages), so only a site in one
    /// language shows the incremental plan.
    func keepOneLanguage() throws {
        let content = site.appendingPathComponent("Content")
        let walker = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)!
        for case let url as URL in walker where url.lastPathComponent.contains(".es.") {
            try FileManager.default.removeItem(at: url)
        }
        let settings = content.appendingPathComponent("site.yml")
        let text = try String(contentsOf: settings, encoding: .utf8).replacingOccurrences(of: "languages: [en, es]", with: "language: en")
        try Data(text.utf8).write(to: settings)
    }

    func markdownFiles() throws -> [String] {
        try ["programs", "education", "workshops", "pages"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("Content/" + folder).path)
                .filter { $0.hasSuffix(".md") }.sorted().map { "Content/\(folder)/\($0)" }
        }
    }

    func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: site.appendingPathComponent(path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    func testAnEditedBodyRebuildsAsFromTheFiles() throws {
        try keepOneLanguage()
        let cache = BuildCache()
        XCTAssertTrue(SiteBuilder.generate(options(cache: cache)).succeeded)
        for path in try markdownFiles() {
            try append("\n\n## Added while serving\n\nA new paragraph for \(path).\n", to: path)
            let report = assertSameAsFresh(cache, "after editing the body of \(path)")
            XCTAssertTrue(report.planWasIncremental, "\(path): a body edit should replan only what shows it")
            XCTAssertGreaterThan(report.reusedCount, 0)
        }
    }

    func testFrontMatterDataAndFilesAddedOrRemovedRebuildAsFromTheFiles() throws {
        try keepOneLanguage()
        let cache = BuildCache()
        XCTAssertTrue(SiteBuilder.generate(options(cache: cache)).succeeded)
        let files = try markdownFiles()
        // A title shows on cards and lists everywhere.
        let article = try XCTUnwrap(files.first { $0.contains("/education/") })
        var text = try String(contentsOf: site.appendingPathComponent(article), encoding: .utf8)
        text = text.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Renamed ")
        try Data(text.utf8).write(to: site.appendingPathComponent(article))
        XCTAssertFalse(assertSameAsFresh(cache, "after a title change").planWasIncremental)
        // A new article, then the same body edit as before, then it is removed again.
        let new = "Content/education/added-while-serving.md"
        try Data("---\ntitle: Added\nsummary: New.\naudience: family\nreviewed: 2026-01-01\nreviewed_by: A. Reviewer\n---\nText.\n".utf8)
            .write(to: site.appendingPathComponent(new))
        assertSameAsFresh(cache, "after adding an article")
        try append("\nMore text.\n", to: new)
        XCTAssertTrue(assertSameAsFresh(cache, "after editing the new article").planWasIncremental)
        try FileManager.default.removeItem(at: site.appendingPathComponent(new))
        assertSameAsFresh(cache, "after removing it")
        // The clinic's data.
        try append("\ntagline: Changed while serving\n", to: "Content/site.yml")
        assertSameAsFresh(cache, "after editing site.yml")
    }

    /// In several languages: edits of a translation's body, of its data-free front matter, and of
    /// its source's body still give what a build from the files alone gives.
    func testEditsOfTranslationsRebuildAsFromTheFiles() throws {
        let cache = BuildCache()
        XCTAssertTrue(SiteBuilder.generate(options(cache: cache)).succeeded)
        let translations = try markdownFiles().filter { $0.hasSuffix(".es.md") }
        XCTAssertFalse(translations.isEmpty, "the fixture has translations")
        for path in translations {
            try append("\n\n## Añadido\n\nUn párrafo nuevo.\n", to: path)
            assertSameAsFresh(cache, "after editing the body of \(path)")
            let source = path.replacingOccurrences(of: ".es.md", with: ".md")
            try append("\n\nOne more sentence.\n", to: source)
            assertSameAsFresh(cache, "after editing the body of \(source)")
        }
        let settings = "Content/site.es.yml"
        var text = try String(contentsOf: site.appendingPathComponent(settings), encoding: .utf8)
        text = text.replacingOccurrences(of: "tagline: ", with: "tagline: Nueva, ")
        try Data(text.utf8).write(to: site.appendingPathComponent(settings))
        let report = assertSameAsFresh(cache, "after editing site.es.yml")
        XCTAssertTrue(report.files.contains { $0.path == "es/index.html" && String(decoding: $0.contents, as: UTF8.self).contains("Nueva, ") })
    }

    func testABrokenEditKeepsTheLastGoodBuildForTheNext() throws {
        let cache = BuildCache()
        XCTAssertTrue(SiteBuilder.generate(options(cache: cache)).succeeded)
        let article = try XCTUnwrap(markdownFiles().first { $0.contains("/education/") })
        let good = try String(contentsOf: site.appendingPathComponent(article), encoding: .utf8)
        try Data(good.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: \"").utf8).write(to: site.appendingPathComponent(article))
        XCTAssertFalse(SiteBuilder.generate(options(cache: cache)).succeeded)
        try Data((good + "\nFixed.\n").utf8).write(to: site.appendingPathComponent(article))
        assertSameAsFresh(cache, "after fixing the file with a new body")
    }
}
