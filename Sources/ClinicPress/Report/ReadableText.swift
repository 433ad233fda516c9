import CCmark
import Foundation

/// The text readers see in a Markdown body, as one string with every sentence end explicit:
/// paragraphs, list items and callout bodies; not headings, code, crisis blocks, raw HTML,
/// image alt text or link targets. Each block ends with a full stop unless it ends with `.`, `!`
/// or `?` already, so a list item is a sentence and another tool splits the same sentences.
public struct ReadableText: Sendable, Equatable {
    public var text: String = ""
    /// (UTF-16 offset in `text`, line in the source file) at each source line the text continues on.
    var lineMarks: [(offset: Int, line: Int)] = []

    public static func == (a: ReadableText, b: ReadableText) -> Bool {
        a.text == b.text && a.lineMarks.map(\.offset) == b.lineMarks.map(\.offset) && a.lineMarks.map(\.line) == b.lineMarks.map(\.line)
    }

    /// The source line (1-based, front matter included) of the character at a UTF-16 offset.
    public func line(at offset: Int) -> Int {
        var line = lineMarks.first?.line ?? 0
        for mark in lineMarks {
            if mark.offset > offset { break }
            line = mark.line
        }
        return line
    }

    public static func extract(_ source: MarkdownSource) -> ReadableText {
        var builder = Builder()
        builder.add(source.text, lineOffset: source.firstLine - 1)
        return builder.result
    }

    /// Ends a block's text so it is a sentence of its own.
    static func closed(_ block: String) -> String {
        var text = block.trimmingCharacters(in: .whitespacesAndNewlines)
        let closers: Set<Character> = ["\"", "'", ")", "]", "\u{201D}", "\u{2019}", "\u{BB}", "*", "_"]
        var core = Substring(text)
        while let last = core.last, closers.contains(last) { core = core.dropLast() }
        if let last = core.last, ".!?".contains(last) { return text }
        // `These are the signs:` before a list is not a sentence end: it becomes one.
        while let last = text.last, ":;,-\u{2013}\u{2014}".contains(last) || last.isWhitespace { text.removeLast() }
        return text.isEmpty ? "" : text + "."
    }

    private struct Builder {
        var result = ReadableText()
        var utf16Count = 0
        /// The block being collected: its text and the marks of its lines, relative to it.
        var block = ""
        var blockMarks: [(offset: Int, line: Int)] = []

        mutating func add(_ markdown: String, lineOffset: Int) {
            guard let document = Cmark.parse(markdown) else { return }
            defer { cmark_node_free(document) }
            walkBlocks(document, lineOffset: lineOffset)
        }

        mutating func walkBlocks(_ parent: OpaquePointer, lineOffset: Int) {
            var child = cmark_node_first_child(parent)
            while let node = child {
                child = cmark_node_next(node)
                switch Cmark.type(node) {
                case CMARK_NODE_PARAGRAPH:
                    paragraph(node, lineOffset: lineOffset)
                case CMARK_NODE_CODE_BLOCK:
                    // A callout's body is Markdown read as its own text, one level down; its title
                    // line is a heading. Crisis blocks and code are not measured.
                    let info = Cmark.string(cmark_node_get_fence_info(node)).trimmingCharacters(in: .whitespaces).lowercased()
                    guard info == "callout" else { continue }
                    let literal = Cmark.string(cmark_node_get_literal(node))
                    guard let newline = literal.firstIndex(of: "\n") else { continue }
                    add(String(literal[literal.index(after: newline)...]), lineOffset: lineOffset + Cmark.line(node) + 1)
                case CMARK_NODE_HEADING, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
                    continue
                default:
                    // Lists, list items and block quotes: their paragraphs.
                    walkBlocks(node, lineOffset: lineOffset)
                }
            }
        }

        mutating func paragraph(_ node: OpaquePointer, lineOffset: Int) {
            block = ""
            blockMarks = [(0, Cmark.line(node) + lineOffset)]
            var line = Cmark.line(node) + lineOffset
            walkInlines(node, line: &line)
            let closed = ReadableText.closed(block)
            guard !closed.isEmpty else { return }
            // Leading spaces were trimmed: the marks move with the text.
            let leading = (block as NSString).length - (block.drop(while: { $0.isWhitespace || $0.isNewline }) as Substring).utf16.count
            if !result.text.isEmpty {
                result.text += "\n"
                utf16Count += 1
            }
            for mark in blockMarks {
                let offset = max(0, mark.offset - leading)
                if let last = result.lineMarks.last, last.offset == utf16Count + offset { result.lineMarks.removeLast() }
                result.lineMarks.append((utf16Count + offset, mark.line))
            }
            result.text += closed
            utf16Count += (closed as NSString).length
        }

        mutating func walkInlines(_ parent: OpaquePointer, line: inout Int) {
            var child = cmark_node_first_child(parent)
            while let node = child {
                child = cmark_node_next(node)
                switch Cmark.type(node) {
                case CMARK_NODE_TEXT:
                    // Typographic apostrophes count as the plain one, so `don’t` is one dictionary word.
                    var literal = Cmark.string(cmark_node_get_literal(node)).replacingOccurrences(of: "\u{2019}", with: "'")
                    // Around a left-out image or code span: one space, not two.
                    if block.hasSuffix(" "), literal.hasPrefix(" ") { literal.removeFirst() }
                    block += literal
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    block += " "
                    line += 1
                    blockMarks.append(((block as NSString).length, line))
                case CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE, CMARK_NODE_IMAGE:
                    // Code and raw HTML are not prose; an image's alt text is not shown to readers.
                    continue
                default:
                    // Emphasis, strong emphasis and links: their text, never their target.
                    walkInlines(node, line: &line)
                }
            }
        }
    }
}
