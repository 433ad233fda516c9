/// `/search/`: a search box whose results Pagefind finds in the browser as the visitor types,
/// and, for a browser without JavaScript, the places to browse instead. Planned only when
/// Pagefind indexes the build (`Site.search`).
enum SearchPage {
    /// The default language's search page; another language's will be under its own folder.
    static let path = "search/"

    static func plan(_ planner: PagePlanner) -> PagePlan {
        let browse = planner.site.kinds.flatMap { $0.navigation(planner.site) }
        let content = SearchContent(browse: browse, bundlePath: SearchEngine.bundleFolder + "/")
        return PagePlan(path: planner.site.local(path), template: "search", title: planner.text(StringKeys.searchTitle),
                        description: planner.text(StringKeys.searchDescription), breadcrumbs: [planner.home], jsonLD: [],
                        content: AnyTemplateValue(content), searchable: false)
    }
}

/// What the search page template receives under `content`.
public struct SearchContent: Sendable, Hashable {
    /// The lists to browse (programs, library, workshops, team): the page without JavaScript.
    public var browse: [LinkView]
    /// Pagefind's bundle, from the site root (`pagefind/`); the script loads `pagefind.js` from it.
    public var bundlePath: String
}

extension SearchContent: TemplateValue {
    public static let fields = TemplateFields<SearchContent>([
        "browse": .list { $0.browse },
        "bundlePath": .value { $0.bundlePath },
    ])
}
