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
        // The feed carries each article's whole body.
        XCTAssertEqual(changed, ["education/sleep/index.html", "feed.xml", "print/handouts/sleep.html"])
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

// MARK: A kind added by a test: one descriptor and one template

/// Support groups, a kind the product does not have: a descriptor and a template make it
/// load, check, link, render and show in the navigation without touching any stage.
enum SupportGroupKind: ContentKind {
    static let name = "support group"
    static let source = ContentSource.markdownFolder("groups")
    static let keys: [ContentKey] = [
        .required("title", .text, example: "Grief group"),
        .required("meets", .text, example: "Tuesdays at 6 PM"),
        .optional("programs", .references(folder: "programs")),
        .optional("draft", .flag),
    ]

    static func make(_ fields: Fields, slug: String, file: String, body: MarkdownSource, report: DiagnosticCollector) -> SupportGroup? {
        guard let title = fields.text("title"), let meets = fields.text("meets") else { return nil }
        return SupportGroup(slug: slug, file: file, title: title, meets: meets, programs: fields.references("programs"),
                            draft: fields.flag("draft") ?? false, body: body)
    }

    static func pagePath(_ slug: String) -> String? { "groups/\(slug)/" }
    static var listPaths: [String] { [] }
    static func navigation(_ site: Site) -> [LinkView] {
        site.entries(SupportGroupKind.self).isEmpty ? [] : [LinkView(title: "Groups", path: "groups/\(site.entries(SupportGroupKind.self)[0].slug)/", current: false)]
    }
    static var pageTemplates: [String: TemplateShape] { ["support-group": SupportGroupContent.shape] }

    static func pages(_ planner: PagePlanner) -> [PagePlan] {
        planner.site.entries(SupportGroupKind.self).map { group in
            let body = planner.bodies.web(group.file)
            return PagePlan(path: pagePath(group.slug)!, template: "support-group", title: group.title, description: group.meets,
                            breadcrumbs: [planner.home], jsonLD: [], inputs: [group.file],
                            content: AnyTemplateValue(SupportGroupContent(title: group.title, meets: group.meets, bodyHTML: body.html)))
        }
    }
}

struct SupportGroup: ContentEntry {
    var slug: String, file: String, title: String, meets: String
    var programs: [SlugReference]
    var draft: Bool
    var body: MarkdownSource
    var references: [SlugReference] { programs }
}

struct SupportGroupContent: TemplateValue {
    var title: String, meets: String, bodyHTML: String
    static let fields = TemplateFields<SupportGroupContent>([
        "title": .value { $0.title }, "meets": .value { $0.meets }, "bodyHTML": .value { $0.bodyHTML },
    ])
}

extension PipelineTests {
    func groupSite(_ extra: [(String, String)] = []) throws -> TemporarySite {
        try TemporarySite.minimal([
            ("Templates/support-group.mustache", "{{<base}}{{$main}}{{#content}}<h1>{{title}}</h1><p>{{meets}}</p>{{{bodyHTML}}}{{/content}}{{/main}}{{/base}}"),
            ("Content/groups/grief.md", "---\ntitle: Grief group\nmeets: Tuesdays at 6 PM\nprograms: [adult-iop]\n---\n## Who comes\n\nPeople who lost someone. See [the program](../programs/adult-iop.md).\n"),
            (TemporarySite.program(body: "Families may join [the grief group](../groups/grief.md#who-comes).")),
        ] + extra)
    }

    func generate(_ site: TemporarySite) -> BuildReport {
        var options = BuildOptions(siteDirectory: site.root, now: TemporarySite.now, pdf: .off)
        options.kinds = ContentKinds.all + [SupportGroupKind.self]
        return SiteBuilder.generate(options)
    }

    func testAKindIsOneDescriptorAndOneTemplate() throws {
        let site = try groupSite()
        defer { site.remove() }
        let report = generate(site)
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        let page = try XCTUnwrap(report.file("groups/grief/index.html"))
        XCTAssertTrue(page.contains("<h1>Grief group</h1><p>Tuesdays at 6 PM</p>"), page)
        XCTAssertTrue(page.contains("<h2 id=\"who-comes\">Who comes</h2>"), page)
        XCTAssertTrue(page.contains("href=\"../../programs/adult-iop/\""), page)
        XCTAssertTrue(page.contains("href=\"tel:988\""), "the crisis line is on the new kind's page too")
        let program = try XCTUnwrap(report.file("programs/adult-iop/index.html"))
        XCTAssertTrue(program.contains("href=\"../../groups/grief/#who-comes\""), program)
        XCTAssertTrue(program.contains(">Groups</a>"), "the kind adds its navigation link")
        XCTAssertTrue(try XCTUnwrap(report.file("sitemap.xml")).contains("groups/grief/"))
    }

