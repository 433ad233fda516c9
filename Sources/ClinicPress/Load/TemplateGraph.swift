/// How a theme's templates include each other, from their tags (`MustacheTags`), checked before
/// anything renders: partials that do not exist, partials named by a value, templates that
/// include themselves, and nesting too deep for swift-mustache's recursive renderer.
struct TemplateGraph {
    struct Reference {
        var name: String
        var position: SourcePosition
        /// Sections open around the tag.
        var depth: Int
    }

    /// Template name -> the partials and parents it names.
    var references: [String: [Reference]] = [:]
    /// Template name -> its deepest nesting of sections on its own.
    var ownDepth: [String: Int] = [:]

    /// Reads one template's tags; reports dynamic partials, which are refused.
    mutating func add(_ name: String, tags: [MustacheTags.Tag], source: String, report: DiagnosticCollector) {
        var depth = 0, deepest = 0
        var found: [Reference] = []
        for tag in tags {
            switch tag.kind {
            case .section, .inverted, .block, .parent:
                if tag.kind == .parent { record(tag, depth: depth) }
                depth += 1
                deepest = max(deepest, depth)
            case .close:
                depth -= 1
            case .partial:
                record(tag, depth: depth)
            case .variable:
                break
            }
        }
        func record(_ tag: MustacheTags.Tag, depth: Int) {
            let position = SourcePosition(line: tag.line, column: tag.column)
            guard !tag.dynamic else {
                let sigil = tag.kind == .parent ? "<" : ">"
                report.add(.error(source, position,
                                  "the template '\(name)' names its partial with a value ({{\(sigil)*\(tag.name)}}), which ClinicPress does not allow",
                                  hint: "name the partial itself, such as {{\(sigil) footer}}: a partial chosen by a value could include itself, and no check can see that before the page renders"))
                return
            }
            guard !tag.name.isEmpty else { return }
            found.append(Reference(name: tag.name, position: position, depth: depth))
        }
        references[name] = found
        ownDepth[name] = deepest
    }

    /// Partials that do not exist. `sources`: the templates that were read; `existing`: every
    /// template's name, so one with its own error is not also reported as missing.
    func reportMissing(sources: [String: String], existing: Set<String>, report: DiagnosticCollector) {
        let names = Array(sources.keys)
        for (name, found) in references.sorted(by: { $0.key < $1.key }) {
            for reference in found where !existing.contains(reference.name) {
                report.add(.error(sources[name] ?? "Templates/\(name).mustache", reference.position,
                                  "the template '\(name)' uses the partial '\(reference.name)', which does not exist",
                                  hint: Suggestion.hint(for: reference.name, in: names) ?? "add Templates/\(reference.name).mustache"))
            }
        }
    }

    /// swift-mustache renders a section or a partial by calling itself: nesting is counted through
    /// partials and parents, and refused where a template's partial takes it past the limit (a
    /// template deep on its own is refused when it is read). Call only when there are no cycles.
    func reportDeepInclusions(sources: [String: String], report: DiagnosticCollector) {
        let limit = MustacheTags.maximumDepth
        // Levels each template adds when it renders, capped at limit + 1; worked out after the
        // templates it includes (depth-first, without recursion: a theme may hold many templates).
        var totals: [String: Int] = [:]
        for start in references.keys.sorted() where totals[start] == nil {
            var stack: [(name: String, expanded: Bool)] = [(start, false)]
            while let (name, expanded) = stack.popLast() {
                guard totals[name] == nil else { continue }
                let found = (references[name] ?? []).filter { references[$0.name] != nil }
                if expanded {
                    var result = ownDepth[name] ?? 0
                    for reference in found { result = max(result, reference.depth + 1 + (totals[reference.name] ?? 0)) }
                    totals[name] = min(result, limit + 1)
                } else {
                    stack.append((name, true))
                    for reference in found where totals[reference.name] == nil { stack.append((reference.name, false)) }
                }
            }
        }
        for (name, found) in references.sorted(by: { $0.key < $1.key }) {
            for reference in found where references[reference.name] != nil {
                let inner = totals[reference.name] ?? 0
                guard inner <= limit, reference.depth + 1 + inner > limit else { continue }
                report.add(.error(sources[name] ?? "Templates/\(name).mustache", reference.position,
                                  "sections and partials are nested more than \(limit) deep through the partial '\(reference.name)'",
                                  hint: "close sections before including '\(reference.name)', or nest fewer sections inside it"))
            }
        }
    }
}
