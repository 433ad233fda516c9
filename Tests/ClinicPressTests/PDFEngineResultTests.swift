import XCTest
@testable import ClinicPress

/// PDFEngine takes each PDF's result from the renderer's own result lines and fails closed; a
/// stand-in renderer (a shell script) says exactly what each test needs.
final class PDFEngineResultTests: XCTestCase {
    let jobs = [PDFEngine.Job(html: "a.html", pdf: "a.pdf", checkPanels: false),
                PDFEngine.Job(html: "b.html", pdf: "b.pdf", checkPanels: true)]

    /// Runs `script` (sh) as the renderer and returns what the engine made of it.
    func render(_ script: String) throws -> PDFEngine.Outcome {
        let folder = try TemporarySite(["driver.sh": script])
        let engine = PDFEngine(python: URL(fileURLWithPath: "/bin/sh"), driver: folder.root.appendingPathComponent("driver.sh"))
        return engine.render(jobs, in: folder.root, parallel: 1)
    }

    func testEveryPDFReportedMadeIsASuccessWhateverStandardErrorSays() throws {
        let outcome = try render("""
            echo 'render_pdfs: warning: a.html: an error in CSS was ignored' >&2
            echo '{"pdf": "a.pdf", "ok": true, "inputs": ["theme/print.css"]}'
            echo '{"pdf": "b.pdf", "ok": true, "inputs": [], "pages": 2, "overflow": []}'
            """)
        XCTAssertEqual(outcome.failures, [])
        XCTAssertEqual(outcome.inputs["a.pdf"], ["theme/print.css"])
        XCTAssertEqual(outcome.panelReports["b.pdf"]?.pages, 2)
    }

    func testAPDFWithoutAResultLineFailsEvenWhenTheRendererExitsWithZero() throws {
        let outcome = try render("""
            echo '{"pdf": "a.pdf", "ok": true, "inputs": []}'
            echo 'everything went fine' >&2
            """)
        XCTAssertEqual(outcome.failures.map(\.pdf), ["b.pdf"])
        XCTAssertTrue(outcome.failures[0].reason.contains("gave no result"), outcome.failures[0].reason)
    }

    func testAReportedFailureKeepsTheRenderersReasonAndNoTraceback() throws {
        let outcome = try render("""
            echo 'Traceback (most recent call last):' >&2
            echo '  File "render_pdfs.py", line 1, in <module>' >&2
            echo '{"pdf": "a.pdf", "ok": false, "error": "RecursionError: maximum recursion depth exceeded"}'
            echo '{"pdf": "b.pdf", "ok": true, "inputs": [], "pages": 2, "overflow": []}'
            exit 1
            """)
        XCTAssertEqual(outcome.failures, [PDFEngine.Failure(pdf: "a.pdf", reason: "RecursionError: maximum recursion depth exceeded")])
        let diagnostics = SiteBuilder.printFailures(outcome.failures, sources: ["a.pdf": "Content/education/deep.md"])
        XCTAssertEqual(diagnostics.map(\.file), ["Content/education/deep.md"])
        XCTAssertFalse(diagnostics[0].message.contains("Traceback"))
    }

    func testOnlyAnExplicitTrueCounts() throws {
        let outcome = try render("""
            echo '{"pdf": "a.pdf", "ok": "true", "inputs": []}'
            echo '{"pdf": "b.pdf", "inputs": [], "pages": 2, "overflow": []}'
            """)
        XCTAssertEqual(outcome.failures.map(\.pdf), ["a.pdf", "b.pdf"])
    }

    func testARunThatFailsAfterReportingEveryPDFMadeStillFails() throws {
        let outcome = try render("""
            echo '{"pdf": "a.pdf", "ok": true, "inputs": []}'
            echo '{"pdf": "b.pdf", "ok": true, "inputs": [], "pages": 2, "overflow": []}'
            echo 'render_pdfs: cannot write the manifest' >&2
            exit 3
            """)
        XCTAssertEqual(outcome.failures.count, 1)
        XCTAssertNil(outcome.failures[0].pdf)
        XCTAssertTrue(outcome.failures[0].reason.contains("status 3"), outcome.failures[0].reason)
    }

    func testAKilledRendererFailsEveryPDFItDidNotFinish() throws {
        let outcome = try render("""
            echo '{"pdf": "a.pdf", "ok": true, "inputs": []}'
            kill -9 $$
            """)
        XCTAssertEqual(outcome.failures.map(\.pdf), ["b.pdf"])
        XCTAssertTrue(outcome.failures[0].reason.contains("killed by signal 9"), outcome.failures[0].reason)
    }
}
