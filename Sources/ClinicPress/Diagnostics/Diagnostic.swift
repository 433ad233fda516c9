/// One problem found in a site's files: where it is, what is wrong, and how to fix it.
///
/// Diagnostics are values. Every stage collects them instead of stopping at the first,
/// so one run tells a clinic's editor everything that needs fixing.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    /// Path relative to the site folder, such as `Content/programs/adult-iop.md`.
    public var file: String
    /// 1-based; 0 when the problem concerns the whole file.
    public var line: Int
    public var column: Int
    public var message: String
    /// The key the problem is about (`tracks[1].days`), when there is one.
    public var key: String?
    /// What to write instead.
    public var hint: String?

    public init(
        _ severity: Severity, file: String, line: Int = 0, column: Int = 0,
        key: String? = nil, message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
        self.hint = hint
    }

    public static func error(
        _ file: String, _ position: SourcePosition = .none, key: String? = nil, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, file: file, line: position.line, column: position.column, key: key, message: message, hint: hint)
    }

    public static func warning(
        _ file: String, _ position: SourcePosition = .none, key: String? = nil, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, file: file, line: position.line, column: position.column, key: key, message: message, hint: hint)
    }

    public static func error(_ file: String, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, file: file, message: message, hint: hint)
    }

    public static func warning(_ file: String, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, file: file, message: message, hint: hint)
    }

    /// `path:line:column: error: message [key] (hint)`, the shape compilers use, so editors can jump to it.
    /// Control characters from the content (a file name, a key, a quoted value) are shown
    /// escaped, so printing a diagnostic can never recolour or clear the terminal.
    public var description: String {
        let safe = ControlCharacters.escaped
        var text = safe(file)
        if line > 0 {
            text += ":\(line)"
            text += ":\(max(column, 1))"
        }
        text += ": \(severity.rawValue): "
        if let key { text += "\(safe(key)): " }
        text += safe(message)
        if let hint { text += "\n    hint: \(safe(hint))" }
        return text
    }
}

/// A line and column in a source file (1-based; 0 means unknown).
public struct SourcePosition: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public static let none = SourcePosition(line: 0, column: 0)
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, then line and column, so a report reads top to bottom.
    public func sortedForReport() -> [Diagnostic] {
        sorted {
            ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message)
        }
    }
}
