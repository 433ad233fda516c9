import XCTest
@testable import ClinicPress

final class MarkdownTests: XCTestCase {
    let renderer = MarkdownRenderer(environment: MarkdownEnvironment(
        contentPages: ["Content/education/relapse.md": "education/relapse/", "Content/programs/adult-iop.md": "programs/adult-iop/"],
        sitePages: ["team/", "levels-of-care/"], assets: ["room.svg", "docs/map.pdf"],
        reservedIDs: ["main", "schedule"]))

    func render(_ text: String, file: String = "Content/programs/adult-iop.md", page: String = "programs/adult-iop/") -> RenderedMarkdown {
        renderer.render(MarkdownSource(text: text, firstLine: 10), file: file, page: page)
    }

    func testHeadingsGetUniqueIDsAndATableOfContentsFromThree() {
        let two = render("## One\n\n## Two\n")
        XCTAssertTrue(two.tableOfContents.isEmpty)
        let result = render("## What to expect\n\ntext\n\n## What to expect\n\n### Details *here*\n\n## Costs & insurance\n")
        XCTAssertTrue(result.html.contains("<h2 id=\"what-to-expect\">What to expect</h2>"), result.html)
        XCTAssertTrue(result.html.contains("<h2 id=\"what-to-expect-1\">"), result.html)
        XCTAssertTrue(result.html.contains("<h3 id=\"details-here\">Details <em>here</em></h3>"), result.html)
        XCTAssertEqual(result.tableOfContents.map(\.id), ["what-to-expect", "what-to-expect-1", "costs-insurance"])
    }

    func testReservedIDsAreNotTaken() {
        XCTAssertTrue(render("## Main\n").html.contains("id=\"main-1\""))
    }

    func testLinksToContentFilesBecomePageURLs() {
        let result = render("See [signs](../education/relapse.md#early-signs) and [team](/team/) and [web](https://example.org/x).")
        XCTAssertTrue(result.html.contains("href=\"../../education/relapse/#early-signs\""), result.html)
        XCTAssertTrue(result.html.contains("href=\"../../team/\""), result.html)
        XCTAssertTrue(result.html.contains("href=\"https://example.org/x\""), result.html)
        XCTAssertEqual(result.anchorReferences.first?.anchor, "early-signs")
        XCTAssertTrue(result.diagnostics.isEmpty)
    }

    func testLinkToMissingContentFailsWithSuggestionAndLine() {
        let result = render("Intro\n\nSee [signs](../education/relapce.md).")
        let error = result.diagnostics.first
        XCTAssertEqual(error?.severity, .error)
        XCTAssertEqual(error?.line, 12)
        XCTAssertEqual(error?.hint, "did you mean '../education/relapse.md'?")
    }

    func testLinkThatClimbsOutOfTheSiteFails() {
        let result = render("[x](../../../../etc/passwd.md)")
        XCTAssertTrue(result.diagnostics.contains { $0.message.contains("points outside the site folder") })
    }

    func testImagesResolveFromAssetsAndNeedAltText() {
        let ok = render("![A quiet room](../assets/room.svg)")
        XCTAssertTrue(ok.html.contains("src=\"../../assets/room.svg\" alt=\"A quiet room\""), ok.html)
        XCTAssertTrue(ok.diagnostics.isEmpty)
        let noAlt = render("![](../assets/room.svg)")
        XCTAssertTrue(noAlt.diagnostics.contains { $0.severity == .error && $0.message.contains("has no alt text") })
        let missing = render("![Room](../assets/rom.svg)")
        XCTAssertTrue(missing.diagnostics.contains { $0.message.contains("does not exist") && $0.hint?.contains("room.svg") == true })
        let remote = render("![Tracker](https://tracker.example.com/pixel.gif)")
        XCTAssertTrue(remote.diagnostics.contains { $0.message.contains("not in Content/assets/") })
        XCTAssertFalse(remote.html.contains("tracker.example.com"))
    }

    func testCalloutAndCrisisBlocks() {
        let result = render("```callout\nBefore you call\nHave your **insurance card** ready.\n```\n\n```crisis\n```\n")
        XCTAssertTrue(result.html.contains("<div class=\"callout\" role=\"note\"><p class=\"callout-title\"><strong>Before you call</strong></p>"), result.html)
        XCTAssertTrue(result.html.contains("<strong>insurance card</strong>"), result.html)
        // The crisis block is the theme's: the render stage puts its partial where the marker is.
        XCTAssertTrue(result.html.contains(MarkdownRenderer.crisisBlockMarker), result.html)
        XCTAssertFalse(result.html.contains("<pre>"), result.html)
    }

    func testRawHTMLAndScriptLinksAreNotPublished() {
        let result = render("<script>alert(1)</script>\n\nHi <b onclick=x>there</b> [x](javascript:alert(1))\n")
        XCTAssertFalse(result.html.contains("<script"), result.html)
        XCTAssertFalse(result.html.contains("onclick"), result.html)
        XCTAssertFalse(result.html.contains("javascript:"), result.html)
    }

    func testSmartPunctuation() {
        XCTAssertTrue(render("\"Hello\" -- it's fine").html.contains("“Hello” – it’s fine"))
    }

    func testPhoneNumbersInTextCanBeDialled() {
        let html = render("""
            Call us at (847) 555-0142, or call or text 988. The helpline is 1-800-662-4357.

            Room 555-0142 and the year 2026 are not numbers to dial, nor is `847-555-0142` in code.

            [Our desk, 847-555-0142](../contact.md) is a link already.

            ## Call 847-555-0142
            """).html
        XCTAssertTrue(html.contains(#"<a href="tel:8475550142">(847) 555-0142</a>"#), html)
        XCTAssertTrue(html.contains(#"call or text <a href="tel:988">988</a>"#), html)
        XCTAssertTrue(html.contains(#"<a href="tel:18006624357">1-800-662-4357</a>"#), html)
        XCTAssertFalse(html.contains(#"tel:5550142"#), html)
        XCTAssertTrue(html.contains("<code>847-555-0142</code>"), html)
        XCTAssertFalse(html.contains(#"<a href="tel:8475550142">847-555-0142</a></a>"#), html)
        XCTAssertTrue(html.contains(">Call 847-555-0142</h2>"), html)
    }
}
