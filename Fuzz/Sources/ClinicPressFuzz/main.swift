import ClinicPress
import Foundation

// Three targets in one binary, picked by CLINICPRESS_FUZZ_TARGET (`make fuzz FUZZ_TARGET=...`):
//
// - `pipeline` (the default): arbitrary bytes through the whole pipeline: front matter and YAML
//   parsing, Markdown rendering with every transform, and page rendering. The first byte picks
//   which file of a small, otherwise valid site the rest of the input replaces.
// - `templates`: the bytes are template text. Up to the first NUL they are Templates/fuzz.mustache,
//   after it Templates/fuzz-part.mustache (so the two can include each other); the theme is loaded
//   (tokenizer, partial, cycle and depth checks, swift-mustache's parser) and `fuzz` is rendered
//   with one fixed context.
// - `frontmatter`: the bytes are one content file (the first byte picks programs, education,
//   workshops or pages) in a site with a valid site.yml, and only the loader runs: line ends, the
//   front matter's fences, YAML (aliases, quotes, tabs, control characters) and the content keys.
//
// Any crash, trap, timeout or sanitizer report is a bug.

let site = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("clinicpress-fuzz-\(getpid())")
let targets = [
    "Content/programs/adult-iop.md", "Content/education/relapse.md", "Content/workshops/series.md",
    "Content/pages/about.md", "Content/site.yml", "Content/team.yml", "Templates/page.mustache",
]
let baseline: [String: String] = [
    "Content/site.yml": "name: Fuzz Clinic\nurl: https://example.org/\ntimezone: America/Chicago\n",
    "Content/programs/adult-iop.md": "---\ntitle: Adult IOP\nsummary: S\nlevel_of_care: iop\naudience: adults\ntracks:\n  - name: M\n    days: [mon, tue, thu]\n    start: \"09:00\"\n    end: \"12:00\"\n---\nBody [a](../education/relapse.md)\n",
    "Content/education/relapse.md": "---\ntitle: Relapse\nsummary: S\naudience: family\nreviewed: 2026-01-01\nreviewed_by: X\n---\n## One\n",
    "Content/workshops/series.md": "---\ntitle: Series\nsummary: S\nsessions:\n  - date: 2026-12-01\n    start: \"18:00\"\n    end: \"19:00\"\n    title: T\n    handouts: [relapse]\n---\nIntro\n",
    "Content/pages/about.md": "---\ntitle: About\nsummary: S\n---\nText\n",
    "Content/team.yml": "- name: Jo\n  programs: [adult-iop]\n",
]

func writeBaseline() {
    try? FileManager.default.removeItem(at: site)
    for (path, text) in baseline {
        let url = site.appendingPathComponent(path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url)
    }
}

let fuzzTarget = ProcessInfo.processInfo.environment["CLINICPRESS_FUZZ_TARGET"] ?? "pipeline"
guard ["pipeline", "templates", "frontmatter"].contains(fuzzTarget) else {
    FileHandle.standardError.write(Data("unknown CLINICPRESS_FUZZ_TARGET '\(fuzzTarget)': pipeline, templates or frontmatter\n".utf8))
    exit(2)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    if fuzzTarget == "templates" { return fuzzTemplate(UnsafeBufferPointer(start: data, count: size)) }
    if fuzzTarget == "frontmatter" { return fuzzFrontMatter(UnsafeBufferPointer(start: data, count: size)) }
    writeBaseline()
    let target = targets[Int(data[0]) % targets.count]
    let url = site.appendingPathComponent(target)
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? Data(bytes: data + 1, count: size - 1).write(to: url)
    let report = SiteBuilder.generate(BuildOptions(siteDirectory: site, now: Date(timeIntervalSince1970: 1_795_435_200)))
    // Every diagnostic must name a file; a successful build must produce pages.
    for diagnostic in report.diagnostics where diagnostic.file.isEmpty { fatalError("diagnostic without a file: \(diagnostic)") }
    if report.succeeded && report.files.isEmpty { fatalError("a build succeeded without writing anything") }
    return 0
}

/// What every fuzzed template renders with: values, a list of two, a flag, text with markup, and
/// `page.template` naming the template itself (for dynamic partials).
func templateContext() -> [String: Any] { [
    "site": ["name": "Fuzz Clinic", "url": "https://example.org/",
             "crisis": [["name": "988", "phone": "988", "phoneHref": "tel:988"], ["name": "911", "phone": "911"]]],
    "page": ["title": "A <b>page</b>", "template": "fuzz", "isHome": false],
    "flag": true,
    "html": "<em>trusted</em>",
    "items": [1, 2],
] }

func fuzzTemplate(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    try? FileManager.default.removeItem(at: site)
    let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    for (name, part) in zip(["fuzz", "fuzz-part"], parts) {
        let url = site.appendingPathComponent("Templates/\(name).mustache")
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(part).write(to: url)
    }
    let report = DiagnosticCollector()
    guard let theme = Theme.load(siteDirectory: site, report: report) else {
        if !report.hasErrors { fatalError("the theme did not load, and no error says why") }
        return 0
    }
    for diagnostic in report.all where diagnostic.file.isEmpty { fatalError("diagnostic without a file: \(diagnostic)") }
    _ = theme.render(templateContext(), template: "fuzz")
    return 0
}

func fuzzFrontMatter(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    try? FileManager.default.removeItem(at: site)
    let folder = ["programs", "education", "workshops", "pages"][Int(bytes[0]) % 4]
    let files = ["Content/site.yml": Data(baseline["Content/site.yml"]!.utf8),
                 "Content/\(folder)/fuzz.md": Data(bytes.dropFirst())]
    for (path, data) in files {
        let url = site.appendingPathComponent(path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: url)
    }
    let report = DiagnosticCollector()
    let content = ContentLoader(siteDirectory: site, includeDrafts: true, report: report).load()
    if content == nil && !report.hasErrors { fatalError("the content did not load, and no error says why") }
    for diagnostic in report.all where diagnostic.file.isEmpty { fatalError("diagnostic without a file: \(diagnostic)") }
    // A diagnostic never carries a raw control character to the terminal.
    for diagnostic in report.all where diagnostic.description.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) {
        fatalError("a control character in a diagnostic: \(diagnostic.description.debugDescription)")
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
let status = withUnsafeMutablePointer(to: &argv) { argvPointer in
    argvPointer.withMemoryRebound(to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self, capacity: 1) {
        LLVMFuzzerRunDriver(&argc, $0, fuzzOne)
    }
}
try? FileManager.default.removeItem(at: site)
exit(status)
