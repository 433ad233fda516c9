import Foundation
import XCTest
@testable import ClinicPress

/// `clinicpress report`: syllables, the text measured, review dates, gates and report.json.
/// (Tests/Report/crosscheck.py compares the grades with Python textstat 0.7.8.)
final class ReportTests: XCTestCase {
    static let tools = ReadingTools.load(for: [.english, .spanish])

    // MARK: Syllables

    func testEnglishSyllablesOfAWordList() throws {
        XCTAssertNotNil(Self.tools.dictionary, "no CMU Pronouncing Dictionary: run scripts/install-deps.sh")
        let counter = Self.tools.counter(for: .english)
        // Expected: Python textstat 0.7.8 (CMU dictionary, then Pyphen's patterns).
        let words: [(String, Int)] = [
            ("cat", 1), ("fire", 2), ("therapy", 3), ("medication", 4), ("recovery", 3), ("family", 3),
            ("adolescent", 4), ("buprenorphine", 4), ("outpatient", 3), ("hospitalization", 6), ("caregiver", 3),
            ("don't", 1), ("we'll", 1), ("Family", 3),
            // Not in the dictionary: hyphenation points plus one.
            ("psychoeducation", 6), ("telehealth", 2), ("naltrexone", 3), ("iop", 1), ("988", 1), ("nami", 2),
            ("mindfulness", 3), ("dbt", 1),
        ]
        for (word, expected) in words {
            XCTAssertEqual(counter.count(word), expected, word)
        }
    }

    func testHyphenationCountsPointsTwoCharactersFromEitherEnd() throws {
        let english = try XCTUnwrap(Self.tools.hyphenators[.english], "no hyph_en_US.dic: apt-get install hyphen-en-us")
        // hyph_en_US says RIGHTHYPHENMIN 3, which would hide na-mi; Pyphen (and textstat) count it.
        XCTAssertEqual(english.points("nami"), 1)
        XCTAssertEqual(english.points("compulsivity"), 4)
        XCTAssertEqual(english.points("a"), 0)
        XCTAssertEqual(english.points(""), 0)
    }

    func testSpanishSyllablesComeFromSpanishPatterns() throws {
        XCTAssertNotNil(Self.tools.hyphenators[.spanish], "no hyph_es_ES.dic: apt-get install hyphen-es")
        let counter = Self.tools.counter(for: .spanish)
        XCTAssertNil(counter.dictionary, "the English dictionary must not count Spanish words")
        for (word, expected) in [("casa", 2), ("familia", 3), ("tratamiento", 4), ("psicoterapia", 5)] {
            XCTAssertEqual(counter.count(word), expected, word)
        }
    }

    func testLanguageCodesSelectTheFormulas() {
        XCTAssertEqual(ReadingLanguage(code: "es"), .spanish)
        XCTAssertEqual(ReadingLanguage(code: "es-MX"), .spanish)
        XCTAssertEqual(ReadingLanguage(code: "en"), .english)
        XCTAssertEqual(ReadingLanguage(code: "en-US"), .english)
        let spanish = ReadingLevel(text: "La casa es grande y bonita. Tiene un jardín con flores.", counter: Self.tools.counter(for: .spanish))
        guard case .spanish(let fh, let sp) = spanish.scores else { return XCTFail("Spanish text measured as \(spanish.scores)") }
        XCTAssertGreaterThan(fh, 80)
        XCTAssertGreaterThan(sp, 70)
    }

    // MARK: Counting like textstat

    func testSentencesOfTwoWordsOrFewerAreNotCounted() {
        XCTAssertEqual(TextCounts.sentenceCount("Stop. This one counts here. Go now! And this one too."), 2)
        XCTAssertEqual(TextCounts.sentenceCount("Hi."), 1, "at least one sentence, as textstat")
        XCTAssertEqual(TextCounts.words("Don't stop—it's fine, (really)."), ["Don't", "stopit's", "fine", "really"])
    }

    // MARK: The text readers see

    func testReadableTextLeavesOutWhatIsNotReadAndEndsEveryBlock() {
        let markdown = """
        ## A heading

        Read the [intake guide](https://example.org/x) first. See ![a chair](../assets/chair.svg) here

        - first item
        - second item:

        ```crisis
        ```

        ```
        code is not read
        ```

        ```callout
        Title line
        Inside the callout
        it goes on.
        ```
        """
        let readable = ReadableText.extract(MarkdownSource(text: markdown, firstLine: 10))
        XCTAssertEqual(readable.text, "Read the intake guide first. See here.\nfirst item.\nsecond item.\nInside the callout it goes on.")
        // Lines count from the top of the file: the body starts on line 10.
        XCTAssertEqual(readable.line(at: 0), 12)
        let ns = readable.text as NSString
        XCTAssertEqual(readable.line(at: ns.range(of: "second").location), 15)
        XCTAssertEqual(readable.line(at: ns.range(of: "Inside").location), 26)
        XCTAssertEqual(readable.line(at: ns.range(of: "it goes").location), 27)
    }

