import Foundation

/// `clinicpress theme export`: the built-in theme as files, to change a site's look by editing
/// them. A site with an unchanged export builds byte for byte as without one.
public enum ThemeExport {
    /// Every file of the built-in theme (templates, partials, strings, styles), by path.
    public static var files: [String: String] { BuiltInTheme.files }

    public struct Result: Sendable {
        public var written: [String]
        public var unchanged: [String]
    }

    public struct Refusal: Error, CustomStringConvertible {
        /// Files in the folder that differ from the built-in ones.
        public var differing: [String]
        public var description: String {
            "\(differing.count == 1 ? "1 file differs" : "\(differing.count) files differ") from the built-in theme and would be overwritten: "
                + differing.prefix(5).joined(separator: ", ") + (differing.count > 5 ? ", …" : "")
        }
    }

    /// Writes every file, or none: a file that exists with other text is a refusal unless `force`.
    public static func export(to folder: URL, force: Bool) throws -> Result {
        var written: [String] = [], unchanged: [String] = [], differing: [String] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            if let existing = FileManager.default.contents(atPath: url.path) {
                if existing == Data(text.utf8) { unchanged.append(path) } else { differing.append(path) }
            }
        }
        if !differing.isEmpty && !force { throw Refusal(differing: differing) }
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where !unchanged.contains(path) {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            written.append(path)
        }
        return Result(written: written, unchanged: unchanged)
    }
}

/// The version `clinicpress --version` prints.
public enum ClinicPressVersion {
    public static let current = "0.9.0"
}
