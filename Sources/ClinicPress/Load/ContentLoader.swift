import Foundation
import Yams

/// Loads a site's `Content/` folder into the typed content model, collecting every problem.
public struct ContentLoader {
    let files: SiteFiles
    let report: DiagnosticCollector
    let includeDrafts: Bool
    /// Slugs of files left out because of their own errors, by folder.
    private let unreadable = UnreadableFiles()
    /// Translation files found beside their sources (`about.es.md`), read once every kind is loaded.
    let translationFiles = TranslationFiles()

    let kinds: [any ContentKind.Type]
    /// Entries of files unchanged since the last build (`clinicpress serve`).
    var cache: BuildCache?

    public init(siteDirectory: URL, includeDrafts: Bool, report: DiagnosticCollector) {
        self.init(siteDirectory: siteDirectory, includeDrafts: includeDrafts, kinds: ContentKinds.all, report: report)
    }

    init(siteDirectory: URL, includeDrafts: Bool, kinds: [any ContentKind.Type], report: DiagnosticCollector) {
        self.kinds = kinds
        self.files = SiteFiles(root: siteDirectory, report: report)
        self.report = report
        self.includeDrafts = includeDrafts
    }

    /// The content, or nil when it is too broken to go on (no `site.yml`, for example).
    /// Files with errors are left out so the other files can still be checked.
    public func load() -> SiteContent? {
        guard files.isDirectory("Content") else {
            report.add(.error("Content", "there is no Content/ folder in \(files.root.path)",
                              hint: "run clinicpress in the folder that holds Content/, or give that folder: clinicpress build PATH"))
            return nil
        }
        cache?.beginLoad()
        let settings = loadSettings()
        var store = ContentStore()
        for kind in kinds { load(kind, into: &store) }
        let assets = files.allFiles(below: "Content/assets")
        let svgSizes = checkSVGs(assets)
        let pictures = ImageCatalog.read(assets, assetsFolder: files.root.appendingPathComponent("Content/assets"))
        report.add(contentsOf: pictures.diagnostics)
        let translations = settings.map { settings in
            settings.languages.dropFirst().map { translate(into: $0, settings: settings, sources: store) }
        } ?? []
        let changes = cache?.endLoad(assets: assets)
        guard let settings else { return nil }
        for language in translationFiles.languages.subtracting(settings.languages).sorted() {
            for path in translationFiles.paths(in: language) {
                report.add(.error(path, "this file is a translation into '\(language)', but site.yml does not list '\(language)' in its languages",
                                  hint: "list it in Content/site.yml, such as 'languages: [\(settings.language), \(language)]', or rename the file"))
            }
        }
        if !store.entries(WorkshopKind.self).isEmpty && settings.timezone == nil {
            report.add(.error("Content/site.yml", SourcePosition(line: 1, column: 1), key: "timezone",
                              "'timezone' is required because the site has workshops",
                              hint: "add a line such as 'timezone: America/Chicago'"))
        }
        var content = SiteContent(settings: settings, entries: store, kinds: kinds, assets: assets, unreadable: unreadable.slugs)
        content.changes = changes
        content.translations = translations
        content.svgSizes = svgSizes
        content.images = pictures.catalog
        return content
    }

    func load<K: ContentKind>(_ kind: K.Type, into store: inout ContentStore) {
        let entries: [K.Entry]
        switch K.source {
        case .markdownFolder(let folder): entries = loadMarkdownFolder(kind, folder: folder)
        case .yamlList(let file): entries = loadList(kind, file: "Content/" + file)
        }
        store.set(kind, entries.filter { includeDrafts || !$0.draft })
    }

