import Foundation

/// Pagefind, the program that indexes the built site for its search page. `scripts/install-print-tools.sh`
/// installs it (PyPI `pagefind_bin`, pinned) and links it as `.venv-print/bin/pagefind`.
///
/// It is found, in order: at `$CLINICPRESS_PAGEFIND` when that is set (then nowhere else), in
/// `$CLINICPRESS_HOME`, then in the checkout the running `clinicpress` binary was built in
/// (walking up from it), as WeasyPrint is (`PDFEngine`).
public struct SearchEngine: Sendable {
    public let executable: URL

    /// The folder of the site, inside the output, where the search bundle goes: one bundle, with
    /// one index for each language Pagefind finds in the pages' `<html lang>` (a page loads the
    /// index of its own language).
    public static let bundleFolder = "pagefind"

    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    ) -> SearchEngine? {
        if let chosen = environment["CLINICPRESS_PAGEFIND"], !chosen.isEmpty {
            return FileManager.default.isExecutableFile(atPath: chosen) ? SearchEngine(executable: URL(fileURLWithPath: chosen)) : nil
        }
        let candidates = ToolHomes.folders(environment: environment, executable: executable)
        for home in candidates {
            let binary = home.appendingPathComponent(".venv-print/bin/pagefind")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return SearchEngine(executable: binary) }
        }
        return nil
    }

    /// Why the site was not indexed, in Pagefind's words.
    public struct Failure: Error, Sendable, Equatable {
        public var reason: String
    }

    /// Indexes the HTML pages of `site` (a folder on disk) into `site/pagefind/`. Only the parts of
    /// pages marked `data-pagefind-body` are indexed (pages without it are left out). One process
    /// for the whole site.
    public func index(site: URL, background: Bool = false) throws(Failure) {
        try run(["--site", site.path, "--output-subdir", SearchEngine.bundleFolder], in: site, background: background)
        // The search page uses Pagefind's JavaScript API with the theme's own form and list: its
        // ready-made interfaces (two thirds of the bundle's bytes) are not published.
        let bundle = site.appendingPathComponent(SearchEngine.bundleFolder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: bundle.path)) ?? [] where SearchEngine.isUnusedInterface(name) {
            try? FileManager.default.removeItem(at: bundle.appendingPathComponent(name))
        }
        try SearchEngine.sortEntry(in: bundle)
    }

    /// Pagefind lists the languages of `pagefind-entry.json` in the order of a hash map, which
    /// changes from run to run on a site in several languages: written again with sorted keys, the
    /// same content gives the same bytes. Pagefind's script reads it as JSON, so order is nothing to it.
    static func sortEntry(in bundle: URL) throws(Failure) {
        let entry = bundle.appendingPathComponent("pagefind-entry.json")
        guard let data = try? Data(contentsOf: entry) else { return }
        guard let object = try? JSONSerialization.jsonObject(with: data),
              let sorted = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
              (try? sorted.write(to: entry)) != nil
        else { throw Failure(reason: "Pagefind's pagefind-entry.json could not be read and written again") }
    }

    /// `pagefind-ui.js`, `pagefind-modular-ui.css`, `pagefind-highlight.js`, ...
    static func isUnusedInterface(_ name: String) -> Bool {
        name.hasPrefix("pagefind-") && (name.contains("-ui.") || name.hasPrefix("pagefind-highlight."))
    }

    func run(_ arguments: [String], in directory: URL, background: Bool = false) throws(Failure) {
        // Pagefind's messages go to a file, so a chatty run can never block on a full pipe.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("clinicpress-pagefind-\(getpid())-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        guard FileManager.default.createFile(atPath: log.path, contents: nil),
              let output = try? FileHandle(forWritingTo: log) else {
            throw Failure(reason: "cannot write \(log.path)")
        }
        defer { try? output.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + ["--silent"]
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            throw Failure(reason: "Pagefind could not be started (\(executable.path)): \(error.localizedDescription)")
        }
        // Niceness 10: the threads Pagefind starts from now on share the cores with the next rebuild.
        if background { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(process.processIdentifier), 10) }
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let said = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let status = process.terminationReason == .uncaughtSignal
                ? "was killed by signal \(process.terminationStatus)" : "stopped with status \(process.terminationStatus)"
            throw Failure(reason: "Pagefind \(status)" + (said.isEmpty ? "" : ": " + String(said.prefix(2000))))
        }
    }
}
