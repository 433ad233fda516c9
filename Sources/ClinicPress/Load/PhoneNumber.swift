import Foundation

/// A telephone number as written in content (`phone:` in site.yml and its crisis lines), and the
/// number its `tel:` link dials. A crisis link that dials the wrong number is the worst fault this
/// tool could have, so a number is read by a fixed rule or refused with a hint; nothing is guessed.
///
/// The rule:
/// - Digits, with spaces, `-`, `.`, `/` and parentheses between them: `(847) 555-0142`.
/// - A leading `+` makes an international number (8 to 15 digits); in it a `(0)` after the
///   country code is left out, as it is dialled only from inside the country: `+44 (0)20 7946 0958`.
/// - Otherwise a number has 10 digits, or 11 starting with 1 (US), or 3 to 6 (a short code:
///   988, 911, 741741). Seven digits lack the area code, which a mobile phone needs.
/// - Letters are keypad letters (ABC = 2 ... WXYZ = 9), only inside a full number after its first
///   digits: `1-800-662-HELP`. A word before the number ("Call 988") or after a short code is an
///   error, never dialled.
/// - Parentheses after a vanity number may repeat the digits of its letters, and are then not
///   dialled again: `1-800-662-HELP (4357)` dials 18006624357. Any other text after the number is
///   an error.
/// - An extension at the end, `ext. 12`, `ext 12`, `extension 12` or `x12`, is kept apart:
///   `tel:8475550142;ext=12` (RFC 3966).
public struct PhoneNumber: Hashable, Sendable {
    /// As written, shown on pages: `1-800-662-HELP (4357)`.
    public let written: String
    /// What is dialled: `18006624357`, `988`, `+442079460958`.
    public let digits: String
    public let extensionDigits: String?
    /// The number had keypad letters.
    public let hasLetters: Bool

    /// `tel:18006624357`, `tel:8475550142;ext=12`
    public var href: String { "tel:" + digits + (extensionDigits.map { ";ext=" + $0 } ?? "") }

    /// Why a text is not a number: `message` completes "'...' is not a phone number: ".
    public struct Problem: Error, Hashable, Sendable {
        public var message: String
        public var hint: String
    }

    /// For the built-in crisis lines, which are known to parse.
    static func known(_ text: String) -> PhoneNumber { try! parse(text).get() }