    /// SVG assets may not reach files outside `Content/assets/` (see `SVGReferences`).
    /// Checks every SVG of the assets, and returns the size each one says it has (for `width`
    /// and `height` on the pages that show it, so they do not jump while it loads).
    func checkSVGs(_ assets: [String]) -> [String: SVGSize] {
        let svgs = assets.filter { $0.lowercased().hasSuffix(".svg") }
        let root = files.root
        var sizes: [String: SVGSize] = [:]
        let found = ParallelMap.map(svgs) { asset -> (diagnostics: [Diagnostic], size: SVGSize?) in
            let file = "Content/assets/" + asset
            switch SiteFiles.contents(of: root.appendingPathComponent(file).path, limit: SiteFiles.maximumBytes) {
            case .success(let data):
                let size = SiteImage.svgDimensions(String(decoding: data.prefix(64 * 1024), as: UTF8.self))
                return (SVGReferences.check(String(decoding: data, as: UTF8.self), file: file),
                        size.map { SVGSize(width: $0.width, height: $0.height) })
            case .failure(.tooLarge(let size)):
                return ([.error(file, "this SVG is \(size / 1024 / 1024) MB; SVG assets must be under \(SiteFiles.maximumBytes / 1024 / 1024) MB to be checked",
                                hint: "save it as PNG or JPEG, or simplify it")], nil)
            case .failure(.unreadable(let reason)):
                return ([.error(file, "this file cannot be read: \(reason)")], nil)
            }
        }
        for (asset, result) in zip(svgs, found) {
            report.add(contentsOf: result.diagnostics)
            if let size = result.size { sizes[asset] = size }
        }
        return sizes
    }

    // MARK: site.yml

    func loadSettings() -> SiteSettings? {
        let file = "Content/site.yml"
        guard files.exists(file) else {
            report.add(.error(file, "Content/site.yml is missing",
                              hint: "create it with at least 'name: Your Clinic' and 'url: https://your-clinic.example/'"))
            return nil
        }
        let text = files.read(file)
        cache?.noteWholeFile(file, text: text)
        guard let text,
              let root = YAMLParser.parse(text, file: file, lineOffset: 0, report: report),
              let site = YAMLMapping(root, file: file, lineOffset: 0, allowedKeys: [
                  "name", "url", "language", "timezone", "tagline", "description", "phone", "email",
                  "address", "hours", "crisis", "intake_steps", "paper", "brand", "hero", "map_url", "languages",
                  "reading_grade_target",
              ], report: report, what: "site.yml")
        else { return nil }

        let name = site.string("name", required: "Harbor Light Behavioral Health")
        var url = site.string("url", required: "https://www.example.org/")
        if let value = url {
            switch SiteAddress.parse(value) {
            case .success(let address):
                url = address.text
            case .failure(let problem):
                // An escape such as \e is already reported where it is written (ControlCharacters).
                if ControlCharacters.first(in: value) == nil {
                    report.add(.error(file, site.position("url"), key: "url", "'\(value)' cannot be the site's address: \(problem.message)",
                                      hint: problem.hint(prefix: "url: ")))
                }
                url = nil
            }
        }
        var timezone = site.string("timezone")
        if let zone = timezone, TimeZone(identifier: zone) == nil {
            report.add(.error(file, site.position("timezone"), key: "timezone", "'\(zone)' is not a time zone name",
                              hint: Suggestion.hint(for: zone, in: TimeZone.knownTimeZoneIdentifiers)
                                  ?? "use an IANA name such as America/New_York or Europe/London"))
            timezone = nil
        }
        let address = site.mapping("address", allowedKeys: ["street", "city", "region", "postal_code", "country"]).map {
            Address(street: $0.string("street"), city: $0.string("city"), region: $0.string("region"),
                    postalCode: $0.string("postal_code"), country: $0.string("country"))
        }
        let hours: [OfficeHours] = site.mappings("hours", allowedKeys: ["days", "opens", "closes"]).compactMap { entry in
            let days = entry.days("days", required: true)
            guard let opens = entry.time("opens", required: true), let closes = entry.time("closes", required: true) else { return nil }
            if closes <= opens {
                report.add(.error(file, entry.position("closes"), key: entry.qualified("closes"),
                                  "closing time \(closes.text) is not after opening time \(opens.text)",
                                  hint: "times are on the 24-hour clock: 5 PM is 17:00"))
            }
            return days.isEmpty ? nil : OfficeHours(days: days, opens: opens, closes: closes)
        }
        let crisis: [CrisisResource] = site.mappings("crisis", allowedKeys: ["name", "phone", "text", "url"]).compactMap { entry in
            guard let name = entry.string("name", required: "988 Suicide & Crisis Lifeline") else { return nil }
            var url = entry.string("url")
            if let value = url, !WebAddress.isValid(value) {
                report.add(.error(file, entry.position("url"), key: entry.qualified("url"), "'\(value)' is not a web address",
                                  hint: "write the full address, starting with https://"))
                url = nil
            }
            let resource = CrisisResource(name: name, phone: entry.phone("phone"), text: entry.textLine("text"), url: url)
            if !entry.has("phone") && !entry.has("text") && resource.url == nil {
                report.add(.error(file, entry.position, key: entry.path, "crisis resource '\(name)' has no phone, text or url",
                                  hint: "add 'phone: \"988\"' or a 'url'"))
            }
            return resource
        }
        if site.has("crisis") && crisis.isEmpty && !report.hasErrors {
            report.add(.error(file, site.position("crisis"), key: "crisis",
                              "'crisis' lists no crisis lines, so no page would show one",
                              hint: "list at least one line (name and phone), or remove 'crisis' to show the 988 Lifeline and 911"))
        }
        let paper = site.choice("paper", Paper.self) ?? .letter
        let languages = loadLanguages(site)
        let brand = loadBrand(site), hero = loadHero(site), mapURL = loadMapURL(site)
        guard let name, let url else { return nil }
        return SiteSettings(
            name: name, url: url, language: languages[0], languages: languages, timezone: timezone,
            tagline: site.string("tagline"), description: site.string("description"),
            phone: site.phone("phone"), email: site.string("email"), address: address, hours: hours,
            crisis: site.has("crisis") ? crisis : CrisisResource.defaults,
            intakeSteps: site.strings("intake_steps"), paper: paper,
            brand: brand, hero: hero, mapURL: mapURL,
            readingGradeTarget: site.int("reading_grade_target", range: 1...18))
    }

