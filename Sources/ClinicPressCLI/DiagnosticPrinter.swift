import ClinicPress
import Foundation

/// Prints diagnostics to standard error, in colour only when that is a terminal.
struct DiagnosticPrinter {
    let colour: Bool = isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    /// Past this many, the rest are counted, not printed: a broken folder should not flood the terminal.
    static let limit = 200

    func print(_ diagnostics: [Diagnostic]) {
        var text = ""
        for diagnostic in diagnostics.prefix(DiagnosticPrinter.limit) {
            var line = diagnostic.description
            if colour {
                let code = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
                let label = "\(diagnostic.severity.rawValue):"
                line = line.replacingOccurrences(of: " \(label) ", with: " \(code)\(label)\u{1B}[0m ")
            }
            text += line + "\n"
        }
        if diagnostics.count > DiagnosticPrinter.limit {
            text += "... and \(diagnostics.count - DiagnosticPrinter.limit) more (clinicpress check --format json lists them all)\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func json(_ diagnostics: [Diagnostic], pages: Int) -> String {
        struct Entry: Encodable {
            var severity: String, file: String, line: Int, column: Int, key: String?, message: String, hint: String?
        }
        struct Output: Encodable {
            var pages: Int, errors: Int, warnings: Int, diagnostics: [Entry]
        }
        let output = Output(
            pages: pages, errors: diagnostics.errors.count, warnings: diagnostics.warnings.count,
            diagnostics: diagnostics.map {
                Entry(severity: $0.severity.rawValue, file: $0.file, line: $0.line, column: $0.column, key: $0.key,
                      message: $0.message, hint: $0.hint)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(output)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    /// A path relative to the current folder when it is inside it.
    static func display(_ url: URL) -> String {
        let current = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) + "/" : path + "/"
    }
}