    func testTheNewKindIsCheckedLikeTheOthers() throws {
        let site = try groupSite([
            ("Content/groups/loss.md", "---\ntitle: Loss\nmeet: Fridays\nprograms: [adult-ipo]\n---\nText.\n"),
            ("Templates/support-group.mustache", "{{<base}}{{$main}}{{#content}}<h1>{{titel}}</h1>{{/content}}{{/main}}{{/base}}"),
        ])
        defer { site.remove() }
        let messages = generate(site).diagnostics.map(\.description)
        XCTAssertTrue(messages.contains { $0.hasPrefix("Content/groups/loss.md:3:1: error: meet: unknown key 'meet'") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("Content/groups/loss.md:2:1: error: meets: the required key 'meets' is missing") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("Templates/support-group.mustache:1:") && $0.contains("unknown variable 'titel'; did you mean 'title'?") }, "\(messages)")
        let without = try TemporarySite.minimal([("Content/groups/x.md", "---\ntitle: X\nmeets: Y\n---\nZ\n")])
        defer { without.remove() }
        XCTAssertTrue(generate(without).diagnostics.contains {
            $0.file == "Templates/support-group.mustache" && $0.message.contains("is missing")
        }, "a kind's template is required like the built-in ones")
    }
}

// MARK: Writing and escaping

extension PipelineTests {
    func inode(_ url: URL) throws -> UInt64 {
        try XCTUnwrap((try FileManager.default.attributesOfItem(atPath: url.path))[.systemFileNumber] as? UInt64)
    }

    func testRebuildLinksUnchangedFilesAndWritesChangedOnes() throws {
        let site = try TemporarySite.minimal([TemporarySite.article("sleep"), TemporarySite.article("stress")])
        defer { site.remove() }
        let output = site.root.appendingPathComponent("Output")
        XCTAssertTrue(site.build().succeeded)
        let sleep = output.appendingPathComponent("education/sleep/index.html")
        let stress = output.appendingPathComponent("education/stress/index.html")
        let (sleepInode, stressInode) = (try inode(sleep), try inode(stress))
        // Edit one article, and damage the other's page by hand in the output.
        let (path, text) = TemporarySite.article("sleep", body: "Other text.")
        try site.write(path, text)
        let pristine = try Data(contentsOf: stress)
        try Data("hand-edited".utf8).write(to: stress)
        XCTAssertTrue(site.build().succeeded)
        XCTAssertNotEqual(try inode(sleep), sleepInode, "a changed page is a new file")
        XCTAssertTrue(try String(contentsOf: sleep, encoding: .utf8).contains("Other text."))
        XCTAssertEqual(try Data(contentsOf: stress), pristine, "a page edited by hand is written again, not kept")
        XCTAssertNotEqual(try inode(stress), stressInode)
        let theme = output.appendingPathComponent("theme/site.css")
        let themeInode = try inode(theme)
        XCTAssertTrue(site.build().succeeded)
        XCTAssertEqual(try inode(theme), themeInode, "an unchanged file is linked from the last build")
    }

    func testTemplatesEscapeTheSameFiveCharactersAsMustache() throws {
        XCTAssertEqual(HTML.escape(#"<a href="x">Tom & Jerry's</a>"#),
                       "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        let plain = "Nothing to escape, not even é or 988"
        XCTAssertEqual(HTML.escape(plain), plain)
        let site = try TemporarySite.minimal([("Content/pages/about.md", "---\ntitle: \"Us & <them>\"\nsummary: \"'Quotes' \\\"here\\\"\"\n---\nHi.\n")])
        defer { site.remove() }
        let page = try XCTUnwrap(site.generate().file("about/index.html"))
        XCTAssertTrue(page.contains("<h1>Us &amp; &lt;them&gt;</h1>"), page)
        XCTAssertTrue(page.contains("&#39;Quotes&#39; &quot;here&quot;"), page)
        XCTAssertFalse(page.contains("<them>"))
    }
}
