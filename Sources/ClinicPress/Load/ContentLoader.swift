import Foundation
import Yams

/// Loads a site's `Content/` folder into the typed content model, collecting every problem.
public struct ContentLoader {
    let files: SiteFiles
    let report: DiagnosticCollector
    let includeDrafts: Bool
    /// Slugs of files left out because of their own errors, by folder.
    private let unreadable = UnreadableFiles()

    public init(siteDirectory: URL, includeDrafts: Bool, report: DiagnosticCollector) {
        self.files = SiteFiles(root: siteDirectory, report: report)
        self.report = report
        self.includeDrafts = includeDrafts
    }

    /// The content, or nil when it is too broken to go on (no `site.yml`, for example).
    /// Files with errors are left out so the other files can still be checked.
    public func load() -> SiteContent? {
        guard files.isDirectory("Content") else {
            report.add(.error("Content", "there is no Content/ folder in \(files.root.path)",
                              hint: "run clinicpress in the folder that holds Content/, or give that folder: clinicpress build PATH"))
            return nil
        }
        let settings = loadSettings()
        let programs = loadMarkdownFolder("Content/programs", parse: parseProgram)
        let articles = loadMarkdownFolder("Content/education", parse: parseArticle)
        let workshops = loadMarkdownFolder("Content/workshops", parse: parseWorkshop)
        let pages = loadMarkdownFolder("Content/pages", parse: parsePage)
        let team = loadTeam()
        let assets = files.allFiles(below: "Content/assets")
        guard let settings else { return nil }
        if !workshops.isEmpty && settings.timezone == nil {
            report.add(.error("Content/site.yml", SourcePosition(line: 1, column: 1), key: "timezone",
                              "'timezone' is required because the site has workshops",
                              hint: "add a line such as 'timezone: America/Chicago'"))
        }
        return SiteContent(
            settings: settings,
            programs: programs.filter { includeDrafts || !$0.draft },
            articles: articles.filter { includeDrafts || !$0.draft },
            workshops: workshops.filter { includeDrafts || !$0.draft },
            team: team,
            pages: pages.filter { includeDrafts || !$0.draft },
            assets: assets, unreadable: unreadable.slugs)
    }

    // MARK: site.yml

    func loadSettings() -> SiteSettings? {
        let file = "Content/site.yml"
        guard files.exists(file) else {
            report.add(.error(file, "Content/site.yml is missing",
                              hint: "create it with at least 'name: Your Clinic' and 'url: https://your-clinic.example/'"))
            return nil
        }
        guard let text = files.read(file),
              let root = YAMLParser.parse(text, file: file, lineOffset: 0, report: report),
              let site = YAMLMapping(root, file: file, lineOffset: 0, allowedKeys: [
                  "name", "url", "language", "timezone", "tagline", "description", "phone", "email",
                  "address", "hours", "crisis", "intake_steps", "paper",
              ], report: report, what: "site.yml")
        else { return nil }

        let name = site.string("name", required: "Harbor Light Behavioral Health")
        var url = site.string("url", required: "https://www.example.org/")
        if let value = url {
            if WebAddress.isValid(value) {
                url = WebAddress.asBase(value)
            } else {
                report.add(.error(file, site.position("url"), key: "url", "'\(value)' is not an absolute web address",
                                  hint: "write the full address, such as 'url: https://www.example.org/'"))
                url = nil
            }
        }
        var timezone = site.string("timezone")
        if let zone = timezone, TimeZone(identifier: zone) == nil {
            report.add(.error(file, site.position("timezone"), key: "timezone", "'\(zone)' is not a time zone name",
                              hint: Suggestion.hint(for: zone, in: TimeZone.knownTimeZoneIdentifiers)
                                  ?? "use an IANA name such as America/New_York or Europe/London"))
            timezone = nil
        }
        let address = site.mapping("address", allowedKeys: ["street", "city", "region", "postal_code", "country"]).map {
            Address(street: $0.string("street"), city: $0.string("city"), region: $0.string("region"),
                    postalCode: $0.string("postal_code"), country: $0.string("country"))
        }
        let hours: [OfficeHours] = site.mappings("hours", allowedKeys: ["days", "opens", "closes"]).compactMap { entry in
            let days = entry.days("days", required: true)
            guard let opens = entry.time("opens", required: true), let closes = entry.time("closes", required: true) else { return nil }
            if closes <= opens {
                report.add(.error(file, entry.position("closes"), key: entry.qualified("closes"),
                                  "closing time \(closes.text) is not after opening time \(opens.text)",
                                  hint: "times are on the 24-hour clock: 5 PM is 17:00"))
            }
            return days.isEmpty ? nil : OfficeHours(days: days, opens: opens, closes: closes)
        }
        let crisis: [CrisisResource] = site.mappings("crisis", allowedKeys: ["name", "phone", "text", "url"]).compactMap { entry in
            guard let name = entry.string("name", required: "988 Suicide & Crisis Lifeline") else { return nil }
            var url = entry.string("url")
            if let value = url, !WebAddress.isValid(value) {
                report.add(.error(file, entry.position("url"), key: entry.qualified("url"), "'\(value)' is not a web address",
                                  hint: "write the full address, starting with https://"))
                url = nil
            }
            let resource = CrisisResource(name: name, phone: entry.string("phone"), text: entry.string("text"), url: url)
            if resource.phone == nil && resource.text == nil && resource.url == nil {
                report.add(.error(file, entry.position, key: entry.path, "crisis resource '\(name)' has no phone, text or url",
                                  hint: "add 'phone: \"988\"' or a 'url'"))
            }
            return resource
        }
        if site.has("crisis") && crisis.isEmpty && !report.hasErrors {
            report.add(.error(file, site.position("crisis"), key: "crisis",
                              "'crisis' lists no crisis lines, so no page would show one",
                              hint: "list at least one line (name and phone), or remove 'crisis' to show the 988 Lifeline and 911"))
        }
        let paper = site.choice("paper", Paper.self) ?? .letter
        let language = site.string("language") ?? "en"
        guard let name, let url else { return nil }
        return SiteSettings(
            name: name, url: url, language: language, timezone: timezone,
            tagline: site.string("tagline"), description: site.string("description"),
            phone: site.string("phone"), email: site.string("email"), address: address, hours: hours,
            crisis: site.has("crisis") ? crisis : CrisisResource.defaults,
            intakeSteps: site.strings("intake_steps"), paper: paper)
    }

