import ArgumentParser
import ClinicPress
import ClinicPressServe
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Show the site in a browser while you edit it: rebuilt and reloaded on every save.",
        discussion: """
        The site is built in memory, exactly as 'build' builds it, and served at http://127.0.0.1:8000/. \
        Nothing is written to Output/ or to the site folder. When you save a file in Content/ or \
        Templates/, the pages it changes reload by themselves; when a change breaks the site, every \
        page shows the errors until you fix them. Stop it with Ctrl-C.
        """
    )

    @Argument(help: ArgumentHelp("The site folder, holding Content/ and optionally Templates/.", valueName: "SITE_DIR"), completion: .directory)
    var siteDirectory: String = "."

    @Option(help: ArgumentHelp("The address to listen on. Other computers can see the site when this is not 127.0.0.1.", valueName: "ADDR"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on (0 picks a free one).", valueName: "N"))
    var port = 8000

    @Flag(name: .customLong("drafts"), help: "Include content marked 'draft: true'.")
    var includeDrafts = false

    @Flag(name: .customLong("no-print"), help: "Make no printed documents (handouts, workshop packets, brochures).")
    var noPrint = false

    @Option(help: ArgumentHelp("The day to build as if it were today (notices, past workshop sessions).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(help: ArgumentHelp("Site search: auto (when Pagefind is installed; indexed again after each rebuild), require or off.", valueName: "auto|require|off"))
    var search: SearchMode = .auto

    func validate() throws {
        try BuildDayOption.validate(date)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: siteDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("the site folder '\(siteDirectory)' does not exist")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be a number from 0 to 65535") }
    }

    func run() async throws {
        let site = URL(fileURLWithPath: siteDirectory, isDirectory: true)
        var options = BuildOptions(siteDirectory: site, includeDrafts: includeDrafts, print: !noPrint).on(BuildDayOption.day(date))
        options.search = search
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            FileHandle.standardError.write(Data("warning: listening on \(host): other computers on the network can see this site, drafts included\n".utf8))
        }
        let server = SiteServer(options: options, host: host, port: port)
        let printer = DiagnosticPrinter()
        do {
            try await server.run(events: .init(
                listening: { url in
                    say("Serving \(DiagnosticPrinter.display(site)) at \(url)  (Ctrl-C to stop)")
                },
                rebuilt: { report, seconds, changed, first in
                    printer.print(report.diagnostics)
                    let time = String(format: "%.2f", seconds)
                    let counts = "\(plural(report.diagnostics.warnings.count, "warning")), \(plural(report.diagnostics.errors.count, "error"))"
                    if first {
                        say(report.succeeded ? "Built \(plural(report.pageCount, "page")) in memory: \(counts), \(time) s"
                                               : "The site has errors (\(counts)); fix them and save: the pages show them until then")
                    } else if report.succeeded {
                        say("Rebuilt in \(time) s: \(plural(changed, "file")) changed, \(counts)")
                    } else {
                        say("Not rebuilt: \(counts); the pages show the errors, over the last version that built")
                    }
                }))
        } catch let failure as SiteServer.Failure {
            FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
            if case .portInUse = failure {
                FileHandle.standardError.write(Data("    hint: stop the other server, or choose another port: clinicpress serve --port \(port == 8000 ? 8001 : port + 1)\n".utf8))
            }
            throw ExitCode(2)
        }
    }
}

/// A line on standard output at once (a test or a terminal reads it while the server runs).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
