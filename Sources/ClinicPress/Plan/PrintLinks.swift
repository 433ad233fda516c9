/// How web pages link to their printed versions.
enum PrintLinks: Sendable {
    /// No print documents are made (`--no-print`).
    case none
    /// Print HTML only: WeasyPrint is missing, or PDFs are turned off.
    case html
    case pdf

    func link(folder: String, slug: String, noun: String) -> PrintLinkView? {
        switch self {
        case .none: return nil
        case .html: return PrintLinkView(path: "print/\(folder)/\(slug).html", label: "Print this \(noun) (printable page)", isPDF: false)
        case .pdf: return PrintLinkView(path: "print/\(folder)/\(slug).pdf", label: "Print this \(noun) (PDF)", isPDF: true)
        }
    }
}
