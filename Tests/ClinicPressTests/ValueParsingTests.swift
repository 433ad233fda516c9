import XCTest
@testable import ClinicPress

/// Phone numbers, text lines, the site's address, SOURCE_DATE_EPOCH and control characters:
/// values read from content or the environment that a page, a link or a terminal would use.
final class ValueParsingTests: XCTestCase {
    private func href(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        switch PhoneNumber.parse(text) {
        case .success(let phone):
            XCTAssertEqual(phone.written, text.trimmingCharacters(in: .whitespaces), "shown as written", file: file, line: line)
            return phone.href
        case .failure:
            return nil
        }
    }

    private func problem(_ text: String) -> String? {
        if case .failure(let problem) = PhoneNumber.parse(text) { return problem.message }
        return nil
    }

    func testPhoneNumbersDialTheirDigits() {
        XCTAssertEqual(href("(847) 555-0142"), "tel:8475550142")
        XCTAssertEqual(href("847.555.0142"), "tel:8475550142")
        XCTAssertEqual(href("1-847-555-0142"), "tel:18475550142")
        XCTAssertEqual(href("988"), "tel:988")
        XCTAssertEqual(href("911"), "tel:911")
        XCTAssertEqual(href("741741"), "tel:741741")
        XCTAssertEqual(href("+1 (847) 555-0142"), "tel:+18475550142")
        XCTAssertEqual(href("+44 20 7946 0958"), "tel:+442079460958")
        XCTAssertEqual(href("+44 (0)20 7946 0958"), "tel:+442079460958", "the trunk 0 is not dialled from abroad")
    }

    func testVanityLettersAreKeypadDigitsAndTheirRepeatIsNotDialledTwice() {
        XCTAssertEqual(href("1-800-662-HELP (4357)"), "tel:18006624357")
        XCTAssertEqual(href("1-800-662-HELP"), "tel:18006624357")
        XCTAssertEqual(href("1-800-662-help"), "tel:18006624357")
        XCTAssertEqual(href("1-800-662-HELP (662-4357)"), "tel:18006624357")
        XCTAssertEqual(href("1-800-662-HELP (1-800-662-4357)"), "tel:18006624357")
        XCTAssertEqual(href("1-800-FLOWERS"), "tel:18003569377")
        XCTAssertEqual(href("1-800-GOT-JUNK (468-5865)"), "tel:18004685865")
        XCTAssertEqual(href("1-800-PQRS-WXY"), "tel:18007777999", "PQRS is 7, WXYZ is 9")
        XCTAssertEqual(problem("1-800-662-HELP (4358)"),
                       "the digits in parentheses (4358) are not the digits of its letters (HELP is 4357)")
        XCTAssertNotNil(problem("1-800-662-HELP (57)"), "a repeat must cover every letter")
        XCTAssertNotNil(problem("1-800-662-HELP4357"), "15 digits")
    }

    func testExtensionsAreKeptApart() {
        XCTAssertEqual(href("(847) 555-0142 ext. 12"), "tel:8475550142;ext=12")
        XCTAssertEqual(href("(847) 555-0142 ext 12"), "tel:8475550142;ext=12")
        XCTAssertEqual(href("(847) 555-0142 Extension 12"), "tel:8475550142;ext=12")
        XCTAssertEqual(href("(847) 555-0142 x12"), "tel:8475550142;ext=12")
        XCTAssertEqual(href("847-555-0142x12"), "tel:8475550142;ext=12")
        XCTAssertEqual(href("1-800-FLOWERS x12"), "tel:18003569377;ext=12")
        XCTAssertNotNil(problem("(847) 555-0142,12"), "a pause is refused, with a hint to write ext.")
    }

    func testWordsAndWrongLengthsAreRefused() {
        XCTAssertEqual(problem("Call 988"), "'Call' is a word, not part of the number")
        XCTAssertEqual(problem("(847) 555-0142 main"), "'main' is a word, not part of the number")
        XCTAssertEqual(problem("988 now"),
                       "letters stand for digits only in a full number (10 digits, or 11 starting with 1, or +country code), not after 988")
        XCTAssertEqual(problem("(847) 555-0142 (main desk)"), "'(main desk)' is not part of the number")
        XCTAssertNotNil(problem("555-0142 (4357)"), "parentheses after a number without letters")
        XCTAssertNotNil(problem("555-0142"), "7 digits: no area code")
        XCTAssertNotNil(problem("12"), "too short")
        XCTAssertNotNil(problem("2847-555-0142"), "11 digits not starting with 1")
        XCTAssertNotNil(problem("+44 20"), "too short for an international number")
        XCTAssertNotNil(problem("+1234567890123456"), "16 digits")
        XCTAssertNotNil(problem("988#"))
        XCTAssertNotNil(problem("*988"))
        XCTAssertNotNil(problem("98+8"))
        XCTAssertNotNil(problem("(847 555-0142"))
        XCTAssertNotNil(problem("９８８"), "fullwidth digits are not ASCII digits")
        XCTAssertNotNil(problem("ext. 12"))
    }

