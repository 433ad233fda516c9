import CCmark
import Foundation

/// Phone numbers written in running text become links a phone can dial ("call us at
/// (847) 555-0142", "call or text 988"): a reader in distress should not have to copy digits.
/// Each number is parsed like the content's phone keys (`PhoneNumber`), so a link never dials
/// a part of a number; text inside links, code and headings is left alone.
enum PhoneLinks {
    /// North American numbers written in the usual ways: `(847) 555-0142`, `847-555-0142`,
    /// `847.555.0142`, `1-800-662-4357`, `+1 847 555 0142`.
    private static let number = try! NSRegularExpression(
        pattern: #"(?<![\w+])(?:\+?1[ .-])?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\w)"#)
    /// Short crisis numbers only where the words around them say they are to be dialled.
    private static let shortCode = try! NSRegularExpression(
        pattern: #"(?i)\b(?:call|text|dial)(?: or (?:call|text))? (988|911)\b"#)

    /// Turns the numbers in the text nodes below `root` into links.
    static func link(below root: OpaquePointer) {
        for node in Cmark.nodes(below: root) where Cmark.type(node) == CMARK_NODE_TEXT && !insideLinkOrHeading(node) {
            let text = Cmark.string(cmark_node_get_literal(node))
            // Most text has no run of three digits: no regular expression runs on it.
            guard hasDigitRun(text) else { continue }
            let matches = found(in: text)
            guard !matches.isEmpty else { continue }
            var rest = text[...]
            var consumed = text.startIndex
            for (range, href) in matches {
                insertText(String(text[consumed..<range.lowerBound]), before: node)
                guard let link = cmark_node_new(CMARK_NODE_LINK), let label = cmark_node_new(CMARK_NODE_TEXT) else { continue }
                cmark_node_set_url(link, href)
                cmark_node_set_literal(label, String(text[range]))
                cmark_node_append_child(link, label)
                cmark_node_insert_before(node, link)
                consumed = range.upperBound
                rest = text[consumed...]
            }
            insertText(String(rest), before: node)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// The numbers in `text` with the link each dials, in order, without overlaps.
    static func found(in text: String) -> [(Range<String.Index>, String)] {
        let whole = NSRange(text.startIndex..., in: text)
        var result: [(Range<String.Index>, String)] = []
        for match in number.matches(in: text, range: whole) {
            guard let range = Range(match.range, in: text),
                  case .success(let phone) = PhoneNumber.parse(String(text[range])) else { continue }
            result.append((range, phone.href))
        }
        for match in shortCode.matches(in: text, range: whole) {
            guard let range = Range(match.range(at: 1), in: text),
                  !result.contains(where: { $0.0.overlaps(range) }) else { continue }
            result.append((range, "tel:" + text[range]))
        }
        return result.sorted { $0.0.lowerBound < $1.0.lowerBound }
    }

    static func hasDigitRun(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 {
                run += 1
                if run == 3 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    private static func insertText(_ text: String, before node: OpaquePointer) {
        guard !text.isEmpty, let piece = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(piece, text)
        cmark_node_insert_before(node, piece)
    }

    private static func insideLinkOrHeading(_ node: OpaquePointer) -> Bool {
        var current = cmark_node_parent(node)
        while let parent = current {
            switch Cmark.type(parent) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_HEADING: return true
            default: current = cmark_node_parent(parent)
            }
        }
        return false
    }
}
