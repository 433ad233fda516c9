import Foundation

/// `clinicpress new`: a starter site, or one new content file with every required key.
public enum NewContent {
    public enum Kind: String, CaseIterable, Sendable {
        case program, article, workshop, page

        var folder: String {
            switch self {
            case .program: "programs"
            case .article: "education"
            case .workshop: "workshops"
            case .page: "pages"
            }
        }
    }

    public struct Refusal: Error, CustomStringConvertible {
        public var message: String
        public var hint: String
        public var description: String { message }
    }

    /// Writes the starter clinic into `folder`, which must be new or empty.
    /// - Returns: the files written, relative to `folder`.
    public static func site(at folder: URL) throws -> [String] {
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
            throw Refusal(message: "\(folder.path) is not empty",
                          hint: "give a new folder: clinicpress new site my-clinic")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw Refusal(message: "\(folder.path) is a file", hint: "give a new folder: clinicpress new site my-clinic")
        }
        let files = BuiltInStarter.files.filter { $0.key.hasPrefix("Content/") }.sorted { $0.key < $1.key }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return files.map(\.key)
    }

    /// Writes `Content/<folder>/<slug>.md` in the site at `site`, filled in for `today`.
    /// - Returns: its path relative to the site.
    public static func file(_ kind: Kind, slug: String, site: URL, today: Date) throws -> String {
        guard Slug.isValid(slug) else {
            let suggestion = Slug.make(from: slug)
            throw Refusal(message: "'\(slug)' cannot be a file name: use lowercase letters, digits and hyphens only",
                          hint: "for example: \(suggestion.isEmpty ? "family-skills" : suggestion)")
        }
        guard FileManager.default.fileExists(atPath: site.appendingPathComponent("Content").path) else {
            throw Refusal(message: "there is no Content/ folder in \(site.path)",
                          hint: "run this in the site folder, or give it: --site PATH")
        }
        let folder = site.appendingPathComponent("Content/" + kind.folder)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if let taken = existing.first(where: { ($0 as NSString).deletingPathExtension.lowercased() == slug }) {
            throw Refusal(message: "Content/\(kind.folder)/\(taken) already exists",
                          hint: "choose another name, or edit that file")
        }
        if kind == .page, SitePaths.taken(ContentKinds.all).contains(slug + "/") {
            throw Refusal(message: "the name '\(slug)' is taken: ClinicPress makes the page /\(slug)/ itself",
                          hint: "choose another name, such as '\(slug)-info'")
        }
        guard let template = BuiltInStarter.files["new/\(kind.rawValue).md"] else {
            throw Refusal(message: "no starter file for \(kind.rawValue)", hint: "")
        }
        let title = slug.split(separator: "-").joined(separator: " ").prefix(1).uppercased()
            + slug.split(separator: "-").joined(separator: " ").dropFirst()
        let text = template
            .replacingOccurrences(of: "{{title}}", with: title)
            .replacingOccurrences(of: "{{slug}}", with: slug)
            .replacingOccurrences(of: "{{today}}", with: isoDay(today))
            .replacingOccurrences(of: "{{in-four-weeks}}", with: isoDay(today.addingTimeInterval(28 * 86_400)))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = "Content/\(kind.folder)/\(slug).md"
        try Data(text.utf8).write(to: site.appendingPathComponent(path), options: .withoutOverwriting)
        return path
    }

    static func isoDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
