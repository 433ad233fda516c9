import Foundation
import Mustache

/// The Mustache templates and static files of a site: the built-in theme, overridden file by
/// file by the site's own `Templates/` folder. Templates are parsed once, when the theme loads.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    /// Template name -> where it came from, for diagnostics (`Templates/program.mustache`).
    public let sources: [String: String]
    /// Files copied as they are, such as `theme/site.css`, keyed by output path: the built-in
    /// theme's bytes, or the site's own file, copied a piece at a time when the site is written.
    public let staticFiles: [String: OutputFile.Body]
    /// Template name -> its text, for the template check.
    public let texts: [String: String]
    /// Ids the templates give elements themselves (`id="schedule"`): no heading may take them.
    public let reservedIDs: Set<String>

    /// Renders a template; a missing template was already reported when the theme loaded.
    public func render(_ context: Any, template name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
