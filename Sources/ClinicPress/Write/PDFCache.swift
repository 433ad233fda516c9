import Foundation

/// PDFs only when something changed.
///
/// Every build that makes PDFs writes `.clinicpress-pdfs.json` into the output folder, next to
/// the `.clinicpress-output` marker. For each PDF it records a key (SHA-256 of the document's print
/// HTML, the paper size and the renderer: WeasyPrint's version, the print venv's install stamp,
/// `render_pdfs.py`, the Pango/HarfBuzz/fontconfig libraries and `SOURCE_DATE_EPOCH`), every file
/// WeasyPrint itself loaded while rendering it (stylesheets, images, fonts, as its URL fetcher saw
/// them) with each file's SHA-256, the SHA-256 of the PDF produced and, for brochures, the page
/// count and overflowing panels. It holds no times and its keys are sorted, so two builds of the
/// same content give the same bytes.
///
/// The next build reuses an old PDF when its key is the same, every file it loaded still has the
/// same bytes in the new (staging) folder, and the old PDF still has the recorded hash; the PDF
/// is then linked (or copied) into the new folder. Otherwise it is rendered. `--fresh` ignores the
/// old output.
enum PDFCache {
    static let manifestName = ".clinicpress-pdfs.json"
    static let format = 2

    struct Entry: Codable, Equatable {
        var key: String
        var sha256: String
        /// Path inside the output folder -> SHA-256 of the file when the PDF was rendered.
        var inputs: [String: String]
        /// Brochures only: the page count and the panels that overflowed when it was rendered.
        var pages: Int?
        var overflow: [String]?
    }

    struct Manifest: Codable, Equatable {
        var format: Int
        var weasyprint: String
        var pdfs: [String: Entry]
    }

    struct Result {
        var outcome: PDFEngine.Outcome
        var rendered: Int
        var reused: Int
    }

    /// Renders the jobs whose inputs changed into `staging` and carries the others over from `previous`.
    /// - Parameters:
    ///   - previous: the current output folder, or nil to render everything (`--fresh`).
    ///   - progress: (PDFs done, PDFs to render, the PDF just done), as the renderer reports them.
    ///   - renderOnly: `clinicpress serve` renders a PDF when it is asked for: the other jobs are
    ///     carried over when unchanged and otherwise left out (nil renders every job that changed).
    static func render(_ jobs: [PDFEngine.Job], engine: PDFEngine, staging: URL, previous: URL?, paper: String,
                       parallel: Int, renderOnly: Set<String>? = nil,
                       progress: (@Sendable (Int, Int, String) -> Void)? = nil) -> Result {
        let fingerprint = engine.fingerprint()
        var hashes = FileHashes(root: staging)
        let old = previous.flatMap(readManifest)
        var entries: [String: Entry] = [:]
        var reports: [String: (pages: Int, overflow: [String])] = [:]
        var toRender: [PDFEngine.Job] = []
        var keys: [String: String] = [:]

        for job in jobs {
            guard let html = hashes.hash(job.html) else {
                if renderOnly?.contains(job.pdf) ?? true { toRender.append(job) }
                continue
            }
            let key = ContentHash.hex([
                "clinicpress-pdf 2", "html \(job.html) \(html)", "engine \(fingerprint.key)", "paper \(paper)",
                "panels \(job.checkPanels)", "pdf \(job.pdf)",
            ].joined(separator: "\n"))
            keys[job.pdf] = key
            if let previous, let entry = old?.pdfs[job.pdf], entry.key == key,
               !job.checkPanels || entry.pages != nil,
               entry.inputs.allSatisfy({ hashes.hash($0.key) == $0.value }),
               carryOver(job.pdf, from: previous, to: staging, sha256: entry.sha256) {
                entries[job.pdf] = entry
                if job.checkPanels { reports[job.pdf] = (entry.pages ?? 0, entry.overflow ?? []) }
            } else if renderOnly?.contains(job.pdf) ?? true {
                toRender.append(job)
            }
        }

        var outcome = PDFEngine.Outcome(failures: [], panelReports: [:], inputs: [:])
        if !toRender.isEmpty {
            outcome = engine.render(toRender, in: staging, parallel: parallel, progress: progress)
            guard outcome.failures.isEmpty else {
                return Result(outcome: outcome, rendered: 0, reused: jobs.count - toRender.count)
            }
        }
        for job in toRender {
            // What WeasyPrint loaded; a document that loaded anything from outside the folder is
            // rendered every time.
            guard let key = keys[job.pdf], let loaded = outcome.inputs[job.pdf],
                  let data = try? Data(contentsOf: staging.appendingPathComponent(job.pdf)) else { continue }
            var inputs: [String: String] = [:]
            for path in loaded where path != job.html {
                guard let hash = hashes.hash(path) else { inputs = [:]; break }
                inputs[path] = hash
            }
            if inputs.isEmpty && loaded.contains(where: { $0 != job.html }) { continue }
            let report = outcome.panelReports[job.pdf]
            entries[job.pdf] = Entry(key: key, sha256: ContentHash.hex(data), inputs: inputs,
                                     pages: job.checkPanels ? (report?.pages ?? 0) : nil,
                                     overflow: job.checkPanels ? (report?.overflow ?? []) : nil)
        }
        outcome.panelReports.merge(reports) { new, _ in new }

        let manifest = Manifest(format: format, weasyprint: fingerprint.weasyprintVersion, pdfs: entries)
        do {
            try encode(manifest).write(to: staging.appendingPathComponent(manifestName))
        } catch {
            outcome.failures.append(PDFEngine.Failure(pdf: nil, reason: "cannot write \(manifestName): \(error.localizedDescription)"))
        }
        return Result(outcome: outcome, rendered: toRender.count, reused: jobs.count - toRender.count)
    }

