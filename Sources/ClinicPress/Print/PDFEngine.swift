import Foundation

/// WeasyPrint, run through `scripts/render_pdfs.py` in the Python environment `make site` creates
/// (`.venv-print/`). One process renders every PDF of a build, a bounded number at a time.
///
/// It is found, in order: in `$CLINICPRESS_HOME` (a ClinicPress checkout where `make site` ran),
/// then in the checkout the running `clinicpress` binary was built in (walking up from it).
public struct PDFEngine: Sendable {
    public let python: URL
    public let driver: URL

    /// The command that installs WeasyPrint for this binary: the install script of the checkout it
    /// was built in when there is one.
    public static func installCommand(
        executable: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    ) -> String {
        var folder = executable.deletingLastPathComponent()
        while folder.path != "/" {
            let script = folder.appendingPathComponent("scripts/install-print-tools.sh")
            if FileManager.default.fileExists(atPath: script.path) { return script.path }
            folder = folder.deletingLastPathComponent()
        }
        return "scripts/install-print-tools.sh (in the ClinicPress folder)"
    }

    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    ) -> PDFEngine? {
        let candidates = ToolHomes.folders(environment: environment, executable: executable)
        for home in candidates {
            let python = home.appendingPathComponent(".venv-print/bin/python")
            let driver = home.appendingPathComponent("scripts/render_pdfs.py")
            if FileManager.default.isExecutableFile(atPath: python.path), FileManager.default.fileExists(atPath: driver.path) {
                return PDFEngine(python: python, driver: driver)
            }
        }
        return nil
    }

    public struct Job: Sendable {
        public var html: String
        public var pdf: String
        /// Ask the renderer which fixed-size panels overflowed (brochures).
        public var checkPanels: Bool
    }

    /// A PDF that was not made, and why, in the renderer's words (or nil `pdf`: the whole run).
    public struct Failure: Sendable, Equatable {
        public var pdf: String?
        public var reason: String
    }

    public struct Outcome: Sendable {
        public var failures: [Failure]
        /// PDF path -> panels whose content did not fit, and the page count.
        public var panelReports: [String: (pages: Int, overflow: [String])]
        /// PDF path -> the files WeasyPrint loaded to make it (paths inside the folder; `url:`
        /// for anything it fetched from elsewhere), as its URL fetcher saw them.
        public var inputs: [String: [String]] = [:]
    }

    /// Renders the jobs, whose paths are relative to `directory`.
    /// `progress` is called with (PDFs done, PDFs in all, the PDF just done) as the renderer reports them.
    public func render(_ jobs: [Job], in directory: URL, parallel: Int,
                       progress: (@Sendable (Int, Int, String) -> Void)? = nil) -> Outcome {
        let list = jobs.map { job -> [String: Any] in
            ["html": job.html, "pdf": job.pdf, "panels": job.checkPanels]
        }
        let jobsFile = directory.appendingPathComponent(".pdf-jobs.json")
        // The renderer's messages go to a file, so a chatty run can never block on a full pipe.
        let errorFile = directory.appendingPathComponent(".pdf-errors.log")
        defer {
            try? FileManager.default.removeItem(at: jobsFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        do {
            let data = try JSONSerialization.data(withJSONObject: list, options: [.sortedKeys])
            try data.write(to: jobsFile)
        } catch {
            return Outcome(failures: [Failure(pdf: nil, reason: "cannot write the PDF job list: \(error.localizedDescription)")], panelReports: [:])
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [driver.path, "--quiet", "--progress", "--jobs", String(parallel), jobsFile.path]
        process.currentDirectoryURL = directory
        // The renderer dies with the build (it checks that its parent is still this process).
        var environment = ProcessInfo.processInfo.environment
        environment["CLINICPRESS_PARENT_PID"] = String(ProcessInfo.processInfo.processIdentifier)
        // The renderer dates documents from SOURCE_DATE_EPOCH: hand it only a value the build
        // accepts (the command refuses others; a library caller may not have checked).
        if case .failure = SourceDateEpoch.parse(environment["SOURCE_DATE_EPOCH"]) { environment["SOURCE_DATE_EPOCH"] = nil }
        process.environment = environment
        let output = Pipe()
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil),
              let errors = try? FileHandle(forWritingTo: errorFile) else {
            return Outcome(failures: [Failure(pdf: nil, reason: "cannot write \(errorFile.path)")], panelReports: [:])
        }
        defer { try? errors.close() }
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return Outcome(failures: [Failure(pdf: nil, reason: "WeasyPrint could not be started (\(python.path)): \(error.localizedDescription)")], panelReports: [:])
        }
        // {"done": PDF} lines while it runs, then exactly one result line per PDF: {"pdf", "ok": true,
        // "inputs", ...} or {"pdf", "ok": false, "error"}. Standard output carries nothing else.
        var results = RendererResults(jobs: jobs)
        var done = 0
        var buffer = Data()
        func handle(_ line: Data) {
            guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { return }
            if let finished = object["done"] as? String {
                done += 1
                progress?(done, jobs.count, finished)
            } else {
                results.record(object)
            }
        }
        while true {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                handle(buffer[buffer.startIndex..<newline])
                buffer.removeSubrange(buffer.startIndex...newline)
            }
        }
        if !buffer.isEmpty { handle(buffer) }
        process.waitUntilExit()
        let errorText = String(decoding: (try? Data(contentsOf: errorFile)) ?? Data(), as: UTF8.self)
        let status = process.terminationReason == .uncaughtSignal
            ? "was killed by signal \(process.terminationStatus)" : "stopped with status \(process.terminationStatus)"
        let failures = results.failures(exitedCleanly: process.terminationStatus == 0 && process.terminationReason == .exit,
                                        status: "WeasyPrint \(status)", messages: errorText)
        return Outcome(failures: failures, panelReports: results.panelReports, inputs: results.inputs)
    }
}
