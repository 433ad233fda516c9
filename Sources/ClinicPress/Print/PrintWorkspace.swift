import Foundation

/// PDFs made when they are asked for (`clinicpress serve`), in a folder of its own outside the
/// site, with the PDF cache: a PDF whose print HTML and loaded files did not change is not
/// rendered again.
///
/// Each request writes the current site into a new generation folder (unchanged files are
/// hard links to the last generation), then renders or carries over the PDFs wanted.
public final class PrintWorkspace: @unchecked Sendable {
    private let folder: URL
    private let lock = NSLock()
    private var generation = 0
    private var current: URL?

    /// - Parameter folder: created if needed; removed by `remove()`.
    public init(folder: URL) {
        self.folder = folder
    }

    /// The PDF at `path` (`print/handouts/x.pdf`) for the build in `report`, or why it failed.
    /// Also makes (or keeps) every PDF in `alsoWanted`, so their next request is instant.
    public func pdf(_ path: String, of report: BuildReport, alsoWanted: Set<String> = []) -> Result<Data, PDFEngine.Failure> {
        lock.lock(); defer { lock.unlock() }
        guard let engine = report.engine, report.pdfJobs.contains(where: { $0.pdf == path }) else {
            return .failure(PDFEngine.Failure(pdf: path, reason: "no printed document is made at \(path)"))
        }
        generation += 1
        let staging = folder.appendingPathComponent("generation-\(generation)")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            try FileTree.write(report.files, into: staging, previous: current)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            return .failure(PDFEngine.Failure(pdf: path, reason: "the print folder could not be written: \(error)"))
        }
        let result = PDFCache.render(report.pdfJobs, engine: engine, staging: staging, previous: current,
                                     paper: report.pdfPaper, parallel: 2, renderOnly: alsoWanted.union([path]))
        if let failure = result.outcome.failures.first {
            try? FileManager.default.removeItem(at: staging)
            return .failure(failure)
        }
        if let old = current { try? FileManager.default.removeItem(at: old) }
        current = staging
        guard let data = FileManager.default.contents(atPath: staging.appendingPathComponent(path).path) else {
            return .failure(PDFEngine.Failure(pdf: path, reason: "the renderer made no file"))
        }
        return .success(data)
    }

    /// The PDF paths of a build (empty when it makes none).
    public static func pdfPaths(of report: BuildReport) -> Set<String> {
        report.engine == nil ? [] : Set(report.pdfJobs.map(\.pdf))
    }

    public func remove() {
        lock.lock(); defer { lock.unlock() }
        try? FileManager.default.removeItem(at: folder)
        current = nil
    }
}

extension PDFEngine.Failure: Error {}
