import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import ClinicPress

/// Issue 11's search, feed and sharing parts: the Atom feed, schema.org structured data, Open
/// Graph metadata, and how a build finds Pagefind (the index itself is checked on built sites by
/// Tests/SiteChecks/search_check.py, and its bytes by the Makefile's two-build diff).
final class SearchFeedSharingTests: XCTestCase {
    func fixture(_ options: (inout BuildOptions) -> Void = { _ in }) -> BuildReport {
        var build = BuildOptions(siteDirectory: Repository.fixtureClinic, now: TemporarySite.now, pdf: .off)
        options(&build)
        return SiteBuilder.generate(build)
    }

    /// Entries of an Atom feed as (id, title, published, updated), failing the test if the XML is not well-formed.
    final class AtomEntries: NSObject, XMLParserDelegate {
        var entries: [[String: String]] = []
        var text = ""
        var current: [String: String]?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "entry" { current = [:] }
            if name == "link", current != nil, let href = attributes["href"] { current?["link"] = href }
            text = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "entry", let entry = current { entries.append(entry); current = nil }
            if current != nil, ["id", "title", "published", "updated", "summary", "content"].contains(name) { current?[name] = text }
        }
    }

    func entries(_ xml: String, file: StaticString = #filePath, line: UInt = #line) -> [[String: String]] {
        let parser = XMLParser(data: Data(xml.utf8))
        let reader = AtomEntries()
        parser.delegate = reader
        XCTAssertTrue(parser.parse(), "feed.xml is not well-formed XML: \(String(describing: parser.parserError))", file: file, line: line)
        return reader.entries
    }

    func testTheFeedHasEveryArticleAndTheNoticesOfTheDayNewestFirstWithStableIds() throws {
        let report = fixture()
        XCTAssertEqual(report.messages(), [])
        let feed = try XCTUnwrap(report.file("feed.xml"))
        let found = entries(feed)
        let ids = found.compactMap { $0["id"] }
        XCTAssertEqual(Set(ids).count, 5, "4 articles and the notice shown on 2026-11-23: \(ids)")
        XCTAssertEqual(ids.first, "tag:example.org,2026-11-20:notices/thanksgiving-closure")
        let updated = found.compactMap { $0["updated"] }
        XCTAssertEqual(updated, updated.sorted(by: >), "newest first")
        // `published` is its own date; `updated` is the later of published and reviewed.
        let family = try XCTUnwrap(found.first { $0["id"] == "https://example.org/education/family-support/" })
        XCTAssertEqual(family["published"], "2026-03-02T00:00:00-06:00")
        XCTAssertEqual(family["updated"], "2026-08-15T00:00:00-05:00")
        XCTAssertTrue(family["content"]?.contains("<h2 id=") == true, "the whole body, as HTML")
        XCTAssertEqual(family["summary"], "Simple ways to help someone you love while they are in treatment.")
        // The same content gives the same feed, whatever the day of the build (dates come from the content).
        let later = fixture { $0.now = TemporarySite.now.addingTimeInterval(3600) }
        XCTAssertEqual(later.file("feed.xml"), feed)
        // Every page links it from its head.
        let home = try XCTUnwrap(report.file("index.html"))
        XCTAssertTrue(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\""))
        let article = try XCTUnwrap(report.file("education/coping-tools/index.html"))
        XCTAssertTrue(article.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"../../feed.xml\""))
    }

    func testMarkupInTitlesAndBodiesStaysEscapedInTheFeed() throws {
        let (path, text) = TemporarySite.article("tips", extra: "published: 2026-10-02\n",
                                                 body: "Use <b>bold</b> & \"quotes\" ]]> here.")
        let site = try TemporarySite.minimal([(path, text.replacingOccurrences(of: "title: Article tips", with: "title: \"Q&A: <sleep> tips\""))])
        defer { site.remove() }
        let report = site.generate()
        XCTAssertEqual(report.messages(), [])
        let found = entries(try XCTUnwrap(report.file("feed.xml")))
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?["title"], "Q&A: <sleep> tips")
        XCTAssertEqual(found.first?["published"], "2026-10-02T00:00:00-04:00")
        XCTAssertEqual(found.first?["updated"], "2026-10-02T00:00:00-04:00", "published after reviewed: updated is published")
        XCTAssertTrue(found.first?["content"]?.contains("&amp;") == true)
    }

    func testAPublishedValueThatIsNotADateIsAnError() throws {
        let (path, text) = TemporarySite.article("tips", extra: "published: soon\n")
        let site = try TemporarySite.minimal([(path, text)])
        defer { site.remove() }
        let errors = site.generate().messages()
        XCTAssertEqual(errors.count, 1, errors.joined(separator: "\n"))
        XCTAssertTrue(errors.first?.contains("published") == true, errors.joined())
    }

    func testStructuredDataLinksTheClinicToItsProgramsAndPagesCarryTheirLanguage() throws {
        let report = fixture()
        let home = try XCTUnwrap(report.file("index.html"))
        XCTAssertTrue(home.contains("\"availableService\":[{\"@type\":\"PsychologicalTreatment\""))
        XCTAssertTrue(home.contains("\"@type\":\"WebSite\""))
        for file in report.files where file.path.hasSuffix(".html") && !file.path.hasPrefix("print/") {
            let page = String(decoding: file.contents, as: UTF8.self)
            XCTAssertFalse(page.contains("\"provider\""), "\(file.path): provider is not a property of PsychologicalTreatment")
        }
        let program = try XCTUnwrap(report.file("programs/day-iop/index.html"))
        XCTAssertTrue(program.contains("\"@type\":\"MedicalWebPage\""))
        XCTAssertTrue(program.contains("\"about\":{\"@type\":\"PsychologicalTreatment\""))
        XCTAssertTrue(program.contains("\"inLanguage\":\"en\""))
        let family = try XCTUnwrap(report.file("education/family-support/index.html"))
        XCTAssertTrue(family.contains("\"datePublished\":\"2026-03-02\""))
    }

    func testEveryPageHasOpenGraphAndTwitterCardMetadata() throws {
        let report = fixture()
        for file in report.files where file.path.hasSuffix(".html") && !file.path.hasPrefix("print/") {
            let page = String(decoding: file.contents, as: UTF8.self)
            for property in ["og:title", "og:description", "og:url", "og:locale\" content=\"en_US", "og:image", "og:image:alt",
                             "twitter:card", "twitter:title", "twitter:description", "twitter:image:alt"] {
                XCTAssertTrue(page.contains("=\"\(property)"), "\(file.path) has no \(property)")
            }
        }
        let home = try XCTUnwrap(report.file("index.html"))
        XCTAssertTrue(home.contains("<meta property=\"og:image:alt\" content=\"The Cedar Fixture Counseling logo\">"))
    }

    func testLocalesAreLanguageAndRegion() {
        XCTAssertEqual(Sharing.locale(language: "en", country: "US"), "en_US")
        XCTAssertEqual(Sharing.locale(language: "es", country: "United States"), "es_US")
        XCTAssertEqual(Sharing.locale(language: "en-GB", country: "US"), "en_GB")
        XCTAssertEqual(Sharing.locale(language: "fr", country: "Atlantis"), "fr")
        XCTAssertEqual(Sharing.locale(language: "es", country: nil), "es")
    }

    func testSearchOffMakesNoSearchPageNoLinkAndNoWarning() throws {
        let report = fixture { $0.search = .off }
        XCTAssertEqual(report.messages(.warning), [])
        XCTAssertNil(report.searchEngine)
        XCTAssertNil(report.file("search/index.html"))
        let home = try XCTUnwrap(report.file("index.html"))
        XCTAssertFalse(home.contains("search/"))
        XCTAssertFalse(home.contains("data-pagefind"))
    }

    func testWithPagefindTheSearchPageIsLinkedAndOnlyContentIsMarkedForIndexing() throws {
        try XCTSkipIf(SearchEngine.locate() == nil, "Pagefind is not installed: run scripts/install-print-tools.sh (make test does)")
        let report = fixture()
        XCTAssertNotNil(report.searchEngine)
        let search = try XCTUnwrap(report.file("search/index.html"))
        XCTAssertTrue(search.contains("<label class=\"search-label\" for=\"search-input\">"))
        XCTAssertTrue(search.contains("id=\"search-form\" role=\"search\" action=\"./\" method=\"get\" hidden"), "no search box without JavaScript")
        XCTAssertFalse(search.contains("data-pagefind-body"), "the search page is not indexed")
        let article = try XCTUnwrap(report.file("education/coping-tools/index.html"))
        XCTAssertTrue(article.contains("<main id=\"main\" tabindex=\"-1\" data-pagefind-body>"))
        XCTAssertTrue(article.contains("<a href=\"../../search/\">Search</a>"))
        XCTAssertFalse(try XCTUnwrap(report.file("index.html")).contains("data-pagefind-body"), "the home page only lists")
    }

    func testPagefindIsFoundWhereItIsInstalledOrWhereTheEnvironmentSays() {
        XCTAssertNil(SearchEngine.locate(environment: ["CLINICPRESS_PAGEFIND": "/nonexistent/pagefind"]))
        XCTAssertEqual(SearchEngine.locate(environment: ["CLINICPRESS_PAGEFIND": "/bin/true"])?.executable.path, "/bin/true")
        let elsewhere = URL(fileURLWithPath: "/nonexistent/bin/clinicpress")
        XCTAssertNil(SearchEngine.locate(environment: [:], executable: elsewhere))
    }

    func testPagefindsReadyMadeInterfacesAreNotPublished() {
        XCTAssertTrue(SearchEngine.isUnusedInterface("pagefind-ui.js"))
        XCTAssertTrue(SearchEngine.isUnusedInterface("pagefind-component-ui.css"))
        XCTAssertTrue(SearchEngine.isUnusedInterface("pagefind-highlight.js"))
        XCTAssertFalse(SearchEngine.isUnusedInterface("pagefind.js"))
        XCTAssertFalse(SearchEngine.isUnusedInterface("pagefind-worker.js"))
        XCTAssertFalse(SearchEngine.isUnusedInterface("pagefind-entry.json"))
    }
}
