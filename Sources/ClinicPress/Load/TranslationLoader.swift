import Foundation

/// The site in one of its other languages: every entry, the translated ones in their source's
/// place, and which ones are translated (an untranslated entry keeps its source's words and
/// language, and has no page of its own in this language).
public struct LanguageContent: Sendable {
    public var language: String
    /// `site.yml` with the texts of `site.<language>.yml` in place.
    public var settings: SiteSettings
    public var entries: ContentStore
    /// Slugs of the translated entries, by folder (`education` -> `sleep-and-mood`).
    public var translated: [String: Set<String>] = [:]
    /// Translation file -> its source file (`Content/pages/about.es.md` -> `Content/pages/about.md`).
    public var sources: [String: String] = [:]
    /// Keys of `site.yml` that `site.<language>.yml` translates (`tagline`, `crisis`).
    public var siteKeys: Set<String> = []
    /// Who checked each translation and when (`reviewed`, `reviewed_by` of the translation file).
    public var reviews: [String: (reviewed: CalendarDate?, reviewedBy: String?)] = [:]

    func isTranslated(folder: String, slug: String) -> Bool { translated[folder]?.contains(slug) == true }
}

/// Translation files met while the folders load, by language.
final class TranslationFiles: @unchecked Sendable {
    private var files: [String: [(path: String, slug: String)]] = [:]
    func add(_ path: String, _ name: TranslationName) { files[name.language, default: []].append((path, name.slug)) }
    var languages: Set<String> { Set(files.keys) }
    func paths(in language: String) -> [String] { (files[language] ?? []).map(\.path) }
    func files(in language: String, folder: String) -> [(path: String, slug: String)] {
        (files[language] ?? []).filter { $0.path.hasPrefix("Content/\(folder)/") }
    }
}

extension ContentLoader {
    /// The site in `language`: the translations of every kind merged over their sources.
    func translate(into language: String, settings: SiteSettings, sources: ContentStore) -> LanguageContent {
        var content = LanguageContent(language: language, settings: settings, entries: sources)
        translateSettings(&content)
        for kind in kinds { translate(kind, into: &content) }
        return content
    }

    func translate<K: ContentKind>(_ kind: K.Type, into content: inout LanguageContent) {
        var entries = content.entries.entries(kind)
        switch K.source {
        case .markdownFolder(let folder):
            for (path, slug) in translationFiles.files(in: content.language, folder: folder) {
                guard let source = entries.firstIndex(where: { $0.slug == slug }) else {
                    // A source left out for its own errors, or as a draft, takes its translation with it.
                    let exists = ["md", "markdown"].contains { files.exists("Content/\(folder)/\(slug).\($0)") }
                    if !exists {
                        report.add(.error(path, "this translation has no source: there is no Content/\(folder)/\(slug).md",
                                          hint: "a translation sits beside the file it translates, with the language before '.md' (about.\(content.language).md beside about.md); rename it, or add the source"))
                    }
                    continue
                }
                let sourceFile = entries[source].file
                guard let entry = readTranslation(kind, path: path, slug: slug, sourceFile: sourceFile, into: &content) else { continue }
                if entry.draft && !includeDrafts { continue }
                entries[source] = entry
                content.translated[folder, default: []].insert(slug)
                content.sources[path] = sourceFile
            }
        case .yamlList(let file):
            let path = "Content/" + Self.translationPath(file, language: content.language)
            if files.exists(path), let translated = translateList(kind, path: path, sourceFile: "Content/" + file, entries: entries) {
                entries = translated
                // The list is translated whole; its entries' names (their slugs) are only given when validated.
                content.translated[file] = [LanguageEdition.wholeList]
                content.sources[path] = "Content/" + file
            }
        }
        content.entries.set(kind, entries)
    }

