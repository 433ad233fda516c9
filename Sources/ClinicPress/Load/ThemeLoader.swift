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
        let files = ThemeFiles.load(siteDirectory: siteDirectory, report: report)

        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        var templateTexts: [String: (String, String)] = [:]
        var graph = TemplateGraph()
        var unreadable = false
        for name in files.templates.keys.sorted() {
            let (text, source) = files.templates[name]!
            // Read first with ClinicPress's own tokenizer: swift-mustache's parser recurses once per
            // nested section and would overflow the stack on a deep template before saying anything.
            let scan = MustacheTags.tokenize(text)
            if let (problem, line, column) = scan.problem {
                report.add(.error(source, SourcePosition(line: line, column: column), problem.message, hint: problem.hint))
                unreadable = true
                continue
            }
            do {
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + text), named: name)
                sources[name] = source
                templateTexts[name] = (text, source)
                graph.add(name, tags: scan.tags, source: source, report: report)
            } catch let error as MustacheTemplate.ParserError {
                report.add(.error(source, SourcePosition(line: max(error.context.lineNumber - 1, 1), column: error.context.columnNumber),
                                  "this template has a syntax error: \(describe(error.error))",
                                  hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed with }}"))
                unreadable = true
            } catch {
                report.add(.error(source, "this template cannot be read: \(error)"))
                unreadable = true
            }
        }
        let cycles = DiagnosticCollector()
        reportCycles(graph.references.mapValues { $0.map { (name: $0.name, position: $0.position) } }, sources: sources, report: cycles)
        report.add(contentsOf: cycles.all)
        graph.reportMissing(sources: sources, existing: Set(files.templates.keys), report: report)
        if !cycles.hasErrors { graph.reportDeepInclusions(sources: sources, report: report) }
        for name in TemplateRoots.required(kinds) where sources[name] == nil && !unreadable {
            report.add(.error("Templates/\(name).mustache", "the template '\(name)' is missing",
                              hint: "restore it, or delete your copy so the built-in one is used"))
        }
        if report.hasErrors { return nil }
        return Theme(library: library, sources: sources, staticFiles: files.staticFiles,
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
