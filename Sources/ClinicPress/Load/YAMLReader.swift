import Foundation
import Yams

/// Parses YAML text into a Yams node tree, turning parser errors into diagnostics.
enum YAMLParser {
    /// `lineOffset` is added to every line so that front matter reports lines of the whole file.
    static func parse(_ text: String, file: String, lineOffset: Int, report: DiagnosticCollector) -> Node? {
        // libyaml refuses control characters without saying where they are; say it here.
        if ControlCharacters.report(in: text, file: file, firstLine: lineOffset + 1, report: report) { return nil }
        if let excess = YAMLAliasBudget.check(text) {
            report.add(.error(file, SourcePosition(line: excess.line + lineOffset, column: excess.column),
                              "the aliases in this file ('*\(excess.anchor)' here) repeat too much: ClinicPress reads at most 1,000 aliases, adding at most 1,000,000 values and letters",
                              hint: "write the values out instead of repeating them with '&name' and '*name'"))
            return nil
        }
        do {
            // Values are read as text and typed by the content keys, so no resolver rules are needed
            // (the default ones run regular expressions on every scalar).
            guard let node = try Yams.compose(yaml: text, .basic) else {
                report.add(.error(file, SourcePosition(line: lineOffset + 1, column: 1), "there are no 'key: value' lines here",
                                  hint: "write lines such as 'title: Adult IOP'"))
                return nil
            }
            ControlCharacters.report(in: node, file: file, lineOffset: lineOffset, report: report)
            return node
        } catch let error as YamlError {
            report.add(diagnostic(for: error, text: text, file: file, lineOffset: lineOffset))
        } catch {
            report.add(.error(file, "could not read YAML: \(error)"))
        }
        return nil
    }

    /// Line numbers (1-based) where `key` is set in the mapping that starts at `mark`:
    /// same column, until the mapping ends (a line further left, or the next list item).
    static func lines(ofKey key: String, inMappingAt mark: Mark, text: String) -> [Int]? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let column = max(mark.column - 1, 0)
        var found: [Int] = []
        var index = max(mark.line - 1, 0)
        while index < lines.count {
            let line = lines[index]
            let indent = line.prefix { $0 == " " }.count
            var rest = line.dropFirst(indent)
            var keyColumn = indent
            let isItem = rest.hasPrefix("- ")
            if isItem {
                rest = rest.dropFirst(2)
                let more = rest.prefix { $0 == " " }.count
                rest = rest.dropFirst(more)
                keyColumn += 2 + more
            }
            if !rest.isEmpty, !rest.hasPrefix("#"), index > mark.line - 1, keyColumn < column || (isItem && indent < column) {
                break
            }
            if keyColumn == column, rest.hasPrefix(key + ":") { found.append(index + 1) }
            index += 1
        }
        return found.isEmpty ? nil : found
    }

    /// libyaml's own position and words, in plain language. A likely cause is offered only where
    /// libyaml's error names it for certain: guesses made from the text further up have pointed
    /// at valid lines before.
    static func diagnostic(for error: YamlError, text: String, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourcePosition { SourcePosition(line: mark.line + lineOffset, column: mark.column) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ mark: Mark) -> Substring? { lines.indices.contains(mark.line - 1) ? lines[mark.line - 1] : nil }
        let hint = "check the quotes, colons and indentation on this line and the one above; text containing ': ' or starting with a quote needs \"double quotes\" around it"
        switch error {
        case let .scanner(context?, _, _, _) where context.text.contains("quoted scalar"):
            // The scanner read from an opening quote to the end without finding its closing one;
            // its context mark is that opening quote.
            let quoteLine = line(context.mark) ?? ""
            let quote = quoteLine.dropFirst(max(context.mark.column - 1, 0)).first.map(String.init) ?? "\""
            return .error(file, at(context.mark), key: key(on: quoteLine), "this quoted text is never closed",
                          hint: "add the closing \(quote) at the end of the text, or remove the opening one")
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            let errorLine = line(mark) ?? ""
            let indentation = errorLine.prefix { $0 == " " || $0 == "\t" }
            let stoppedAtTab = problem.contains("cannot start any token") && indentation.count >= mark.column
                && indentation.dropFirst(mark.column - 1).first == "\t"
            if problem.contains("tab character that violates indentation") || stoppedAtTab {
                // libyaml names the tab, or stopped at one in the indentation: that tab is the fault.
                return .error(file, at(mark), "this line is indented with a tab; YAML only allows spaces",
                              hint: "replace the tab at the start of the line with spaces")
            }
            if let open = YAMLOpenQuote.reaching(errorLine: mark.line, in: text) {
                let opening = lines.indices.contains(open.line - 1) ? lines[open.line - 1] : ""
                let name = key(on: opening).map { " (\($0))" } ?? ""
                return .error(file, at(mark), key: key(on: errorLine), "this is not valid YAML: \(what)",
                              hint: "the quoted text opened on line \(open.line + lineOffset)\(name) runs on to this line: add the closing \(open.quote) where that text ends")
            }
            return .error(file, at(mark), key: key(on: errorLine), "this is not valid YAML: \(what)", hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            if let key = duplicates.first, let found = self.lines(ofKey: key, inMappingAt: context.mark, text: text), found.count > 1 {
                return .error(file, SourcePosition(line: found[1] + lineOffset, column: 1), key: key,
                              "this key is written twice (first on line \(found[0] + lineOffset))",
                              hint: "keep one of the two lines")
            }
            return .error(file, at(context.mark), "a key is written twice: \(duplicates.joined(separator: ", "))",
                          hint: "keep one of them")
        case .reader:
            return .error(file, "this file contains characters YAML cannot read", hint: "save it as UTF-8 text")
        default:
            return .error(file, "this is not valid YAML: \(error)", hint: hint)
        }
    }

    /// The key a line sets (`  - name: x` gives `name`), for the diagnostic's key.
    static func key(on line: Substring) -> String? {
        var rest = line.drop { $0 == " " }
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        guard let colon = rest.range(of: ":"), colon.lowerBound > rest.startIndex else { return nil }
        let key = rest[..<colon.lowerBound]
        guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        return String(key)
    }
}

