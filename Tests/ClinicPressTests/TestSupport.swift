import Foundation
import XCTest
@testable import ClinicPress

/// A throwaway site folder written from a dictionary of files, removed when the test ends.
struct TemporarySite {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("clinicpress-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// A fixed day, 2026-11-23 12:00 UTC, so "past" does not depend on when tests run.
    static let now = Date(timeIntervalSince1970: 1_795_435_200)

    func generate(drafts: Bool = false) -> BuildReport {
        SiteBuilder.generate(BuildOptions(siteDirectory: root, includeDrafts: drafts, now: TemporarySite.now, pdf: .off))
    }

    func build(output: URL? = nil) -> BuildReport {
        SiteBuilder.build(BuildOptions(siteDirectory: root, outputDirectory: output, now: TemporarySite.now, pdf: .off))
    }

    static let siteYML = """
        name: Test Clinic
        url: https://clinic.example.org/
        timezone: America/New_York
        phone: (555) 555-0100
        """

    static func program(_ slug: String = "adult-iop", title: String = "Adult IOP", extra: String = "",
                        tracks: String = """
                          - name: Morning
                            days: [mon, tue, thu]
                            start: "09:00"
                            end: "12:00"
                        """, body: String = "About the program.") -> (String, String) {
        ("Content/programs/\(slug).md", """
        ---
        title: \(title)
        summary: A program.
        level_of_care: iop
        audience: adults
        \(extra)tracks:
        \(tracks)
        ---
        \(body)
        """)
    }

    static func article(_ slug: String, extra: String = "", body: String = "Some text.") -> (String, String) {
        ("Content/education/\(slug).md", """
        ---
        title: Article \(slug)
        summary: About \(slug).
        audience: family
        reviewed: 2026-09-01
        reviewed_by: Dana Whitfield, PhD
        \(extra)---
        \(body)
        """)
    }

    /// A workshop series with the given session lines (each `  - date: ...` with its keys).
    static func workshop(_ slug: String = "series", sessions: String) -> (String, String) {
        ("Content/workshops/\(slug).md", """
        ---
        title: Series
        summary: S
        sessions:
        \(sessions)
        ---
        Intro
        """)
    }

    /// A minimal valid site, with extra or replaced files.
    static func minimal(_ extra: [(String, String)] = []) throws -> TemporarySite {
        var files = ["Content/site.yml": siteYML]
        let (path, text) = program()
        files[path] = text
        for (p, t) in extra { files[p] = t }
        return try TemporarySite(files)
    }
}

extension BuildReport {
    func messages(_ severity: Diagnostic.Severity = .error) -> [String] {
        diagnostics.filter { $0.severity == severity }.map(\.description)
    }

    func file(_ path: String) -> String? {
        files.first { $0.path == path }.flatMap { String(data: $0.contents, encoding: .utf8) }
    }
}

/// The repository (for Templates/) and the fixture sites under Tests/Fixtures.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// A small complete clinic the end-to-end tests own: the example clinic in Content/ is free to change.
    static let fixtureClinic = root.appendingPathComponent("Tests/Fixtures/clinic")
}