    func testTextLinesNeedANumberAndMayCarryAKeyword() throws {
        let keyword = try TextLine.parse("Text HOME to 741741").get()
        XCTAssertEqual(keyword.href, "sms:741741?body=HOME")
        XCTAssertEqual(keyword.keyword, "HOME")
        XCTAssertEqual(keyword.number, "741741")
        XCTAssertEqual(try TextLine.parse("text START to 741-741").get().href, "sms:741741?body=START")
        XCTAssertEqual(try TextLine.parse("HOME to 741741").get().href, "sms:741741?body=HOME")
        XCTAssertEqual(try TextLine.parse("988").get().href, "sms:988")
        XCTAssertEqual(try TextLine.parse("838255").get().href, "sms:838255")
        XCTAssertEqual(try TextLine.parse("Text 988").get().href, "sms:988")
        for bad in ["Text HOME", "HOME", "741741 HOME", "Text HOME NOW to 741741", "Text H*ME to 741741",
                    "Text HOME to 1-800-662-HELP", "(847) 555-0142 ext. 12", "Text HOME to"] {
            XCTAssertThrowsError(try TextLine.parse(bad).get(), bad)
        }
    }

    private func address(_ text: String) -> String? { try? SiteAddress.parse(text).get().text }
    private func addressProblem(_ text: String) -> SiteAddress.Problem? {
        if case .failure(let problem) = SiteAddress.parse(text) { return problem }
        return nil
    }

    func testSiteAddressesArePublishedInTheirNormalForm() {
        XCTAssertEqual(address("https://example.org/"), "https://example.org/")
        XCTAssertEqual(address("https://example.org"), "https://example.org/")
        XCTAssertEqual(address("HTTPS://Example.ORG:443/clinic"), "https://example.org/clinic/")
        XCTAssertEqual(address("http://example.org:80/"), "http://example.org/")
        XCTAssertEqual(address("http://localhost:8080/a/b/"), "http://localhost:8080/a/b/")
        XCTAssertEqual(address("https://[::1]:8443/"), "https://[::1]:8443/")
        XCTAssertEqual(address("https://example.org/o'brien&co/"), "https://example.org/o'brien&co/")
        XCTAssertEqual(address("https://example.org/cl%c3%adnica"), "https://example.org/cl%C3%ADnica/")
        XCTAssertEqual(address("https://example.org/clínica"), "https://example.org/cl%C3%ADnica/")
        XCTAssertEqual(address("https://example.org/a\"b"), "https://example.org/a%22b/")
    }

    func testSiteAddressesThatWouldCorruptLinksAreRefused() {
        XCTAssertEqual(addressProblem("https://example.org/\nDisallow: /")?.message, "it contains a control character (U+000A)")
        XCTAssertEqual(addressProblem("https://example.org/\nDisallow: /")?.hint(prefix: "url: "),
                       "write the address on one line, such as 'url: https://example.org/'")
        XCTAssertEqual(addressProblem("https://example.org/\u{1B}[31m")?.message, "it contains a control character (U+001B)")
        XCTAssertEqual(addressProblem("https://example.org/#x")?.hint(), "write 'https://example.org/'")
        XCTAssertEqual(addressProblem("https://example.org/a?q=1")?.message, "it has a query ('?q=1')")
        XCTAssertEqual(addressProblem("https://example.org/a?q=1")?.hint(), "write 'https://example.org/a/'")
        XCTAssertEqual(addressProblem("https://u:p@example.org/")?.hint(), "write 'https://example.org/'")
        XCTAssertEqual(addressProblem("https://example.org/a b")?.hint(), "write 'https://example.org/a%20b/'")
        for bad in ["ftp://example.org/", "example.org", "https://", "https:///path", "https://exa mple.org/",
                    "https://example.org:0/", "https://example.org:99999/", "https://example.org:80a/",
                    "https://exa_mple.org/", "https://-example.org/", "https://example..org/", "https://bücher.de/",
                    "https://example.org/a/../b", "https://example.org/./", "https://example.org//a", "https://example.org/%zz",
                    "https://example.org/%4", "javascript://example.org/%0Aalert(1)", "https://example.org/\u{85}"] {
            XCTAssertNil(address(bad), bad)
        }
    }

