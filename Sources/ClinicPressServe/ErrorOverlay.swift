import ClinicPress
import Foundation

/// What every page shows while the last change broke the site: the diagnostics, over the last
/// good build. A dialog a screen reader announces, readable at 200% zoom, closable.
enum ErrorOverlay {
    static func html(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return "" }
        var items = ""
        for error in errors.prefix(50) {
            let place = error.line > 0 ? "\(error.file):\(error.line):\(error.column)" : error.file
            let key = error.key.map { "<code>\(HTML.escape($0))</code>: " } ?? ""
            let hint = error.hint.map { "<p class=\"cp-hint\">Hint: \(HTML.escape($0))</p>" } ?? ""
            items += "<li><p><strong>\(HTML.escape(place))</strong></p><p>\(key)\(HTML.escape(error.message))</p>\(hint)</li>\n"
        }
        if errors.count > 50 { items += "<li><p>… and \(errors.count - 50) more: run <code>clinicpress check</code>.</p></li>\n" }
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        return """
        <div id="clinicpress-errors" role="alertdialog" aria-modal="false" aria-labelledby="clinicpress-errors-title" tabindex="-1">
        <style>
        #clinicpress-errors { position: fixed; inset: auto 0 0 0; max-height: 70vh; overflow: auto; z-index: 2147483647;
          background: #fff8f6; color: #1f1f1f; border-top: 6px solid #b3261e; box-shadow: 0 -4px 24px rgba(0,0,0,.25);
          font: 16px/1.5 system-ui, sans-serif; padding: 1rem 1.25rem; }
        #clinicpress-errors h2 { color: #8c1d18; font-size: 1.25rem; margin: 0 0 .5rem; }
        #clinicpress-errors ol { margin: 0; padding-left: 1.5rem; }
        #clinicpress-errors li { margin: .5rem 0; }
        #clinicpress-errors li p { margin: 0; }
        #clinicpress-errors .cp-hint { color: #3f3f3f; }
        #clinicpress-errors code { font: .95em ui-monospace, monospace; }
        #clinicpress-errors button { font: inherit; margin-top: .5rem; padding: .375rem .875rem; border: 2px solid #8c1d18;
          background: #fff; color: #8c1d18; border-radius: 4px; cursor: pointer; }
        #clinicpress-errors button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
        </style>
        <h2 id="clinicpress-errors-title">The last change has \(count). This page is the last version that built.</h2>
        <ol>
        \(items)</ol>
        <p>Fix the file and save it: this page reloads by itself.</p>
        <button type="button" onclick="document.getElementById('clinicpress-errors').remove()">Hide this message</button>
        </div>
        <script>document.getElementById("clinicpress-errors").focus()</script>

        """
    }
}
