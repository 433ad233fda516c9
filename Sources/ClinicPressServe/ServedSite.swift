import ClinicPress
import Foundation

/// One build of the site as the server holds it: every output path with its bytes (or, for a
/// large asset, the file to read them from), exactly as `build` would write them.
struct ServedSite: Sendable {
    enum Body: Sendable, Equatable {
        case bytes(Data)
        case file(String)
    }

    var files: [String: Body]

    init(_ files: [OutputFile]) {
        var map: [String: Body] = [:]
        for file in files {
            switch file.body {
            case .bytes(let data): map[file.path] = .bytes(data)
            case .copy(let source): map[file.path] = .file(source)
            }
        }
        self.files = map
    }

    static let empty = ServedSite([])

    /// Output paths whose bytes differ between two builds (added, changed or removed).
    func changedPaths(since old: ServedSite) -> [String] {
        var changed: [String] = []
        for (path, body) in files where old.files[path] != body { changed.append(path) }
        for path in old.files.keys where files[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    /// What a request path names.
    enum Lookup: Equatable {
        case file(String)
        /// A folder asked for without its slash: the browser must come back with it, or the
        /// page's relative links would resolve one level too high.
        case redirect(String)
        case notFound
    }

    /// Maps a URL path (still percent-encoded) to an output path. Anything that could leave the
    /// site (`..` segments, encoded or not, backslashes, NUL) is not found, never resolved.
    func lookup(_ urlPath: String) -> Lookup {
        guard let decoded = ServedSite.decode(urlPath) else { return .notFound }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return .notFound }
        var path = segments.joined(separator: "/")
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if files[path] != nil { return .file(path) }
        if files[path + "/index.html"] != nil { return .redirect(urlPath + "/") }
        return .notFound
    }

    static func decode(_ urlPath: String) -> String? {
        guard urlPath.hasPrefix("/"), let decoded = urlPath.removingPercentEncoding,
              !decoded.contains("\0"), !decoded.contains("\\"), !decoded.contains("//") else { return nil }
        return decoded
    }

    /// A changed file that pages load with them (a stylesheet, a picture): every page reloads. Pages
    /// themselves reload one by one; the feed, the sitemap and the search index are loaded by no
    /// page as it opens (the search page reads the index when someone searches).
    static func isLoadedByPages(_ urlPath: String) -> Bool {
        !urlPath.hasSuffix("/") && !urlPath.hasSuffix(".html") && !urlPath.hasSuffix(".xml")
            && !urlPath.hasPrefix("/pagefind/")
    }

    /// The web address of an output path: `education/x/index.html` is shown at `/education/x/`.
    static func urlPath(of path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "ics": return "text/calendar; charset=utf-8"
        case "pdf": return "application/pdf"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/vnd.microsoft.icon"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "ttf": return "font/ttf"
        case "otf": return "font/otf"
        case "mp4", "m4v": return "video/mp4"
        case "webm": return "video/webm"
        case "mp3": return "audio/mpeg"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        default: return "application/octet-stream"
        }
    }
}