    func testSourceDateEpochIsDigitsUpToTheYear9999() throws {
        XCTAssertNil(try SourceDateEpoch.parse(nil).get())
        XCTAssertNil(try SourceDateEpoch.parse("").get())
        XCTAssertEqual(try SourceDateEpoch.parse("0").get(), Date(timeIntervalSince1970: 0))
        XCTAssertEqual(try SourceDateEpoch.parse("1767225600").get(), Date(timeIntervalSince1970: 1_767_225_600))
        XCTAssertEqual(try SourceDateEpoch.parse("253402300799").get(), Date(timeIntervalSince1970: 253_402_300_799))
        for bad in ["nan", "inf", "-inf", "1767225600.5", "abc", "-1", "+1", " 1", "1 ", "1e9", "0x10", "١٢",
                    "253402300800", "99999999999999999999999"] {
            XCTAssertThrowsError(try SourceDateEpoch.parse(bad).get(), bad)
        }
        if case .failure(let problem) = SourceDateEpoch.parse("nan") {
            XCTAssertEqual(problem.description,
                           "SOURCE_DATE_EPOCH 'nan' is not a whole number of seconds; write the seconds since 1970-01-01 UTC as digits, such as 1767225600")
        }
    }

    func testControlCharactersAreFoundAndPrintedEscaped() {
        XCTAssertNil(ControlCharacters.first(in: "tab\tand\nlines\r\n and é ünïcode"))
        XCTAssertEqual(ControlCharacters.first(in: "red \u{1B}[31m"), "\u{1B}")
        XCTAssertEqual(ControlCharacters.first(in: "bell \u{07}"), "\u{07}")
        XCTAssertEqual(ControlCharacters.first(in: "del \u{7F}"), "\u{7F}")
        XCTAssertEqual(ControlCharacters.first(in: "csi \u{9B}2J"), "\u{9B}")
        XCTAssertNil(ControlCharacters.first(in: "\u{A0}nbsp is not a control"))
        XCTAssertEqual(ControlCharacters.escaped("a\u{1B}[31mb\u{07}\n\t\u{9B}c"), "a\\u{1B}[31mb\\u{07}\\u{0A}\\u{09}\\u{9B}c")
        XCTAssertEqual(ControlCharacters.escaped("plain ünïcode"), "plain ünïcode")
        let diagnostic = Diagnostic.error("Content/\u{1B}]0;x\u{07}.md", SourcePosition(line: 2, column: 3), key: "title",
                                          "'\u{1B}[2J' is bad", hint: "remove \u{1B}")
        XCTAssertEqual(diagnostic.description,
                       "Content/\\u{1B}]0;x\\u{07}.md:2:3: error: title: '\\u{1B}[2J' is bad\n    hint: remove \\u{1B}")
    }

    func testControlCharactersAreReportedWhereTheyAre() throws {
        let report = DiagnosticCollector()
        let text = "first\r\nsecond \u{1B}x\rthird\n\u{07}\u{07}\n"
        XCTAssertTrue(ControlCharacters.report(in: text, file: "f.md", firstLine: 5, report: report))
        XCTAssertEqual(report.all.map { "\($0.line):\($0.column)" }, ["6:8", "8:1"], "one per line, CRLF and CR are line ends")
        let many = DiagnosticCollector()
        ControlCharacters.report(in: String(repeating: "\u{1B}\n", count: 30), file: "f.md", firstLine: 1, report: many)
        XCTAssertEqual(many.all.count, 21, "twenty lines and a count of the rest")
    }

    func testEveryPhoneInSiteYMLIsParsedAtLoad() throws {
        let site = try TemporarySite.minimal([("Content/site.yml", """
            name: Test Clinic
            url: https://clinic.example.org/
            timezone: America/New_York
            phone: 1-800-662-HELP (4357)
            crisis:
              - name: Text line
                text: Text HOME to 741741
              - name: Bad line
                phone: Call 911
            """)])
        defer { site.remove() }
        let messages = site.generate().messages()
        XCTAssertTrue(messages.contains { $0.contains("Content/site.yml:9:12: error: crisis[2].phone: 'Call 911' is not a phone number") }, "\(messages)")
        try site.write("Content/site.yml", TemporarySite.siteYML.replacingOccurrences(of: "(555) 555-0100", with: "1-800-662-HELP (4357)")
            + "\ncrisis:\n  - name: Text line\n    text: Text HOME to 741741\n")
        let home = try XCTUnwrap(site.generate().file("index.html"))
        XCTAssertTrue(home.contains("href=\"tel:18006624357\">1-800-662-HELP (4357)</a>"), home)
        XCTAssertTrue(home.contains("<a class=\"crisis-action\" href=\"sms:741741?body=HOME\">Text HOME to 741741</a>"), home)
    }
}
