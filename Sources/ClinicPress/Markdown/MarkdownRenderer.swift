import CCmark
import Foundation

/// A heading of a rendered page, for its table of contents.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var id: String
    public var text: String
}

/// A link to an anchor on another page, checked once every page's headings are known.
public struct AnchorReference: Sendable {
    public var file: String
    public var position: SourcePosition
    public var page: String
    public var anchor: String
}

public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
    /// Second-level headings when there are three or more of them; otherwise empty.
    public var tableOfContents: [Heading] {
        let sections = headings.filter { $0.level == 2 }
        return sections.count >= 3 ? sections : []
    }
    public var anchorReferences: [AnchorReference]
    public var diagnostics: [Diagnostic]
}

/// What the Markdown stage needs to know about the rest of the site.
public struct MarkdownEnvironment: Sendable, Equatable {
    /// Content file (`Content/education/foo.md`) -> page path (`education/foo/`), published pages only.
    public var contentPages: [String: String]
    /// Paths of generated pages a body may link to directly (`team/`, `levels-of-care/`).
    public var sitePages: Set<String>
    /// Files in `Content/assets/`.
    public var assets: Set<String>
    /// Ids the theme's templates give elements themselves (`main`, `schedule`): headings never take them.
    public var reservedIDs: Set<String>
    /// The raster pictures of `Content/assets/`: an image of one becomes a `<picture>` of its renditions.
    public var images = ImageCatalog()
    /// The size each SVG of the assets says it has: `width` and `height` for its `<img>`.
    public var svgSizes: [String: SVGSize] = [:]
    /// In another language than the default (`es/`): a link to a page the build makes in every
    /// language (`/team/`) goes to this language's (`/es/team/`).
    public var languagePrefix = ""
    public var everyLanguagePages: Set<String> = []
}

/// Turns a content file's Markdown body into HTML with libcmark, transforming the AST on the way:
/// heading ids, links between content files, checked images, callout and crisis blocks.
public struct MarkdownRenderer: Sendable {
    public let environment: MarkdownEnvironment
    /// Stands for the crisis block in rendered HTML; the render stage puts the theme's `crisis-block`
    /// partial in its place. Safe mode escapes every `<` a writer types, so content cannot forge it.
    public static let crisisBlockMarker = "<clinicpress-crisis-block></clinicpress-crisis-block>"

    public init(environment: MarkdownEnvironment) { self.environment = environment }

    /// - Parameters:
    ///   - source: the body and the line where it starts in `file`.
    ///   - file: the content file, for diagnostics and for resolving relative links.
    ///   - page: the path of the page the HTML goes on, for relative URLs.
    ///   - linkBase: for print, the site's absolute URL: links then point at the website
    ///     (paper has no relative links), while images still load from the output folder.
    ///   - idPrefix: keeps heading ids unique when several documents share one page (a packet).
    public func render(_ source: MarkdownSource, file: String, page: String, linkBase: String? = nil,
                       idPrefix: String = "") -> RenderedMarkdown {
        var state = RenderState(file: file, lineOffset: source.firstLine - 1, page: page, linkBase: linkBase,
                                idPrefix: idPrefix)
        state.usedIDs = environment.reservedIDs.union(environment.reservedIDs.map { idPrefix + $0 })
        let html = render(source.text, state: &state)
        return RenderedMarkdown(html: html, headings: state.headings, anchorReferences: state.anchors,
                                diagnostics: state.diagnostics)
    }

    struct RenderState {
        let file: String
        var lineOffset: Int
        let page: String
        let linkBase: String?
        let idPrefix: String
        var usedIDs: Set<String> = []
        /// Next number to try for each id base, so a page of many equal headings stays fast.
        var nextSuffix: [String: Int] = [:]
        var headings: [Heading] = []
        var anchors: [AnchorReference] = []
        var diagnostics: [Diagnostic] = []
        /// Containers around the text being rendered: the callouts it is inside, and what encloses them.
        var depth = 0
        /// Nesting past the limit was reported (once per body is enough).
        var reportedDepth = false
        /// The raster picture the image being checked resolved to.
        var picture: ImageSet?
        /// The SVG's own size, when the image being checked is an SVG of the assets.
        var svgSize: SVGSize?

        func position(_ node: OpaquePointer) -> SourcePosition {
            SourcePosition(line: Cmark.line(node) + lineOffset, column: max(Cmark.column(node), 1))
        }
    }

