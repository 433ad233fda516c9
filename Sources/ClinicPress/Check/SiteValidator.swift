import Foundation

/// Checks what no single file can: slug references between files and the schedules of programs.
public struct SiteValidator {
    let report: DiagnosticCollector
    /// Ids the theme uses itself; team members' anchors avoid them.
    let reservedIDs: Set<String>

    public init(report: DiagnosticCollector, reservedIDs: Set<String>) {
        self.report = report
        self.reservedIDs = reservedIDs
    }

    /// Team members get anchors from their names (`jo-park`), made unique; names with no Latin
    /// letters get `member-N`.
    static func withUniqueIDs(_ team: [TeamMember], reserved: Set<String>) -> [TeamMember] {
        var used: Set<String> = []
        return team.enumerated().map { index, member in
            var member = member
            let base = Slug.make(from: member.name).isEmpty ? "member-\(index + 1)" : Slug.make(from: member.name)
            var id = base, counter = 2
            while used.contains(id) || reserved.contains(id) {
                id = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(id)
            member.id = id
            return member
        }
    }

    public func validate(_ content: SiteContent, buildDate: CalendarDate, baseURL: String) -> Site {
        let programSlugs = content.programs.map(\.slug)
        let articleSlugs = content.articles.map(\.slug)
        let workshopSlugs = content.workshops.map(\.slug)

        func check(_ references: [SlugReference], in file: String, against slugs: [String], kind: String, folder: String) {
            // A file that exists but has its own errors was reported already.
            let broken = content.unreadable[folder] ?? []
            for reference in references where !slugs.contains(reference.slug) && !broken.contains(reference.slug) {
                report.add(.error(file, reference.position, key: reference.key,
                                  "there is no \(kind) '\(reference.slug)' (no published file Content/\(folder)/\(reference.slug).md)",
                                  hint: Suggestion.hint(for: reference.slug, in: slugs)))
            }
        }
        for program in content.programs {
            check(program.workshops, in: program.file, against: workshopSlugs, kind: "workshop series", folder: "workshops")
        }
        for article in content.articles {
            check(article.programs, in: article.file, against: programSlugs, kind: "program", folder: "programs")
        }
        for series in content.workshops {
            check(series.programs, in: series.file, against: programSlugs, kind: "program", folder: "programs")
            for session in series.sessions {
                check(session.handouts, in: series.file, against: articleSlugs, kind: "education article", folder: "education")
            }
        }
        for member in content.team {
            check(member.programs, in: "Content/team.yml", against: programSlugs, kind: "program", folder: "programs")
        }
        for article in content.articles where ["for-families", "for-clients"].contains(article.slug) {
            report.add(.error(article.file, "the name '\(article.slug)' is used by the learning library's filter page",
                              hint: "rename the file, for example to '\(article.slug)-guide.md'"))
        }
        for page in content.pages where SitePaths.reserved.contains(page.slug) {
            report.add(.error(page.file, "the page name '\(page.slug)' is used by ClinicPress itself",
                              hint: "rename the file, for example to '\(page.slug)-info.md'"))
        }
        ScheduleChecks(report: report).check(content.programs)

        return Site(
            settings: content.settings,
            programs: content.programs.sorted { ($0.order, $0.title, $0.slug) < ($1.order, $1.title, $1.slug) },
            articles: content.articles.sorted { ($0.title, $0.slug) < ($1.title, $1.slug) },
            workshops: content.workshops.sorted {
                ($0.sessions.first?.date.iso ?? "", $0.title) < ($1.sessions.first?.date.iso ?? "", $1.title)
            },
            team: SiteValidator.withUniqueIDs(content.team, reserved: reservedIDs),
            pages: content.pages.sorted { ($0.order, $0.title) < ($1.order, $1.title) },
            assets: Set(content.assets), buildDate: buildDate, baseURL: baseURL, unreadable: content.unreadable)
    }
}
