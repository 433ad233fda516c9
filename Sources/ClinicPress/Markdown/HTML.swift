/// Escaping for text placed in HTML and XML by Swift code (templates escape by themselves).
public enum HTML {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// Relative links between pages, so the site works under any base path.
public enum RelativeURL {
    /// From the page at `from` (a folder path like `programs/adult-iop/`, or `` for the home page)
    /// to the path `to` (like `education/foo/` or `assets/x.svg`).
    public static func between(_ from: String, _ to: String) -> String {
        let depth = from.split(separator: "/").count - (from.hasSuffix("/") || from.isEmpty ? 0 : 1)
        let up = String(repeating: "../", count: max(depth, 0))
        let result = up + to
        return result.isEmpty ? "./" : result
    }

    /// Prefix that leads from a page back to the site root (`../../`).
    public static func root(from page: String) -> String {
        let r = between(page, "")
        return r == "./" ? "" : r
    }

    /// Normalises `a/b/../c` style paths; returns nil when the path climbs above its root.
    public static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
