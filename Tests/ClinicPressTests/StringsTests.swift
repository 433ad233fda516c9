import XCTest
@testable import ClinicPress

/// The interface words come from `Templates/strings/<language>.yml`: every one is there, each
/// is used, a clinic can change one, and another language needs only another file.
final class StringsTests: XCTestCase {
    var english: ThemeStrings { .builtInEnglish }

    func builtInTemplates() -> [String: String] {
        var texts: [String: String] = [:]
        for (path, text) in BuiltInTheme.files where path.hasSuffix(".mustache") {
            texts[String((path as NSString).lastPathComponent.dropLast(".mustache".count))] = text
        }
        return texts
    }

    func testBuiltInThemeHasNoUnknownAndNoDeadStrings() {
        XCTAssertGreaterThan(english.values.count, 100)
        let texts = builtInTemplates()
        let check = TemplateCheck(texts: texts, sources: [:]).check(roots: TemplateRoots.all(strings: english.values.keys))
        XCTAssertEqual(check.map(\.description), [])

        var usedByTemplates: Set<String> = []
        for text in texts.values {
            for tag in MustacheTags.scan(text) ?? [] where tag.name.hasPrefix("strings.") {
                usedByTemplates.insert(String(tag.name.dropFirst("strings.".count)))
            }
        }
        let usedBySwift = Set(StringKeys.all)
        XCTAssertEqual(usedBySwift.subtracting(english.values.keys).sorted(), [], "Swift reads keys en.yml does not have")
        XCTAssertEqual(Set(english.values.keys).subtracting(usedByTemplates).subtracting(usedBySwift).sorted(), [],
                       "dead strings: in en.yml but read by no template and no Swift code")
    }

    func testATypoInATemplateStringIsReported() {
        let check = TemplateCheck(texts: ["crisis-block": "<p>{{strings.crisis.blok_title}}</p>"], sources: [:])
            .check(roots: TemplateRoots.all(strings: english.values.keys))
        XCTAssertEqual(check.count, 1)
        XCTAssertTrue(check.first?.message.contains("unknown variable 'strings.crisis.blok_title'; did you mean 'strings.crisis.block_title'?") == true,
                      "\(check.map(\.description))")
    }

    func testOverridingOneStringChangesItOnThePage() throws {
        let site = try TemporarySite.minimal([
            ("Templates/strings/en.yml", "nav:\n  programs: Our care\nlevel_of_care:\n  iop: Intensive program <IOP>\n"),
        ])
        defer { site.remove() }
        let report = site.generate()
        XCTAssertTrue(report.succeeded, "\(report.messages())")
        XCTAssertEqual(report.messages(.warning), [])
        let home = try XCTUnwrap(report.file("index.html"))
        XCTAssertTrue(home.contains(">Our care</a>"), home)
        XCTAssertFalse(home.contains(">Programs</a>"))
        // Every other string stays built-in; the clinic's words are escaped like any value.
        XCTAssertTrue(home.contains(">Levels of care</a>"))
        let program = try XCTUnwrap(report.file("programs/adult-iop/index.html"))
        XCTAssertTrue(program.contains("<dd>Intensive program &lt;IOP&gt;</dd>"), program)
        // The strings file is read, not published.
        XCTAssertFalse(report.files.contains { $0.path.hasPrefix("strings/") })
    }