    /// Puts the old PDF into the new folder when it still has the bytes that were recorded:
    /// a damaged or hand-edited PDF is rendered again.
    static func carryOver(_ pdf: String, from previous: URL, to staging: URL, sha256: String) -> Bool {
        let source = previous.appendingPathComponent(pdf)
        guard let data = try? Data(contentsOf: source), ContentHash.hex(data) == sha256 else { return false }
        let target = staging.appendingPathComponent(pdf)
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            return false
        }
        if link(source.path, target.path) == 0 { return true }
        return FileTree.writeFile(data, to: target.path) == nil
    }

    static func encode(_ manifest: Manifest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(manifest)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// The manifest of an earlier build's output folder, if it is one this version can use.
    static func readManifest(in folder: URL) -> Manifest? {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(OutputWriter.marker).path),
              let data = try? Data(contentsOf: folder.appendingPathComponent(manifestName)),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
              manifest.format == format else { return nil }
        return manifest
    }
}

/// SHA-256 of files in the new output folder, each read once per build (most documents share
/// the stylesheet).
struct FileHashes {
    let root: URL
    private var known: [String: String?] = [:]

    init(root: URL) { self.root = root }

    /// Nil when the path leaves the folder or names no readable file.
    mutating func hash(_ path: String) -> String? {
        if let hash = known[path] { return hash }
        var hash: String?
        if let normal = RelativeURL.normalize(path), normal == path,
           let data = try? Data(contentsOf: root.appendingPathComponent(path)) {
            hash = ContentHash.hex(data)
        }
        known[path] = hash
        return hash
    }
}

extension PDFEngine {
    struct Fingerprint {
        var weasyprintVersion: String
        /// SHA-256 of everything about the renderer that can change a PDF's bytes.
        var key: String
    }

    /// What about this renderer can change the bytes of a PDF, found without starting Python:
    /// WeasyPrint's version (its `dist-info` folder in the venv), the venv's install stamp (the
    /// hash of the pinned requirements and the Python version), the driver script, the system
    /// libraries WeasyPrint loads (their versioned file names) and `SOURCE_DATE_EPOCH` (the
    /// driver's date for documents without one).
    func fingerprint(environment: [String: String] = ProcessInfo.processInfo.environment) -> Fingerprint {
        let venv = python.deletingLastPathComponent().deletingLastPathComponent()
        let fileManager = FileManager.default
        var version = "unknown"
        let lib = venv.appendingPathComponent("lib")
        for pythonFolder in ((try? fileManager.contentsOfDirectory(atPath: lib.path)) ?? []).sorted() {
            let packages = lib.appendingPathComponent(pythonFolder).appendingPathComponent("site-packages")
            for entry in (try? fileManager.contentsOfDirectory(atPath: packages.path)) ?? []
            where entry.lowercased().hasPrefix("weasyprint-") && entry.hasSuffix(".dist-info") {
                version = String(entry.dropFirst("weasyprint-".count).dropLast(".dist-info".count))
            }
        }
        if version == "unknown" { version = askVersion() ?? "unknown" }
        var lines = ["weasyprint \(version)"]
        let stamp = (try? String(contentsOf: venv.appendingPathComponent(".print-requirements.sha256"), encoding: .utf8)) ?? ""
        lines.append("venv-stamp \(stamp.trimmingCharacters(in: .whitespacesAndNewlines))")
        lines.append("driver \((try? Data(contentsOf: driver)).map(ContentHash.hex) ?? "missing")")
        for library in PDFEngine.systemLibraries() { lines.append("library \(library)") }
        lines.append("SOURCE_DATE_EPOCH \(environment["SOURCE_DATE_EPOCH"] ?? "")")
        return Fingerprint(weasyprintVersion: version, key: ContentHash.hex(lines.joined(separator: "\n")))
    }

    /// WeasyPrint's version from the venv's Python, once per build, when the venv is not laid
    /// out as `install-print-tools.sh` makes it.
    func askVersion() -> String? {
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", "import importlib.metadata as m; print(m.version('weasyprint'))"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !text.isEmpty ? text : nil
    }

    /// Versioned file names of the libraries WeasyPrint renders with, such as
    /// `libpango-1.0.so.0.5000.12`: a system upgrade of one of them renders every PDF again.
    static func systemLibraries() -> [String] {
        let names = ["libpango-1.0.so.0", "libpangoft2-1.0.so.0", "libharfbuzz.so.0", "libharfbuzz-subset.so.0",
                     "libfontconfig.so.1", "libfreetype.so.6"]
        let folders = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
                       "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu"]
        return names.map { name in
            for folder in folders {
                let path = folder + "/" + name
                if FileManager.default.fileExists(atPath: path) {
                    return URL(fileURLWithPath: path).resolvingSymlinksInPath().lastPathComponent
                }
            }
            return name + " (not found)"
        }
    }
}
