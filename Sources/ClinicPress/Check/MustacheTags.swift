/// The tags of a Mustache template, with their lines and columns, read the way swift-mustache's
/// parser reads them (`Template+Parser.swift`): by Character, with set-delimiter tags scoped to
/// the section they appear in, comments, triple mustaches, partials, dynamic partials (`{{>*name}}`),
/// parents, blocks and config tags. The theme loader runs its partial, cycle and depth checks on
/// these tags *before* swift-mustache parses the template: that parser (and its renderer) recurse
/// once per nested section, so a template nested a few hundred deep overflows the stack (exit 139)
/// instead of failing with an error. Rendering itself stays swift-mustache's.
enum MustacheTags {
    enum Kind { case variable, section, inverted, close, partial, parent, block }

    struct Tag {
        var kind: Kind
        /// For a dynamic partial or parent, the name of the value that names it (without `*`).
        var name: String
        var line: Int
        var column: Int
        /// `{{>*name}}` or `{{<*name}}`: the partial is named by a value at render time.
        var dynamic = false
    }

    /// Sections, inverted sections, blocks and parents nested deeper than this are refused.
    /// The built-in theme needs 6; swift-mustache's recursive parser overflowed at about 550 (debug build).
    static let maximumDepth = 100

    enum Problem: Equatable {
        /// A tag without its closing delimiter (swift-mustache: `unfinishedName`).
        case unclosedTag(closer: String)
        case unclosedComment(closer: String)
        case sectionCloseNameIncorrect
        case expectedSectionEnd(name: String)
        case invalidSetDelimiter
        case invalidConfig
        case tooDeep

        var message: String {
            switch self {
            case .unclosedTag(let closer): return "this template has a syntax error: a tag is not closed with \(closer)"
            case .unclosedComment(let closer): return "this template has a syntax error: a comment is not closed with \(closer)"
            case .sectionCloseNameIncorrect: return "this template has a syntax error: a section is closed with a different name than it was opened"
            case .expectedSectionEnd(let name): return "this template has a syntax error: the section '\(name)' is opened but never closed"
            case .invalidSetDelimiter: return "this template has a syntax error: a delimiter change is not valid"
            case .invalidConfig: return "this template has a syntax error: a {{% ...}} tag is not valid"
            case .tooDeep: return "sections are nested more than \(MustacheTags.maximumDepth) deep here"
            }
        }

        var hint: String {
            switch self {
            case .tooDeep: return "close sections before opening new ones; a page template rarely needs more than 10 levels"
            case .invalidSetDelimiter: return "write a delimiter change as {{=<% %>=}}: two delimiters without spaces inside"
            default: return "check that every {{#section}} has a matching {{/section}} and every tag is closed with }}"
            }
        }
    }

    struct Scan {
        var tags: [Tag] = []
        /// The first problem; tags after it were not read.
        var problem: (problem: Problem, line: Int, column: Int)?
        /// The deepest nesting of sections, blocks and parents seen.
        var depth = 0
    }

    /// The tags, or nil when the template cannot be read (swift-mustache's parser would refuse it).
    static func scan(_ text: String) -> [Tag]? {
        let result = tokenize(text)
        return result.problem == nil ? result.tags : nil
    }

    static func tokenize(_ text: String) -> Scan {
        var reader = Reader(text: text)
        var scan = Scan()
        var opener = "{{", closer = "}}"
        // Open sections, each with the delimiters to restore when it closes (a delimiter change
        // lasts until the end of the section it is in, as in swift-mustache).
        var open: [(name: String, opener: String, closer: String)] = []
        func fail(_ problem: Problem, _ line: Int, _ column: Int) -> Scan {
            scan.problem = (problem, line, column)
            return scan
        }
        func failHere(_ problem: Problem) -> Scan { fail(problem, reader.line, reader.column) }

        while reader.skip(to: opener) {
            let line = reader.line, column = reader.column
            reader.advance(by: opener.count)
            guard let sigil = reader.current else { break }
            func add(_ kind: Kind, _ name: String, dynamic: Bool = false) {
                scan.tags.append(Tag(kind: kind, name: name, line: line, column: column, dynamic: dynamic))
            }
            func push(_ name: String) -> Bool {
                open.append((name, opener, closer))
                scan.depth = max(scan.depth, open.count)
                return open.count <= maximumDepth
            }
            switch sigil {
            case "#", "^", "$":
                reader.advance()
                guard let name = reader.name(closer: closer) else { return failHere(.unclosedTag(closer: closer)) }
                guard push(name) else { return fail(.tooDeep, line, column) }
                add(sigil == "#" ? .section : sigil == "^" ? .inverted : .block, name)
            case "/":
                reader.advance()
                let (nameLine, nameColumn) = (reader.line, reader.column)
                guard let name = reader.name(closer: closer) else { return failHere(.unclosedTag(closer: closer)) }
                guard let last = open.popLast(), last.name == name else {
                    return fail(.sectionCloseNameIncorrect, nameLine, nameColumn)
                }
                (opener, closer) = (last.opener, last.closer)
                add(.close, name)
            case "!":
                guard reader.skipComment(closer: closer) else { return fail(.unclosedComment(closer: closer), line, column) }
            case "{":
                reader.advance()
                guard let name = reader.name(closer: closer), reader.current == "}" else {
                    return failHere(.unclosedTag(closer: closer + "}"))
                }
                reader.advance()
                add(.variable, name)
            case "&":
                reader.advance()
                guard let name = reader.name(closer: closer) else { return failHere(.unclosedTag(closer: closer)) }
                add(.variable, name)
            case ">":
                reader.advance()
                reader.skip(while: \.isWhitespace)
                let dynamic = reader.current == "*"
                if dynamic { reader.advance() }
                guard let name = reader.partialName(closer: closer) else { return failHere(.unclosedTag(closer: closer)) }
                add(.partial, name, dynamic: dynamic)
            case "<":
                reader.advance()
                reader.skip(while: \.isWhitespace)
                guard let name = reader.partialName(closer: closer) else { return failHere(.unclosedTag(closer: closer)) }
                // swift-mustache closes `{{<*name}}` with `{{/*name}}`: the section keeps the star.
                guard push(name) else { return fail(.tooDeep, line, column) }
                add(.parent, name.hasPrefix("*") ? String(name.dropFirst()) : name, dynamic: name.hasPrefix("*"))
            case "=":
                reader.advance()
                guard let delimiters = reader.delimiters(closer: closer) else { return fail(.invalidSetDelimiter, line, column) }
                (opener, closer) = delimiters
            case "%":
                reader.advance()
                guard reader.config(closer: closer) else { return fail(.invalidConfig, line, column) }
            default:
                guard let name = reader.name(closer: closer) else { return failHere(.unclosedTag(closer: closer)) }
                add(.variable, name)
            }
        }
        if let last = open.last { return failHere(.expectedSectionEnd(name: last.name)) }
        return scan
    }

    /// `empty(page.breadcrumbs)` -> (`page.breadcrumbs`, [`empty`]); transforms outermost first.
    static func splitTransforms(_ text: String) -> (String, [String]) {
        var name = text
        var transforms: [String] = []
        while name.hasSuffix(")"), let open = name.firstIndex(of: "(") {
            transforms.append(String(name[..<open]))
            name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        }
        return (name.trimmingCharacters(in: .whitespaces), transforms)
    }
}