    func testAnUnknownKeyInAnOverrideIsAWarningWithASuggestion() throws {
        let site = try TemporarySite.minimal([("Templates/strings/en.yml", "nav:\n  hom: Start\n")])
        defer { site.remove() }
        let report = site.generate()
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.messages(.warning).count, 1)
        XCTAssertTrue(report.messages(.warning).first?.contains("Templates/strings/en.yml:2:3: warning: nav.hom: there is no string 'nav.hom'") == true,
                      "\(report.messages(.warning))")
        XCTAssertTrue(report.messages(.warning).first?.contains("did you mean 'nav.home'?") == true)
    }

    func testAMissingLanguageFallsBackToEnglishWithAWarning() throws {
        let site = try TemporarySite.minimal([("Content/site.yml", TemporarySite.siteYML + "\nlanguage: fr\n")])
        defer { site.remove() }
        let report = site.generate()
        XCTAssertTrue(report.succeeded)
        XCTAssertTrue(report.messages(.warning).contains {
            $0.contains("Templates/strings/fr.yml: warning: there is no strings file for the language 'fr'")
        }, "\(report.messages(.warning))")
        XCTAssertTrue(report.file("index.html")?.contains(">Programs</a>") == true)
        XCTAssertTrue(report.file("index.html")?.contains("<html lang=\"fr\"") == true)
    }

    // MARK: The formatter

    func testEnglishDatesTimesDurationsAndLists() {
        let format = LocaleFormatter(strings: english)
        let date = CalendarDate("2026-12-07")!
        XCTAssertEqual(format.longDate(date), "Monday, December 7, 2026")
        XCTAssertEqual(format.date(date), "December 7, 2026")
        XCTAssertEqual(format.time(TimeOfDay("18:00")!), "6:00 PM")
        XCTAssertEqual(format.time(TimeOfDay("00:05")!), "12:05 AM")
        XCTAssertEqual(format.time(TimeOfDay("12:00")!), "12:00 PM")
        XCTAssertEqual(format.timeRange(TimeOfDay("09:30")!, TimeOfDay("12:30")!), "9:30 AM to 12:30 PM")
        XCTAssertEqual(format.duration(minutes: 630), "10 hours 30 minutes")
        XCTAssertEqual(format.duration(minutes: 60), "1 hour")
        XCTAssertEqual(format.duration(minutes: 45), "45 minutes")
        XCTAssertEqual(format.list(["a", "b", "c"]), "a, b and c")
        XCTAssertEqual(format.dayRange([.fri, .mon, .tue, .wed, .thu]), "Monday to Friday")
        XCTAssertEqual(format.dayRange([.mon, .wed, .fri]), "Monday, Wednesday and Friday")
        XCTAssertEqual(format.weeks(1), "1 week")
        XCTAssertEqual(format.weeks(12), "12 weeks")
    }

    /// A language the code has never heard of: only a strings file, with its own names, word
    /// order and a 24-hour clock. Keys it leaves out stay English.
    func testAnotherLanguageNeedsOnlyAStringsFile() throws {
        let site = try TemporarySite.minimal([
            ("Content/site.yml", TemporarySite.siteYML + "\nlanguage: xx\n"),
            ("Templates/strings/xx.yml", """
            date:
              long: "{weekday} {day}. {month} {year}"
            time:
              pattern: "{hour24_padded}.{minute}"
              range: "{start}–{end}"
            months:
              dec: Decembrus
            weekdays:
              mon: Lundo
              wed: Merkredo
              fri: Vendredo
            lists:
              last_separator: " kaj "
            nav:
              programs: Programoj
            """),
        ])
        defer { site.remove() }
        let report = DiagnosticCollector()
        let strings = ThemeStrings.load(siteDirectory: site.root, language: "xx", report: report)
        // Every string xx.yml leaves out is a warning that names it; the ones it gives are not.
        let missing = Set(report.all.compactMap(\.key))
        XCTAssertTrue(report.all.allSatisfy { $0.severity == .warning && $0.file == "Templates/strings/xx.yml" && $0.message.contains("has no text in 'xx'") })
        XCTAssertEqual(missing, Set(ThemeStrings.builtInEnglish.values.keys).subtracting(["date.long", "time.pattern", "time.range", "months.dec",
            "weekdays.mon", "weekdays.wed", "weekdays.fri", "lists.last_separator", "nav.programs"]))
        XCTAssertEqual(strings.language, "xx")
        let format = LocaleFormatter(strings: strings)
        XCTAssertEqual(format.longDate(CalendarDate("2026-12-07")!), "Lundo 7. Decembrus 2026")
        XCTAssertEqual(format.time(TimeOfDay("18:00")!), "18.00")
        XCTAssertEqual(format.time(TimeOfDay("09:05")!), "09.05")
        XCTAssertEqual(format.timeRange(TimeOfDay("09:30")!, TimeOfDay("12:30")!), "09.30–12.30")
        XCTAssertEqual(format.dayRange([.mon, .wed, .fri]), "Lundo, Merkredo kaj Vendredo")
        // Left out of xx.yml: English.
        XCTAssertEqual(format.date(CalendarDate("2026-11-23")!), "November 23, 2026")

        let built = site.generate()
        XCTAssertTrue(built.succeeded, "\(built.messages())")
        XCTAssertEqual(built.diagnostics.warnings.count, missing.count, "the build warns of each missing string once")
        XCTAssertTrue(built.file("index.html")?.contains(">Programoj</a>") == true)
        XCTAssertTrue(built.file("programs/adult-iop/index.html")?.contains("<td>09.00</td>") == true)
    }

    func testPlaceholdersAreFilledAndUnknownOnesKept() {
        XCTAssertEqual(ThemeStrings.fill("Reviewed by {name} on {date}", ["name": "Dana <PhD>", "date": "May 1"]),
                       "Reviewed by Dana <PhD> on May 1")
        XCTAssertEqual(ThemeStrings.fill("{nmae} {name}", ["name": "A"]), "{nmae} A")
        XCTAssertEqual(ThemeStrings.fill("no braces", [:]), "no braces")
    }
}
