import Foundation

enum WebAddress {
    /// An absolute http(s) address with a host: the only kind of URL content may give for links.
    static func isValid(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else { return false }
        return (scheme == "https" || scheme == "http") && !(url.host ?? "").isEmpty
    }
    // The site's own address has stricter rules and a normal form: `SiteAddress`.
}
