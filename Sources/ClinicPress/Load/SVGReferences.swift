import Foundation

/// The references an SVG asset makes to other files, each refused unless it stays inside
/// `Content/assets/`.
///
/// WeasyPrint follows an SVG's `<image href>`, `<use xlink:href>` and CSS `url()` when it prints the
/// SVG: `file:///etc/passwd` or `../../../secret.png` put a file from outside the site into a
/// published PDF. The renderer's URL fetcher refuses those too; this makes them content errors in
/// `check`, with the line and column of the attribute (or of the `url(`). Allowed: `#part` of the
/// same SVG, `data:` URIs, and relative paths that stay inside `Content/assets/`.
///
/// A scanner over the text rather than an XML parser, because it needs the attribute's position
/// and XMLParser gives only the end of the tag. It decodes character references (`&#102;ile:`) in
/// attribute values, and refuses entity declarations, which could spell a reference it cannot see.
struct SVGReferences {
    static let hint = "SVG assets may use only their own parts ('#name'), data: URIs and files beside them in Content/assets/; embed the picture in the SVG as a data: URI, or save it again without links"

    /// `file` is the SVG's path in the site (`Content/assets/maps/floor.svg`).
    static func check(_ text: String, file: String) -> [Diagnostic] {
        var scanner = SVGReferences(bytes: Array(text.utf8), file: file)
        scanner.scan()
        return scanner.diagnostics
    }

    private let bytes: [UInt8]
    private let file: String
    private var diagnostics: [Diagnostic] = []

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private mutating func scan() {
        var index = 0
        while index < bytes.count {
            if starts(with: "<!--", at: index) {
                index = find("-->", from: index + 4).map { $0 + 3 } ?? bytes.count
            } else if starts(with: "<!ENTITY", at: index) || starts(with: "<!entity", at: index) {
                report(at: index, "the SVG declares an entity, which can hide a reference to another file")
                index += 8
            } else if bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, isNameByte(bytes[index + 1]) {
                index = scanTag(from: index + 1)
            } else if starts(with: "url(", at: index, ignoringCase: true) || starts(with: "@import", at: index, ignoringCase: true) {
                // CSS in a <style> element (or anywhere in text): url(...) and @import "...".
                let isImport = bytes[index] == UInt8(ascii: "@")
                let start = index + (isImport ? 7 : 4)
                let (reference, end) = cssArgument(from: start, isImport: isImport)
                judge(reference, at: index)
                index = max(end, index + 1)
            } else {
                index += 1
            }
        }
    }

    /// Attributes of one tag, from just after its `<` to just after its `>`.
    private mutating func scanTag(from start: Int) -> Int {
        var index = start
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return index + 1 }
            guard isNameByte(byte) else { index += 1; continue }
            let nameStart = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            var cursor = index
            while cursor < bytes.count, isBlank(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < bytes.count, isBlank(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") else {
                index = cursor
                continue
            }
            let quote = bytes[cursor]
            var end = cursor + 1
            while end < bytes.count, bytes[end] != quote { end += 1 }
            let value = decodeReferences(bytes[(cursor + 1)..<min(end, bytes.count)], at: nameStart)
            if name == "href" || name.hasSuffix(":href") || name == "src" {
                judge(value, at: nameStart)
            } else {
                // style="fill: url(...)", fill="url(...)", clip-path, mask, filter, marker-*: any value.
                for reference in Self.cssURLs(in: value) { judge(reference, at: nameStart) }
            }
            index = end + 1
        }
        return index
    }

    // MARK: Judging a reference

    private mutating func judge(_ raw: String, at offset: Int) {
        let reference = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if reference.isEmpty || reference.hasPrefix("#") || reference.lowercased().hasPrefix("data:") { return }
        if staysInsideAssets(reference) { return }
        report(at: offset, "the SVG refers to '\(reference)', outside Content/assets/")
    }

    /// A relative path without a scheme, backslash or absolute start that, once percent-decoded and
    /// resolved from the SVG's own folder, is still inside `Content/assets/`.
    private func staysInsideAssets(_ reference: String) -> Bool {
        var path = reference
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        guard let decoded = path.removingPercentEncoding, !decoded.contains(":"), !decoded.contains("\\"),
              !decoded.hasPrefix("/") else { return false }
        var folders = file.split(separator: "/").dropLast().map(String.init)
        let base = ["Content", "assets"]
        guard Array(folders.prefix(2)) == base else { return false }
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                folders.removeLast()
                if folders.count < base.count { return false }
            default: folders.append(String(part))
            }
        }
        return true
    }

    private mutating func report(at offset: Int, _ message: String) {
        // A few are enough to show what is wrong (and each one counts lines from the start).
        guard diagnostics.count < 20 else { return }
        var line = 1, lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        diagnostics.append(.error(file, SourcePosition(line: line, column: offset - lineStart + 1), message, hint: Self.hint))
    }

    // MARK: Text

    /// An attribute value with its character references decoded; an entity of its own (`&name;`)
    /// is reported, as it can stand for anything.
    private mutating func decodeReferences(_ value: ArraySlice<UInt8>, at offset: Int) -> String {
        let text = String(decoding: value, as: UTF8.self)
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { result += rest[amp...]; rest = ""; break }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                var number: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    number = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    number = UInt32(entity.dropFirst())
                }
                if let number, let scalar = Unicode.Scalar(number) {
                    result.unicodeScalars.append(scalar)
                } else {
                    report(at: offset, "the SVG uses the entity '&\(entity);', which can hide a reference to another file")
                }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    /// The arguments of every `url(...)` in CSS text (an attribute value).
    static func cssURLs(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let range = rest.range(of: "url(", options: .caseInsensitive) {
            let after = rest[range.upperBound...]
            let close = after.firstIndex(of: ")") ?? after.endIndex
            found.append(unquote(String(after[..<close])))
            rest = after[close...]
        }
        return found
    }

    /// The argument of `url(` or `@import` starting at `start`, and where it ends.
    private func cssArgument(from start: Int, isImport: Bool) -> (String, Int) {
        var index = start
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
        if isImport {
            if starts(with: "url(", at: index, ignoringCase: true) { return cssArgument(from: index + 4, isImport: false) }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return ("", index) }
            let quote = bytes[index]
            var end = index + 1
            while end < bytes.count, bytes[end] != quote { end += 1 }
            return (String(decoding: bytes[(index + 1)..<min(end, bytes.count)], as: UTF8.self), end)
        }
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: ")") { end += 1 }
        return (Self.unquote(String(decoding: bytes[index..<end], as: UTF8.self)), end)
    }

    private static func unquote(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first else { return trimmed }
        return String(trimmed.dropFirst().dropLast())
    }

    private func starts(with prefix: String, at index: Int, ignoringCase: Bool = false) -> Bool {
        let wanted = Array(prefix.utf8)
        guard index + wanted.count <= bytes.count else { return false }
        for (offset, byte) in wanted.enumerated() {
            let have = bytes[index + offset]
            if have == byte { continue }
            if ignoringCase, have | 0x20 == byte | 0x20, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") { continue }
            return false
        }
        return true
    }

    private func find(_ needle: String, from index: Int) -> Int? {
        var i = index
        while i < bytes.count {
            if starts(with: needle, at: i) { return i }
            i += 1
        }
        return nil
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte >= 0x80
    }

    private func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
