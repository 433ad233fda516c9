/// What `render_pdfs.py` said of each PDF it was asked for, one result line each.
///
/// Fails closed: a PDF counts as made only when the renderer said `"ok": true` for it. A PDF it said
/// nothing about (the renderer crashed, was killed, or printed something else) is a failure, and so
/// is a run that exited with an error although every PDF was reported made. The renderer's free
/// text on standard error is never searched for words like "error": it is only quoted.
struct RendererResults {
    private let requested: [String]
    private var made: Set<String> = []
    private var failed: [String: String] = [:]
    private(set) var panelReports: [String: (pages: Int, overflow: [String])] = [:]
    private(set) var inputs: [String: [String]] = [:]

    init(jobs: [PDFEngine.Job]) { requested = jobs.map(\.pdf) }

    /// One result line: `{"pdf", "ok": true, "inputs", ["pages", "overflow"]}` or `{"pdf", "ok": false, "error"}`.
    mutating func record(_ object: [String: Any]) {
        guard let pdf = object["pdf"] as? String, requested.contains(pdf) else { return }
        // Only an explicit `"ok": true` counts; a missing or other "ok" is a failure.
        if object["ok"] as? Bool == true {
            guard failed[pdf] == nil else { return }
            made.insert(pdf)
            if let loaded = object["inputs"] as? [String] { inputs[pdf] = loaded }
            if let overflow = object["overflow"] as? [String] { panelReports[pdf] = ((object["pages"] as? Int) ?? 0, overflow) }
        } else {
            // A failure wins over any success reported for the same PDF.
            made.remove(pdf)
            inputs[pdf] = nil
            panelReports[pdf] = nil
            let error = (object["error"] as? String).map(Self.oneLine) ?? ""
            failed[pdf] = error.isEmpty ? "the renderer reported a failure without a reason" : error
        }
    }

    /// Every PDF not reported made, in the order asked for; then the run itself when it ended badly.
    /// - Parameters:
    ///   - status: how the renderer ended, in words ("WeasyPrint stopped with status 1").
    ///   - messages: what it printed on standard error, quoted (last lines) when no PDF explains it.
    func failures(exitedCleanly: Bool, status: String, messages: String) -> [PDFEngine.Failure] {
        var result: [PDFEngine.Failure] = []
        for pdf in requested where !made.contains(pdf) {
            result.append(PDFEngine.Failure(pdf: pdf, reason: failed[pdf] ?? "the renderer gave no result for it (\(status)\(Self.tail(messages)))"))
        }
        if !exitedCleanly && result.isEmpty {
            result.append(PDFEngine.Failure(pdf: nil, reason: status + Self.tail(messages)))
        }
        return result
    }

    /// The last few lines the renderer printed, without a Python traceback's frames.
    static func tail(_ text: String) -> String {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("File \"") && $0 != "Traceback (most recent call last):" }
        guard !lines.isEmpty else { return "" }
        return ": " + lines.suffix(3).map { oneLine(String($0)) }.joined(separator: " / ")
    }

    /// Long reasons (a WeasyPrint message that quotes a whole URL) shortened, on one line.
    static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 600 ? String(flat.prefix(600)) + " ..." : flat
    }
}