/// Reads one YAML mapping into typed values, reporting every problem with its line and key.
///
/// It knows which keys are allowed, so a misspelt key gets a "did you mean ...?" instead of
/// being silently ignored.
struct YAMLMapping {
    let mapping: Node.Mapping
    let file: String
    let lineOffset: Int
    /// The key path of this mapping inside its file, such as `tracks[1]`; empty at the top.
    let path: String
    let report: DiagnosticCollector
    let position: SourcePosition

    init?(_ node: Node?, file: String, lineOffset: Int, path: String = "", allowedKeys: [String],
          report: DiagnosticCollector, what: String = "this") {
        self.file = file
        self.lineOffset = lineOffset
        self.path = path
        self.report = report
        let position = YAMLMapping.position(of: node, lineOffset: lineOffset)
        self.position = position
        guard let node, case let .mapping(mapping) = node else {
            report.add(.error(file, position, key: path.isEmpty ? nil : path,
                              "\(what) should be a set of 'key: value' lines",
                              hint: "write one 'key: value' per line, for example 'title: Adult IOP'"))
            return nil
        }
        self.mapping = mapping
        for (key, _) in mapping {
            let name = key.string ?? ""
            if !allowedKeys.contains(name) {
                report.add(.error(file, YAMLMapping.position(of: key, lineOffset: lineOffset), key: qualified(name),
                                  "unknown key '\(name)'",
                                  hint: Suggestion.hint(for: name, in: allowedKeys)
                                      ?? "allowed keys: " + allowedKeys.joined(separator: ", ")))
            }
        }
    }

    static func position(of node: Node?, lineOffset: Int) -> SourcePosition {
        guard let mark = node?.mark else { return SourcePosition(line: max(lineOffset, 0) + 1, column: 1) }
        return SourcePosition(line: mark.line + lineOffset, column: mark.column)
    }

    func qualified(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func node(_ key: String) -> Node? {
        for (k, v) in mapping where k.string == key {
            if case .scalar(let scalar) = v, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return nil
            }
            return v
        }
        return nil
    }

    func position(_ key: String) -> SourcePosition {
        for (k, v) in mapping where k.string == key { return YAMLMapping.position(of: v, lineOffset: lineOffset) }
        return position
    }

    func has(_ key: String) -> Bool { node(key) != nil }

    private func fail(_ key: String, _ message: String, hint: String? = nil) {
        report.add(.error(file, position(key), key: qualified(key), message, hint: hint))
    }

    private func missing(_ key: String, example: String) {
        report.add(.error(file, position, key: qualified(key), "the required key '\(key)' is missing",
                          hint: "add a line such as '\(key): \(example)'"))
    }

    // MARK: Scalars

    func string(_ key: String, required example: String? = nil) -> String? {
        guard let node = node(key) else {
            if let example { missing(key, example: example) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            fail(key, "'\(key)' should be a single piece of text, not a list or a set of keys",
                 hint: "write it on one line, such as '\(key): \(example ?? "some text")'")
            return nil
        }
        let text = scalar.string.trimmedWhitespace()
        if text.isEmpty, let example {
            missing(key, example: example)
            return nil
        }
        return text
    }

    func int(_ key: String, range: ClosedRange<Int> = 0...10_000) -> Int? {
        guard let text = string(key) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            fail(key, "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)",
                 hint: "write a number such as '\(key): \(range.lowerBound + 1)'")
            return nil
        }
        return value
    }

