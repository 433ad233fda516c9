/// Splits a Markdown file into its YAML front matter and its body.
struct FrontMatter {
    /// The YAML text between the `---` lines.
    var yaml: String
    /// Line of the file where the YAML starts (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: MarkdownSource

    /// Returns nil and reports why when the file has no well-formed front matter.
    static func split(_ text: String, file: String, report: DiagnosticCollector) -> FrontMatter? {
        if !text.utf8.contains(13), let fast = splitLF(text) { return fast }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            report.add(.error(file, SourcePosition(line: 1, column: 1),
                              "the file must start with front matter: a line '---', the keys, and another '---'",
                              hint: "put '---' on the first line, then lines like 'title: ...', then '---' before the text"))
            return nil
        }
        guard let close = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingCharacters(in: .whitespaces)
            return line == "---" || line == "..."
        }) else {
            report.add(.error(file, SourcePosition(line: 1, column: 1),
                              "the front matter that starts on line 1 is never closed",
                              hint: "add a line with only '---' after the last key"))
            return nil
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: MarkdownSource(text: body, firstLine: close + 2))
    }

    /// The common case, LF line ends and well-formed front matter, without splitting the whole
    /// file into lines: only the front matter is walked. Nil sends the file to the full path,
    /// which reports what is wrong.
    static func splitLF(_ text: String) -> FrontMatter? {
        var rest = Substring(text)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        func nextLine() -> Substring? {
            guard !rest.isEmpty else { return nil }
            if let end = rest.utf8.firstIndex(of: 10) {
                let line = rest[..<end]
                rest = rest[rest.index(after: end)...]
                return line
            }
            let line = rest
            rest = rest[rest.endIndex...]
            return line
        }
        guard let first = nextLine(), first.isFence("---") else { return nil }
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = nextLine() {
            lineNumber += 1
            if line.first == "-" || line.first == "." || line.first == " " || line.first == "\t",
               line.isFence("---") || line.isFence("...") {
                return FrontMatter(yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2,
                                   body: MarkdownSource(text: String(rest), firstLine: lineNumber + 1))
            }
            yamlLines.append(line)
        }
        return nil
    }
}