    private func render(_ text: String, state: inout RenderState) -> String {
        if let line = Nesting.prescan(text, outerDepth: state.depth) {
            reportTooDeep(SourcePosition(line: line.line + state.lineOffset, column: line.column), levels: line.deepest, state: &state)
            return ""
        }
        guard let document = Cmark.parse(text) else { return "" }
        defer { cmark_node_free(document) }
        // Too deep for the PDF renderer (and callouts re-render their text at every level): an
        // error, and nothing of this text is rendered.
        let nesting = Nesting.measure(document, outerDepth: state.depth)
        if let tooDeep = nesting.firstTooDeep {
            reportTooDeep(state.position(tooDeep), levels: nesting.deepest, state: &state)
            return ""
        }
        for node in Cmark.nodes(below: document) {
            switch Cmark.type(node) {
            case CMARK_NODE_LINK: rewriteLink(node, state: &state)
            case CMARK_NODE_IMAGE: checkImage(node, state: &state)
            default: break
            }
        }
        PhoneLinks.link(below: document)
        // Blocks are replaced after links and images inside them have been rewritten.
        for node in Cmark.nodes(below: document) {
            switch Cmark.type(node) {
            case CMARK_NODE_HEADING: replaceHeading(node, state: &state)
            case CMARK_NODE_CODE_BLOCK: replaceFencedBlock(node, state: &state)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                state.diagnostics.append(.warning(state.file, state.position(node),
                                                  "raw HTML is not published and was left out",
                                                  hint: "write it in Markdown instead"))
            default: break
            }
        }
        return Cmark.renderHTML(document)
    }

    // MARK: Headings

    private func replaceHeading(_ node: OpaquePointer, state: inout RenderState) {
        var level = Int(cmark_node_get_heading_level(node))
        if level == 1 {
            state.diagnostics.append(.warning(state.file, state.position(node),
                                              "a '#' heading inside the text is shown as a '##' heading: the page title is the only top-level heading",
                                              hint: "start section headings with '##'"))
            level = 2
            cmark_node_set_heading_level(node, 2)
        }
        let text = Cmark.plainText(node).trimmingCharacters(in: .whitespaces)
        let id = uniqueID(for: text, state: &state)
        state.headings.append(Heading(level: level, id: id, text: text))
        let rendered = Cmark.renderHTML(node)
        // libcmark writes `<hN>`; give it the id.
        let opening = "<h\(level)>"
        guard rendered.hasPrefix(opening) else { return }
        Cmark.replace(node, withHTML: "<h\(level) id=\"\(HTML.escape(id))\">" + rendered.dropFirst(opening.count))
    }

    private func uniqueID(for text: String, state: inout RenderState) -> String {
        let slug = Slug.make(from: text)
        let base = state.idPrefix + (slug.isEmpty ? "section" : slug)
        var id = base
        var counter = state.nextSuffix[base] ?? 1
        while state.usedIDs.contains(id) {
            id = "\(base)-\(counter)"
            counter += 1
        }
        state.nextSuffix[base] = counter
        state.usedIDs.insert(id)
        return id
    }

    // MARK: Callout and crisis blocks

    private func replaceFencedBlock(_ node: OpaquePointer, state: inout RenderState) {
        let info = Cmark.string(cmark_node_get_fence_info(node)).trimmingCharacters(in: .whitespaces).lowercased()
        switch info {
        case "crisis":
            Cmark.replace(node, withHTML: MarkdownRenderer.crisisBlockMarker + "\n")
        case "callout":
            // Its body is rendered one level deeper than the fence: refused past the limit, before
            // its text is parsed again.
            let depth = state.depth + Nesting.enclosingContainers(node) + 1
            if depth > Nesting.limit {
                reportTooDeep(state.position(node), levels: depth, state: &state)
                Cmark.replace(node, withHTML: "")
                return
            }
            let (title, rest) = Self.calloutParts(node)
            if title.isEmpty {
                state.diagnostics.append(.error(state.file, state.position(node),
                                                "a callout needs a title on its first line",
                                                hint: "write the title on the line right after ```callout"))
            }
            // The callout body is Markdown too, with the same transforms; lines count from inside the block.
            let (outerOffset, outerDepth) = (state.lineOffset, state.depth)
            state.lineOffset += Cmark.line(node) + 1
            state.depth = depth
            let body = render(rest, state: &state)
            (state.lineOffset, state.depth) = (outerOffset, outerDepth)
            Cmark.replace(node, withHTML: "<div class=\"callout\" role=\"note\"><p class=\"callout-title\"><strong>\(HTML.escape(title))</strong></p>\n\(body)</div>\n")
        default:
            break
        }
    }

