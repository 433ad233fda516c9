import Foundation
import Mustache

/// Renders the partials `FragmentAnalysis` found page-independent (header, footer, crisis
/// banner ...) once per distinct set of the values they read, and hands out template
/// libraries in which those partials are that finished text. Thread-safe: pages render on all cores.
final class FragmentCache: @unchecked Sendable {
    private let library: MustacheLibrary
    private let partials: [CacheablePartial]
    private let lock = NSLock()
    private var variants: [[AnyHashable]: MustacheLibrary] = [:]

    init(library: MustacheLibrary, partials: [CacheablePartial]) {
        self.library = library
        self.partials = partials
    }

    /// The library to render this page with.
    func library(for context: PageContext) -> MustacheLibrary {
        guard !partials.isEmpty else { return library }
        let key = partials.flatMap { partial in keyPaths(partial).map { FragmentCache.value(at: $0, in: context) } }
        lock.lock()
        if let variant = variants[key] {
            lock.unlock()
            return variant
        }
        lock.unlock()
        var variant = library
        for partial in partials {
            let text = library.render(context, withTemplate: partial.name) ?? ""
            if let literal = FragmentCache.literal(text) { variant.register(literal, named: partial.name) }
        }
        lock.lock()
        variants[key] = variant
        lock.unlock()
        return variant
    }

    /// `site` and `strings` are the same on every page of a build (the planner makes one of
    /// each), so they need no place in the key; hashing them for every page cost as much as
    /// rendering the footer.
    private func keyPaths(_ partial: CacheablePartial) -> [[String]] {
        partial.paths.filter { $0.first != "site" && $0.first != "strings" }
    }

    static func value(at path: [String], in context: PageContext) -> AnyHashable {
        var current: Any? = context
        for part in path { current = (current as? MustacheParent)?.child(named: part) }
        guard let current else { return AnyHashable(0) }  // missing: the same for every page
        return (current as? AnyHashable) ?? AnyHashable(String(describing: current))
    }

    /// A template that renders `text` exactly: its tags are switched to delimiters the text does not contain.
    static func literal(_ text: String) -> MustacheTemplate? {
        for mark in ["\u{1}", "\u{2}", "\u{3}"] where !text.contains(mark) {
            return try? MustacheTemplate(string: "{{=\(mark)( )\(mark)=}}" + text)
        }
        return nil
    }
}
