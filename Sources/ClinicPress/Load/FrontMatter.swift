/// Splits a Markdown file into its YAML front matter and its body.
///
/// Line ends are already `\n` (SiteFiles turns CRLF and lone CR into LF when it reads a file).
struct FrontMatter {
    /// The YAML text between the `---` lines.
    var yaml: String
    /// Line of the file where the YAML starts (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: MarkdownSource

    /// Returns nil and reports why when the file has no well-formed front matter.
    ///
    /// Only a `---` or `...` line that starts at column 1 closes the front matter: an indented one
    /// belongs to a `|` or `>` block of text (YAML's own rule for document markers), and closing
    /// there would publish the keys after it as Markdown.
    static func split(_ text: String, file: String, report: DiagnosticCollector) -> FrontMatter? {
        var rest = Substring(text)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        // Walks the front matter only, line by line: bodies are long, front matter is short.
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
        guard let first = nextLine(), first.isFenceAtColumnOne("---") else {
            report.add(.error(file, SourcePosition(line: 1, column: 1),
                              "the file must start with front matter: a line '---', the keys, and another '---'",
                              hint: "put '---' on the first line, then lines like 'title: ...', then '---' before the text"))
            return nil
        }
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = nextLine() {
            lineNumber += 1
            if line.isFenceAtColumnOne("---") || line.isFenceAtColumnOne("...") {
                return FrontMatter(yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2,
                                   body: MarkdownSource(text: String(rest), firstLine: lineNumber + 1))
            }
            yamlLines.append(line)
        }
        report.add(.error(file, SourcePosition(line: 1, column: 1),
                          "the front matter that starts on line 1 is never closed",
                          hint: "add a line with only '---', at the very start of the line, after the last key"))
        return nil
    }
}

extension StringProtocol {
    /// `---` or `...` at the start of the line, with nothing after it but spaces or tabs.
    func isFenceAtColumnOne(_ fence: String) -> Bool {
        guard hasPrefix(fence) else { return false }
        return dropFirst(fence.count).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
