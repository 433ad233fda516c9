import Mustache

/// How templates escape `{{values}}`: the same five characters as swift-mustache's own HTML
/// escaping, done on bytes (`HTML.escape`). The library's version looks every character up in a
/// dictionary, which was a third of all rendering. Every template starts with the pragma that
/// selects it; the library's content types are its extension point for this.
struct HTMLEscaping: MustacheContentType {
    static let name = "CLINICPRESS_HTML"
    /// Put before each template's text when it is parsed (not in the text the template check
    /// reads), on a line of its own: a standalone tag's line renders nothing. Parse errors
    /// therefore report one line too many.
    static let pragma: String = {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
        return "{{% CONTENT_TYPE: \(name)}}\n"
    }()

    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