    func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            fail(key, "'\(text)' is not true or false", hint: "write '\(key): true' or '\(key): false'")
            return nil
        }
    }

    func date(_ key: String, required: Bool = false) -> CalendarDate? {
        guard let text = string(key, required: required ? "2026-01-31" : nil) else { return nil }
        guard let date = CalendarDate(text) else {
            fail(key, "'\(text)' is not a real date", hint: "write dates as YYYY-MM-DD, for example 2026-03-15")
            return nil
        }
        return date
    }

    func time(_ key: String, required: Bool = false) -> TimeOfDay? {
        guard let text = string(key, required: required ? "\"09:30\"" : nil) else { return nil }
        guard let time = TimeOfDay(text) else {
            fail(key, "'\(text)' is not a time on the 24-hour clock",
                 hint: "write times as HH:MM from 00:00 to 23:59, for example \"09:30\" or \"18:00\"")
            return nil
        }
        return time
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, required: Bool = false) -> T?
    where T.RawValue == String {
        choice(key, values: T.allCases.map(\.rawValue), required: required).flatMap(T.init(rawValue:))
    }

    /// One of `values`, as written.
    func choice(_ key: String, values: [String], required: Bool = false) -> String? {
        guard let text = string(key, required: required ? values[0] : nil) else { return nil }
        guard values.contains(text) else {
            fail(key, "'\(text)' is not one of the allowed values",
                 hint: Suggestion.hint(for: text, in: values) ?? "use one of: " + values.joined(separator: ", "))
            return nil
        }
        return text
    }

    // MARK: Lists

    /// The items of a list, with their positions; a single value where a list belongs is an error.
    func list(_ key: String, required example: String? = nil) -> [(Node, SourcePosition)] {
        guard let node = node(key) else {
            if let example { missing(key, example: example) }
            return []
        }
        guard case .sequence(let sequence) = node else {
            fail(key, "'\(key)' should be a list", hint: "write each item on its own line starting with '- ', or [a, b]")
            return []
        }
        if sequence.isEmpty, let example { missing(key, example: example) }
        return sequence.map { ($0, YAMLMapping.position(of: $0, lineOffset: lineOffset)) }
    }

    func strings(_ key: String) -> [String] {
        var result: [String] = []
        for (index, (node, position)) in list(key).enumerated() {
            guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
                report.add(.error(file, position, key: "\(qualified(key))[\(index + 1)]",
                                  "each item of '\(key)' should be a short piece of text",
                                  hint: "write '- some text' for each item"))
                continue
            }
            result.append(scalar.string.trimmedWhitespace())
        }
        return result
    }

    /// Slugs of files in `Content/<folder>/`.
    func slugs(_ key: String, folder: String) -> [SlugReference] {
        var result: [SlugReference] = []
        for (index, (node, position)) in list(key).enumerated() {
            let itemKey = "\(qualified(key))[\(index + 1)]"
            guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
                report.add(.error(file, position, key: itemKey, "each item of '\(key)' should be a slug",
                                  hint: "a slug is a file name without '.md', such as 'adult-iop'"))
                continue
            }
            guard Slug.isValid(scalar.string) else {
                report.add(.error(file, position, key: itemKey,
                                  "'\(scalar.string)' is not a slug (a file name without '.md': lowercase letters, digits and hyphens)",
                                  hint: "write the name of a file in Content/\(folder)/ without '.md', such as 'adult-iop'"))
                continue
            }
            result.append(SlugReference(slug: scalar.string, key: itemKey, position: position, folder: folder))
        }
        return result
    }

    func days(_ key: String, required: Bool = false) -> [Weekday] {
        let items = list(key, required: required ? "[mon, wed, fri]" : nil)
        var days: [Weekday] = []
        for (index, (node, position)) in items.enumerated() {
            let text = node.string?.lowercased() ?? ""
            guard let day = Weekday(rawValue: text) else {
                report.add(.error(file, position, key: "\(qualified(key))[\(index + 1)]",
                                  "'\(node.string ?? "")' is not a day",
                                  hint: Suggestion.hint(for: text, in: Weekday.allCases.map(\.rawValue))
                                      .map { $0 + " (days are mon, tue, wed, thu, fri, sat, sun)" }
                                      ?? "days are mon, tue, wed, thu, fri, sat, sun"))
                continue
            }
            if days.contains(day) {
                report.add(.error(file, position, key: qualified(key), "'\(text)' is listed twice",
                                  hint: "list each day once"))
                continue
            }
            days.append(day)
        }
        return days.sorted()
    }

    /// The mappings of a list of mappings, each read with its own allowed keys.
    func mappings(_ key: String, allowedKeys: [String], required example: String? = nil) -> [YAMLMapping] {
        list(key, required: example).enumerated().compactMap { index, item in
            YAMLMapping(item.0, file: file, lineOffset: lineOffset, path: "\(qualified(key))[\(index + 1)]",
                        allowedKeys: allowedKeys, report: report, what: "each item of '\(key)'")
        }
    }

    func mapping(_ key: String, allowedKeys: [String]) -> YAMLMapping? {
        guard let node = node(key) else { return nil }
        return YAMLMapping(node, file: file, lineOffset: lineOffset, path: qualified(key),
                           allowedKeys: allowedKeys, report: report, what: "'\(key)'")
    }
}
