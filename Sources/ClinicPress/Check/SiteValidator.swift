import Foundation

/// Stage 3: checks what no single file can (slugs one file names in another, checks across the
/// entries of a kind) and puts each kind's entries in the order the site shows them.
public struct SiteValidator {
    let report: DiagnosticCollector
    /// Ids the theme uses itself; anchors the build makes (team members') avoid them.
    let reservedIDs: Set<String>

    public init(report: DiagnosticCollector, reservedIDs: Set<String>) {
        self.report = report
        self.reservedIDs = reservedIDs
    }

    public func validate(_ content: SiteContent, buildDate: CalendarDate, baseURL: String) -> Site {
        var slugs: [String: [String]] = [:]
        for kind in content.kinds { slugs[kind.source.folder] = content.entries.slugs(inFolder: kind.source.folder) }
        let known = slugs.mapValues(Set.init)
        let taken = SitePaths.taken(content.kinds, languages: content.settings.languages)
        let assets = Set(content.assets)
        for kind in content.kinds {
            for entry in content.entries.plain[kind.source.folder] ?? [] {
                checkReferences(entry, known: known, slugs: slugs, unreadable: content.unreadable, kinds: content.kinds)
                for image in entry.images { ImageReference.check(image, assets: assets, report: report) }
                if let page = ContentKinds.pagePath(of: kind, entry.slug), taken.contains(page) {
                    report.add(.error(entry.file, "the name '\(entry.slug)' is taken: ClinicPress makes the page /\(page) itself",
                                      hint: "rename the file, for example to '\(entry.slug)-\(kind.name.split(separator: " ").last ?? "info").md'"))
                }
            }
        }
        var arranged = ContentStore()
        for kind in content.kinds { arrange(kind, content, into: &arranged) }
        var site = Site(settings: content.settings, entries: arranged, assets: assets, buildDate: buildDate,
                        baseURL: baseURL, unreadable: content.unreadable, kinds: content.kinds)
        site.images = content.images
        site.svgSizes = content.svgSizes
        return site
    }

    func arrange<K: ContentKind>(_ kind: K.Type, _ content: SiteContent, into store: inout ContentStore) {
        let entries = content.entries(kind)
        K.check(entries, report: report)
        store.set(kind, K.arrange(entries, reservedIDs: reservedIDs))
    }

    func checkReferences(_ entry: any ContentEntry, known: [String: Set<String>], slugs: [String: [String]],
                         unreadable: [String: Set<String>], kinds: [any ContentKind.Type]) {
        for reference in entry.references {
            // A file that exists but has its own errors was reported already.
            guard known[reference.folder]?.contains(reference.slug) != true,
                  unreadable[reference.folder]?.contains(reference.slug) != true else { continue }
            let noun = ContentKinds.kind(inFolder: reference.folder, of: kinds)?.name ?? "file"
            report.add(.error(entry.file, reference.position, key: reference.key,
                              "there is no \(noun) '\(reference.slug)' (no published file Content/\(reference.folder)/\(reference.slug).md)",
                              hint: Suggestion.hint(for: reference.slug, in: slugs[reference.folder] ?? [])))
        }
    }
}
