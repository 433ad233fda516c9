import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `[3/17] print/handouts/x.pdf` on standard error, redrawn in place, while PDFs render: only on a
/// terminal, and never in CI (`CI` set), so logs stay clean.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var drawn = false

    /// nil when progress should not be shown.
    static func forTerminal(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressLine? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        if let ci = environment["CI"], !ci.isEmpty, ci.lowercased() != "false", ci != "0" { return nil }
        return ProgressLine()
    }

    func update(done: Int, total: Int, item: String) {
        lock.lock()
        defer { lock.unlock() }
        write("\r\u{1B}[K[\(done)/\(total)] \(item)")
        drawn = true
    }

    /// Clears the line, so the next message starts on an empty one.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { write("\r\u{1B}[K") }
        drawn = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
