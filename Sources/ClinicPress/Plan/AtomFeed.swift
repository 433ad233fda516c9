import Foundation

/// `feed.xml`: an Atom feed (RFC 4287) of the site's articles and of the notices shown on the
/// build date, newest first, for feed readers. Written for one language: the default language's
/// feed is `/feed.xml`, another language's will be `/<lang>/feed.xml` (`path(language:)`).
///
/// Ids never change with a rebuild: an article's is its page's address, a notice's a `tag:` URI of
/// the site's host, its first day and its slug. Dates are midnight, in the clinic's time zone, of
/// the day the content gives (`published`, `reviewed`, a notice's `starts`), so the same content
/// gives the same bytes whatever day it is built.
struct AtomFeed {
    let site: Site
    let bodies: RenderedBodies
    /// nil for the default language.
    var language: String? = nil

    /// How many entries a feed carries, newest first.
    static let limit = 50

    /// `feed.xml`, or `es/feed.xml` for another language.
    static func path(language: String?) -> String { (language.map { $0 + "/" } ?? "") + "feed.xml" }

    struct Entry {
        var id: String
        var title: String
        var link: String
        var published: CalendarDate?
        var updated: CalendarDate
        var summary: String
        var contentHTML: String
    }

    var entries: [Entry] {
        // Another language's feed has what is translated into it; the rest is in the default's.
        let inLanguage = { (file: String) in site.edition.isDefault || site.translationFiles.contains(file) }
        let articles = site.articles.filter { !$0.draft && inLanguage($0.file) }.map { article in
            let url = site.baseURL + site.articlePath(article.slug)
            return Entry(id: url, title: article.title, link: url, published: article.published, updated: article.updated,
                         summary: article.summary, contentHTML: bodies.web(article.file).html)
        }
        let notices = site.notices.filter { !$0.draft && $0.isShown(on: site.buildDate) && inLanguage($0.file) }.map { notice in
            Entry(id: tagURI("notices/" + notice.slug, day: notice.starts), title: notice.title, link: site.baseURL,
                  published: notice.starts, updated: notice.starts, summary: notice.paragraphs.first ?? notice.title,
                  contentHTML: notice.paragraphs.map { "<p>" + HTML.escape($0) + "</p>" }.joined(separator: "\n"))
        }
        // Newest first; on one day, by title, then id, so the order never depends on the files' order.
        // Readers poll a feed often: the newest `limit` entries, not a library of thousands in full.
        return Array((articles + notices).sorted { ($1.updated, $0.title, $0.id) < ($0.updated, $1.title, $1.id) }.prefix(AtomFeed.limit))
    }

    /// `tag:example.org,2026-11-20:notices/thanksgiving-closure` (RFC 4151).
    func tagURI(_ specific: String, day: CalendarDate) -> String {
        let host = URLComponents(string: site.baseURL)?.host ?? "localhost"
        return "tag:\(host),\(day.iso):\(specific)"
    }

    func timestamp(_ day: CalendarDate) -> String {
        ICalendar.isoDateTime(date: day, time: TimeOfDay("00:00")!, timeZone: site.timeZone)
    }

    func render() -> String {
        let entries = self.entries
        let feedURL = site.baseURL + AtomFeed.path(language: language)
        let home = site.baseURL + (language.map { $0 + "/" } ?? "")
        let updated = entries.map(\.updated).max() ?? site.buildDate
        let title = site.strings.fill(StringKeys.feedTitle, ["clinic": site.settings.name])
        var lines = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(x(language ?? site.settings.language))\">",
            "  <id>\(x(feedURL))</id>",
            "  <title>\(x(title))</title>",
        ]
        if let subtitle = site.settings.tagline { lines.append("  <subtitle>\(x(subtitle))</subtitle>") }
        lines += [
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(x(feedURL))\"/>",
            "  <link rel=\"alternate\" type=\"text/html\" href=\"\(x(home))\"/>",
            "  <updated>\(timestamp(updated))</updated>",
            "  <author><name>\(x(site.settings.name))</name><uri>\(x(site.baseURL))</uri></author>",
            "  <generator>ClinicPress</generator>",
        ]
        for entry in entries {
            // xml:base: the body's links are relative to the article's page.
            lines.append("  <entry xml:base=\"\(x(entry.link))\">")
            lines.append("    <id>\(x(entry.id))</id>")
            lines.append("    <title type=\"text\">\(x(entry.title))</title>")
            lines.append("    <link rel=\"alternate\" type=\"text/html\" href=\"\(x(entry.link))\"/>")
            if let published = entry.published { lines.append("    <published>\(timestamp(published))</published>") }
            lines.append("    <updated>\(timestamp(entry.updated))</updated>")
            lines.append("    <summary type=\"text\">\(x(entry.summary))</summary>")
            lines.append("    <content type=\"html\">\(x(entry.contentHTML))</content>")
            lines.append("  </entry>")
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func x(_ text: String) -> String { HTML.escape(text) }
}
