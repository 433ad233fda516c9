import Foundation
import Mustache

/// Stage 1 (templates): the built-in theme, overridden file by file by the site's `Templates/`.
extension Theme {
    /// Loads the theme, reporting syntax errors and references to partials that do not exist.
    public static func load(siteDirectory: URL, report outer: DiagnosticCollector) -> Theme? {
        load(siteDirectory: siteDirectory, kinds: ContentKinds.all, report: outer)
    }

    /// `kinds`: whose templates every build needs.
    static func load(siteDirectory: URL, kinds: [any ContentKind.Type], report outer: DiagnosticCollector) -> Theme? {
        // Its own collector: content errors elsewhere must not stop the theme from loading.
        let report = DiagnosticCollector()
        defer { outer.add(contentsOf: report.all) }
        var files: [String: (text: String, source: String)] = [:]
        var staticFiles: [String: Data] = [:]
        for (path, text) in BuiltInTheme.files {
            if path.hasSuffix(".mustache") {
                files[path] = (text, "(built-in theme) Templates/\(path)")
            } else if !ThemeStrings.isStringsFile(path) {
                staticFiles[path] = Data(text.utf8)
            }
        }
        let overrides = SiteFiles(root: siteDirectory, report: report)
        for path in overrides.allFiles(below: "Templates") {
            if path.hasSuffix(".mustache") {
                guard let text = overrides.read("Templates/" + path, allowEmpty: true) else { continue }
                files[path] = (text, "Templates/\(path)")
            } else if !ThemeStrings.isStringsFile(path), let data = overrides.readData("Templates/" + path) {
                // Images, fonts and stylesheets are copied as they are.
                staticFiles[path] = data
            }
        }

        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        var templateTexts: [String: (String, String)] = [:]
        for path in files.keys.sorted() {
            let (text, source) = files[path]!
            let name = String((path as NSString).lastPathComponent.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + text), named: name)
                sources[name] = source
                templateTexts[name] = (text, source)
            } catch let error as MustacheTemplate.ParserError {
                report.add(.error(source, SourcePosition(line: max(error.context.lineNumber - 1, 1), column: error.context.columnNumber),
                                  "this template has a syntax error: \(describe(error.error))",
                                  hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed with }}"))
            } catch {
                report.add(.error(source, "this template cannot be read: \(error)"))
            }
        }
        let names = Array(sources.keys)
        var references: [String: [(name: String, position: SourcePosition)]] = [:]
        for (name, (text, _)) in templateTexts { references[name] = partialReferences(in: text) }
        reportCycles(references, sources: sources, report: report)
        for (name, (text, source)) in templateTexts.sorted(by: { $0.key < $1.key }) {
            for reference in partialReferences(in: text) where sources[reference.name] == nil {
                report.add(.error(source, reference.position, "the template '\(name)' uses the partial '\(reference.name)', which does not exist",
                                  hint: Suggestion.hint(for: reference.name, in: names)
                                      ?? "add Templates/\(reference.name).mustache"))
            }
        }
        let syntaxErrors = files.keys.contains { path in
            path.hasSuffix(".mustache") && sources[String((path as NSString).lastPathComponent.dropLast(".mustache".count))] == nil
        }
        for name in TemplateRoots.required(kinds) where sources[name] == nil && !syntaxErrors {
            report.add(.error("Templates/\(name).mustache", "the template '\(name)' is missing",
                              hint: "restore it, or delete your copy so the built-in one is used"))
        }
        if report.hasErrors { return nil }
        return Theme(library: library, sources: sources, staticFiles: staticFiles,
                     texts: templateTexts.mapValues(\.0),
                     reservedIDs: literalIDs(in: templateTexts.values.map(\.0)).union(PrintIDs.reserved))
    }

    /// A template that includes itself, directly or through others, would render forever.
    static func reportCycles(_ references: [String: [(name: String, position: SourcePosition)]], sources: [String: String],
                             report: DiagnosticCollector) {
        var reported: Set<String> = []
        for start in references.keys.sorted() {
            // Depth-first search for a path of partials leading back to `start`.
            var stack: [(name: String, path: [String])] = [(start, [start])]
            var seen: Set<String> = []
            while let (name, path) = stack.popLast() {
                for reference in references[name] ?? [] {
                    if reference.name == start {
                        let cycle = (path + [start]).joined(separator: " -> ")
                        let key = Set(path).sorted().joined(separator: ",")
                        guard !reported.contains(key) else { continue }
                        reported.insert(key)
                        let first = references[start]?.first { $0.name == (path.count > 1 ? path[1] : start) }
                        report.add(.error(sources[start] ?? "Templates/\(start).mustache", first?.position ?? .none,
                                          "the template '\(start)' includes itself (\(cycle)), so the page would never end",
                                          hint: "remove the {{> \(path.count > 1 ? path[1] : start)}} tag, or include a different partial"))
                    } else if !seen.contains(reference.name) {
                        seen.insert(reference.name)
                        stack.append((reference.name, path + [reference.name]))
                    }
                }
            }
        }
    }

    /// `{{> name}}` and `{{< name}}` tags, with their positions.
    static func partialReferences(in text: String) -> [(name: String, position: SourcePosition)] {
        var result: [(String, SourcePosition)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                var cursor = open.upperBound
                while cursor < rest.endIndex, rest[cursor] == " " { cursor = rest.index(after: cursor) }
                guard cursor < rest.endIndex, rest[cursor] == ">" || rest[cursor] == "<",
                      let close = rest[cursor...].range(of: "}}") else {
                    rest = rest[open.upperBound...]
                    continue
                }
                let name = rest[rest.index(after: cursor)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                if !name.isEmpty, !name.hasPrefix("*") { result.append((name, SourcePosition(line: index + 1, column: column))) }
                rest = rest[close.upperBound...]
            }
        }
        return result
    }

    static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section is closed with a different name than it was opened"
        case .unfinishedName?: return "a tag is not closed with }}"
        case .expectedSectionEnd?: return "a section is opened but never closed"
        case .invalidSetDelimiter?: return "a delimiter change is not valid"
        case .illegalTokenInsideInheritSection?: return "only {{$block}} sections may appear inside {{<parent}}"
        case .transformAppliedToInheritanceSection?: return "a transform cannot be applied to an inheritance section"
        default: return "\(error)"
        }
    }

    /// `id="schedule"` in any template; ids made from variables (`id="{{id}}"`) are the planner's to keep unique.
    static func literalIDs(in texts: [String]) -> Set<String> {
        var ids: Set<String> = []
        for text in texts {
            for piece in text.components(separatedBy: " id=\"").dropFirst() {
                let id = piece.prefix { $0 != "\"" }
                if !id.isEmpty, !id.contains("{{") { ids.insert(String(id)) }
            }
        }
        return ids
    }
}
