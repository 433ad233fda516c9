import Foundation
import CCmark

/// Thin helpers over libcmark's C node API; everything Markdown goes through libcmark.
enum Cmark {
    // libcmark option bits (cmark.h). Raw HTML is never passed through: SAFE is the default
    // since cmark 0.29, and UNSAFE is never set.
    static let smart: Int32 = 1 << 10
    static let validateUTF8: Int32 = 1 << 9

    static func parse(_ text: String) -> OpaquePointer? {
        // Native strings are contiguous UTF-8: parse them in place rather than copying (a callout's
        // text is parsed at each level it is nested).
        if let document = text.utf8.withContiguousStorageIfAvailable({ buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, smart | validateUTF8)
                }
            }
        }) {
            return document ?? cmark_parse_document("", 0, smart | validateUTF8)
        }
        let utf8 = Array(text.utf8)
        return utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, smart | validateUTF8)
                }
            } ?? cmark_parse_document("", 0, smart | validateUTF8)
        }
    }

    static func renderHTML(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, smart) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    static func type(_ node: OpaquePointer) -> cmark_node_type { cmark_node_get_type(node) }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// Every node below `root` in document order, collected first so callers may change the tree.
    static func nodes(below root: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { result.append(node) }
        }
        return result
    }

    /// The plain text inside a node (for heading ids and image alt text).
    static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        for child in nodes(below: node) {
            switch type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// The line of a node, or of its nearest block ancestor when libcmark keeps none for inlines.
    static func line(_ node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let n = current {
            let line = Int(cmark_node_get_start_line(n))
            if line > 0 { return line }
            current = cmark_node_parent(n)
        }
        return 0
    }

    static func column(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_column(node)) }

    /// Replaces `node` by its children (a link becomes its plain text).
    static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Replaces `node` by a block of ready-made HTML.
    static func replace(_ node: OpaquePointer, withHTML html: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, html)
        cmark_node_insert_before(node, block)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Replaces an inline `node` (an image) by ready-made HTML. A custom inline, not raw HTML:
    /// the raw-HTML check never sees it, and libcmark's safe mode writes it as it is.
    static func replaceInline(_ node: OpaquePointer, withHTML html: String) {
        guard let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(inline, html)
        cmark_node_insert_before(node, inline)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
