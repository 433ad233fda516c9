/// `sitemap.xml` and `robots.txt`, with absolute URLs.
enum Sitemap {
    /// Every page but the 404; on a site in several languages each page lists its versions as
    /// `xhtml:link` alternates, as search engines read them.
    static func xml(baseURL: String, pagePaths: [String], alternates: PageAlternates? = nil) -> String {
        let multilingual = alternates?.isMultilingual ?? false
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
            + (multilingual ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"" : "") + ">\n"
        for path in pagePaths.sorted() {
            let links = alternates?.alternates(of: path) ?? []
            guard !links.isEmpty else {
                text += "  <url><loc>\(HTML.escape(baseURL + path))</loc></url>\n"
                continue
            }
            text += "  <url><loc>\(HTML.escape(baseURL + path))</loc>\n"
            for link in links {
                text += "    <xhtml:link rel=\"alternate\" hreflang=\"\(link.hreflang)\" href=\"\(HTML.escape(link.url))\"/>\n"
            }
            text += "  </url>\n"
        }
        return text + "</urlset>\n"
    }

    static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
    }
}
