import Foundation

/// The pronunciation dictionary and hyphenation patterns the report counts syllables with,
/// loaded once per run for the languages the site's documents are in.
public struct ReadingTools: Sendable {
    public var dictionary: PronouncingDictionary?
    public var hyphenators: [ReadingLanguage: Hyphenator]
    /// What is missing, as warnings: the counts are then approximate, not wrong enough to stop.
    public var warnings: [Diagnostic]

    public init(dictionary: PronouncingDictionary?, hyphenators: [ReadingLanguage: Hyphenator], warnings: [Diagnostic] = []) {
        self.dictionary = dictionary
        self.hyphenators = hyphenators
        self.warnings = warnings
    }

    public static func load(for languages: Set<ReadingLanguage>) -> ReadingTools {
        var warnings: [Diagnostic] = []
        var dictionary: PronouncingDictionary?
        if languages.contains(.english) {
            dictionary = PronouncingDictionary.locate()
            if dictionary == nil {
                warnings.append(.warning("report", "the CMU Pronouncing Dictionary was not found, so English syllables are counted from hyphenation patterns alone and grades may differ from textstat's",
                                         hint: "run 'make deps' (scripts/install-deps.sh) in the ClinicPress folder, or set CLINICPRESS_CMUDICT to a cmudict.dict file"))
            }
        }
        var hyphenators: [ReadingLanguage: Hyphenator] = [:]
        for language in languages.sorted(by: { $0.rawValue < $1.rawValue }) {
            if let hyphenator = Hyphenator.load(language: language.rawValue) {
                hyphenators[language] = hyphenator
            } else {
                let package = language == .spanish ? "hyphen-es" : "hyphen-en-us"
                warnings.append(.warning("report", "no hyphenation patterns for '\(language.rawValue)' were found, so syllables of words the dictionary lacks are guessed from vowels",
                                         hint: "install the Debian package \(package)"))
            }
        }
        return ReadingTools(dictionary: dictionary, hyphenators: hyphenators, warnings: warnings)
    }

    public func counter(for language: ReadingLanguage) -> SyllableCounter {
        SyllableCounter(language: language, dictionary: dictionary, hyphenator: hyphenators[language])
    }
}