    /// A callout's title line and the rest of its text. Only one copy of the text stays alive per
    /// callout level while its body renders: libcmark's is dropped, and the text is not split into lines.
    private static func calloutParts(_ node: OpaquePointer) -> (title: String, rest: String) {
        let literal = Cmark.string(cmark_node_get_literal(node))
        cmark_node_set_literal(node, "")
        let firstLine = literal.firstIndex(of: "\n") ?? literal.endIndex
        let title = String(literal[..<firstLine]).trimmingCharacters(in: .whitespaces)
        let rest = firstLine < literal.endIndex ? String(literal[literal.index(after: firstLine)...]) : ""
        return (title, rest)
    }

    // MARK: Nesting

    private func reportTooDeep(_ position: SourcePosition, levels: Int, state: inout RenderState) {
        guard !state.reportedDepth else { return }
        state.reportedDepth = true
        state.diagnostics.append(.error(state.file, position,
                                        "blocks are nested \(levels) levels deep here; ClinicPress allows at most \(Nesting.limit)",
                                        hint: "block quotes ('>'), list items, callouts, emphasis and links each add a level: take some away, or put the parts one after another"))
    }

    // MARK: Links and images

    private func rewriteLink(_ node: OpaquePointer, state: inout RenderState) {
        let url = Cmark.string(cmark_node_get_url(node))
        let scheme = url.lowercased().trimmingCharacters(in: .whitespaces)
        if ["javascript:", "vbscript:", "file:", "data:"].contains(where: { scheme.hasPrefix($0) }) {
            state.diagnostics.append(.warning(state.file, state.position(node),
                                              "the link '\(url)' is not published and was left out; only its text is shown",
                                              hint: "link to a web page (https://...) or to another content file"))
            Cmark.unwrap(node)
            return
        }
        guard let resolved = resolve(url, node: node, state: &state, isImage: false) else { return }
        cmark_node_set_url(node, resolved)
    }

    private func checkImage(_ node: OpaquePointer, state: inout RenderState) {
        let url = Cmark.string(cmark_node_get_url(node))
        let alt = Cmark.plainText(node).trimmingCharacters(in: .whitespaces)
        if alt.isEmpty {
            state.diagnostics.append(.error(state.file, state.position(node), "the image '\(url)' has no alt text",
                                            hint: "describe the picture in the brackets: ![Two chairs facing each other](\(url))"))
        }
        if url.contains(":") || url.hasPrefix("//") {
            state.diagnostics.append(.error(state.file, state.position(node),
                                            "the image '\(url)' is not in Content/assets/; pages never load files from other sites",
                                            hint: "save the picture in Content/assets/ and write ![description](../assets/NAME)"))
            cmark_node_set_url(node, "")
            return
        }
        state.picture = nil
        state.svgSize = nil
        guard let resolved = resolve(url, node: node, state: &state, isImage: true) else { return }
        cmark_node_set_url(node, resolved)
        if let picture = state.picture, !alt.isEmpty {
            Cmark.replaceInline(node, withHTML: PictureHTML.html(picture, alt: alt, page: state.page, print: state.linkBase != nil))
        } else if let size = state.svgSize, !alt.isEmpty, !resolved.isEmpty {
            // An SVG keeps its file, and says its size so the page does not jump while it loads.
            Cmark.replaceInline(node, withHTML: "<img src=\"\(HTML.escape(resolved))\" alt=\"\(HTML.escape(alt))\" width=\"\(size.width)\" height=\"\(size.height)\">")
        }
    }

    /// `tel:1-800-662-HELP` becomes `tel:18006624357`; `sms:741741?body=HOME` keeps its keyword.
    private func phoneLink(_ url: String, node: OpaquePointer, state: inout RenderState) -> String {
        let scheme = url.prefix(4).lowercased()
        var rest = String(url.dropFirst(4))
        var keyword: String?
        if scheme == "sms:", let query = rest.firstIndex(of: "?") {
            let parameters = rest[rest.index(after: query)...]
            if parameters.lowercased().hasPrefix("body=") { keyword = String(parameters.dropFirst(5)) }
            rest = String(rest[..<query])
        }
        rest = rest.removingPercentEncoding ?? rest
        switch PhoneNumber.parse(rest) {
        case .success(let number):
            if scheme == "tel:" { return number.href }
            guard number.extensionDigits == nil else { break }
            let body = keyword.map { "?body=" + URLPath.encode($0.removingPercentEncoding ?? $0) } ?? ""
            return "sms:" + number.digits + body
        case .failure(let problem):
            state.diagnostics.append(.error(state.file, state.position(node), "the link '\(url)' is not a phone number: \(problem.message)",
                                            hint: problem.hint))
            return ""
        }
        state.diagnostics.append(.error(state.file, state.position(node), "the link '\(url)' cannot send a text to an extension",
                                        hint: "write the number that takes texts, such as sms:741741"))
        return ""
    }

