import Foundation

enum WebAddress {
    /// An absolute http(s) address with a host: the only kind of URL content may give for links.
    static func isValid(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else { return false }
        return (scheme == "https" || scheme == "http") && !(url.host ?? "").isEmpty
    }

    /// A site's base address always ends in `/`, so page paths can be appended to it.
    static func asBase(_ text: String) -> String { text.hasSuffix("/") ? text : text + "/" }
}
