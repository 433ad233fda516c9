import Foundation

/// The files of a theme: the built-in one, overridden by the site's `Templates/`. A template is
/// named by its file name, whatever folder it is in, so two with one name are an error (before,
/// the one that sorted last silently won). Only the theme's asset folder (`Templates/theme/`) is
/// published; strings files are read, not copied; anything else is reported, never published.
struct ThemeFiles {
    /// Template name -> its text and where it came from.
    var templates: [String: (text: String, source: String)] = [:]
    /// Path inside the output folder (`theme/site.css`) -> its bytes or the file to copy.
    var staticFiles: [String: OutputFile.Body] = [:]

    /// The folder inside `Templates/` whose files are copied to the site as they are.
    static let assetFolder = "theme"

    static func templateName(_ path: String) -> String? {
        guard path.hasSuffix(".mustache") else { return nil }
        return String((path as NSString).lastPathComponent.dropLast(".mustache".count))
    }

    static func isAsset(_ path: String) -> Bool { path.hasPrefix(assetFolder + "/") }

    /// A clinic's own styles, loaded after the theme's on every web page (not in print, whose
    /// panels have fixed sizes that a web style could break): `Templates/assets/custom.css`,
    /// published at `theme/custom.css`.
    static let customStylesheet = "assets/custom.css"
    static let customStylesheetOutput = assetFolder + "/custom.css"

    static func load(siteDirectory: URL, report: DiagnosticCollector) -> ThemeFiles {
        var theme = ThemeFiles()
        for (path, text) in BuiltInTheme.files where !EditorLeftovers.isIgnored((path as NSString).lastPathComponent) {
            if let name = templateName(path) {
                theme.templates[name] = (text, "(built-in theme) Templates/\(path)")
            } else if isAsset(path) {
                theme.staticFiles[path] = .bytes(Data(text.utf8))
            }
        }
        let overrides = SiteFiles(root: siteDirectory, report: report)
        var siteTemplates: [String: String] = [:]  // name -> path, to find two with one name
        // Shallower paths first: of two templates with one name, the one in a subfolder is reported.
        let paths = overrides.allFiles(below: "Templates").sorted {
            ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1)
        }
        for path in paths {
            let source = "Templates/" + path
            if let name = templateName(path) {
                if let other = siteTemplates[name] {
                    report.add(.error(source, SourcePosition(line: 1, column: 1),
                                      "this template has the same name '\(name)' as \(other), so only one of them could be used",
                                      hint: "a template is named by its file name, whatever its folder: rename or delete one of the two"))
                    continue
                }
                siteTemplates[name] = source
                guard let text = overrides.read(source, allowEmpty: true) else { continue }
                theme.templates[name] = (text, source)
            } else if ThemeStrings.isStringsFile(path) {
                continue
            } else if path == customStylesheet || path == customStylesheetOutput {
                if theme.staticFiles[customStylesheetOutput] != nil, siteHas(customStylesheet, customStylesheetOutput, in: paths) {
                    report.add(.error(source, "Templates/\(customStylesheet) and Templates/\(customStylesheetOutput) would both be published at /\(customStylesheetOutput)",
                                      hint: "keep your styles in Templates/\(customStylesheet) and delete the other file"))
                    continue
                }
                if let file = overrides.readableFile(source) { theme.staticFiles[customStylesheetOutput] = .copy(of: file) }
            } else if isAsset(path) {
                // Images, fonts and stylesheets are copied as they are, never read whole here.
                if let file = overrides.readableFile(source) { theme.staticFiles[path] = .copy(of: file) }
            } else {
                report.add(.warning(source, "this file is not published: only templates (.mustache), strings/ and \(assetFolder)/ are read in Templates/",
                                    hint: "move it into Templates/\(assetFolder)/ to publish it at /\(assetFolder)/, or move it out of Templates/"))
            }
        }
        return theme
    }

    private static func siteHas(_ a: String, _ b: String, in paths: [String]) -> Bool { paths.contains(a) && paths.contains(b) }

    /// The site's `Templates/assets/custom.css` (or a `theme/custom.css`) is published.
    var hasCustomStylesheet: Bool { staticFiles[Self.customStylesheetOutput] != nil }
}
