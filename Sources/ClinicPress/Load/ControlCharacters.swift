import Yams

/// Control characters: invisible in an editor, but an ESC sequence in a title or a message can
/// recolour or clear the terminal that shows it, and none of them means anything on a page.
///
/// Content may hold tab and line breaks (LF, CR); every other C0 character, DEL and the C1
/// characters (U+0080-U+009F, which some terminals read as ESC sequences) are refused with their
/// position. Diagnostics print them escaped (`\u{1B}`), so a message can never drive a terminal.
public enum ControlCharacters {
    /// Refused in content. `allowLineBreaks`: LF and CR, which text files and block text contain.
    static func isRefused(_ scalar: Unicode.Scalar, allowLineBreaks: Bool = true) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x0A, 0x0D: return !allowLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// `ESC (U+001B)`: the usual name, when there is one, and the code point.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let names = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR",
                     "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
                     "FS", "GS", "RS", "US"]
        let code = "U+" + String(format: "%04X", scalar.value)
        if scalar.value < 0x20 { return "\(names[Int(scalar.value)]) (\(code))" }
        return scalar.value == 0x7F ? "DEL (\(code))" : code
    }

    /// The first refused character of a text, if any. One pass over the UTF-8 bytes, as every
    /// content file goes through here: C0 and DEL are single bytes, and C1 is C2 80-9F, where the
    /// second byte is the code point.
    static func first(in text: some StringProtocol, allowLineBreaks: Bool = true) -> Unicode.Scalar? {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 {
                if byte != 0x09, !allowLineBreaks || (byte != 0x0A && byte != 0x0D) { return Unicode.Scalar(byte) }
            } else if byte == 0x7F || (previous == 0xC2 && byte <= 0x9F && byte >= 0x80) {
                return Unicode.Scalar(byte)
            }
            previous = byte
        }
        return nil
    }

    /// Reports each line of `text` that holds a refused character (the first one on the line),
    /// at its line and column in the file; `firstLine` is the file's line where `text` begins.
    /// Returns whether there was any. At most `limit` lines are reported per text.
    @discardableResult
    static func report(in text: String, file: String, firstLine: Int, report: DiagnosticCollector, limit: Int = 20) -> Bool {
        guard first(in: text) != nil else { return false }
        var found = 0
        var line = firstLine, column = 1
        var reportedLine = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !previousWasCR { line += 1 }
                column = 1
                previousWasCR = false
                continue
            }
            if scalar == "\r" {
                line += 1
                column = 1
                previousWasCR = true
                continue
            }
            previousWasCR = false
            if isRefused(scalar), reportedLine != line {
                reportedLine = line
                found += 1
                if found <= limit {
                    report.add(.error(file, SourcePosition(line: line, column: column),
                                      "this line contains the control character \(name(scalar)), which cannot be published",
                                      hint: "remove it: it is invisible in most editors, so delete the characters around column \(column) and type them again"))
                }
            }
            column += 1
        }
        if found > limit {
            report.add(.error(file, "\(found - limit) more lines contain control characters",
                              hint: "remove them; most editors can show invisible characters"))
        }
        return found > 0
    }

    /// Reports every text of a YAML tree (keys and values) holding a refused character, at the
    /// text's position with its key path (`crisis[1].name`): this catches the ones written as
    /// escapes in double quotes (`"\e[31m"`), which the file's own characters do not show.
    /// Walks at most `budget` nodes, so aliases that expand a small file enormously cost nothing
    /// here (their size is the YAML reader's concern).
    static func report(in node: Node, file: String, lineOffset: Int, report: DiagnosticCollector,
                       budget: Int = 1_000_000) {
        var remaining = budget
        var reported = Set<SourcePosition>()
        func check(_ text: String, mark: Mark?, path: String) {
            guard let scalar = first(in: text) else { return }
            let position = mark.map { SourcePosition(line: $0.line + lineOffset, column: $0.column) } ?? .none
            guard reported.insert(position).inserted else { return }
            report.add(.error(file, position, key: path.isEmpty ? nil : path,
                              "this text contains the control character \(name(scalar)), which cannot be published",
                              hint: "remove it (in double quotes it may be written as an escape such as \\e, \\a or \\x1b)"))
        }
        func walk(_ node: Node, path: String) {
            guard remaining > 0 else { return }
            remaining -= 1
            switch node {
            case .scalar(let scalar):
                check(scalar.string, mark: scalar.mark, path: path)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    let name = key.string ?? ""
                    check(name, mark: key.mark, path: path)
                    walk(value, path: path.isEmpty ? name : "\(path).\(name)")
                }
            case .sequence(let sequence):
                for (index, item) in sequence.enumerated() { walk(item, path: "\(path)[\(index + 1)]") }
            case .alias:
                return  // its anchor is checked where it is written
            }
        }
        walk(node, path: "")
    }

    /// A text safe to print on a terminal: every control character (tab and line breaks too,
    /// as a diagnostic is one line) written as `\u{1B}`.
    public static func escaped(_ text: String) -> String {
        guard first(in: text, allowLineBreaks: false) != nil || text.contains("\t") else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
