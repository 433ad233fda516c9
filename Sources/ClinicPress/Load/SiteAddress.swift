/// The address a site is published at (`url` in site.yml, or `--base-url`), in its normal form.
///
/// Every canonical link, the sitemap, robots.txt, the calendar and the QR codes are this address
/// plus a page path, so it must be exactly a scheme, a host and an optional path: a query or a
/// fragment would land in the middle of every link, a line break would add lines to robots.txt
/// and workshops.ics, and a user name and password would be published on every page.
///
/// Accepted: `http` or `https` (any case), `://`, a host (letters, digits, hyphens and dots, or an
/// IPv6 literal in brackets), an optional port and an optional path. Refused: control characters,
/// white space, user info (`user:pw@`), a query (`?`), a fragment (`#`), a bad percent escape,
/// `.` or `..` segments and empty segments (`//`). Published form: scheme and host in lower case,
/// the default port (80, 443) left out, characters a path may not hold percent-encoded, and
/// always a trailing `/` (page paths are appended to it).
public struct SiteAddress: Hashable, Sendable {
    /// `https://www.example.org/clinic/`
    public let text: String

    /// Why a text is not a site address: `message` completes "... cannot be the site's address: ",
    /// `suggestion` is the address to write instead, when there is one.
    public struct Problem: Error, Hashable, Sendable {
        public var message: String
        public var suggestion: String?
        /// The text held a control character: the fix is to write it on one line.
        public var isControl = false

        /// What to write instead; `prefix` goes before the address (`url: `).
        public func hint(prefix: String = "") -> String {
            if isControl {
                return "write the address on one line" + (suggestion.map { ", such as '\(prefix)\($0)'" } ?? "")
            }
            return suggestion.map { "write '\(prefix)\($0)'" } ?? "write the full address, such as '\(prefix)https://www.example.org/'"
        }
    }

    public static func parse(_ written: String) -> Result<SiteAddress, Problem> {
        func problem(_ message: String, _ suggestion: String? = nil) -> Result<SiteAddress, Problem> {
            .failure(Problem(message: message, suggestion: suggestion))
        }
        if let control = written.unicodeScalars.firstIndex(where: { ControlCharacters.isRefused($0, allowLineBreaks: false) || $0 == "\t" }) {
            let code = String(format: "%04X", written.unicodeScalars[control].value)
            let before = String(written.unicodeScalars[..<control])
            return .failure(Problem(message: "it contains a control character (U+\(code))",
                                    suggestion: before.isEmpty ? nil : parse(before).suggestion, isControl: true))
        }
        if written.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
            let fixed = written.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "%20")
            return problem("it contains a space", parse(fixed).suggestion)
        }
        guard let schemeEnd = written.range(of: "://") else {
            return problem("it does not start with https:// or http://")
        }
        let scheme = written[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else {
            return problem("it does not start with https:// or http://")
        }
        var rest = Substring(written[schemeEnd.upperBound...])
        // The parts that do not belong, from the end: fragment, then query.
        if let hash = rest.firstIndex(of: "#") {
            let fragment = String(rest[hash...])
            return problem("it has a fragment ('\(fragment)')", parse(String(written.dropLast(fragment.count))).suggestion)
        }
        if let question = rest.firstIndex(of: "?") {
            let query = String(rest[question...])
            return problem("it has a query ('\(query)')", parse(String(written.dropLast(query.count))).suggestion)
        }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        rest = rest[authorityEnd...]
        if let at = authority.lastIndex(of: "@") {
            let userInfo = String(authority[...at])
            return problem("it has a user name or password ('\(userInfo)')",
                           parse(scheme + "://" + authority[authority.index(after: at)...] + rest).suggestion)
        }
        // Port: digits after the last colon outside an IPv6 literal's brackets.
        var port: Int?
        if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
            let digits = authority[authority.index(after: colon)...]
            guard digits.isEmpty || (digits.count <= 5 && digits.allSatisfy(\.isASCIIDigit)), (Int(digits) ?? 1) >= 1,
                  (Int(digits) ?? 1) <= 65535 else {
                return problem("'\(digits)' is not a port number (1 to 65535)")
            }
            port = Int(digits)
            authority = authority[..<colon]
        }
        let host = authority.lowercased()
        guard isHost(host) else {
            if host.isEmpty { return problem("it has no host name after \(scheme)://") }
            if !host.allSatisfy(\.isASCII) {
                return problem("the host name '\(host)' is not ASCII; write it in its xn-- form (as a browser shows it when copied)")
            }
            return problem("'\(host)' is not a host name (letters, digits, hyphens and dots)")
        }
        let defaultPort = scheme == "https" ? 443 : 80
        let portText = port.map { $0 == defaultPort ? "" : ":\($0)" } ?? ""
        guard let path = normalisedPath(rest) else {
            return problem("its path '\(rest)' has an empty, '.' or '..' part, or a '%' that is not followed by two hex digits")
        }
        return .success(SiteAddress(text: scheme + "://" + host + portText + path))
    }

    /// `example.org`, `localhost`, `127.0.0.1`, `[::1]`: labels of ASCII letters, digits and hyphens.
    static func isHost(_ host: String) -> Bool {
        if host.hasPrefix("[") {
            return host.hasSuffix("]") && host.count > 2
                && host.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return !host.isEmpty && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// The path with a trailing `/`, characters a path may not hold percent-encoded; nil when a
    /// segment is empty, `.` or `..`, or a `%` starts no escape.
    static func normalisedPath(_ path: Substring) -> String? {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.last == "" { segments = segments.dropLast() }
        var result = "/"
        for segment in segments {
            guard !segment.isEmpty, segment != ".", segment != ".." else { return nil }
            let bytes = Array(segment.utf8)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "%") {
                    guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return nil }
                    result += "%" + String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self).uppercased()
                    index += 3
                    continue
                }
                // RFC 3986 pchar: unreserved, sub-delims, ':' and '@'; anything else is encoded.
                if pathCharacters.contains(byte) {
                    result.append(Character(Unicode.Scalar(byte)))
                } else {
                    result += String(format: "%%%02X", byte)
                }
                index += 1
            }
            result += "/"
        }
        return result
    }

    static func isHex(_ byte: UInt8) -> Bool { byte < 0x80 && Character(Unicode.Scalar(byte)).isHexDigit }

    /// RFC 3986 `pchar` without `%`: unreserved, sub-delims, `:` and `@`. Anything else is encoded.
    static let pathCharacters: Set<UInt8> = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@".utf8)
}

extension Result where Success == SiteAddress, Failure == SiteAddress.Problem {
    /// The address to suggest instead: the parsed one, or the failure's own suggestion.
    var suggestion: String? {
        switch self {
        case .success(let address): return address.text
        case .failure(let problem): return problem.suggestion
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
