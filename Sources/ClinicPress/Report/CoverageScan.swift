import CCmark
import Foundation

/// Accessibility and safety gaps in a Markdown body, read from libcmark's tree: images without alt
/// text, links that say "click here" or show a bare address, heading levels that skip, and whether
/// the body has a crisis block.
struct CoverageScan {
    let file: String
    var findings: [Finding] = []
    var hasCrisisBlock = false
    /// The page title is the `<h1>`; a body's first heading should be a `##`.
    private var previousLevel = 1

    /// Link texts that say nothing about where the link goes (WCAG 2.4.4), lower-cased, without end punctuation.
    static let vagueLinkTexts: Set<String> = [
        "click here", "here", "click", "this link", "link", "read more", "more",
        "haga clic aquí", "haz clic aquí", "clic aquí", "aquí", "pulse aquí", "más",
    ]

    static func scan(_ source: MarkdownSource, file: String) -> CoverageScan {
        var scan = CoverageScan(file: file)
        scan.walk(source.text, lineOffset: source.firstLine - 1)
        return scan
    }

    private mutating func walk(_ markdown: String, lineOffset: Int) {
        guard let document = Cmark.parse(markdown) else { return }
        defer { cmark_node_free(document) }
        for node in Cmark.nodes(below: document) {
            let line = Cmark.line(node) + lineOffset
            switch Cmark.type(node) {
            case CMARK_NODE_HEADING:
                // `#` inside a body is shown as `##` (MarkdownRenderer).
                let level = max(2, Int(cmark_node_get_heading_level(node)))
                if level > previousLevel + 1 {
                    add(.headingSkip, line, "the heading '\(Cmark.plainText(node))' is a level-\(level) heading after a level-\(previousLevel) one",
                        hint: "use \(String(repeating: "#", count: previousLevel + 1)) so screen-reader users do not think a section is missing")
                }
                previousLevel = level
            case CMARK_NODE_IMAGE:
                if Cmark.plainText(node).trimmingCharacters(in: .whitespaces).isEmpty {
                    add(.imageAlt, line, "the image '\(Cmark.string(cmark_node_get_url(node)))' has no alt text",
                        hint: "describe the picture in the brackets")
                }
            case CMARK_NODE_LINK:
                linkText(node, line: line)
            case CMARK_NODE_CODE_BLOCK:
                let info = Cmark.string(cmark_node_get_fence_info(node)).trimmingCharacters(in: .whitespaces).lowercased()
                if info == "crisis" { hasCrisisBlock = true }
                if info == "callout" {
                    let literal = Cmark.string(cmark_node_get_literal(node))
                    if let newline = literal.firstIndex(of: "\n") {
                        walk(String(literal[literal.index(after: newline)...]), lineOffset: lineOffset + Cmark.line(node) + 1)
                    }
                }
            default:
                break
            }
        }
    }

    private mutating func linkText(_ node: OpaquePointer, line: Int) {
        let text = Cmark.plainText(node).trimmingCharacters(in: .whitespacesAndNewlines)
        let bare = text.trimmingCharacters(in: CharacterSet(charactersIn: ".!?:;,")).lowercased()
        let url = Cmark.string(cmark_node_get_url(node))
        if CoverageScan.vagueLinkTexts.contains(bare) {
            add(.linkText, line, "the link text '\(text)' does not say where the link goes",
                hint: "name the page: [our intake steps](\(url))")
        } else if bare.hasPrefix("http://") || bare.hasPrefix("https://") || bare.hasPrefix("www.") {
            add(.linkText, line, "the link text is the bare address '\(text)', which screen readers spell out",
                hint: "name the page in words: [the 988 Lifeline](\(url))")
        }
    }

    private mutating func add(_ kind: FindingKind, _ line: Int, _ message: String, hint: String) {
        findings.append(Finding(kind: kind, path: file, line: line, message: message, hint: hint))
    }
}
