/// `Content/team.yml`: the people, on the team page and on the programs they work in.
enum TeamKind: ContentKind {
    static let name = "team member"
    static let source = ContentSource.yamlList("team.yml")
    static let keys: [ContentKey] = [
        .required("name", .text, example: "Jordan Reyes").data(),
        .optional("credentials", .text).data(),
        .optional("role", .text),
        .optional("bio", .text),
        .optional("programs", .references(folder: "programs")),
        .optional("photo", .image),
        .optional("photo_alt", .text),
    ]

    static func make(_ fields: Fields, slug: String, file: String, body: MarkdownSource, report: DiagnosticCollector) -> TeamMember? {
        guard let name = fields.text("name") else { return nil }
        return TeamMember(name: name, credentials: fields.text("credentials"), role: fields.text("role"),
                          bio: fields.text("bio"), programs: fields.references("programs"),
                          photo: fields.image("photo"), photoAlt: fields.text("photo_alt"))
    }

    /// Team members get anchors from their names (`jo-park`), made unique and kept clear of the
    /// theme's own ids; names with no Latin letters get `member-N`.
    static func arrange(_ entries: [TeamMember], reservedIDs: Set<String>) -> [TeamMember] {
        var used: Set<String> = []
        return entries.enumerated().map { index, member in
            var member = member
            let base = Slug.make(from: member.name).isEmpty ? "member-\(index + 1)" : Slug.make(from: member.name)
            var id = base, counter = 2
            while used.contains(id) || reservedIDs.contains(id) {
                id = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(id)
            member.id = id
            return member
        }
    }

    static var listPaths: [String] { ["team/"] }

    static func navigation(_ site: Site) -> [LinkView] {
        site.team.isEmpty ? [] : [LinkView(title: site.strings[StringKeys.navTeam], path: site.local("team/"), current: false)]
    }

    static let pageTemplates: [String: TemplateShape] = ["team": TeamContent.shape]

    static func pages(_ planner: PagePlanner) -> [PagePlan] {
        let site = planner.site
        return [PagePlan(path: site.local("team/"), template: "team", title: planner.text(StringKeys.teamTitle),
                         description: planner.text(StringKeys.teamDescription),
                         breadcrumbs: [planner.home], jsonLD: [], inputs: site.team.isEmpty ? [] : ["Content/team.yml"],
                         content: AnyTemplateValue(TeamContent(members: site.team.map(planner.views.teamMemberView))))]
    }
}

extension TeamMember: ContentEntry {
    /// Members have no page of their own; their anchor on the team page serves as a name.
    public var slug: String { id }
    public var file: String { "Content/team.yml" }
    public var draft: Bool { false }
    public var body: MarkdownSource { MarkdownSource(text: "", firstLine: 1) }
    public var references: [SlugReference] { programs }
    public var images: [ImageReference] { photo.map { [$0] } ?? [] }
}

extension Site {
    public var team: [TeamMember] { entries(TeamKind.self) }
}
