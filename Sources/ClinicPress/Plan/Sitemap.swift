/// `sitemap.xml` and `robots.txt`, with absolute URLs.
enum Sitemap {
    static func xml(baseURL: String, pagePaths: [String]) -> String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pagePaths.sorted() {
            text += "  <url><loc>\(HTML.escape(baseURL + path))</loc></url>\n"
        }
        return text + "</urlset>\n"
    }

    static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
    }
}
