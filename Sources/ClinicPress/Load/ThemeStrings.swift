import Foundation
import Yams

/// Every word the pages show that is not the clinic's own content: labels, headings, fallback
/// sentences, day and month names. They live in the theme, one file per language
/// (`Templates/strings/en.yml`), so that translating the interface is adding a file, never
/// changing code. Templates read them as `{{strings.nav.programs}}`; Swift reads them by key.
public struct ThemeStrings: Sendable {
    /// The language the strings are in (`en`), from `language` in site.yml.
    public let language: String
    /// Dotted key (`nav.programs`) -> text.
    public let values: [String: String]
    /// The same texts by group (`nav` -> `programs`), for templates' lookups.
    let table: StringsTable

    public init(language: String, values: [String: String]) {
        self.language = language
        self.values = values
        self.table = StringsTable(values)
    }

    /// The text of a key. Every key Swift reads is in the built-in English file (a test checks),
    /// and every other file falls back to it, so this is never empty for a known key.
    public subscript(key: String) -> String { values[key] ?? "" }

    /// The text of a key with its `{name}` placeholders filled: "Reviewed by {name} on {date}".
    public func fill(_ key: String, _ arguments: [String: String]) -> String {
        ThemeStrings.fill(self[key], arguments)
    }

    /// Replaces `{name}` with `arguments[name]`; an unknown `{name}` is left as written, so a typo
    /// in a strings file shows on the page instead of silently losing a value. Values are plain
    /// text: templates HTML-escape them like any other value.
    public static func fill(_ pattern: String, _ arguments: [String: String]) -> String {
        guard pattern.contains("{") else { return pattern }
        var result = ""
        var rest = pattern[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = arguments[String(after[..<close])] {
                result += value
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }

    /// The built-in English strings: the reference every other strings file is checked against.
    public static let builtInEnglish: ThemeStrings = {
        let report = DiagnosticCollector()
        let values = BuiltInTheme.files[path(for: defaultLanguage)].flatMap {
            parse($0, file: "(built-in theme) Templates/" + path(for: defaultLanguage), report: report)
        }
        return ThemeStrings(language: defaultLanguage, values: values ?? [:])
    }()

    public static let defaultLanguage = "en"
    static let folder = "strings"
    static func path(for language: String) -> String { "\(folder)/\(language).yml" }
    /// Strings files are read, not copied to the site (`strings/en.yml` inside `Templates/`).
    static func isStringsFile(_ path: String) -> Bool { path.hasPrefix(folder + "/") }
}

// MARK: Loading

extension ThemeStrings {
    /// The strings for the site's language: the built-in English file, then the site's own
    /// `Templates/strings/en.yml` key by key over it, then the language's built-in and site files.
    /// A key a file leaves out keeps its English text; a key English does not have is a warning.
    static func load(siteDirectory: URL, language requested: String, report: DiagnosticCollector) -> ThemeStrings {
        let site = SiteFiles(root: siteDirectory, report: report)
        var values = builtInEnglish.values
        /// Keys a file of the requested language gives.
        var given: Set<String> = []
        func merge(_ text: String, file: String) {
            guard let found = parseEntries(text, file: file, report: report) else { return }
            given.formUnion(found.keys)
            for key in found.keys.sorted() {
                guard values[key] != nil else {
                    report.add(.warning(file, found[key]!.position, key: key, "there is no string '\(key)'",
                                        hint: Suggestion.hint(for: key, in: Array(values.keys))
                                            ?? "the built-in Templates/strings/en.yml lists every string"))
                    continue
                }
                values[key] = found[key]!.text
            }
        }
        /// The site's own strings file for a language, when it has one: (path, text).
        func siteFile(_ language: String) -> (String, String)? {
            let path = "Templates/" + ThemeStrings.path(for: language)
            guard site.exists(path), let text = site.read(path, allowEmpty: true) else { return nil }
            return (path, text)
        }
        if let (path, text) = siteFile(defaultLanguage) { merge(text, file: path) }
        guard requested != defaultLanguage else { return ThemeStrings(language: defaultLanguage, values: values) }
        let builtIn = BuiltInTheme.files[ThemeStrings.path(for: requested)]
        let own = siteFile(requested)
        guard builtIn != nil || own != nil else {
            report.add(.warning("Templates/" + ThemeStrings.path(for: requested),
                                "there is no strings file for the language '\(requested)', so the pages use English words",
                                hint: "copy Templates/strings/en.yml of the built-in theme to Templates/strings/\(requested).yml and translate it"))
            return ThemeStrings(language: defaultLanguage, values: values)
        }
        given = []
        if let builtIn { merge(builtIn, file: "(built-in theme) Templates/" + ThemeStrings.path(for: requested)) }
        if let (path, text) = own { merge(text, file: path) }
        // A missing string shows in English on pages of another language: say which, so it gets translated.
        let file = own?.0 ?? "Templates/" + ThemeStrings.path(for: requested)
        for key in builtInEnglish.values.keys.sorted() where !given.contains(key) {
            report.add(.warning(file, key: key, "the string '\(key)' has no text in '\(requested)', so pages in that language show it in English",
                                hint: "add it to \(file): \(key.split(separator: ".").last.map(String.init) ?? key): ..."))
        }
        return ThemeStrings(language: requested, values: values)
    }

    static func parse(_ text: String, file: String, report: DiagnosticCollector) -> [String: String]? {
        parseEntries(text, file: file, report: report)?.mapValues(\.text)
    }

    /// A strings file as dotted keys (`nav:` then `programs: Programs` is `nav.programs`), each
    /// with where it was written, for warnings.
    static func parseEntries(_ text: String, file: String,
                             report: DiagnosticCollector) -> [String: (text: String, position: SourcePosition)]? {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return [:] }
        guard let node = YAMLParser.parse(text, file: file, lineOffset: 0, report: report) else { return nil }
        guard case .mapping = node else {
            report.add(.error(file, "a strings file is a list of 'key: text' lines",
                              hint: "write lines such as 'programs: Our programs', grouped under headings such as 'nav:'"))
            return nil
        }
        var entries: [String: (text: String, position: SourcePosition)] = [:]
        func walk(_ node: Node, prefix: String) {
            guard case .mapping(let mapping) = node else { return }
            for (keyNode, value) in mapping {
                guard let name = keyNode.string else { continue }
                let key = prefix + name
                let position = keyNode.mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? .none
                switch value {
                case .scalar(let scalar): entries[key] = (scalar.string, position)
                case .mapping: walk(value, prefix: key + ".")
                default:
                    report.add(.error(file, position, key: key, "the string '\(key)' is a list; a string is one text",
                                      hint: "write it on one line, such as '\(name): Our programs'"))
                }
            }
        }
        walk(node, prefix: "")
        return entries
    }
}

    /// One group of the strings file: its texts and its subgroups, by name.
final class StringsTable: Sendable {
    let texts: [String: String]
    let groups: [String: StringsTable]

    init(_ values: [String: String]) {
        var texts: [String: String] = [:]
        var nested: [String: [String: String]] = [:]
        for (key, text) in values {
            if let dot = key.firstIndex(of: ".") {
                nested[String(key[..<dot]), default: [:]][String(key[key.index(after: dot)...])] = text
            } else {
                texts[key] = text
            }
        }
        self.texts = texts
        self.groups = nested.mapValues(StringsTable.init)
    }
}
