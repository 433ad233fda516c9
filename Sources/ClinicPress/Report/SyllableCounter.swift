import Foundation

/// The languages the report has reading-level formulas for, chosen by language code (`es`, `es-MX`);
/// any other code is measured as English.
public enum ReadingLanguage: String, Sendable {
    case english = "en", spanish = "es"

    public init(code: String) {
        let root = code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        self = root == "es" ? .spanish : .english
    }
}

/// Syllables of a word: the pronunciation dictionary first (English only), then hyphenation
/// points plus one, then one per group of vowels when the language has no patterns installed.
public struct SyllableCounter: Sendable {
    public let language: ReadingLanguage
    let dictionary: PronouncingDictionary?
    let hyphenator: Hyphenator?

    public init(language: ReadingLanguage, dictionary: PronouncingDictionary?, hyphenator: Hyphenator?) {
        self.language = language
        self.dictionary = language == .english ? dictionary : nil
        self.hyphenator = hyphenator
    }

    /// `word` as textstat's word list gives it (punctuation removed); it is lower-cased here.
    public func count(_ word: String) -> Int {
        let lower = word.lowercased()
        if let known = dictionary?.syllables(lower) { return known }
        if let hyphenator { return hyphenator.points(lower) + 1 }
        return Self.vowelGroups(lower)
    }

    /// Last resort, only without hyphenation patterns: runs of vowels, at least one.
    static func vowelGroups(_ word: String) -> Int {
        var groups = 0
        var inVowel = false
        for character in word {
            let vowel = "aeiouyáéíóúü".contains(character)
            if vowel && !inVowel { groups += 1 }
            inVowel = vowel
        }
        return max(groups, 1)
    }
}