    /// `team.yml` in Spanish is `team.es.yml`.
    static func translationPath(_ file: String, language: String) -> String {
        let dot = file.lastIndex(of: ".") ?? file.endIndex
        return file[..<dot] + "." + language + file[dot...]
    }

    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
    }

    /// One translation file merged over its source and made into an entry, or nil after reporting why not.
    private func readTranslation<K: ContentKind>(_ kind: K.Type, path: String, slug: String, sourceFile: String,
                                                 into content: inout LanguageContent) -> K.Entry? {
        cache?.noteWholeFile(path, text: files.read(path))
        guard let source = ContentLoader.readFields(keys: K.keys, path: sourceFile, files: files, report: DiagnosticCollector()),
              let translation = ContentLoader.readFields(keys: TranslationMerge.readingKeys(K.keys), path: path, files: files,
                                                         report: report)
        else { return nil }
        let local = DiagnosticCollector()
        let merged = TranslationMerge.merge(source: source.fields, translation: translation.fields, keys: K.keys,
                                            sourceFile: sourceFile, report: local)
        report.add(contentsOf: local.all)
        guard !local.hasErrors else { return nil }
        let reviewed = translation.fields.date("reviewed"), sourceReviewed = source.fields.date("reviewed")
        if let reviewed, let sourceReviewed, reviewed < sourceReviewed {
            report.add(.warning(path, translation.fields.position("reviewed"), key: "reviewed",
                                "translation may be out of date: it was reviewed on \(reviewed.iso), and its source \(sourceFile) on \(sourceReviewed.iso)",
                                hint: "compare it with the source, bring it up to date, then set 'reviewed' to the day you checked it"))
        }
        content.reviews[path] = (reviewed, translation.fields.text("reviewed_by"))
        return K.make(merged, slug: slug, file: path, body: translation.body, report: report)
    }

    /// A list file's translation (`team.es.yml`): as many entries as the source, in its order.
    private func translateList<K: ContentKind>(_ kind: K.Type, path: String, sourceFile: String, entries: [K.Entry]) -> [K.Entry]? {
        let text = files.read(path)
        cache?.noteWholeFile(path, text: text)
        let quiet = DiagnosticCollector()
        guard let text, let root = YAMLParser.parse(text, file: path, lineOffset: 0, report: report),
              let sourceText = files.read(sourceFile), let sourceRoot = YAMLParser.parse(sourceText, file: sourceFile, lineOffset: 0, report: quiet),
              case .sequence(let sourceItems) = sourceRoot else { return nil }
        guard case .sequence(let items) = root, items.count == sourceItems.count, items.count == entries.count else {
            report.add(.error(path, SourcePosition(line: 1, column: 1),
                              "this translation should list the same \(sourceItems.count) entries as \(sourceFile), in the same order",
                              hint: "start each entry with '- ' and give its words in this language; keep 'name' as it is in \(sourceFile)"))
            return nil
        }
        let readingKeys = TranslationMerge.readingKeys(K.keys)
        var translated: [K.Entry] = []
        for (index, (item, sourceItem)) in zip(items, sourceItems).enumerated() {
            guard let mapping = YAMLMapping(item, file: path, lineOffset: 0, path: "[\(index + 1)]",
                                            allowedKeys: readingKeys.map(\.name), report: report, what: "each \(K.name)"),
                  let sourceMapping = YAMLMapping(sourceItem, file: sourceFile, lineOffset: 0, path: "[\(index + 1)]",
                                                  allowedKeys: K.keys.map(\.name), report: quiet)
            else { return nil }
            let local = DiagnosticCollector()
            let merged = TranslationMerge.merge(source: KeyReader.read(sourceMapping, keys: K.keys),
                                                translation: KeyReader.read(mapping, keys: readingKeys), keys: K.keys,
                                                sourceFile: sourceFile, report: local)
            report.add(contentsOf: local.all)
            guard !local.hasErrors, let entry = K.make(merged, slug: "", file: sourceFile, body: MarkdownSource(text: "", firstLine: 1),
                                                        report: report) else { return nil }
            translated.append(entry)
        }
        return translated
    }

    /// `site.<language>.yml`: the site's texts (name, tagline, description, intake steps, crisis
    /// line names, the hero picture's description); its numbers, addresses and colours stay site.yml's.
    private func translateSettings(_ content: inout LanguageContent) {
        let path = "Content/site.\(content.language).yml"
        guard files.exists(path) else { return }
        let text = files.read(path)
        cache?.noteWholeFile(path, text: text)
        let textKeys = ["name", "tagline", "description", "intake_steps", "crisis", "hero"]
        guard let text, let root = YAMLParser.parse(text, file: path, lineOffset: 0, report: report) else { return }
        guard case .mapping(let mapping) = root else {
            report.add(.error(path, SourcePosition(line: 1, column: 1), "this file should be a set of 'key: text' lines",
                              hint: "give site.yml's texts in this language, such as 'tagline: ...'"))
            return
        }
        for (key, node) in mapping where !textKeys.contains(key.string ?? "") {
            let name = key.string ?? ""
            report.add(.error(path, YAMLMapping.position(of: node, lineOffset: 0), key: name,
                              "'\(name)' cannot be translated: it comes from site.yml for every language",
                              hint: "a site.\(content.language).yml holds only texts: " + textKeys.joined(separator: ", ")))
        }
        guard let site = YAMLMapping(root, file: path, lineOffset: 0, allowedKeys: mapping.map { $0.key.string ?? "" },
                                     report: report) else { return }
        var settings = content.settings
        func translated(_ key: String) { content.siteKeys.insert(key) }
        if let name = site.string("name") { settings.name = name; translated("name") }
        if let tagline = site.string("tagline") { settings.tagline = tagline; translated("tagline") }
        if let description = site.string("description") { settings.description = description; translated("description") }
        if site.has("intake_steps") { settings.intakeSteps = site.strings("intake_steps"); translated("intake_steps") }
        if site.has("crisis") {
            let items = site.mappings("crisis", allowedKeys: ["name"])
            let named = settings.crisis.filter { $0.nameKey == nil }
            if named.isEmpty || items.count != settings.crisis.count {
                report.add(.error(path, site.position("crisis"), key: "crisis",
                                  named.isEmpty ? "site.yml lists no crisis lines of its own, so there are no names to translate"
                                      : "'crisis' has \(items.count) lines here and \(settings.crisis.count) in site.yml",
                                  hint: named.isEmpty ? "remove 'crisis' here: the built-in lines are named in the strings file"
                                      : "list the same lines in the same order, each with only its 'name' in this language"))
            } else {
                for (index, item) in items.enumerated() {
                    if let name = item.string("name") { settings.crisis[index].name = name }
                }
                translated("crisis")
            }
        }
        if let hero = site.mapping("hero", allowedKeys: ["alt"]) {
            if settings.hero == nil {
                report.add(.error(path, site.position("hero"), key: "hero", "site.yml has no 'hero' picture to describe",
                                  hint: "remove 'hero' here, or add the picture to site.yml first"))
            } else if let alt = hero.string("alt") {
                settings.hero?.alt = alt
                translated("hero")
            }
        }
        content.settings = settings
    }

    /// A Markdown file's front matter read against `keys`, and its body.
    static func readFields(keys: [ContentKey], path: String, files: SiteFiles, report: DiagnosticCollector,
                           frontMatter: ((String) -> Void)? = nil) -> (fields: Fields, body: MarkdownSource)? {
        guard let text = files.read(path),
              let split = FrontMatter.split(text, file: path, report: report),
              let root = YAMLParser.parse(split.yaml, file: path, lineOffset: split.yamlFirstLine - 1, report: report),
              let mapping = YAMLMapping(root, file: path, lineOffset: split.yamlFirstLine - 1,
                                        allowedKeys: keys.map(\.name), report: report, what: "the front matter")
        else { return nil }
        frontMatter?(split.yaml)
        ControlCharacters.report(in: split.body.text, file: path, firstLine: split.body.firstLine, report: report)
        return (KeyReader.read(mapping, keys: keys), split.body)
    }
}