    func testHardestSentencesComeWithTheirLineAndLongWords() {
        let text = "The cat sat on the mat.\nComprehensive multidisciplinary interventions necessitate considerable organizational coordination."
        let readable = ReadableText.extract(MarkdownSource(text: text.replacingOccurrences(of: "\n", with: "\n\n"), firstLine: 5))
        let hardest = HardestSentences.find(in: readable, counter: Self.tools.counter(for: .english), target: 8)
        XCTAssertEqual(hardest.count, 1)
        XCTAssertEqual(hardest.first?.line, 7)
        XCTAssertEqual(hardest.first?.longWords.first, "Comprehensive")
        XCTAssertTrue(hardest.first?.longWords.contains("necessitate") ?? false)
    }

    // MARK: Review dates

    func testReviewDatesAcrossMonthEndsAndLeapYears() {
        let day = { CalendarDate($0)! }
        XCTAssertEqual(ReviewStatus.due(reviewed: day("2024-02-29"), months: 12), day("2025-02-28"))
        XCTAssertEqual(ReviewStatus.due(reviewed: day("2024-02-29"), months: 48), day("2028-02-29"))
        XCTAssertEqual(ReviewStatus.due(reviewed: day("2024-01-31"), months: 1), day("2024-02-29"))
        XCTAssertEqual(ReviewStatus.due(reviewed: day("2023-01-31"), months: 1), day("2023-02-28"))
        XCTAssertEqual(ReviewStatus.due(reviewed: day("2025-08-31"), months: 6), day("2026-02-28"))
        XCTAssertEqual(ReviewStatus.due(reviewed: day("2025-12-15"), months: 12), day("2026-12-15"))

        let reviewed = day("2024-02-29")  // due 2025-02-28
        XCTAssertEqual(ReviewStatus.of(reviewed: reviewed, months: 12, on: day("2025-03-01")), .overdue)
        XCTAssertEqual(ReviewStatus.of(reviewed: reviewed, months: 12, on: day("2025-02-28")), .dueSoon)
        XCTAssertEqual(ReviewStatus.of(reviewed: reviewed, months: 12, on: day("2024-12-30")), .dueSoon, "60 days before")
        XCTAssertEqual(ReviewStatus.of(reviewed: reviewed, months: 12, on: day("2024-12-29")), .ok, "61 days before")
        XCTAssertEqual(ReviewStatus.of(reviewed: nil, months: 12, on: day("2024-12-29")), .neverReviewed)
    }

    // MARK: Gates

    func testFailOnKinds() {
        let finding = { (kind: FindingKind) in Finding(kind: kind, path: "Content/x.md", line: 1, message: "m") }
        XCTAssertTrue([finding(.grade)].fails(on: [.grade]))
        XCTAssertFalse([finding(.grade)].fails(on: [.overdue, .sources]))
        XCTAssertTrue([finding(.neverReviewed)].fails(on: [.overdue]), "never reviewed is at least overdue")
        XCTAssertFalse([finding(.crisisBlock), finding(.hours)].fails(on: FindingKind.gates))
        XCTAssertFalse([Finding]().fails(on: FindingKind.gates))
        XCTAssertEqual(FindingKind.gates.map(\.rawValue), ["grade", "overdue", "due-soon", "sources", "reviewer"])
    }

    // MARK: The whole report

