/// What each file of the built-in theme is for: `clinicpress theme list` prints it, and the
/// README's template table is this table (a test compares them, and another fails when the
/// theme gains a file without a line here).
public enum ThemeCatalog {
    /// File name (as in `Templates/`) -> one line about it.
    public static let descriptions: [String: String] = [
        "base.mustache": "The layout of every page, used through inheritance: `{{<base}}{{$main}}...{{/main}}{{/base}}`.",
        "header.mustache": "Partial: the clinic's name, its phone number and the menu.",
        "footer.mustache": "Partial: contact details, office hours, the crisis lines and the footer menu.",
        "crisis-banner.mustache": "Partial: the crisis lines at the top of every page.",
        "crisis-lines.mustache": "Partial: the list of crisis lines with their `tel:` and `sms:` links, used by the banner and the block.",
        "crisis-block.mustache": "Partial: what a ```` ```crisis ```` block in Markdown becomes; it receives only `site` and `strings`.",
        "intake.mustache": "Partial: \"How to start\", the intake steps and the phone number.",
        "schedule.mustache": "Partial: a program's tracks, in words and as a table.",
        "program-card.mustache": "Partial: a program as a card in lists.",
        "article-card.mustache": "Partial: an article as a card in lists.",
        "workshop-card.mustache": "Partial: a workshop series as a card in lists.",
        "session-list.mustache": "Partial: a list of workshop sessions.",
        "session-item.mustache": "Partial: one workshop session (date, time, place, topic, handouts).",
        "brand-style.mustache": "Partial: the brand's colours (`site.brand`) as CSS custom properties, in the `<head>` of every page and printed document.",
        "notices.mustache": "Partial: the notices of the build date, as banners after the crisis lines on every page.",
        "status-badge.mustache": "Partial: a program's status (`status`) as a badge in words, on cards, program pages and brochures.",
        "directions-link.mustache": "Partial: the \"Get directions\" link (`site.directionsURL`) in the footer.",
        "toc.mustache": "Partial: the \"On this page\" list of a page's headings.",
        "picture.mustache": "Partial: one picture (a photo, a program's or article's image) as `<picture>` with its WebP and JPEG/PNG widths, `width`, `height` and lazy loading; used inside a `PictureView` section: `{{#photo}}{{>picture}}{{/photo}}`.",
        "home.mustache": "Page: the home page.",
        "program-list.mustache": "Page: `/programs/`.",
        "program.mustache": "Page: one program.",
        "levels-of-care.mustache": "Page: `/levels-of-care/`, every program compared and the levels explained.",
        "education-list.mustache": "Page: the learning library and its filters.",
        "article.mustache": "Page: one article.",
        "workshop-list.mustache": "Page: `/workshops/`.",
        "workshop.mustache": "Page: one workshop series.",
        "team.mustache": "Page: `/team/`.",
        "page.mustache": "Page: each file of `Content/pages/`.",
        "404.mustache": "Page: `/404.html`, shown for an address that does not exist.",
        "search.mustache": "Page: `/search/`, the site search (only when Pagefind indexes the build): the box, its results and, without JavaScript, the pages to browse.",
        "print-base.mustache": "Print: the layout of every printed document.",
        "print-handout.mustache": "Print partial: one article as a handout, in a handout or a packet.",
        "handout.mustache": "Print: an article's handout.",
        "packet.mustache": "Print: a workshop series' packet (sessions and their handouts).",
        "brochure.mustache": "Print: a program's folded brochure.",
        "strings/en.yml": "The interface words in English (see [Changing the wording](#changing-the-wording)). Read, not copied.",
        "strings/es.yml": "The interface words in Spanish, for `languages: [en, es]` or `language: es` (see [Languages](#languages)). Read, not copied.",
        "theme/site.css": "The website's styles. Every file in `theme/` (stylesheets, images, fonts) is copied to the site as it is, at `/theme/`.",
        "theme/print.css": "The printed documents' styles.",
        "theme/search.js": "The search page's script: searches Pagefind's index (`/pagefind/`) in the browser as the visitor types and lists the results.",
    ]

    /// The README's table: every file of the built-in theme, in the order a reader meets them.
    public static func markdownTable() -> String {
        let order = ["base.mustache"] + descriptions.keys.filter { $0 != "base.mustache" }.sorted { rank($0, $1) }
        var lines = ["| file | what it is |", "|---|---|"]
        for name in order where ThemeExport.files[name] != nil {
            lines.append("| `\(name)` | \(descriptions[name]!) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Files of the built-in theme that have no description.
    public static var undescribed: [String] {
        ThemeExport.files.keys.filter { descriptions[$0] == nil }.sorted()
    }

    private static func rank(_ a: String, _ b: String) -> Bool {
        func group(_ name: String) -> Int {
            let text = descriptions[name] ?? ""
            if text.hasPrefix("Partial") { return 0 }
            if text.hasPrefix("Page") { return 1 }
            if text.hasPrefix("Print") { return 2 }
            return 3
        }
        return (group(a), a) < (group(b), b)
    }
}