    // MARK: Markdown files with front matter

    /// Reads every `.md` file of a folder, on all cores; a file with errors is reported and left out.
    func loadMarkdownFolder<K: ContentKind>(_ kind: K.Type, folder: String) -> [K.Entry] {
        let path = "Content/" + folder
        var candidates: [(path: String, slug: String)] = []
        var slugs: [String: String] = [:]
        for file in files.files(in: path, extensions: ["md", "markdown"]) {
            // Plain string operations: NSString's path methods cost a tenth of a 10,000-file reload.
            let name = String(file[file.index(after: file.lastIndex(of: "/")!)...])
            let stem = String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
            if let translation = TranslationName.parse(stem: stem) {
                translationFiles.add(file, translation)
                continue
            }
            let slug = stem.lowercased()
            guard Slug.isValid(slug) else {
                report.add(.error(file, "the file name '\(name)' cannot be used in a web address",
                                  hint: "rename it to '\(Slug.make(from: slug).isEmpty ? "my-page" : Slug.make(from: slug)).md': lowercase letters, digits and hyphens only"))
                continue
            }
            if let other = slugs[slug] {
                report.add(.error(file, "this file has the same slug '\(slug)' as \(other)",
                                  hint: "rename one of the two files; each page needs its own name"))
                continue
            }
            slugs[slug] = file
            candidates.append((file, slug))
        }
        // Each file is read with its own collector, so files load in parallel; their reports are
        // then added in file order, as if read one by one.
        let root = files.root
        let cache = self.cache
        let results = ParallelMap.map(candidates) { candidate -> (entry: K.Entry?, diagnostics: [Diagnostic]) in
            // `clinicpress serve`: a file whose size, time and inode did not change is not read again.
            let signature = cache == nil ? nil : FileSignature(path: root.path + "/" + candidate.path)
            typealias Loaded = (entry: K.Entry?, diagnostics: [Diagnostic])
            if let cache, let signature, let hit = cache.entry(candidate.path, signature, as: Loaded.self) { return hit }
            let local = DiagnosticCollector()
            var frontMatter: String?
            let entry = ContentLoader.readEntry(kind, path: candidate.path, slug: candidate.slug,
                                                files: SiteFiles(root: root, report: local, resolved: true), report: local,
                                                frontMatter: { frontMatter = $0 })
            let loaded: Loaded = (local.hasErrors ? nil : entry, local.all)
            if let cache, let signature { cache.storeEntry(candidate.path, signature, loaded, frontMatter: frontMatter) }
            return loaded
        }
        var entries: [K.Entry] = []
        for (candidate, result) in zip(candidates, results) {
            report.add(contentsOf: result.diagnostics)
            if let entry = result.entry {
                entries.append(entry)
            } else {
                unreadable.add(candidate.slug, in: folder)
            }
        }
        return entries
    }