    public static func parse(_ written: String) -> Result<PhoneNumber, Problem> {
        func problem(_ message: String, _ hint: String) -> Result<PhoneNumber, Problem> { .failure(Problem(message: message, hint: hint)) }
        let text = written.trimmingCharacters(in: .whitespaces)
        let (main, ext) = splitExtension(text)
        if let bad = main.first(where: { !isAllowed($0) }) {
            let pause = bad == "," || bad == ";" || bad == "#"
            return problem("'\(bad)' cannot be part of a number a link dials",
                           pause ? "write an extension as 'ext. 12' after the number" : "write only the number, with digits, spaces, '-' and parentheses")
        }
        let international = main.hasPrefix("+")
        if main.dropFirst().contains("+") { return problem("'+' may only start the number", "write '+' once, before the country code") }

        // Parentheses: split into the parts before the last group and that group, when the group
        // ends the text (it may repeat a vanity number's letters, or be a description).
        guard let groups = parenthesisGroups(main) else {
            return problem("its parentheses do not pair up", "write an area code as '(847) 555-0142'")
        }
        var number = main
        var trailing: Substring?
        if let last = groups.last, last.upperBound == main.endIndex,
           main[..<last.lowerBound].contains(where: { $0.isASCII && ($0.isNumber || $0.isLetter) }) {
            trailing = main[main.index(after: last.lowerBound)..<main.index(before: last.upperBound)]
            number = main[..<last.lowerBound]
        }
        let shown = number.trimmingCharacters(in: .whitespaces)
        if let trailing, trailing.contains(where: \.isLetter) {
            return problem("'(\(trailing))' is not part of the number", "write '\(shown)', and say what the number is for in the text around it")
        }
        // A word where the number starts is not dialled: "Call 988".
        if let firstLetter = number.firstIndex(where: \.isLetter),
           !number[..<firstLetter].contains(where: { $0.isASCII && $0.isNumber }) {
            let word = number[firstLetter...].prefix(while: \.isLetter)
            let suggestion = withoutWords(text)
            return problem("'\(word)' is a word, not part of the number",
                           suggestion.isEmpty ? "write only the number, such as '988'" : "write only the number, such as '\(suggestion)'")
        }

        // The digits to dial, letters read on the keypad.
        var digits = ""
        var firstLetterDigit: Int?
        var letterRange: Range<Substring.Index>?
        var index = number.startIndex
        while index < number.endIndex {
            let char = number[index]
            if char == "(", international, number[index...].hasPrefix("(0)") {
                index = number.index(index, offsetBy: 3)  // the trunk prefix, not dialled from abroad
                continue
            }
            if char.isASCII, char.isNumber {
                digits.append(char)
            } else if char.isLetter, let key = keypad(char) {
                if firstLetterDigit == nil { firstLetterDigit = digits.count }
                letterRange = (letterRange?.lowerBound ?? index)..<number.index(after: index)
                digits.append(key)
            } else if char.isLetter {
                return problem("'\(char)' is not a letter of a phone keypad", "write the number with digits")
            }
            index = number.index(after: index)
        }
        if digits.isEmpty { return problem("it has no digits", "write the number, such as '988' or '(847) 555-0142'") }
        let count = digits.count
        let fullLength = international ? (8...15).contains(count) : count == 10 || (count == 11 && digits.hasPrefix("1"))
        let shortCode = !international && (3...6).contains(count)

        if let firstLetterDigit, let letterRange {
            if !fullLength && count < 10 {
                let before = number[..<letterRange.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " -./("))
                return problem("letters stand for digits only in a full number (10 digits, or 11 starting with 1, or +country code), not after \(before)",
                               "write only the number, such as '\(withoutWords(text).isEmpty ? before : withoutWords(text))'")
            }
            if let trailing {
                let repeated = trailing.filter { $0.isASCII && $0.isNumber }
                let lettersDigits = String(digits.dropFirst(firstLetterDigit))
                guard !repeated.isEmpty, digits.hasSuffix(repeated), repeated.count >= lettersDigits.count else {
                    let letters = number[letterRange]
                    return problem("the digits in parentheses (\(trailing)) are not the digits of its letters (\(letters) is \(lettersDigits))",
                                   "write '\(shown) (\(lettersDigits))', or only '\(shown)'")
                }
            }
        } else if let trailing {
            return problem("the digits in parentheses (\(trailing)) are not part of the number; parentheses after a number may only repeat the digits of its letters",
                           "write '\(shown)'")
        }
        guard fullLength || (shortCode && firstLetterDigit == nil) else {
            if international {
                return problem("it has \(count) digits; an international number has 8 to 15 after the +",
                               "check the number: '+', the country code, then the number without its leading 0")
            }
            if firstLetterDigit != nil, let last = number.split(separator: " ").last, last.allSatisfy(\.isLetter) {
                return problem("'\(last)' is a word, not part of the number", "write only the number, such as '\(withoutWords(text))'")
            }
            let what = firstLetterDigit == nil ? "it has \(count) digits" : "with its letters read as digits it has \(count)"
            let hint = count == 7 ? "write the area code too, such as '(847) 555-0142'"
                : count < 3 ? "write the whole number, such as '988'"
                : "check the number; write an international number with + and its country code, such as '+44 20 7946 0958'"
            return problem("\(what); a US number has 10 (11 starting with 1), a short code 3 to 6, and an international number starts with +", hint)
        }
        return .success(PhoneNumber(written: text, digits: (international ? "+" : "") + digits, extensionDigits: ext,
                                    hasLetters: firstLetterDigit != nil))
    }

    /// `555-0142 ext. 12` -> (`555-0142`, `12`). The marker must follow a digit, a `)` or a space,
    /// so the X of a vanity word is not read as one.
    static func splitExtension(_ text: String) -> (Substring, String?) {
        let digits = text.reversed().prefix { $0.isASCII && $0.isNumber }
        guard (1...6).contains(digits.count) else { return (Substring(text), nil) }
        var rest = text.dropLast(digits.count)
        while rest.last == " " { rest = rest.dropLast() }
        if rest.last == ":" { rest = rest.dropLast() }
        let lower = rest.lowercased()
        guard let marker = ["extension", "ext.", "ext", "x"].first(where: { lower.hasSuffix($0) }) else { return (Substring(text), nil) }
        var main = rest.dropLast(marker.count)
        guard let before = main.last, before == " " || before == "," || before == ")" || (before.isASCII && before.isNumber) else {
            return (Substring(text), nil)
        }
        while main.last == " " || main.last == "," { main = main.dropLast() }
        return (main, String(digits.reversed()))
    }

    static func isAllowed(_ char: Character) -> Bool {
        (char.isASCII && (char.isNumber || char.isLetter)) || " -./()+".contains(char)
    }

    /// Ranges of `( ... )` groups; nil when they do not pair up or nest.
    static func parenthesisGroups(_ text: Substring) -> [Range<Substring.Index>]? {
        var groups: [Range<Substring.Index>] = []
        var open: Substring.Index?
        for index in text.indices {
            if text[index] == "(" {
                guard open == nil else { return nil }
                open = index
            } else if text[index] == ")" {
                guard let start = open else { return nil }
                groups.append(start..<text.index(after: index))
                open = nil
            }
        }
        return open == nil ? groups : nil
    }

    /// The text without its words (runs of letters standing alone): "Call us at 847 555 0142" -> "847 555 0142".
    static func withoutWords(_ text: String) -> String {
        text.split(separator: " ").filter { !$0.allSatisfy(\.isLetter) }.joined(separator: " ")
    }

    /// ABC = 2, DEF = 3, GHI = 4, JKL = 5, MNO = 6, PQRS = 7, TUV = 8, WXYZ = 9.
    static func keypad(_ letter: Character) -> Character? {
        guard let ascii = letter.uppercased().unicodeScalars.first?.value, letter.isASCII, (65...90).contains(ascii) else { return nil }
        let keys: [Character] = Array("22233344455566677778889999")
        return keys[Int(ascii) - 65]
    }
}

