import XCTest
@testable import ClinicPress
import Mustache

/// The tokenizer the theme checks run on must read tags as swift-mustache does.
final class MustacheTagsTests: XCTestCase {
    func tags(_ text: String) -> [String] {
        MustacheTags.scan(text)?.map { "\($0.kind):\($0.dynamic ? "*" : "")\($0.name)@\($0.line):\($0.column)" } ?? ["nil"]
    }

    func testReadsEveryKindOfTag() {
        XCTAssertEqual(tags("{{a}} {{{b}}} {{&c}} {{! {{> no}} }}\n{{#d}}{{^e}}{{/e}}{{/d}} {{> p}} {{>*q}} {{<base}}{{$x}}{{/x}}{{/base}}"), [
            "variable:a@1:1", "variable:b@1:7", "variable:c@1:15",
            "section:d@2:1", "inverted:e@2:7", "close:e@2:13", "close:d@2:19", "partial:p@2:26", "partial:*q@2:34",
            "parent:base@2:42", "block:x@2:51", "close:x@2:57", "close:base@2:63",
        ])
    }

    func testDelimiterChangesLastUntilTheEndOfTheirSection() {
        // As in swift-mustache: inside {{#s}} the delimiters change; after {{/s}}... the closing tag
        // uses the inner ones, and the outer ones come back.
        XCTAssertEqual(tags("{{#s}}{{=<% %>=}}<%> a%>{{> not}}<%/s%>{{> b}}<%> text%>"),
                       ["section:s@1:1", "partial:a@1:18", "close:s@1:34", "partial:b@1:40"])
        XCTAssertEqual(tags("{{=| |=}}|> footer| {{> text}}"), ["partial:footer@1:10"])
        // swift-mustache itself: after the section, {{x}} is a tag again.
        let template = try? MustacheTemplate(string: "{{#s}}{{=<% %>=}}<%x%>{{x}}<%/s%>{{x}}")
        XCTAssertEqual(template?.render(["s": true, "x": "X"]), "X{{x}}X")
    }

    func testCharactersNotBytes() {
        // A brace with a combining accent is one Character, not a brace, to swift-mustache.
        XCTAssertEqual(tags("{\u{301}{> a}} {{> b}}"), ["partial:b@1:9"])
    }

    func testDepthIsLimitedBeforeAnythingRecurses() {
        let deep = String(repeating: "{{#a}}\n", count: 3000)
        let scan = MustacheTags.tokenize(deep)
        XCTAssertEqual(scan.problem?.problem, .tooDeep)
        XCTAssertEqual(scan.problem?.line, 101)
        let fine = String(repeating: "{{#a}}", count: 100) + String(repeating: "{{/a}}", count: 100)
        XCTAssertNil(MustacheTags.tokenize(fine).problem)
    }

    func testProblemsMatchSwiftMustache() {
        XCTAssertEqual(MustacheTags.tokenize("<h1>{{title}</h1>").problem?.column, 12)
        XCTAssertEqual(MustacheTags.tokenize("{{#a}}{{/b}}").problem?.problem, .sectionCloseNameIncorrect)
        XCTAssertEqual(MustacheTags.tokenize("{{#a}}").problem?.problem, .expectedSectionEnd(name: "a"))
        XCTAssertEqual(MustacheTags.tokenize("{{=<%=}}").problem?.problem, .invalidSetDelimiter)
        XCTAssertEqual(MustacheTags.tokenize("{{! never closed").problem?.problem, .unclosedComment(closer: "}}"))
    }

    func testNestingIsCountedThroughPartials() throws {
        // Each template 60 deep: fine alone, 121 deep when one includes the other inside its sections.
        let sixty = String(repeating: "{{#site}}", count: 60)
        let close = String(repeating: "{{/site}}", count: 60)
        let site = try TemporarySite.minimal([
            ("Templates/footer.mustache", sixty + "{{> deep-a}}" + close),
            ("Templates/deep-a.mustache", sixty + "{{site.name}}" + close),
        ])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertTrue(messages.contains {
            $0.hasPrefix("Templates/footer.mustache:1:541: error: sections and partials are nested more than 100 deep through the partial 'deep-a'")
        }, "\(messages)")
    }

    func testEditorLeftovers() {
        for name in ["page.mustache~", ".page.mustache.swp", "#page.mustache#", ".DS_Store", "Thumbs.db", "~$notes.docx", "a.bak", ".git"] {
            XCTAssertTrue(EditorLeftovers.isIgnored(name), name)
        }
        for name in ["page.mustache", "site.css", "NOTES.txt", "logo.png", "#hash.png", "en.yml"] {
            XCTAssertFalse(EditorLeftovers.isIgnored(name), name)
        }
    }
}
