import Foundation

/// Writes Report/index.html and Report/report.json. Never into the published site: the report
/// names files, reviewers and dates that are for the clinic's staff, not for its visitors.
public enum ReportWriter {
    public static let defaultFolder = "Report"
    public static let files = ["index.html", "report.json"]

    /// Why an output folder cannot take the report (a usage error), or nil when it can.
    public static func problem(output: URL, siteDirectory: URL) -> String? {
        let published = siteDirectory.appendingPathComponent("Output").resolvingSymlinksInPath().standardizedFileURL.path
        let target = output.resolvingSymlinksInPath().standardizedFileURL.path
        if target == published || target.hasPrefix(published + "/") {
            return "the report cannot go inside the published site (\(published)): it is for the clinic's staff"
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue {
            return "'\(output.path)' is a file, not a folder"
        }
        return nil
    }

    /// Writes both files; each replaces the old one in one step (a reader never sees half a file).
    public static func write(_ report: ContentReport, to output: URL, siteDirectory: URL) throws {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let html = ReportPage.html(report, sourcePrefix: relativePath(from: output, to: siteDirectory))
        try Data(html.utf8).write(to: output.appendingPathComponent("index.html"), options: .atomic)
        try ReportJSON.encode(report).write(to: output.appendingPathComponent("report.json"), options: .atomic)
    }

    /// `../` from SITE/Report to SITE; a path with `/` at the end, or an absolute file URL's path
    /// when the two folders share nothing but the root.
    static func relativePath(from folder: URL, to target: URL) -> String {
        let from = folder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let to = target.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
        if common <= 1 { return URLPath.encode(target.standardizedFileURL.path) + "/" }
        let up = Array(repeating: "..", count: from.count - common)
        let down = to[common...].map { URLPath.encode($0) }
        let parts = up + down
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    }
}