    func testReportOfASite() throws {
        let site = try TemporarySite.minimal([
            TemporarySite.article("plain", extra: "reading_grade_target: 6\nsources: [A guideline]\n",
                                  body: "The cat sat on the mat. The dog ran to the cat.\n\n- one thing to do\n- two things to do"),
            TemporarySite.article("dense", body: "Comprehensive multidisciplinary interventions necessitate considerable organizational coordination across institutional boundaries."),
        ])
        defer { site.remove() }
        let made = ReportBuilder.make(siteDirectory: site.root, date: CalendarDate("2027-08-15"), tools: Self.tools)
        let report = try XCTUnwrap(made.report, "\(made.diagnostics)")
        XCTAssertEqual(report.documents.map(\.path), ["Content/education/dense.md", "Content/education/plain.md", "Content/programs/adult-iop.md"])
        let plain = report.documents[1], dense = report.documents[0]
        XCTAssertEqual(plain.target, 6)
        XCTAssertEqual(dense.target, ReportBuilder.defaultTarget)
        XCTAssertEqual(plain.level.sentences, 4)
        XCTAssertTrue(dense.overTarget)
        XCTAssertEqual(dense.hardestSentences.first?.line, 8)
        XCTAssertEqual(plain.review?.due, CalendarDate("2027-09-01"))
        XCTAssertEqual(plain.review?.status, .dueSoon)
        XCTAssertNil(report.documents[2].review)
        let kinds = report.findings.map { "\($0.kind.rawValue) \($0.path)" }
        XCTAssertTrue(kinds.contains("grade Content/education/dense.md"))
        XCTAssertTrue(kinds.contains("sources Content/education/dense.md"))
        XCTAssertFalse(kinds.contains("sources Content/education/plain.md"))
        XCTAssertTrue(kinds.contains("due-soon Content/education/plain.md"))

        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: ReportJSON.encode(report)) as? NSDictionary)
        XCTAssertEqual(Set((json.allKeys as? [String]) ?? []), ["date", "site", "summary", "documents", "programs", "findings"])
        let documents = try XCTUnwrap(json["documents"] as? [NSDictionary])
        XCTAssertEqual(Set((documents[0].allKeys as? [String]) ?? []), [
            "path", "kind", "language", "title", "words", "sentences", "syllables", "text", "grade", "target", "over_target",
            "hardest_sentences", "reviewed", "review_due", "status", "reviewed_by", "sources",
        ])
        XCTAssertTrue(documents[2]["status"] is NSNull, "a program has no review keys: status is null")
        XCTAssertEqual((json["summary"] as? NSDictionary)?["due-soon"] as? Int, 2, "both articles were reviewed on 2026-09-01")
        XCTAssertEqual(ReportJSON.encode(report), ReportJSON.encode(report), "the same report gives the same bytes")
    }

    func testTheReportNeverGoesIntoThePublishedSite() {
        let site = URL(fileURLWithPath: "/tmp/some-site", isDirectory: true)
        XCTAssertNotNil(ReportWriter.problem(output: site.appendingPathComponent("Output"), siteDirectory: site))
        XCTAssertNotNil(ReportWriter.problem(output: site.appendingPathComponent("Output/report"), siteDirectory: site))
        XCTAssertNil(ReportWriter.problem(output: site.appendingPathComponent("Report"), siteDirectory: site))
        XCTAssertNil(ReportWriter.problem(output: site.appendingPathComponent("Outputs"), siteDirectory: site))
        XCTAssertEqual(ReportWriter.relativePath(from: site.appendingPathComponent("Report"), to: site), "../")
    }
}

extension ReportTests {
    /// A translation is measured in its own language, with its own review; its data (sources,
    /// the review interval, the grade target) is its source's.
    func testTranslationsAreMeasuredInTheirLanguage() throws {
        let site = try TemporarySite.minimal([
            ("Content/site.yml", TemporarySite.siteYML + "\nlanguages: [en, es]\n"),
            TemporarySite.article("sleep", extra: "sources: [A guideline]\nreading_grade_target: 7\n",
                                  body: "Sleep helps your mind and your body. Go to bed at the same time each night."),
            ("Content/education/sleep.es.md", """
            ---
            title: Dormir bien
            summary: Sobre el sueño.
            reviewed: 2026-10-01
            reviewed_by: Rosa Delgado, LCSW
            ---
            Dormir bien ayuda a tu mente y a tu cuerpo. Ve a la cama a la misma hora cada noche.
            """),
        ])
        defer { site.remove() }
        let made = ReportBuilder.make(siteDirectory: site.root, date: CalendarDate("2026-11-30"), tools: Self.tools)
        let report = try XCTUnwrap(made.report, "\(made.diagnostics)")
        let spanish = try XCTUnwrap(report.documents.first { $0.path == "Content/education/sleep.es.md" })
        XCTAssertEqual(spanish.language, "es")
        XCTAssertEqual(spanish.level.scores.values.map(\.name), ["fernandez_huerta", "szigriszt_pazos"])
        XCTAssertEqual(spanish.target, 7, "the target is data: the source's")
        XCTAssertEqual(spanish.review?.reviewed, CalendarDate("2026-10-01"))
        XCTAssertEqual(spanish.review?.due, CalendarDate("2027-10-01"))
        XCTAssertEqual(spanish.review?.reviewedBy, "Rosa Delgado, LCSW")
        XCTAssertEqual(spanish.sources, 1)
        XCTAssertEqual(report.documents.first { $0.path == "Content/education/sleep.md" }?.language, "en")
        XCTAssertFalse(report.findings.contains { $0.path == "Content/education/sleep.es.md" && $0.kind == .sources })
    }
}