    // MARK: Markdown files with front matter

    /// Reads every `.md` file of a folder; a file with errors is reported and left out.
    func loadMarkdownFolder<T>(_ folder: String, parse: (String, String, YAMLMapping, MarkdownSource) -> T?) -> [T] {
        var result: [T] = []
        var slugs: [String: String] = [:]
        for path in files.files(in: folder, extensions: ["md", "markdown"]) {
            let name = (path as NSString).lastPathComponent
            let slug = ((name as NSString).deletingPathExtension).lowercased()
            guard Slug.isValid(slug) else {
                report.add(.error(path, "the file name '\(name)' cannot be used in a web address",
                                  hint: "rename it to '\(Slug.make(from: slug).isEmpty ? "my-page" : Slug.make(from: slug)).md': lowercase letters, digits and hyphens only"))
                continue
            }
            if let other = slugs[slug] {
                report.add(.error(path, "this file has the same slug '\(slug)' as \(other)",
                                  hint: "rename one of the two files; each page needs its own name"))
                continue
            }
            slugs[slug] = path
            let errorsBefore = report.errorCount
            guard let text = files.read(path),
                  let split = FrontMatter.split(text, file: path, report: report),
                  let root = YAMLParser.parse(split.yaml, file: path, lineOffset: split.yamlFirstLine - 1, report: report),
                  let fields = YAMLMapping(root, file: path, lineOffset: split.yamlFirstLine - 1,
                                           allowedKeys: ContentLoader.allowedKeys(for: folder), report: report,
                                           what: "the front matter"),
                  let value = parse(slug, path, fields, split.body),
                  report.errorCount == errorsBefore
            else {
                unreadable.add(slug, in: String(folder.dropFirst("Content/".count)))
                continue
            }
            result.append(value)
        }
        return result
    }

    static func allowedKeys(for folder: String) -> [String] {
        if folder == "Content/programs" {
            return ["title", "summary", "level_of_care", "audience", "focus", "length_weeks", "tracks", "components",
                    "good_fit", "not_a_fit", "insurance", "workshops", "order", "draft"]
        } else if folder == "Content/education" {
            return ["title", "summary", "audience", "reviewed", "reviewed_by", "review_every_months", "topics",
                    "programs", "sources", "reading_grade_target", "draft", "handout"]
        } else if folder == "Content/workshops" {
            return ["title", "summary", "sessions", "location", "online_url", "programs", "audience", "draft"]
        } else {
            return ["title", "summary", "order", "menu", "draft"]
        }
    }
}

/// Collects the slugs of files with errors while a folder loads.
private final class UnreadableFiles {
    var slugs: [String: Set<String>] = [:]
    func add(_ slug: String, in folder: String) { slugs[folder, default: []].insert(slug) }
}