/// A number to send a text message to (`text:` of a crisis line): a number alone (`988`), or a
/// keyword and a number, `Text HOME to 741741`, which links to `sms:741741?body=HOME` and is
/// shown as "Text HOME to 741741". The number follows the rules of `PhoneNumber`, without letters
/// or an extension.
public struct TextLine: Hashable, Sendable {
    public let written: String
    /// The number as written: `741741`.
    public let number: String
    public let digits: String
    /// The word to send: `HOME`.
    public let keyword: String?

    /// `sms:741741?body=HOME` (RFC 5724)
    public var href: String { "sms:" + digits + (keyword.map { "?body=" + $0 } ?? "") }

    static func known(_ text: String) -> TextLine { try! parse(text).get() }

    public static func parse(_ written: String) -> Result<TextLine, PhoneNumber.Problem> {
        let example = "write the number, such as '741741', or a keyword and the number, such as 'Text HOME to 741741'"
        func problem(_ message: String, _ hint: String = example) -> Result<TextLine, PhoneNumber.Problem> {
            .failure(PhoneNumber.Problem(message: message, hint: hint))
        }
        let text = written.trimmingCharacters(in: .whitespaces)
        let words = text.split(separator: " ")
        var rest = words[...]
        if rest.first?.lowercased() == "text" { rest = rest.dropFirst() }
        var keyword: String?
        if let to = rest.firstIndex(where: { $0.lowercased() == "to" }) {
            guard to == rest.startIndex + 1 else {
                return problem("write one keyword between 'Text' and 'to', as 'Text HOME to 741741'")
            }
            let word = rest[rest.startIndex]
            guard word.count <= 30, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                return problem("the keyword '\(word)' may hold only letters and digits")
            }
            keyword = String(word)
            rest = rest[(to + 1)...]
        }
        let numberText = rest.joined(separator: " ")
        guard numberText.contains(where: { $0.isASCII && $0.isNumber }) else {
            return problem("it has no number to send the text to")
        }
        if keyword == nil, rest.contains(where: { $0.allSatisfy(\.isLetter) }) {
            let word = rest.first { $0.allSatisfy(\.isLetter) }!
            let number = rest.filter { !$0.allSatisfy(\.isLetter) }.joined(separator: " ")
            return problem("write the keyword before the number, as 'Text \(word) to \(number)'")
        }
        switch PhoneNumber.parse(numberText) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let phone):
            guard !phone.hasLetters, phone.extensionDigits == nil else {
                return problem("a text goes to digits only, without letters or an extension")
            }
            return .success(TextLine(written: text, number: phone.written, digits: phone.digits, keyword: keyword))
        }
    }
}
