/// Escaping for text placed in HTML and XML by Swift code (templates escape by themselves).
public enum HTML {
    /// `&`, `<`, `>`, `"` and `'` as entities, the same five swift-mustache escapes. Works on the
    /// bytes and returns the text itself when there is nothing to escape, which is most values.
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
                return nil
            }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case 0x26: escaped += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
                case 0x3C: escaped += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
                case 0x3E: escaped += [0x26, 0x67, 0x74, 0x3B]  // &gt;
                case 0x22: escaped += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
                case 0x27: escaped += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }
}

/// Relative links between pages, so the site works under any base path.
/// File names made into URL paths. A clinic names its own files (`Plan #2 (final).pdf`), and
/// `#`, `?`, `%` and spaces mean something else in a URL: every byte but letters, digits and
/// `-._~` is percent-encoded, segment by segment.
public enum URLPath {
    private static let hex = Array("0123456789ABCDEF".unicodeScalars)

    public static func encode(_ path: String) -> String {
        var result = ""
        result.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 15)])
            }
        }
        return result
    }
}

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
