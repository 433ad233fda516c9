import XCTest
@testable import ClinicPress

final class OutputSafetyTests: XCTestCase {
    func testAFolderOfSomeoneElsesFilesIsNeverReplaced() throws {
        let site = try TemporarySite.minimal(["Documents/thesis.txt": "years of work"].map { ($0, $1) })
        defer { site.remove() }
        let report = site.build(output: site.root.appendingPathComponent("Documents"))
        XCTAssertFalse(report.succeeded)
        XCTAssertTrue(report.outputFailed)
        XCTAssertTrue(report.messages().contains { $0.contains("already holds files that clinicpress did not write") })
        XCTAssertEqual(try site.read("Documents/thesis.txt"), "years of work")
    }

    func testAnOutputFolderThatCannotBeListedIsNeverReplaced() throws {
        let site = try TemporarySite.minimal([("Published/notes.txt", "not ours")])
        defer { site.remove() }
        let output = site.root.appendingPathComponent("Published")
        var writer = OutputWriter(siteDirectory: site.root, outputDirectory: output)
        // Root reads any folder, so the failing listing is handed in.
        writer.listFolder = { _ in throw CocoaError(.fileReadNoPermission) }
        XCTAssertThrowsError(try writer.replaceOutput(with: [OutputFile(path: "index.html", text: "<p>new</p>")])) { error in
            XCTAssertTrue((error as? OutputWriter.Failure)?.message.contains("cannot be read, so clinicpress cannot tell") == true, "\(error)")
        }
        XCTAssertEqual(try site.read("Published/notes.txt"), "not ours")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    func testCopiedFilesAreComparedAndCopiedWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicpress-copy-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Larger than one chunk, so the loop and the comparison cross a chunk boundary.
        var bytes = Data((0..<(FileCopy.chunk + 4097)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let source = folder.appendingPathComponent("film.mp4").path
        try bytes.write(to: URL(fileURLWithPath: source))
        let copy = folder.appendingPathComponent("copy.mp4").path
        XCTAssertNil(FileCopy.copy(source, to: copy))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: copy)), bytes)
        XCTAssertTrue(FileCopy.same(source, copy))
        bytes[FileCopy.chunk + 10] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: source))
        XCTAssertFalse(FileCopy.same(source, copy))
    }

    func testOutputInsideContentIsRefused() throws {
        let site = try TemporarySite.minimal()
        defer { site.remove() }
        let report = site.build(output: site.root.appendingPathComponent("Content/assets/pub"))
        XCTAssertTrue(report.messages().contains { $0.contains("is inside") }, "\(report.messages())")
    }

    func testASymbolicLinkNamedOutputIsFollowed() throws {
        let site = try TemporarySite.minimal()
        defer { site.remove() }
        let webRoot = site.root.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: webRoot, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Output").path,
                                                   withDestinationPath: webRoot.path)
        XCTAssertTrue(site.build().succeeded)
        XCTAssertTrue(FileManager.default.fileExists(atPath: webRoot.appendingPathComponent("index.html").path))
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: site.root.appendingPathComponent("Output").path)
        XCTAssertEqual(link, webRoot.path)
    }

    func testTwoThingsAtOnePathIsAnError() throws {
        let site = try TemporarySite.minimal([
            TemporarySite.article("for-families"), ("Templates/index.html", "<p>mine</p>"),
            ("Content/pages/programs.md", "---\ntitle: Programs\nsummary: Ours.\n---\nText.\n"),
        ])
        defer { site.remove() }
        let report = site.generate()
        let messages = report.messages()
        XCTAssertTrue(messages.contains {
            $0.hasPrefix("Content/education/for-families.md: error: the name 'for-families' is taken: ClinicPress makes the page /education/for-families/ itself")
        }, "\(messages)")
        XCTAssertTrue(messages.contains {
            $0.hasPrefix("Content/pages/programs.md: error: the name 'programs' is taken: ClinicPress makes the page /programs/ itself")
        }, "\(messages)")
        // Only Templates/theme/ is published now, so a file in Templates/ can no longer take a page's path.
        XCTAssertTrue(report.messages(.warning).contains { $0.hasPrefix("Templates/index.html: warning: this file is not published") },
                      "\(report.messages(.warning))")
        XCTAssertFalse(messages.contains { $0.contains("two different things would be written to index.html") }, "\(messages)")
    }

    func testEmptyTemplateAndBinaryThemeFilesAreAllowed() throws {
        let site = try TemporarySite.minimal([("Templates/intake.mustache", "")])
        defer { site.remove() }
        let bytes = Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0xFE])
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Templates/theme"), withIntermediateDirectories: true)
        try bytes.write(to: site.root.appendingPathComponent("Templates/theme/logo.png"))
        let report = site.generate()
        XCTAssertTrue(report.succeeded, "\(report.messages())")
        XCTAssertEqual(report.files.first { $0.path == "theme/logo.png" }?.contents, bytes)
    }
}
