/// Which language a set of pages is in, and where each page of each language is. The default
/// language's pages are at the site root; each other language's under `/<language>/`, with a page
/// only for what is translated. A page in one language links an untranslated entry's page in the
/// default language, marked with that language.
public struct LanguageEdition: Sendable {
    /// The language of these pages.
    public var language: String
    /// Every language of the site, the default first.
    public var languages: [String]
    /// For each language but the default: the translated slugs, by folder.
    var translated: [String: [String: Set<String>]] = [:]

    public var defaultLanguage: String { languages[0] }
    public var isDefault: Bool { language == defaultLanguage }
    /// `es/` for Spanish on an English site; empty for the default language.
    public var prefix: String { prefix(of: language) }

    public init(language: String, languages: [String]) {
        self.language = language
        self.languages = languages.isEmpty ? [language] : languages
    }

    func prefix(of language: String) -> String { language == defaultLanguage ? "" : language + "/" }

    /// The same pages in another of the site's languages.
    func switched(to language: String) -> LanguageEdition {
        var edition = self
        edition.language = language
        return edition
    }

    /// Whether the entry of `folder` named `slug` has a version in `language`.
    func has(folder: String, slug: String, in language: String) -> Bool {
        guard language != defaultLanguage, let slugs = translated[language]?[folder] else { return language == defaultLanguage }
        return slugs.contains(slug) || slugs.contains(LanguageEdition.wholeList)
    }

    /// Stands for every entry of a list file translated as a whole (`team.es.yml`).
    static let wholeList = "*"

    /// The language an entry is shown in on these pages: this one, or the default's when untranslated.
    func language(folder: String, slug: String) -> String {
        has(folder: folder, slug: slug, in: language) ? language : defaultLanguage
    }

    /// `lang` for an element showing that entry: nil when it is in the page's language.
    func otherLanguage(folder: String, slug: String) -> String? {
        has(folder: folder, slug: slug, in: language) ? nil : defaultLanguage
    }

    /// A site path (`programs/`) in this language (`es/programs/`).
    func local(_ path: String) -> String { prefix + path }

    /// Drops the language part of a path: `es/programs/` is `programs/` in every language.
    func unprefixed(_ path: String) -> String {
        for language in languages.dropFirst() where path.hasPrefix(language + "/") { return String(path.dropFirst(language.count + 1)) }
        return path
    }
}

extension Site {
    /// The page of an entry, as these pages link it: in their language when it is translated,
    /// else the default language's page.
    func path<K: ContentKind>(_ kind: K.Type, _ slug: String) -> String {
        let page = K.pagePath(slug) ?? ""
        return edition.has(folder: K.source.folder, slug: slug, in: edition.language) ? edition.local(page) : page
    }

    /// A page the build makes itself (`programs/`, home), in these pages' language.
    func local(_ path: String) -> String { edition.local(path) }

    /// `lang` for an element showing an entry of another language than the page's, else nil.
    func otherLanguage<K: ContentKind>(_ kind: K.Type, _ slug: String) -> String? {
        edition.otherLanguage(folder: K.source.folder, slug: slug)
    }

    /// "(in English)" after an untranslated entry's title, else nil.
    func languageNote<K: ContentKind>(_ kind: K.Type, _ slug: String) -> String? {
        otherLanguage(kind, slug).map { strings.fill(StringKeys.inLanguage, ["language": languageName($0)]) }
    }

    /// A language's name in the words of these pages (`inglés`), or its code when the strings have none.
    func languageName(_ code: String) -> String {
        let name = strings[StringKeys.languageName(code)]
        return name.isEmpty ? code : name
    }

    /// A link to an entry's page, marked with its language when that is not the page's.
    func link<K: ContentKind>(_ kind: K.Type, _ slug: String, title: String) -> LinkView {
        LinkView(title: title, path: path(kind, slug), current: false, lang: otherLanguage(kind, slug))
    }

    /// Printed documents of these pages' language go in `print/<language>/<folder>/`.
    func printFolder(_ folder: String) -> String { edition.local(folder) }

    public func programPath(_ slug: String) -> String { path(ProgramKind.self, slug) }
    public func articlePath(_ slug: String) -> String { path(ArticleKind.self, slug) }
    public func workshopPath(_ slug: String) -> String { path(WorkshopKind.self, slug) }
    public func pagePath(_ slug: String) -> String { path(PageKind.self, slug) }
}
