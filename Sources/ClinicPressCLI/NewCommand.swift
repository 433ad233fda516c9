import ArgumentParser
import ClinicPress
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new site, or a new program, article, workshop series or page.",
        discussion: """
        clinicpress new site my-clinic          a small, complete clinic to make your own
        clinicpress new article sleep-and-mood  Content/education/sleep-and-mood.md
        clinicpress new program adult-iop       (also: workshop, page)

        New files have every key they need, with a note on each, and start as drafts.
        """
    )

    enum What: String, ExpressibleByArgument, CaseIterable {
        case site, program, article, workshop, page
    }

    @Argument(help: ArgumentHelp("What to make: site, program, article, workshop or page.", valueName: "WHAT"))
    var what: What

    @Argument(help: ArgumentHelp("The new site's folder, or the new file's name (lowercase letters, digits and hyphens).", valueName: "NAME"))
    var name: String

    @Option(help: ArgumentHelp("The site folder a new file goes into.", valueName: "DIR"), completion: .directory)
    var site = "."

    func run() throws {
        do {
            if what == .site {
                let folder = URL(fileURLWithPath: name, isDirectory: true)
                let files = try NewContent.site(at: folder)
                print("Wrote a starter clinic into \(DiagnosticPrinter.display(folder)) (\(files.count) files).")
                print("Next: clinicpress serve \(name)   then open the address it prints, and edit the files in \(name)/Content/.")
                return
            }
            let kind = NewContent.Kind(rawValue: what.rawValue)!
            let path = try NewContent.file(kind, slug: name, site: URL(fileURLWithPath: site, isDirectory: true),
                                           today: BuildOptions.defaultNow())
            print("Wrote \(path). It is a draft: 'clinicpress serve --drafts' shows it; remove 'draft: true' to publish it.")
        } catch let refusal as NewContent.Refusal {
            FileHandle.standardError.write(Data("error: \(refusal.message)\n    hint: \(refusal.hint)\n".utf8))
            throw ExitCode(2)
        }
    }
}

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the built-in theme.",
        subcommands: [ThemeExportCommand.self, ThemeListCommand.self]
    )
}

struct ThemeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the built-in theme's files and what each is for (a Markdown table)."
    )

    func run() throws {
        print(ThemeCatalog.markdownTable(), terminator: "")
    }
}

struct ThemeExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the built-in templates, strings and styles to a folder (default: SITE_DIR/Templates) to change them.",
        discussion: "Files you have changed are not overwritten unless you add --force."
    )

    @Argument(help: ArgumentHelp("Where to write them (default: Templates/ in the site folder).", valueName: "DIR"), completion: .directory)
    var folder: String?

    @Option(help: ArgumentHelp("The site folder.", valueName: "DIR"), completion: .directory)
    var site = "."

    @Flag(help: "Overwrite files that differ from the built-in ones.")
    var force = false

    func run() throws {
        let target = URL(fileURLWithPath: folder ?? (site as NSString).appendingPathComponent("Templates"), isDirectory: true)
        do {
            let result = try ThemeExport.export(to: target, force: force)
            print("Wrote \(plural(result.written.count, "file")) into \(DiagnosticPrinter.display(target))"
                  + (result.unchanged.isEmpty ? "" : " (\(result.unchanged.count) already the same)") + ".")
        } catch let refusal as ThemeExport.Refusal {
            FileHandle.standardError.write(Data("error: \(refusal)\n    hint: keep your changes and export elsewhere (clinicpress theme export OTHER_DIR), or add --force to replace them\n".utf8))
            throw ExitCode(2)
        }
    }
}
