/// Which page exists in which language, once every language's pages are planned: each page links
/// its versions (`<link rel="alternate" hreflang>`, reciprocal, with `x-default`), the language
/// switcher goes to the same page in another language or else to that language's home, and the
/// sitemap lists the versions as alternates.
struct PageAlternates: Sendable {
    let baseURL: String
    let edition: LanguageEdition
    /// Language -> the paths of its pages without the language part (`programs/adult-iop/`).
    let pages: [String: Set<String>]
    /// Each language's name in itself, for the switcher (`Español`).
    let names: [String: String]

    /// A site in one language has no alternates.
    static func single(baseURL: String, edition: LanguageEdition) -> PageAlternates {
        PageAlternates(baseURL: baseURL, edition: edition, pages: [:], names: [:])
    }

    var isMultilingual: Bool { edition.languages.count > 1 }

    /// The versions of the page at `path` (in any language), itself included; empty on a site in
    /// one language and for the 404 page.
    func alternates(of path: String) -> [AlternateView] {
        guard isMultilingual, path != "404.html" else { return [] }
        let page = edition.unprefixed(path)
        var links: [AlternateView] = []
        for language in edition.languages where pages[language]?.contains(page) == true {
            links.append(AlternateView(hreflang: language, url: baseURL + edition.prefix(of: language) + page))
        }
        guard links.count > 1 else { return [] }
        links.append(AlternateView(hreflang: "x-default", url: baseURL + page))
        return links
    }

    /// The language switcher on the page at `path`.
    func switcher(for path: String) -> [LanguageLinkView] {
        guard isMultilingual else { return [] }
        let page = path == "404.html" ? "" : edition.unprefixed(path)
        let current = path == "404.html" ? edition.defaultLanguage : edition.languages.first { path.hasPrefix(edition.prefix(of: $0)) && !edition.prefix(of: $0).isEmpty } ?? edition.defaultLanguage
        return edition.languages.map { language in
            let target = pages[language]?.contains(page) == true ? page : ""
            return LanguageLinkView(code: language, name: names[language] ?? language,
                                    path: edition.prefix(of: language) + target, current: language == current)
        }
    }
}
