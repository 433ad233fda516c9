import ArgumentParser
import ClinicPress
import Foundation

/// `clinicpress report`: reading level, reviews, sources, schedules and coverage, for the clinical
/// director and for CI (`--fail-on`). The work is in the engine (Sources/ClinicPress/Report).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a content review report (reading level, review dates, sources, schedules) to SITE_DIR/Report.",
        discussion: """
        Writes index.html and report.json (never inside the published site) and prints a summary. \
        Exit status: 0, or 1 when the content has errors or a finding of a --fail-on kind exists; 2 for a usage error.
        """
    )

    @Argument(help: ArgumentHelp("The site folder, holding Content/ and optionally Templates/.", valueName: "SITE_DIR"), completion: .directory)
    var siteDirectory: String = "."

    @Option(name: .shortAndLong, help: ArgumentHelp("The report folder (default: SITE_DIR/Report).", valueName: "DIR"), completion: .directory)
    var output: String?

    @Option(help: ArgumentHelp("The day of the report (review dates are counted from it); default SOURCE_DATE_EPOCH, else today.", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit with status 1 when a finding of these kinds exists: a comma list of \(FindingKind.gates.map(\.rawValue).joined(separator: ", ")).", valueName: "LIST"))
    var failOn: String?

    var gates: [FindingKind] {
        (failOn ?? "").split(separator: ",").compactMap { FindingKind(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
    }

    var site: URL { URL(fileURLWithPath: siteDirectory, isDirectory: true).standardizedFileURL }
    var outputFolder: URL {
        output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL } ?? site.appendingPathComponent(ReportWriter.defaultFolder)
    }

    func validate() throws {
        try BuildDayOption.validate(date)
        if case .failure(let problem) = SourceDateEpoch.environment { throw ValidationError(problem.description) }
        for name in failOn.map({ $0.split(separator: ",", omittingEmptySubsequences: false) }) ?? [] {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let kind = FindingKind(rawValue: trimmed), FindingKind.gates.contains(kind) else {
                throw ValidationError("--fail-on '\(ControlCharacters.escaped(trimmed))' is not a kind of finding; use a comma list of \(FindingKind.gates.map(\.rawValue).joined(separator: ", "))")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: siteDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("the site folder '\(siteDirectory)' does not exist")
        }
        if let problem = ReportWriter.problem(output: outputFolder, siteDirectory: site) { throw ValidationError("--output: \(problem)") }
    }

    func run() throws {
        // The usual check first, in memory: content errors stop the report with the usual diagnostics.
        var options = BuildOptions(siteDirectory: site, print: false, pdf: .off)
        options.buildDay = BuildDayOption.day(date)
        // The report reads the content; the site search is not its business.
        options.search = .off
        let checked = SiteBuilder.generate(options)
        let printer = DiagnosticPrinter()
        guard checked.succeeded else {
            printer.print(checked.diagnostics)
            print("Report not written: \(plural(checked.diagnostics.errors.count, "error")) in the content.")
            throw ExitCode.failure
        }
        let made = ReportBuilder.make(siteDirectory: site, date: BuildDayOption.day(date))
        guard let report = made.report else {
            printer.print(made.diagnostics)
            throw ExitCode.failure
        }
        printer.print(report.toolWarnings)
        do {
            try ReportWriter.write(report, to: outputFolder, siteDirectory: site)
        } catch {
            FileHandle.standardError.write(Data("error: the report could not be written to \(outputFolder.path): \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        print(ReportSummary.text(report, folder: ControlCharacters.escaped(DiagnosticPrinter.display(outputFolder))))
        if report.findings.fails(on: gates) { throw ExitCode.failure }
    }
}

/// The few lines the terminal shows: counts, then the worst items.
enum ReportSummary {
    static func text(_ report: ContentReport, folder: String) -> String {
        let counts = report.findings.counts
        let over = report.documents.filter(\.overTarget).count
        var lines = ["Report for \(report.date.iso): \(plural(report.documents.count, "document")) measured, \(over) over target, \(plural(report.programs.count, "program"))."]
        let found = FindingKind.allCases.filter { counts[$0, default: 0] > 0 }.map { "\($0.rawValue) \(counts[$0]!)" }
        lines.append(found.isEmpty ? "Findings: none." : "Findings: " + found.joined(separator: ", ") + ".")
        let worst = report.documents.filter(\.overTarget)
            .sorted { ($0.level.scores.grade - Double($0.target), $1.path) > ($1.level.scores.grade - Double($1.target), $0.path) }
            .prefix(3)
        for document in worst {
            lines.append("  grade \(String(format: "%.1f", document.level.scores.grade)) (target \(document.target)): \(ControlCharacters.escaped(document.path))")
        }
        // The oldest overdue reviews first; a long list stays in the report.
        let overdue = report.documents.filter { $0.review?.status == .overdue }
            .sorted { ($0.review!.due!, $0.path) < ($1.review!.due!, $1.path) }
        for document in overdue.prefix(3) {
            lines.append("  review overdue since \(document.review!.due!.iso): \(ControlCharacters.escaped(document.path))")
        }
        if overdue.count > 3 { lines.append("  ... and \(overdue.count - 3) more overdue reviews") }
        lines.append("Wrote \(folder)index.html and report.json")
        return lines.joined(separator: "\n")
    }
}
