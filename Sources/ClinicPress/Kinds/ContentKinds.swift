/// Every kind of content the build knows, in the order the site lists them.
/// The stages loop over this list; adding a kind means adding it here.
enum ContentKinds {
    static let all: [any ContentKind.Type] = [ProgramKind.self, ArticleKind.self, WorkshopKind.self, TeamKind.self, PageKind.self, NoticeKind.self]

    /// Every kind's list pages (`programs/`, `education/`).
    static func listPaths(_ kinds: [any ContentKind.Type]) -> [String] { kinds.flatMap { listPaths(of: $0) } }

    /// Folders of the kinds whose bodies show on every page (`bodyOnEveryPage`).
    static func everyPageFolders(_ kinds: [any ContentKind.Type]) -> [String] { kinds.compactMap { everyPageFolder(of: $0) } }
    private static func everyPageFolder<K: ContentKind>(of kind: K.Type) -> String? { K.bodyOnEveryPage ? K.source.folder : nil }

    private static func listPaths<K: ContentKind>(of kind: K.Type) -> [String] { K.listPaths }

    /// Each kind's name, folder and keys (for documentation and tests).
    static var summaries: [(name: String, folder: String, keys: [ContentKey])] { all.map { summary($0) } }

    /// The page a kind makes for an entry (generic, so it can be asked of any kind in a list).
    static func pagePath(of kind: any ContentKind.Type, _ slug: String) -> String? { pagePath(kind, slug) }
    private static func pagePath<K: ContentKind>(_ kind: K.Type, _ slug: String) -> String? { K.pagePath(slug) }

    private static func summary<K: ContentKind>(_ kind: K.Type) -> (name: String, folder: String, keys: [ContentKey]) {
        (K.name, K.source.folder, K.keys)
    }

    /// The kind whose files are in `Content/<folder>/`.
    static func kind(inFolder folder: String, of kinds: [any ContentKind.Type] = all) -> (any ContentKind.Type)? {
        kinds.first { $0.source.folder == folder }
    }
}

/// The entries of every kind, typed: `store.entries(ProgramKind.self)` is `[Program]`.
public struct ContentStore: Sendable {
    private var lists: [String: any Sendable] = [:]
    private var indexes: [String: [String: Int]] = [:]
    /// Every entry, as what all entries have, by folder.
    private(set) var plain: [String: [any ContentEntry]] = [:]

    public init() {}

    func entries<K: ContentKind>(_ kind: K.Type) -> [K.Entry] {
        lists[K.source.folder] as? [K.Entry] ?? []
    }

    func entry<K: ContentKind>(_ kind: K.Type, _ slug: String) -> K.Entry? {
        guard let index = indexes[K.source.folder]?[slug] else { return nil }
        return entries(kind)[index]
    }

    mutating func set<K: ContentKind>(_ kind: K.Type, _ entries: [K.Entry]) {
        lists[K.source.folder] = entries
        plain[K.source.folder] = entries
        var index: [String: Int] = [:]
        for (offset, entry) in entries.enumerated() where index[entry.slug] == nil { index[entry.slug] = offset }
        indexes[K.source.folder] = index
    }

    /// Slugs of every entry in a folder.
    func slugs(inFolder folder: String) -> [String] { (plain[folder] ?? []).map(\.slug) }
}
