import XCTest
@testable import ClinicPress

final class SVGReferencesTests: XCTestCase {
    func refused(_ svg: String, file: String = "Content/assets/maps/floor.svg") -> [String] {
        SVGReferences.check(svg, file: file).map { "\($0.line):\($0.column) \($0.message)" }
    }

    func testOwnPartsDataURIsAndFilesInsideAssetsAreAllowed() {
        XCTAssertEqual(refused("""
            <svg><use href="#a"/><rect fill="url(#g)"/><image href="data:image/png;base64,AAAA"/>
            <image href="room.png"/><image xlink:href="../logo.png"/><style>a { fill: url( '#g' ) }</style></svg>
            """), [])
    }

    func testReferencesLeavingAssetsAreRefusedWhereverTheyAre() {
        XCTAssertEqual(refused("<svg><image href=\"../../x.png\"/></svg>"),
                       ["1:13 the SVG refers to '../../x.png', outside Content/assets/"])
        XCTAssertEqual(refused("<svg><image href=\"%2e%2e/%2e%2e/x.png\"/></svg>").count, 1)
        XCTAssertEqual(refused("<svg><style>@import 'file:///etc/x.css';</style></svg>").count, 1)
        XCTAssertEqual(refused("<svg><image HREF=\"HTTPS://example.com/a.png\"/></svg>").count, 1)
        XCTAssertEqual(refused("<svg><image href=\"C:\\\\x.png\"/></svg>").count, 1)
    }

    func testEntityDeclarationsAndUnknownEntitiesAreRefused() {
        let found = refused("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<svg><text>&x;</text><image href=\"&y;\"/></svg>")
        XCTAssertEqual(found.count, 2, "\(found)")
    }

    func testCommentsAreNotReferences() {
        XCTAssertEqual(refused("<svg><!-- <image href=\"file:///etc/passwd\"/> --></svg>"), [])
    }
}
