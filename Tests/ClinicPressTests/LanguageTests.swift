import XCTest
@testable import ClinicPress

/// A site in several languages: translations beside their sources, data from the source, pages
/// under `/<language>/`, every page linking its versions, and clear errors for what cannot be.
final class LanguageTests: XCTestCase {
    static let bilingual = TemporarySite.siteYML + "\nlanguages: [en, es]\n"

    static let programTranslation = """
        ---
        title: IOP para adultos
        summary: Un programa.
        reviewed: 2026-10-01
        reviewed_by: Lucía Ramos
        tracks:
          - name: Mañana
        ---
        Sobre el programa. Lea [el artículo](../education/sleep.md).
        """

    func site(_ extra: [(String, String)] = []) throws -> TemporarySite {
        try TemporarySite.minimal([("Content/site.yml", LanguageTests.bilingual),
                                   TemporarySite.article("sleep"),
                                   TemporarySite.article("stress"),
                                   ("Content/programs/adult-iop.es.md", LanguageTests.programTranslation)] + extra)
    }

    func testATranslationGivesTextsAndKeepsTheSourcesData() throws {
        let site = try site()
        defer { site.remove() }
        let report = site.generate()
        XCTAssertEqual(report.messages(), [])
        XCTAssertEqual(report.messages(.warning), [])
        let page = try XCTUnwrap(report.file("es/programs/adult-iop/index.html"))
        XCTAssertTrue(page.contains("<html lang=\"es\">"))
        XCTAssertTrue(page.contains("IOP para adultos"))
        // Days and times come from the source, in Spanish words.
        XCTAssertTrue(page.contains("lunes"), "the track's days are the source's, named in Spanish")
        XCTAssertTrue(page.contains("9:00 a. m."))
        // The article is not translated: the link goes to the English page.
        XCTAssertTrue(page.contains("href=\"../../../education/sleep/\""))
        // The English page is still English, and both link each other and x-default.
        let english = try XCTUnwrap(report.file("programs/adult-iop/index.html"))
        for html in [page, english] {
            XCTAssertTrue(html.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://clinic.example.org/programs/adult-iop/\">"))
            XCTAssertTrue(html.contains("<link rel=\"alternate\" hreflang=\"es\" href=\"https://clinic.example.org/es/programs/adult-iop/\">"))
            XCTAssertTrue(html.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://clinic.example.org/programs/adult-iop/\">"))
        }
        // An untranslated article has no Spanish page; the Spanish library lists it, marked English.
        XCTAssertNil(report.file("es/education/sleep/index.html"))
        let library = try XCTUnwrap(report.file("es/education/index.html"))
        XCTAssertTrue(library.contains("<h3 lang=\"en\"><a href=\"../../education/sleep/\">Article sleep</a> <span class=\"language-note\" lang=\"es\">(en inglés)</span></h3>"))
        // The sitemap lists the versions as alternates.
        let sitemap = try XCTUnwrap(report.file("sitemap.xml"))
        XCTAssertTrue(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://clinic.example.org/es/programs/adult-iop/\"/>"))
    }

    func testATranslationMayNotContradictItsSource() throws {
        let text = LanguageTests.programTranslation.replacingOccurrences(of: "  - name: Mañana", with: "  - name: Mañana\n    start: \"10:00\"")
            .replacingOccurrences(of: "summary: Un programa.", with: "summary: Un programa.\nlevel_of_care: php")
        let site = try site([("Content/programs/adult-iop.es.md", text)])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertTrue(messages.contains { $0.contains("Content/programs/adult-iop.es.md:4:16: error: level_of_care: 'level_of_care' is 'php' here but 'iop' in Content/programs/adult-iop.md") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("tracks[1].start: 'tracks[1].start' is 09:00") == false && $0.contains("'tracks[1].start' is 10:00 here but 09:00 in Content/programs/adult-iop.md") }, "\(messages)")
    }

    func testATranslationHasNoKeyItsSourceLacksAndAsManyTracks() throws {
        let text = LanguageTests.programTranslation
            .replacingOccurrences(of: "  - name: Mañana", with: "  - name: Mañana\n  - name: Tarde")
            .replacingOccurrences(of: "summary: Un programa.", with: "summary: Un programa.\nstatus_note: Hay lugar.")
        let site = try site([("Content/programs/adult-iop.es.md", text)])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertTrue(messages.contains { $0.contains("status_note: 'status_note' is not in the source file Content/programs/adult-iop.md") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("'tracks' has 2 items here and 1 in Content/programs/adult-iop.md") }, "\(messages)")
    }

    func testATranslationWithoutSourceOrLanguageIsAnError() throws {
        let site = try site([("Content/education/missing.es.md", "---\ntitle: Nada\n---\nTexto.\n"),
                             ("Content/pages/about.fr.md", "---\ntitle: À propos\n---\nTexte.\n")])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertTrue(messages.contains { $0.hasPrefix("Content/education/missing.es.md: error: this translation has no source: there is no Content/education/missing.md") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("Content/pages/about.fr.md: error: this file is a translation into 'fr', but site.yml does not list 'fr' in its languages") }, "\(messages)")
    }

    func testLanguageAndLanguagesTogetherAreAnError() throws {
        let site = try TemporarySite.minimal([("Content/site.yml", LanguageTests.bilingual + "language: en\n")])
        defer { site.remove() }
        XCTAssertTrue(site.generate().messages().contains { $0.contains("error: languages: site.yml gives both 'language' and 'languages'") })
    }

    func testAnOlderTranslationIsAWarning() throws {
        let article = TemporarySite.article("sleep")
        let translation = "---\ntitle: Dormir\nsummary: Sobre dormir.\nreviewed: 2026-01-15\nreviewed_by: Lucía Ramos\n---\nTexto.\n"
        let site = try site([article, ("Content/education/sleep.es.md", translation)])
        defer { site.remove() }
        let report = site.generate()
        XCTAssertEqual(report.messages(), [])
        XCTAssertTrue(report.messages(.warning).contains {
            $0.hasPrefix("Content/education/sleep.es.md:4:11: warning: reviewed: translation may be out of date: it was reviewed on 2026-01-15, and its source Content/education/sleep.md on 2026-09-01")
        }, "\(report.messages(.warning))")
        // The translated handout is printed in Spanish, under print/es/.
        XCTAssertNotNil(report.file("print/es/handouts/sleep.html"))
        XCTAssertNotNil(report.file("es/education/sleep/index.html"))
    }

    func testSiteTextsTranslateAndDataDoesNot() throws {
        let site = try site([("Content/site.es.yml", "tagline: Ayuda cerca de casa.\nphone: (555) 555-0199\n")])
        defer { site.remove() }
        let report = site.generate()
        XCTAssertTrue(report.messages().contains {
            $0.contains("Content/site.es.yml:2:8: error: phone: 'phone' cannot be translated: it comes from site.yml for every language")
        }, "\(report.messages())")
    }

    func testTheSwitcherGoesToTheSamePageOrTheLanguagesHome() throws {
        let site = try site()
        defer { site.remove() }
        let report = site.generate()
        let article = try XCTUnwrap(report.file("education/sleep/index.html"))
        // No Spanish version of this article: the switcher leads to the Spanish home.
        XCTAssertTrue(article.contains("<a href=\"../../es/\" lang=\"es\" hreflang=\"es\">Español</a>"), article)
        XCTAssertFalse(article.contains("hreflang=\"x-default\""), "a page in one language has no alternates")
        let program = try XCTUnwrap(report.file("programs/adult-iop/index.html"))
        XCTAssertTrue(program.contains("<a href=\"../../es/programs/adult-iop/\" lang=\"es\" hreflang=\"es\">Español</a>"))
    }

    func testAPageNamedLikeALanguageIsTaken() throws {
        let site = try site([("Content/pages/es.md", "---\ntitle: ES\nsummary: S.\n---\nText.\n")])
        defer { site.remove() }
        XCTAssertTrue(site.generate().messages().contains { $0.contains("the name 'es' is taken") }, "\(site.generate().messages())")
    }
}
