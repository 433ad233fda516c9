import CHyphen
import Foundation

/// libhyphen with a language's patterns (Debian `hyphen-en-us`, `hyphen-es`): the syllables of a
/// word the pronunciation dictionary lacks are its hyphenation points plus one, as Pyphen (the
/// same LibreOffice patterns) gives textstat.
public final class Hyphenator: @unchecked Sendable {
    // One dictionary is only used by one thread at a time (the report measures documents in turn);
    // libhyphen keeps no state between calls besides the loaded patterns.
    private let dictionary: UnsafeMutablePointer<HyphenDict>
    public let path: String

    /// The pattern files for a language code, most specific first.
    static func patternFiles(language: String) -> [String] {
        let folders = ["/usr/share/hyphen", "/usr/local/share/hyphen"]
        let names: [String]
        switch ReadingLanguage(code: language) {
        case .spanish: names = ["hyph_es_ES.dic", "hyph_es.dic"]
        case .english: names = ["hyph_en_US.dic", "hyph_en.dic"]
        }
        return folders.flatMap { folder in names.map { "\(folder)/\($0)" } }
    }

    public static func load(language: String) -> Hyphenator? {
        for path in patternFiles(language: language) where FileManager.default.fileExists(atPath: path) {
            if let dictionary = hnj_hyphen_load(path) { return Hyphenator(dictionary: dictionary, path: path) }
        }
        return nil
    }

    private init(dictionary: UnsafeMutablePointer<HyphenDict>, path: String) {
        // libhyphen keeps a file's LEFTHYPHENMIN/RIGHTHYPHENMIN (3 on the right in hyph_en_US),
        // which is about typesetting; Pyphen ignores them for its own 2 and 2, applied in `points`.
        dictionary.pointee.lhmin = 1
        dictionary.pointee.rhmin = 1
        dictionary.pointee.clhmin = 1
        dictionary.pointee.crhmin = 1
        self.dictionary = dictionary
        self.path = path
    }

    deinit { hnj_hyphen_free(dictionary) }

    /// Hyphenation points of a lower-case word, counted in characters, at least two characters
    /// from either end (Pyphen's default `left=2, right=2`).
    public func points(_ word: String) -> Int {
        let bytes = Array(word.utf8)
        guard !bytes.isEmpty, bytes.count < 1000 else { return 0 }
        var hyphens = [CChar](repeating: 0, count: bytes.count + 5)
        var replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var positions: UnsafeMutablePointer<Int32>?
        var cuts: UnsafeMutablePointer<Int32>?
        let failed = bytes.withUnsafeBufferPointer { wordBytes in
            wordBytes.withMemoryRebound(to: CChar.self) { chars in
                hnj_hyphen_hyphenate2(dictionary, chars.baseAddress, Int32(bytes.count), &hyphens, nil, &replacements, &positions, &cuts)
            }
        }
        defer { freeNonStandard(replacements, positions, cuts, count: bytes.count) }
        guard failed == 0 else { return 0 }
        // libhyphen marks the byte after which a break may come; count in characters, as Pyphen does.
        let characters = word.unicodeScalars.count
        var points = 0
        var charactersSoFar = 0
        for (index, byte) in bytes.enumerated() {
            if byte & 0xC0 != 0x80 { charactersSoFar += 1 }
            let lastByteOfCharacter = index + 1 == bytes.count || bytes[index + 1] & 0xC0 != 0x80
            guard lastByteOfCharacter, hyphens[index] & 1 == 1 else { continue }
            if charactersSoFar >= 2, charactersSoFar <= characters - 2 { points += 1 }
        }
        return points
    }

    private func freeNonStandard(_ replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                 _ positions: UnsafeMutablePointer<Int32>?, _ cuts: UnsafeMutablePointer<Int32>?, count: Int) {
        if let replacements {
            for index in 0..<count { free(replacements[index]) }
            free(replacements)
        }
        free(positions)
        free(cuts)
    }
}
