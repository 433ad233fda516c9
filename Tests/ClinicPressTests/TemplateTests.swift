import XCTest
@testable import ClinicPress

final class TemplateTests: XCTestCase {
    func testSiteTemplatesOverrideTheBuiltInThemeFileByFile() throws {
        let site = try TemporarySite.minimal([
            ("Templates/team.mustache", "{{<base}}{{$main}}<h1>OUR OWN TEAM PAGE</h1>{{/main}}{{/base}}"),
        ])
        defer { site.remove() }
        let report = site.generate()
        XCTAssertTrue(report.succeeded, "\(report.messages())")
        XCTAssertTrue(report.file("team/index.html")?.contains("OUR OWN TEAM PAGE") == true)
        // The other pages still use the built-in layout.
        XCTAssertTrue(report.file("programs/index.html")?.contains("<html lang=\"en\"") == true)
        XCTAssertTrue(report.file("team/index.html")?.contains("<html lang=\"en\"") == true)
    }

    func testTemplateSyntaxErrorNamesFileAndLine() throws {
        let site = try TemporarySite.minimal([("Templates/team.mustache", "line one\n{{#content}}\n<p>{{/contnt}}\n")])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertTrue(messages.contains { $0.hasPrefix("Templates/team.mustache:3:") && $0.contains("syntax error") }, "\(messages)")
    }

    func testMissingPartialIsAnErrorWithSuggestion() throws {
        let site = try TemporarySite.minimal([("Templates/team.mustache", "{{<base}}{{$main}}{{> program-crd}}{{/main}}{{/base}}")])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertTrue(messages.contains {
            $0.hasPrefix("Templates/team.mustache:1:19: error: the template 'team' uses the partial 'program-crd', which does not exist")
                && $0.contains("did you mean 'program-card'?")
        }, "\(messages)")
    }

    func testEveryBuiltInTemplateParses() {
        let report = DiagnosticCollector()
        let theme = Theme.load(siteDirectory: URL(fileURLWithPath: "/nonexistent-site"), report: report)
        XCTAssertNotNil(theme)
        XCTAssertEqual(report.all.map(\.description), [])
        XCTAssertNotNil(theme?.staticFiles["theme/site.css"])
    }

    /// The theme embedded in the tool is the one in Templates/ (the build plugin keeps them in step).
    func testEmbeddedThemeMatchesTemplatesFolder() throws {
        let folder = Repository.root.appendingPathComponent("Templates")
        var onDisk: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            onDisk[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = try String(contentsOf: url, encoding: .utf8)
        }
        XCTAssertEqual(Set(onDisk.keys), Set(BuiltInTheme.files.keys))
        for (path, text) in onDisk { XCTAssertTrue(BuiltInTheme.files[path] == text, "\(path) differs from the embedded copy") }
    }
}
