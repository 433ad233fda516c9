import Foundation

/// The files a print HTML document makes WeasyPrint load, found without running it: stylesheets
/// (`<link href>`, `@import`), images (`src`, SVG `href`), fonts and images named by `url()` in
/// CSS (linked, imported, in `<style>` elements and `style` attributes), and what referenced SVG
/// files load in turn. Relative references resolve against the file that names them, as
/// WeasyPrint resolves them. The result is the input key of the document's PDF (`PDFCache`).
///
/// It errs on the side of including too much: an unneeded file only costs a re-render.
struct PrintInputs {
    /// The folder the documents' relative paths start from (the new output folder).
    let root: URL
    /// Hashes of files already read in this build: most documents share the stylesheet.
    private var hashes: [String: String] = [:]
    private var texts: [String: String] = [:]

    init(root: URL) { self.root = root }

    struct Key {
        /// SHA-256 of everything below, as text.
        var key: String
        /// Paths (relative to the output folder) of the files the document uses, sorted.
        var inputs: [String]
        /// False when the document has a `<base>` element: its references are not followed
        /// here, so its PDF is always rendered.
        var cacheable: Bool
    }

    /// The input key of the PDF of `htmlPath` (relative to `root`), with `context` lines
    /// (engine, paper) mixed in.
    mutating func key(html htmlPath: String, context: [String]) -> Key {
        var lines = ["clinicpress-pdf-input 1"] + context
        var visited: Set<String> = []
        var files: [String: String] = [:]  // label -> line
        var cacheable = true
        let html = components(htmlPath)
        guard let data = read(html) else {
            return Key(key: ContentHash.hex("missing html \(htmlPath)"), inputs: [], cacheable: false)
        }
        lines.append("html \(htmlPath) \(ContentHash.hex(data))")
        visited.insert(htmlPath)
        let text = String(decoding: data, as: UTF8.self)
        let found = PrintInputs.markupReferences(text)
        if found.hasBase { cacheable = false }
        var queue: [(ref: String, from: [String], css: Bool)] = []
        let folder = Array(html.dropLast())
        queue += found.references.map { ($0.url, folder, $0.stylesheet) }
        for css in found.inlineCSS {
            queue += PrintInputs.cssReferences(css).map { ($0, folder, false) }
        }
        while !queue.isEmpty {
            let (ref, from, isCSS) = queue.removeFirst()
            switch PrintInputs.resolve(ref, from: from) {
            case .ignore:
                continue
            case .external(let url):
                files["url " + url] = "external \(url)"
            case .file(let path, let isAbsolute):
                let label = isAbsolute ? "/" + path.joined(separator: "/") : path.joined(separator: "/")
                guard visited.insert(label).inserted else { continue }
                let url = isAbsolute ? URL(fileURLWithPath: label) : root.appendingPathComponent(label)
                guard let data = readFile(url, label: label) else {
                    files[label] = "missing \(label)"
                    continue
                }
                files[label] = "file \(label) \(hash(label, data))"
                let lower = label.lowercased()
                let parent = Array(path.dropLast())
                let base = isAbsolute ? nil : parent
                if isCSS || lower.hasSuffix(".css") {
                    for next in PrintInputs.cssReferences(String(decoding: data, as: UTF8.self)) {
                        queue.append(base.map { (next, $0, false) } ?? (PrintInputs.absolutize(next, in: parent), [], false))
                    }
                } else if lower.hasSuffix(".svg") {
                    let svg = PrintInputs.markupReferences(String(decoding: data, as: UTF8.self))
                    for next in svg.references {
                        queue.append(base.map { (next.url, $0, next.stylesheet) }
                                     ?? (PrintInputs.absolutize(next.url, in: parent), [], next.stylesheet))
                    }
                    for css in svg.inlineCSS {
                        for next in PrintInputs.cssReferences(css) {
                            queue.append(base.map { (next, $0, false) } ?? (PrintInputs.absolutize(next, in: parent), [], false))
                        }
                    }
                }
            }
        }
        lines += files.keys.sorted().map { files[$0]! }
        let inputs = files.keys.filter { !$0.hasPrefix("url ") }.sorted()
        return Key(key: ContentHash.hex(lines.joined(separator: "\n") + "\n"), inputs: inputs, cacheable: cacheable)
    }

