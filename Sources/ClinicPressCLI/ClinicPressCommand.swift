import ArgumentParser
import ClinicPress
import Foundation

struct ClinicPressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinicpress",
        abstract: "Builds a clinic's website from Markdown and YAML content.",
        discussion: """
        A site folder holds Content/ (site.yml, programs/, education/, workshops/, pages/, team.yml, assets/) \
        and, optionally, Templates/ to override the built-in theme file by file.

        Exit status: 0 when the site built (or checked) cleanly, 1 when the content has errors, \
        2 for a usage error.
        """,
        version: ClinicPressVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, ReportCommand.self, ServeCommand.self, NewCommand.self, ThemeCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

/// Options shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The site folder, holding Content/ and optionally Templates/.", valueName: "SITE_DIR"), completion: .directory)
    var siteDirectory: String = "."

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Absolute URL the site is published at; overrides 'url' in Content/site.yml.", valueName: "URL"))
    var baseURL: String?

    @Flag(name: .customLong("drafts"), help: "Include content marked 'draft: true'.")
    var includeDrafts = false

    @Flag(name: .customLong("no-print"), help: "Make no printed documents (handouts, workshop packets, brochures).")
    var noPrint = false

    @Option(help: "Paper for printed documents: letter or a4; overrides 'paper' in Content/site.yml.")
    var paper: Paper?

    @Option(help: ArgumentHelp("PDFs: auto (when WeasyPrint is installed), require (a missing WeasyPrint is an error) or off (print HTML only).", valueName: "auto|require|off"))
    var pdf: PDFMode = .auto

    @Option(help: ArgumentHelp("Site search: auto (when Pagefind is installed), require (a missing Pagefind is an error) or off (no search page).", valueName: "auto|require|off"))
    var search: SearchMode = .auto

    @Option(help: ArgumentHelp("The day to build as if it were today (notices, past workshop sessions); default today, or SOURCE_DATE_EPOCH.", valueName: "YYYY-MM-DD"))
    var date: String?

    func validate() throws {
        try BuildDayOption.validate(date)
        if let baseURL, case .failure(let problem) = SiteAddress.parse(baseURL) {
            throw ValidationError("--base-url '\(ControlCharacters.escaped(baseURL))' cannot be the site's address: \(problem.message); \(problem.hint())")
        }
        // The build's now; an unusable value must not date the site 4713 or be ignored.
        if case .failure(let problem) = SourceDateEpoch.environment {
            throw ValidationError(problem.description)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: siteDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("the site folder '\(siteDirectory)' does not exist")
        }
    }

    func buildOptions(output: String?) -> BuildOptions {
        let site = URL(fileURLWithPath: siteDirectory, isDirectory: true)
        var options = BuildOptions(siteDirectory: site, outputDirectory: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
                                   baseURL: baseURL, includeDrafts: includeDrafts, print: !noPrint, paper: paper, pdf: pdf)
        options.search = search
        return options.on(BuildDayOption.day(date))
    }
}

extension Paper: ExpressibleByArgument {}

/// `--date YYYY-MM-DD` on build, check and serve.
enum BuildDayOption {
    static func day(_ text: String?) -> CalendarDate? { text.flatMap(CalendarDate.init) }

    static func validate(_ text: String?) throws {
        guard let text, CalendarDate(text) == nil else { return }
        throw ValidationError("--date '\(ControlCharacters.escaped(text))' is not a date; write it as YYYY-MM-DD, such as 2026-11-23")
    }
}

extension BuildOptions {
    /// These options, built as if on `day` (nil: today, or SOURCE_DATE_EPOCH).
    func on(_ day: CalendarDate?) -> BuildOptions {
        var options = self
        options.buildDay = day
        return options
    }
}
extension PDFMode: ExpressibleByArgument {}
extension SearchMode: ExpressibleByArgument {}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the website into the output folder (default SITE_DIR/Output).",
        discussion: """
        Everything is built in memory and written to a temporary folder first; the output folder \
        is replaced only when the whole build succeeded, so a build with errors leaves it as it was.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The output folder (default: SITE_DIR/Output).", valueName: "DIR"), completion: .directory)
    var output: String?

    @Flag(help: "Ignore the previous output folder: render every PDF again, even the unchanged ones.")
    var fresh = false

    func run() throws {
        let started = Date()
        var options = site.buildOptions(output: output)
        options.fresh = fresh
        let progress = ProgressLine.forTerminal()
        if let progress { options.pdfProgress = { progress.update(done: $0, total: $1, item: $2) } }
        let report = SiteBuilder.build(options)
        progress?.finish()
        let printer = DiagnosticPrinter()
        printer.print(report.diagnostics)
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        let counts = "\(plural(report.diagnostics.warnings.count, "warning")), \(plural(report.diagnostics.errors.count, "error"))"
        let where_ = ControlCharacters.escaped(DiagnosticPrinter.display(options.outputDirectory))
        if report.succeeded {
            let pdfs = report.pdfCount > 0
                ? " and \(plural(report.pdfCount, "PDF")) (\(report.pdfRendered) rendered, \(report.pdfReused) unchanged)" : ""
            print("Built \(plural(report.pageCount, "page"))\(pdfs) into \(where_): \(counts), \(seconds) s")
        } else {
            print("Build failed: 0 pages written, \(counts), \(seconds) s. \(where_) was not changed.")
            // A folder that cannot be written is a problem with the command, not with the content.
            throw report.outputFailed ? ExitCode(2) : ExitCode.failure
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content and templates without writing anything.",
        discussion: "Loads and renders everything a build would, in memory, and reports every problem."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var site: SiteOptions

    @Flag(help: "Treat warnings as errors (exit status 1 when there are any).")
    var strict = false

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(name: .customLong("no-review"), help: "Leave out the content review's warnings (reading grade, review dates, reviewers, sources, link text, headings; see 'clinicpress report').")
    var noReview = false

    func run() throws {
        let report = SiteBuilder.generate(site.buildOptions(output: nil))
        var diagnostics = report.diagnostics
        // The content review's findings (`clinicpress report`) as warnings, once the content loads cleanly.
        if !diagnostics.hasErrors && !noReview {
            diagnostics = (diagnostics + ReportBuilder.warnings(siteDirectory: URL(fileURLWithPath: site.siteDirectory, isDirectory: true),
                                                                 date: BuildDayOption.day(site.date), includeDrafts: site.includeDrafts))
                .sortedForReport()
        }
        switch format {
        case .text:
            DiagnosticPrinter().print(diagnostics)
            print("Checked \(plural(report.pageCount, "page")): \(plural(diagnostics.warnings.count, "warning")), \(plural(diagnostics.errors.count, "error"))")
        case .json:
            print(DiagnosticPrinter.json(diagnostics, pages: report.pageCount))
        }
        if diagnostics.hasErrors || (strict && !diagnostics.warnings.isEmpty) { throw ExitCode.failure }
    }
}

/// `1 page`, `2 pages`
func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