    /// The URL to publish for a link or image target, reporting targets that do not exist.
    private func resolve(_ url: String, node: OpaquePointer, state: inout RenderState, isImage: Bool) -> String? {
        if url.isEmpty { return nil }
        let lower = url.lowercased()
        if !isImage, lower.hasPrefix("#") {
            let anchor = String(url.dropFirst())
            if state.linkBase == nil, !anchor.isEmpty {
                state.anchors.append(AnchorReference(file: state.file, position: state.position(node), page: state.page, anchor: anchor))
            }
            return nil
        }
        // A phone link in a body dials what the content's phone numbers dial, or is refused: a
        // crisis number written with letters must not dial a few of its digits.
        if !isImage, lower.hasPrefix("tel:") || lower.hasPrefix("sms:") {
            return phoneLink(url, node: node, state: &state)
        }
        // Absolute URLs and other schemes (https:, mailto:) are left as they are;
        // libcmark's safe mode already blanks javascript:, vbscript:, file: and data: links.
        if let colon = lower.firstIndex(of: ":"), !lower[..<colon].contains("/") { return nil }
        if lower.hasPrefix("//") { return nil }

        var path = url
        var fragment: String?
        if let hash = url.firstIndex(of: "#") {
            fragment = String(url[url.index(after: hash)...])
            path = String(url[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        path = path.removingPercentEncoding ?? path

        let position = state.position(node)
        let folder = (state.file as NSString).deletingLastPathComponent
        let joined = path.hasPrefix("/") ? String(path.dropFirst()) : folder + "/" + path
        guard let target = RelativeURL.normalize(joined) else {
            state.diagnostics.append(.error(state.file, position, "the link '\(url)' points outside the site folder",
                                            hint: "link to files inside Content/, such as ../education/NAME.md"))
            return ""
        }
        let suffix = fragment.map { "#" + $0 } ?? ""

        if target.hasPrefix("Content/assets/") {
            let asset = String(target.dropFirst("Content/assets/".count))
            guard environment.assets.contains(asset) else {
                state.diagnostics.append(.error(state.file, position, "'\(url)' does not exist: there is no file Content/assets/\(asset)",
                                                hint: Suggestion.hint(for: asset, in: Array(environment.assets)).map { "\($0) (in Content/assets/)" }
                                                    ?? "put the file in Content/assets/"))
                return ""
            }
            var published = "assets/" + URLPath.encode(asset)
            if isImage { state.svgSize = environment.svgSizes[asset] }
            if RasterImages.isRaster(asset) {
                // The picture was reported when it was loaded if it cannot be published.
                guard let picture = environment.images[asset] else { return "" }
                // The original is never published (it may carry GPS positions): a picture shows
                // its renditions, and a link to it opens the largest.
                if isImage { state.picture = picture }
                published = URLPath.encode(picture.largest.path)
            }
            if !isImage, let base = state.linkBase { return base + published + suffix }
            return RelativeURL.between(state.page, published) + suffix
        }
        if isImage {
            state.diagnostics.append(.error(state.file, position, "the image '\(url)' is not in Content/assets/",
                                            hint: "move it into Content/assets/ and write ![description](../assets/NAME)"))
            return ""
        }
        if let page = environment.contentPages[target] {
            if let fragment, !fragment.isEmpty {
                state.anchors.append(AnchorReference(file: state.file, position: position, page: page, anchor: fragment))
            }
            if let base = state.linkBase { return base + page + suffix }
            return RelativeURL.between(state.page, page) + suffix
        }
        var asFolder = target.hasSuffix("/") || target.isEmpty ? target : target + "/"
        if path.hasPrefix("/"), environment.sitePages.contains(asFolder) || target.isEmpty {
            if environment.everyLanguagePages.contains(asFolder) { asFolder = environment.languagePrefix + asFolder }
            if let base = state.linkBase { return base + asFolder + suffix }
            return RelativeURL.between(state.page, asFolder) + suffix
        }
        let candidates = Array(environment.contentPages.keys)
        state.diagnostics.append(.error(
            state.file, position,
            target.hasPrefix("Content/") ? "the link '\(url)' points to \(target), which does not exist or is not published"
                : "the link '\(url)' does not point to a content file",
            hint: Suggestion.closest(to: target, in: candidates).map {
                "did you mean '\(RelativeURL.between(String(folder.dropFirst("Content/".count)) + "/", String($0.dropFirst("Content/".count))))'?"
            } ?? "link to another page by its file, such as ../education/NAME.md, or to a listing such as /team/"))
        return ""
    }
}
