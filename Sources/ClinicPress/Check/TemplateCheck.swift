/// A template that names a variable its context does not have renders nothing there, silently:
/// a clinic's override with `{{site.nmae}}` would lose the clinic's name from every page. This
/// walks each template with the shape of the context it gets, through its sections, partials and
/// parents, and reports every name that cannot be found.
struct TemplateCheck {
    /// Template name -> text.
    let texts: [String: String]
    /// Template name -> where it came from, for diagnostics.
    let sources: [String: String]

    init(theme: Theme) {
        texts = theme.texts
        sources = theme.sources
    }

    init(texts: [String: String], sources: [String: String]) {
        self.texts = texts
        self.sources = sources
    }

    /// `roots`: each template a build renders directly, with the shape of its context.
    func check(roots: [String: TemplateShape]) -> [Diagnostic] {
        var walker = Walker(check: self)
        for name in roots.keys.sorted() where texts[name] != nil {
            walker.walk(name, stack: [roots[name]!], depth: 0)
        }
        return walker.found.sorted { ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message) }
    }

    struct WalkKey: Hashable {
        var template: String
        var stack: [TemplateShape]
    }

    struct Walker {
        let check: TemplateCheck
        var found: [Diagnostic] = []
        var reported: Set<String> = []
        /// (template, stack) pairs already walked: a partial used on many pages is read once per context.
        var walked: Set<WalkKey> = []
        /// For the fragment cache (`FragmentAnalysis`): names found in the outermost frame, whether
        /// a name reached a value that differs from page to page, blocks seen, and where each
        /// partial is included (deepest stack, and whether always at the start of a line).
        var rootPaths: Set<String> = []
        var touchesOpen = false
        var hasBlocks = false
        var inclusions: [String: (depth: Int, atLineStart: Bool)] = [:]

        mutating func walk(_ name: String, stack: [TemplateShape], depth: Int) {
            guard depth < 32, let text = check.texts[name] else { return }
            guard walked.insert(WalkKey(template: name, stack: stack)).inserted else { return }
            guard let tags = MustacheTags.scan(text) else { return }  // refused when the theme loaded
            var stack = stack
            // Sections opened, with whether each pushed a frame, and parents whose blocks are open.
            var open: [(name: String, pushed: Bool, parent: Bool)] = []
            for tag in tags {
                switch tag.kind {
                case .variable:
                    _ = resolve(tag, in: stack, template: name)
                case .section, .inverted:
                    let shape = resolve(tag, in: stack, template: name)
                    var pushed = false
                    if tag.kind == .section, let shape {
                        switch shape {
                        case .list(let element): stack.append(element); pushed = true
                        case .object, .open: stack.append(shape); pushed = true
                        case .value: break
                        }
                    }
                    open.append((tag.name, pushed, false))
                case .block:
                    hasBlocks = true
                    open.append((tag.name, false, false))
                case .parent:
                    hasBlocks = true
                    open.append((tag.name, false, true))
                case .close:
                    guard let last = open.popLast() else { continue }
                    if last.pushed { stack.removeLast() }
                    if last.parent { walk(last.name, stack: stack, depth: depth + 1) }
                case .partial:
                    guard !tag.dynamic else { continue }  // refused when the theme loaded
                    let seen = inclusions[tag.name] ?? (0, true)
                    inclusions[tag.name] = (max(seen.depth, stack.count), seen.atLineStart && tag.column == 1)
                    walk(tag.name, stack: stack, depth: depth + 1)
                }
            }
        }

        /// The shape a tag's name leads to, or nil after reporting it when it leads nowhere.
        mutating func resolve(_ tag: MustacheTags.Tag, in stack: [TemplateShape], template: String) -> TemplateShape? {
            var (name, transforms) = MustacheTags.splitTransforms(tag.name)
            if name == "." || (name.isEmpty && !transforms.isEmpty) {
                // The whole outermost context differs from page to page.
                if name == ".", stack.count == 1 { touchesOpen = true }
                return .value
            }
            var frames = stack[...]
            if name.hasPrefix(".") {
                name.removeFirst()
                frames = stack.suffix(1)
            }
            let parts = name.split(separator: ".").map(String.init)
            guard let first = parts.first else { return .value }
            var shape: TemplateShape?
            for (index, frame) in zip(frames.indices, frames).reversed() {
                switch frame {
                case .open:
                    touchesOpen = true
                    return .open
                case .object(let fields):
                    if let found = fields[first] { shape = found }
                case .value, .list: break
                }
                if shape != nil {
                    if index == stack.startIndex { rootPaths.insert(name) }
                    break
                }
            }
            guard var current = shape else {
                // The innermost frame's names are the likeliest meant.
                let candidates = frames.reversed().compactMap { frame -> [String]? in
                    guard case .object(let fields) = frame else { return nil }
                    return Suggestion.closest(to: first, in: Array(fields.keys)).map { [$0] }
                }.first ?? []
                report(tag, template: template, path: name, candidates: candidates, prefix: "")
                return nil
            }
            for (index, part) in parts.enumerated().dropFirst() {
                switch current {
                case .open:
                    touchesOpen = true
                    return .open
                case .object(let fields):
                    guard let next = fields[part] else {
                        let prefix = parts[..<index].joined(separator: ".") + "."
                        report(tag, template: template, path: name, candidates: fields.keys.map { prefix + $0 }, prefix: prefix)
                        return nil
                    }
                    current = next
                case .value, .list:
                    report(tag, template: template, path: name, candidates: [], prefix: "")
                    return nil
                }
            }
            // `first(items)` is an element; `empty(items)` and `count(items)` are values.
            for transform in transforms.reversed() {
                switch (transform, current) {
                case ("first", .list(let element)), ("last", .list(let element)): current = element
                case ("reversed", _), ("sorted", _): break
                default: current = .value
                }
            }
            return current
        }

        mutating func report(_ tag: MustacheTags.Tag, template: String, path: String, candidates: [String], prefix: String) {
            let file = check.sources[template] ?? "Templates/\(template).mustache"
            guard reported.insert("\(file):\(tag.line):\(tag.column):\(path)").inserted else { return }
            var message = "unknown variable '\(path)'"
            if let match = Suggestion.closest(to: path, in: candidates) { message += "; did you mean '\(match)'?" }
            found.append(.warning(file, SourcePosition(line: tag.line, column: tag.column), message,
                                  hint: "it would render as nothing; the README's template section lists what each template can use"))
        }
    }
}