    private func components(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init)
    }

    private mutating func read(_ path: [String]) -> Data? {
        try? Data(contentsOf: root.appendingPathComponent(path.joined(separator: "/")))
    }

    private mutating func readFile(_ url: URL, label: String) -> Data? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        return try? Data(contentsOf: url)
    }

    private mutating func hash(_ label: String, _ data: Data) -> String {
        if let known = hashes[label] { return known }
        let value = ContentHash.hex(data)
        hashes[label] = value
        return value
    }

    // MARK: Resolving

    enum Resolved: Equatable {
        case ignore
        case external(String)
        /// Path components, relative to the output folder (may start with ".."), or absolute.
        case file([String], absolute: Bool)
    }

    /// A reference as WeasyPrint resolves it against the file in folder `from`.
    static func resolve(_ raw: String, from: [String]) -> Resolved {
        var ref = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let hash = ref.firstIndex(of: "#") { ref = String(ref[..<hash]) }
        if let query = ref.firstIndex(of: "?") { ref = String(ref[..<query]) }
        if ref.isEmpty { return .ignore }
        let lower = ref.lowercased()
        if lower.hasPrefix("data:") { return .ignore }
        if lower.hasPrefix("file://") {
            var path = String(ref.dropFirst("file://".count))
            if let slash = path.firstIndex(of: "/") { path = String(path[slash...]) } else { return .external(raw) }
            return .file(normalize([], path.removingPercentEncoding ?? path), absolute: true)
        }
        if hasScheme(ref) || ref.hasPrefix("//") { return .external(raw) }
        let decoded = ref.removingPercentEncoding ?? ref
        if decoded.hasPrefix("/") { return .file(normalize([], decoded), absolute: true) }
        return .file(normalize(from, decoded), absolute: false)
    }

    /// A reference found in a file outside the output folder, made absolute.
    static func absolutize(_ ref: String, in folder: [String]) -> String {
        if hasScheme(ref) || ref.hasPrefix("/") || ref.hasPrefix("#") { return ref }
        return "/" + (folder + [ref]).joined(separator: "/")
    }

    static func hasScheme(_ ref: String) -> Bool {
        guard let colon = ref.firstIndex(of: ":") else { return false }
        let scheme = ref[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }

    static func normalize(_ folder: [String], _ path: String) -> [String] {
        var parts = folder
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else { parts.append("..") }
            default: parts.append(String(part))
            }
        }
        return parts
    }

    // MARK: Scanning

    struct MarkupReferences {
        var references: [(url: String, stylesheet: Bool)] = []
        var inlineCSS: [String] = []
        var hasBase = false
    }

    /// References in HTML or SVG: a tolerant tag scanner, not a full parser.
    static func markupReferences(_ text: String) -> MarkupReferences {
        var result = MarkupReferences()
        let bytes = Array(text.utf8)
        var i = 0
        let n = bytes.count
        func starts(_ s: String, at index: Int) -> Bool {
            let u = Array(s.utf8)
            guard index + u.count <= n else { return false }
            for (k, c) in u.enumerated() where lowerASCII(bytes[index + k]) != c { return false }
            return true
        }
        func find(_ s: String, from index: Int) -> Int {
            var j = index
            while j < n {
                if starts(s, at: j) { return j }
                j += 1
            }
            return n
        }
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if starts("<!--", at: i) { i = find("-->", from: i + 4) + 3; continue }
            var j = i + 1
            guard j < n, isNameByte(bytes[j]) else { i += 1; continue }
            while j < n, isNameByte(bytes[j]) { j += 1 }
            let tag = String(decoding: bytes[(i + 1)..<j].map(lowerASCII), as: UTF8.self)
            // Attributes up to the end of the tag.
            var attributes: [String: String] = [:]
            while j < n, bytes[j] != UInt8(ascii: ">") {
                if isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "/") { j += 1; continue }
                let nameStart = j
                while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">") { j += 1 }
                let name = String(decoding: bytes[nameStart..<j].map(lowerASCII), as: UTF8.self)
                while j < n, isSpace(bytes[j]) { j += 1 }
                var value = ""
                if j < n, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < n, isSpace(bytes[j]) { j += 1 }
                    if j < n, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                        let quote = bytes[j]
                        let start = j + 1
                        j = start
                        while j < n, bytes[j] != quote { j += 1 }
                        value = String(decoding: bytes[start..<min(j, n)], as: UTF8.self)
                        j += 1
                    } else {
                        let start = j
                        while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
                        value = String(decoding: bytes[start..<j], as: UTF8.self)
                    }
                }
                if !name.isEmpty { attributes[name] = decodeEntities(value) }
            }
            let end = min(j + 1, n)
            for name in ["src", "poster"] {
                if let value = attributes[name] { result.references.append((value, false)) }
            }
            if let style = attributes["style"] { result.inlineCSS.append(style) }
            switch tag {
            case "link":
                if let href = attributes["href"] {
                    let rel = attributes["rel"]?.lowercased() ?? ""
                    result.references.append((href, rel.contains("stylesheet")))
                }
            case "a":
                // WeasyPrint attaches the files of <a rel="attachment"> to the PDF.
                if let href = attributes["href"], attributes["rel"]?.lowercased().contains("attachment") == true {
                    result.references.append((href, false))
                }
            case "image", "use", "feimage":
                for name in ["href", "xlink:href"] {
                    if let value = attributes[name] { result.references.append((value, false)) }
                }
            case "object":
                if let value = attributes["data"] { result.references.append((value, false)) }
            case "base":
                if attributes["href"] != nil { result.hasBase = true }
            case "style":
                let close = find("</style", from: end)
                result.inlineCSS.append(String(decoding: bytes[end..<close], as: UTF8.self))
                i = close
                continue
            case "script":
                i = find("</script", from: end)
                continue
            default:
                break
            }
            i = end
        }
        return result
    }

    /// `url(...)` and `@import "..."` in CSS, comments left out.
    static func cssReferences(_ css: String) -> [String] {
        var bytes = Array(css.utf8)
        // Comments out.
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "*") {
                var j = i + 2
                while j + 1 < bytes.count, !(bytes[j] == UInt8(ascii: "*") && bytes[j + 1] == UInt8(ascii: "/")) { j += 1 }
                i = j + 2
                cleaned.append(UInt8(ascii: " "))
                continue
            }
            cleaned.append(bytes[i])
            i += 1
        }
        bytes = cleaned
        let n = bytes.count
        var found: [String] = []
        func quoted(at start: Int) -> (String, Int)? {
            guard start < n, bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[start]
            var j = start + 1
            while j < n, bytes[j] != quote { j += 1 }
            return (String(decoding: bytes[(start + 1)..<min(j, n)], as: UTF8.self), j + 1)
        }
        i = 0
        while i < n {
            if i + 4 <= n, lowerASCII(bytes[i]) == UInt8(ascii: "u"), lowerASCII(bytes[i + 1]) == UInt8(ascii: "r"),
               lowerASCII(bytes[i + 2]) == UInt8(ascii: "l"), bytes[i + 3] == UInt8(ascii: "("),
               i == 0 || !isNameByte(bytes[i - 1]) {
                var j = i + 4
                while j < n, isSpace(bytes[j]) { j += 1 }
                if let (value, next) = quoted(at: j) {
                    found.append(value)
                    i = next
                } else {
                    let start = j
                    while j < n, bytes[j] != UInt8(ascii: ")") { j += 1 }
                    found.append(String(decoding: bytes[start..<j], as: UTF8.self).trimmingCharacters(in: .whitespaces))
                    i = j
                }
                continue
            }
            if bytes[i] == UInt8(ascii: "@"), i + 7 <= n,
               String(decoding: bytes[(i + 1)..<(i + 7)].map(lowerASCII), as: UTF8.self) == "import" {
                var j = i + 7
                while j < n, isSpace(bytes[j]) { j += 1 }
                if let (value, next) = quoted(at: j) {
                    found.append(value)
                    i = next
                    continue
                }
                i = j
                continue
            }
            i += 1
        }
        return found
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semi) <= 10 else {
                out += "&"
                rest = after
                continue
            }
            let name = after[..<semi]
            var replacement: String?
            switch name {
            case "amp": replacement = "&"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16) {
                    replacement = Unicode.Scalar(v).map { String(Character($0)) }
                } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()) {
                    replacement = Unicode.Scalar(v).map { String(Character($0)) }
                }
            }
            if let replacement {
                out += replacement
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }
}

private func lowerASCII(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
private func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 || c == 12 }
private func isNameByte(_ c: UInt8) -> Bool {
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 45 || c == 58 || c == 95
}
