import CCmark

/// How deep a body's containers are nested: block quotes, list items, emphasis, links and callouts
/// inside one another.
///
/// Past a limit, nesting is an error rather than something to render: WeasyPrint lays boxes out
/// recursively and stops with a RecursionError at about 65 nested list items (a PDF of 1,000 `>`
/// failed naming no content file), and each callout level parses its text again, so callouts 2,000
/// deep took seconds and hundreds of MB. libcmark itself parses deep nesting in linear time (one
/// line of 100,000 `>` in under 10 ms, measured), so the check walks its tree once, keeping the
/// whole render linear: at most `limit` callout levels ever parse a text again.
struct Nesting {
    /// Levels a reader can follow, with room to spare for the print templates' own elements: 32
    /// list items are 64 nested HTML elements, half of what WeasyPrint lays out.
    static let limit = 32

    /// The deepest level in the tree (with `outerDepth` added).
    var deepest: Int
    /// The first node, in document order, that goes past the limit.
    var firstTooDeep: OpaquePointer?

    /// One walk over the tree below `document`; `outerDepth` is the nesting around it (callouts).
    static func measure(_ document: OpaquePointer, outerDepth: Int) -> Nesting {
        var result = Nesting(deepest: outerDepth, firstTooDeep: nil)
        guard let iterator = cmark_iter_new(document) else { return result }
        defer { cmark_iter_free(iterator) }
        var depth = outerDepth
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator), isContainer(node) else { continue }
            if event == CMARK_EVENT_ENTER {
                depth += 1
                result.deepest = max(result.deepest, depth)
                if depth > limit && result.firstTooDeep == nil { result.firstTooDeep = node }
            } else if event == CMARK_EVENT_EXIT {
                depth -= 1
            }
        }
        return result
    }

    /// Containers around `node` in its own tree (for a callout's fence: how deep its body starts).
    static func enclosingContainers(_ node: OpaquePointer) -> Int {
        var count = 0
        var current = cmark_node_parent(node)
        while let parent = current {
            if isContainer(parent) { count += 1 }
            current = cmark_node_parent(parent)
        }
        return count
    }

    /// What adds a level. A list is not counted apart from its items (one `- ` is one level).
    static func isContainer(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_ITEM, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK: true
        default: false
        }
    }
}

extension Nesting {
    /// Where a line of the text opens more than `limit` containers at once (`>>>>...`, `- - - ...`,
    /// `1. 1. ...`), found in one pass over the bytes before libcmark sees the text: libcmark makes a
    /// node per marker, so one 5 MB line of `>` would cost over 500 MB in each rendition. Lines inside
    /// fenced code blocks are text, and so are thematic breaks (`* * *`).
    struct LineCount {
        /// Line (from 1) and byte column (from 1) of the first marker past the limit.
        var line: Int
        var column: Int
        /// The most containers a line opens (with `outerDepth`).
        var deepest: Int
    }

    static func prescan(_ text: String, outerDepth: Int) -> LineCount? {
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> LineCount? in prescan(bytes, outerDepth: outerDepth) }
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), cr = UInt8(ascii: "\r"), newline = UInt8(ascii: "\n")

    private static func prescan(_ bytes: UnsafeBufferPointer<UInt8>, outerDepth: Int) -> LineCount? {
        var found: LineCount?
        var fence: (byte: UInt8, length: Int)?
        var lineNumber = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var line = Line(bytes: bytes, start: lineStart, end: lineEnd)
            var index = lineStart
            var markers = 0
            var pastLimit = 0     // offset of the marker that goes past the limit
            while let next = line.containerMarker(at: index) {
                markers += 1
                if outerDepth + markers == limit + 1 { pastLimit = next.marker }
                index = next.content
            }
            // Fences: opened or closed after the markers; their lines never count.
            var start = index
            while start < lineEnd, start - index < 3, bytes[start] == space { start += 1 }
            var run = start
            if start < lineEnd, bytes[start] == UInt8(ascii: "`") || bytes[start] == UInt8(ascii: "~") {
                while run < lineEnd, bytes[run] == bytes[start] { run += 1 }
            }
            let length = run - start
            if let open = fence {
                if length >= open.length, bytes[start] == open.byte, line.blank(from: run) { fence = nil }
                continue
            }
            if length >= 3 { fence = (bytes[start], length) }
            let depth = outerDepth + markers
            guard depth > limit else { continue }
            if found == nil {
                found = LineCount(line: lineNumber, column: pastLimit - lineStart + 1, deepest: depth)
            } else {
                found!.deepest = max(found!.deepest, depth)
            }
        }
        return found
    }

    /// One line of the text, `bytes[start..<end]`.
    private struct Line {
        let bytes: UnsafeBufferPointer<UInt8>
        let start: Int
        let end: Int
        /// For `-` and `*`: the offset of the line's last character that is neither it nor a blank
        /// (found once per line, when first needed).
        private var lastOther: [UInt8: Int] = [:]

        init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
            (self.bytes, self.start, self.end) = (bytes, start, end)
        }

        func blank(from index: Int) -> Bool {
            (index..<end).allSatisfy { bytes[$0] == Nesting.space || bytes[$0] == Nesting.tab || bytes[$0] == Nesting.cr }
        }

        private func blankOrEnd(_ index: Int) -> Bool {
            index >= end || bytes[index] == Nesting.space || bytes[index] == Nesting.tab || bytes[index] == Nesting.cr
        }

        /// A block quote or list marker at `index` (after up to three spaces): its offset, and where
        /// the text after it starts. Nil for anything else, a thematic break included.
        mutating func containerMarker(at index: Int) -> (marker: Int, content: Int)? {
            var i = index
            while i < end, i - index < 3, bytes[i] == Nesting.space { i += 1 }
            guard i < end else { return nil }
            let marker = i
            switch bytes[i] {
            case UInt8(ascii: ">"):
                i += 1
                if i < end, bytes[i] == Nesting.space { i += 1 }
                return (marker, i)
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"):
                guard blankOrEnd(i + 1) else { return nil }
                // `* * *` or `- - -` is a line across the page, not three list items. Looked at only
                // when the rest of the line could be one, so a long `- - - ... x` line stays linear.
                if bytes[i] != UInt8(ascii: "+"), isThematicBreak(from: i) { return nil }
                return (marker, min(i + 2, end))
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var j = i
                while j < end, j - i < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]) { j += 1 }
                guard j < end, bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: ")"), blankOrEnd(j + 1) else { return nil }
                return (marker, min(j + 2, end))
            default:
                return nil
            }
        }

        /// Whether the line from `index` holds only the character there and blanks, three or more of it.
        /// The line is read once for each such character, so a long `- - - ... x` line stays linear.
        private mutating func isThematicBreak(from index: Int) -> Bool {
            let character = bytes[index]
            if lastOther[character] == nil {
                var j = end - 1
                while j >= start, bytes[j] == character || bytes[j] == Nesting.space || bytes[j] == Nesting.tab || bytes[j] == Nesting.cr {
                    j -= 1
                }
                lastOther[character] = j
            }
            guard lastOther[character]! < index else { return false }
            // Only this character and blanks from here on: a break when there are three of it.
            var count = 0
            var j = index
            while j < end, count < 3 {
                if bytes[j] == character { count += 1 }
                j += 1
            }
            return count == 3
        }
    }
}
