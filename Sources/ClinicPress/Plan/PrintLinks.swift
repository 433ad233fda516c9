/// How web pages link to their printed versions.
enum PrintLinks: Sendable, Equatable {
    /// No print documents are made (`--no-print`).
    case none
    /// Print HTML only: WeasyPrint is missing, or PDFs are turned off.
    case html
    case pdf

    /// `document` names the link's words in the strings file (`print_links.handout_pdf`).
    func link(folder: String, slug: String, document: String, strings: ThemeStrings) -> PrintLinkView? {
        switch self {
        case .none: return nil
        case .html: return PrintLinkView(path: "print/\(folder)/\(slug).html",
                                         label: strings[StringKeys.printLink(document, pdf: false)], isPDF: false)
        case .pdf: return PrintLinkView(path: "print/\(folder)/\(slug).pdf",
                                        label: strings[StringKeys.printLink(document, pdf: true)], isPDF: true)
        }
    }
}
