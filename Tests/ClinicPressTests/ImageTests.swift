import Foundation
import XCTest
@testable import ClinicPress

/// Pictures: which widths are published, their names and sizes, the form of picture keys, and
/// that encoded renditions carry no metadata. End to end with exiftool: Tests/Images/images_test.py.
final class ImageTests: XCTestCase {
    func testWidthsAreNeverUpscaledAndTheLargestIsCapped() {
        XCTAssertEqual(ImageSet.renditionWidths(300), [300])
        XCTAssertEqual(ImageSet.renditionWidths(480), [480])
        XCTAssertEqual(ImageSet.renditionWidths(481), [480, 481])
        XCTAssertEqual(ImageSet.renditionWidths(1000), [480, 800, 1000])
        XCTAssertEqual(ImageSet.renditionWidths(1600), [480, 800, 1200, 1600])
        XCTAssertEqual(ImageSet.renditionWidths(4032), [480, 800, 1200, 1600])
    }

    func testRenditionsKeepTheAspectRatioAndPickTheFallback() {
        let photo = ImageSet(asset: "team/dana.jpg", sha256: "x", width: 3024, height: 4032, hasAlpha: false)
        XCTAssertEqual(photo.renditions.map(\.path), [
            "assets/team/dana.jpg.480.webp", "assets/team/dana.jpg.480.jpg", "assets/team/dana.jpg.800.webp",
            "assets/team/dana.jpg.800.jpg", "assets/team/dana.jpg.1200.webp", "assets/team/dana.jpg.1200.jpg",
            "assets/team/dana.jpg.1600.webp", "assets/team/dana.jpg.1600.jpg",
        ])
        XCTAssertEqual(photo.renditions(.jpeg).map(\.height), [640, 1067, 1600, 2133])
        XCTAssertEqual(photo.largest.width, 1600)
        let logo = ImageSet(asset: "logo.png", sha256: "x", width: 300, height: 1, hasAlpha: true)
        XCTAssertEqual(logo.renditions.map(\.format), [.webp, .png])
        XCTAssertEqual(logo.renditions.map(\.height), [1, 1])
        XCTAssertEqual(ImageSet.scaled(width: 1400, height: 900, to: 800).height, 514)
    }

    func testPictureKeysNameFilesOfAssets() {
        func parse(_ text: String) -> Result<ImageReference, Diagnostic> {
            ImageReference.parse(text, file: "Content/team.yml", position: SourcePosition(line: 3, column: 10), key: "[1].photo")
        }
        XCTAssertEqual(try parse("assets/team/dana.jpg").get().asset, "team/dana.jpg")
        XCTAssertEqual(try parse("assets/logo.svg").get().isSVG, true)
        for (text, words) in [("../secret.jpg", "outside Content/assets/"), ("assets/../../x.jpg", "outside Content/assets/"),
                              ("https://example.org/a.jpg", "not a file in Content/assets/"), ("/etc/a.jpg", "not a file in Content/assets/"),
                              ("assets/notes.pdf", "not a picture (.pdf)"), ("../assets/a.jpg", "should be written 'assets/a.jpg'")] {
            guard case .failure(let diagnostic) = parse(text) else { return XCTFail("\(text) should be refused") }
            XCTAssertTrue(diagnostic.message.contains(words), "\(text): \(diagnostic.message)")
            XCTAssertTrue(diagnostic.message.hasPrefix("'photo' "), diagnostic.message)
        }
    }

    func testEncodedRenditionsAreUprightSizedAndCarryNoMetadata() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/clinic/Content/assets/portrait-placeholder.jpg")
        let data = try Data(contentsOf: fixture)
        let header = try RasterImages.header(data)
        XCTAssertEqual([header.uprightWidth, header.uprightHeight], [600, 800])
        for format in [ImageSet.Format.webp, .jpeg, .png] {
            let bytes = try RasterImages.encode(data, width: 480, height: 640, format: format)
            let out = try RasterImages.header(bytes)
            XCTAssertEqual([out.width, out.height, out.orientation], [480, 640, 1], "\(format)")
            for marker in ["Exif", "EXIF", "http://ns.adobe.com/xap", "ICC_PROFILE", "iCCP", "eXIf", "tEXt"] {
                XCTAssertNil(bytes.range(of: Data(marker.utf8)), "\(format) holds \(marker)")
            }
            // Deterministic: the same input gives the same bytes.
            XCTAssertEqual(bytes, try RasterImages.encode(data, width: 480, height: 640, format: format))
        }
    }

    func testDamagedPicturesAreErrorsNotCrashes() {
        XCTAssertThrowsError(try RasterImages.header(Data("not a picture".utf8)))
        XCTAssertThrowsError(try RasterImages.encode(Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]), width: 10, height: 10, format: .jpeg))
    }
}

final class BrandImageTests: XCTestCase {
    /// A raster hero (a phone photo, maybe with GPS) is published only as renditions: the home
    /// page names the largest JPEG at its size, and the original file is not in the site.
    func testARasterHeroIsPublishedThroughItsRenditionsOnly() throws {
        let site = try TemporarySite.minimal([("Content/site.yml", TemporarySite.siteYML
            + "\nhero:\n  image: assets/room.jpg\n  alt: The group room in the morning\n")])
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Content/assets"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.fixtureClinic.appendingPathComponent("Content/assets/calm-gradient.jpg"),
                                         to: site.root.appendingPathComponent("Content/assets/room.jpg"))
        let report = site.generate()
        XCTAssertTrue(report.succeeded, "\(report.messages())")
        let home = try XCTUnwrap(report.file("index.html"))
        let src = try XCTUnwrap(home.range(of: #"class="hero-image" src="assets/room\.jpg\.\d+\.jpg""#, options: .regularExpression),
                                "\(home)")
        XCTAssertFalse(home[src].isEmpty)
        XCTAssertFalse(report.files.contains { $0.path == "assets/room.jpg" }, "the original photo is published")
    }
}