    /// - Parameter frontMatter: given the front matter's text (for `BuildCache`, which tells an
    ///   edit of the body alone from others).
    static func readEntry<K: ContentKind>(_ kind: K.Type, path: String, slug: String, files: SiteFiles,
                                          report: DiagnosticCollector, frontMatter: ((String) -> Void)? = nil) -> K.Entry? {
        guard let read = readFields(keys: K.keys, path: path, files: files, report: report, frontMatter: frontMatter) else { return nil }
        return K.make(read.fields, slug: slug, file: path, body: read.body, report: report)
    }

    // MARK: YAML lists

    /// A YAML file holding a list of entries (`team.yml`); a missing file is an empty list.
    func loadList<K: ContentKind>(_ kind: K.Type, file: String) -> [K.Entry] {
        let text = files.exists(file) ? files.read(file) : nil
        cache?.noteWholeFile(file, text: text)
        guard let text, let root = YAMLParser.parse(text, file: file, lineOffset: 0, report: report) else { return [] }
        guard case .sequence(let items) = root else {
            report.add(.error(file, SourcePosition(line: 1, column: 1),
                              "\((file as NSString).lastPathComponent) should be a list of entries, one per \(K.name)",
                              hint: "start each entry with '- \(K.keys[0].name): ...'"))
            return []
        }
        return items.enumerated().compactMap { index, node in
            guard let mapping = YAMLMapping(node, file: file, lineOffset: 0, path: "[\(index + 1)]",
                                            allowedKeys: K.keys.map(\.name), report: report, what: "each \(K.name)") else { return nil }
            return K.make(KeyReader.read(mapping, keys: K.keys), slug: "", file: file,
                          body: MarkdownSource(text: "", firstLine: 1), report: report)
        }
    }
}

/// Collects the slugs of files with errors while a folder loads.
private final class UnreadableFiles {
    var slugs: [String: Set<String>] = [:]
    func add(_ slug: String, in folder: String) { slugs[folder, default: []].insert(slug) }
}

extension YAMLMapping {
    /// A phone number (`PhoneNumber`), or nil after reporting why the text is not one.
    func phone(_ key: String) -> PhoneNumber? {
        guard let text = string(key) else { return nil }
        return parsed(key, text, PhoneNumber.parse(text), what: "a phone number")
    }

    /// A number to text, maybe with a keyword (`TextLine`), or nil after reporting why not.
    func textLine(_ key: String) -> TextLine? {
        guard let text = string(key) else { return nil }
        return parsed(key, text, TextLine.parse(text), what: "a text line")
    }

    private func parsed<T>(_ key: String, _ text: String, _ result: Result<T, PhoneNumber.Problem>, what: String) -> T? {
        switch result {
        case .success(let value):
            return value
        case .failure(let problem):
            report.add(.error(file, position(key), key: qualified(key), "'\(text)' is not \(what): \(problem.message)",
                              hint: problem.hint))
            return nil
        }
    }
}

extension ContentLoader {
    /// `language: es` for a site in one language, or `languages: [en, es]` for several, the default
    /// first; never both. English when neither is given.
    func loadLanguages(_ site: YAMLMapping) -> [String] {
        let file = "Content/site.yml"
        if site.has("language") && site.has("languages") {
            report.add(.error(file, site.position("languages"), key: "languages",
                              "site.yml gives both 'language' and 'languages'",
                              hint: "keep one: 'languages: [en, es]' lists every language, the default first; remove the 'language' line"))
        }
        var codes = site.has("languages") ? site.strings("languages") : [site.string("language") ?? ThemeStrings.defaultLanguage]
        let key = site.has("languages") ? "languages" : "language"
        if site.has("languages") && codes.isEmpty {
            report.add(.error(file, site.position(key), key: key, "'languages' lists no language",
                              hint: "write the languages as codes, the default first: 'languages: [en, es]'"))
        }
        var seen: Set<String> = []
        codes = codes.filter { code in
            guard LanguageCode.isValid(code) else {
                report.add(.error(file, site.position(key), key: key, "'\(code)' is not a language code",
                                  hint: "use a two-letter code such as en or es (or a region after it, such as pt-BR)"))
                return false
            }
            guard seen.insert(code).inserted else {
                report.add(.error(file, site.position(key), key: key, "'\(code)' is listed twice in 'languages'",
                                  hint: "list each language once, the default first"))
                return false
            }
            return true
        }
        return codes.isEmpty ? [ThemeStrings.defaultLanguage] : codes
    }
}
