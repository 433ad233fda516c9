import Foundation
import XCTest
@testable import ClinicPress

/// The stages and what they hand on: the template check, the plan value, the fragment cache,
/// ids reserved by the theme, and kinds described as data.
final class PipelineTests: XCTestCase {
    func fixture(_ options: (inout BuildOptions) -> Void = { _ in }) -> BuildReport {
        var build = BuildOptions(siteDirectory: Repository.fixtureClinic, now: TemporarySite.now, pdf: .off)
        options(&build)
        return SiteBuilder.generate(build)
    }

    // MARK: Template check

    func testBuiltInThemeNamesNoUnknownVariable() {
        let report = fixture()
        XCTAssertEqual(report.diagnostics.filter { $0.message.contains("unknown variable") }.map(\.description), [])
    }

    func testUnknownVariableInOverrideIsReportedWithSuggestionAndPosition() throws {
        let header = try String(contentsOf: Repository.root.appendingPathComponent("Templates/header.mustache"), encoding: .utf8)
        let broken = header.replacingOccurrences(of: "{{site.name}}", with: "{{site.nmae}}")
        XCTAssertNotEqual(broken, header, "the header names the clinic")
        let site = try TemporarySite.minimal([("Templates/header.mustache", broken)])
        defer { site.remove() }
        let warnings = site.generate().diagnostics.filter { $0.message.contains("unknown variable") }
        XCTAssertEqual(warnings.count, 1, warnings.map(\.description).joined(separator: "\n"))
        let warning = try XCTUnwrap(warnings.first)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.file, "Templates/header.mustache")
        XCTAssertEqual(warning.message, "unknown variable 'site.nmae'; did you mean 'site.name'?")
        let line = broken.components(separatedBy: "\n").firstIndex { $0.contains("{{site.nmae}}") }! + 1
        XCTAssertEqual(warning.line, line)
        XCTAssertGreaterThan(warning.column, 1)
    }

    func testUnknownVariablesAreFollowedIntoSectionsAndPartials() throws {
        let page = """
        {{<base}}{{$main}}{{#content}}<h1>{{titel}}</h1>{{#toc}}{{idd}}{{/toc}}{{{bodyHTML}}}{{/content}}{{>extra}}{{/main}}{{/base}}
        """
        let site = try TemporarySite.minimal([
            ("Templates/page.mustache", page), ("Templates/extra.mustache", "{{page.titel}} {{root}} {{site.name}}"),
            ("Content/pages/about.md", "---\ntitle: About\nsummary: Us.\n---\nHi.\n"),
        ])
        defer { site.remove() }
        let messages = site.generate().diagnostics.filter { $0.message.contains("unknown variable") }.map(\.message)
        XCTAssertEqual(messages.sorted(), [
            "unknown variable 'idd'; did you mean 'id'?",
            "unknown variable 'page.titel'; did you mean 'page.title'?",
            "unknown variable 'titel'; did you mean 'title'?",
        ])
    }

    // MARK: The plan

    func testPlanIsAComparableValueThatShowsWhatAnEditChanges() throws {
        let site = try TemporarySite.minimal([TemporarySite.article("sleep"), TemporarySite.article("stress")])
        defer { site.remove() }
        let first = try XCTUnwrap(site.generate().plan)
        XCTAssertEqual(first, try XCTUnwrap(site.generate().plan), "the same content plans the same outputs")

        let (path, text) = TemporarySite.article("sleep", body: "Other text.")
        try site.write(path, text)
        let second = try XCTUnwrap(site.generate().plan)
        XCTAssertNotEqual(first, second)
        let before = Dictionary(uniqueKeysWithValues: first.outputs.map { ($0.path, $0) })
        let changed = second.outputs.filter { before[$0.path] != $0 }.map(\.path).sorted()
        XCTAssertEqual(changed, ["education/sleep/index.html", "print/handouts/sleep.html"])
        for output in second.outputs where changed.contains(output.path) {
            XCTAssertTrue(output.inputs.contains(path), "\(output.path) names the file it was made from")
        }
    }

    // MARK: Fragment cache

    func testHeaderFooterAndCrisisBannerAreCachedButNotPagePartials() throws {
        let theme = try XCTUnwrap(Theme.load(siteDirectory: Repository.fixtureClinic, report: DiagnosticCollector()))
        let strings = ThemeStrings.load(siteDirectory: Repository.fixtureClinic, language: "en", report: DiagnosticCollector())
        let shape = StringsView.shape(keys: strings.values.keys)
        let cached = FragmentAnalysis.cacheablePartials(texts: theme.texts, pageRoots: TemplateRoots.pages(strings: shape),
                                                        strings: shape).map(\.name)
        for name in ["header", "footer", "crisis-banner"] { XCTAssertTrue(cached.contains(name), "\(name) in \(cached)") }
        // Included inside {{#content}}, these read the page's own values.
        for name in ["toc", "schedule", "article-card"] { XCTAssertFalse(cached.contains(name), name) }
    }

    func testPartialReadingThePageIsNotCached() throws {
        let base = try String(contentsOf: Repository.root.appendingPathComponent("Templates/base.mustache"), encoding: .utf8)
        let site = try TemporarySite.minimal([
            ("Templates/base.mustache", base.replacingOccurrences(of: "{{>footer}}", with: "{{>footer}}\n{{>stamp}}")),
            ("Templates/stamp.mustache", "<p>{{page.title}}</p>"),
            ("Content/pages/about.md", "---\ntitle: About us\nsummary: Us.\n---\nHi.\n"),
        ])
        defer { site.remove() }
        let report = site.generate()
        XCTAssertTrue(report.file("about/index.html")?.contains("<p>About us</p>") == true)
        XCTAssertTrue(report.file("index.html")?.contains("<p>Test Clinic</p>") == true)
    }

    func testFragmentCacheChangesNoByte() {
        let cached = fixture()
        let plain = fixture { $0.cacheFragments = false }
        XCTAssertEqual(cached.files.count, plain.files.count)
        for (a, b) in zip(cached.files, plain.files) {
            XCTAssertEqual(a.path, b.path)
            XCTAssertEqual(a.contents, b.contents, a.path)
        }
    }

    // MARK: Ids the theme reserves

    func testHeadingsAvoidIdsTheTemplatesUse() throws {
        let program = try String(contentsOf: Repository.root.appendingPathComponent("Templates/program.mustache"), encoding: .utf8)
        let site = try TemporarySite.minimal([
            ("Templates/program.mustache", program.replacingOccurrences(of: "{{/content}}", with: "<div id=\"next-steps\"></div>{{/content}}")),
            TemporarySite.program(body: "## Next steps\n\nCall us."),
        ])
        defer { site.remove() }
        let page = try XCTUnwrap(site.generate().file("programs/adult-iop/index.html"))
        XCTAssertTrue(page.contains("<h2 id=\"next-steps-1\">Next steps</h2>"), page)
        XCTAssertEqual(page.components(separatedBy: "id=\"next-steps\"").count, 2, "one element has the id")
    }

    // MARK: Kinds as data

    func testEveryKindDescribesItsKeysOnce() {
        for kind in ContentKinds.summaries {
            let names = kind.keys.map(\.name)
            XCTAssertEqual(names.count, Set(names).count, "\(kind.name) lists a key twice")
            XCTAssertFalse(kind.keys.filter { $0.required != nil }.isEmpty, "\(kind.name) requires nothing")
        }
        let folders = ContentKinds.summaries.map(\.folder)
        XCTAssertEqual(folders.count, Set(folders).count)
    }

    func testUnknownKeyListsTheKindsKeys() throws {
        let site = try TemporarySite.minimal([("Content/pages/about.md", "---\ntitle: About\nsummary: Us.\nmenu_order: 2\n---\nHi.\n")])
        defer { site.remove() }
        let errors = site.generate().messages()
        XCTAssertEqual(errors.count, 1, errors.joined(separator: "\n"))
        XCTAssertTrue(errors[0].hasPrefix("Content/pages/about.md:4:1: error: menu_order: unknown key 'menu_order'"), errors[0])
    }
}
