import Foundation

/// Words and sentences counted the way Python textstat 0.7.8 counts them, so a grade here and
/// textstat's grade on the same text agree (the tests compare them).
enum TextCounts {
    // textstat's expressions, in ICU syntax (NSRegularExpression); `\w`, `\s` and `\b` are Unicode-aware in both.
    /// `\b[^.!?]+[.!?]*`: a sentence starts at a word boundary and runs to its end marks.
    private static let sentence = try! NSRegularExpression(pattern: "\\b[^.!?]+[.!?]*")
    /// An apostrophe that does not start an English contraction's ending is removed ...
    private static let looseApostrophe = try! NSRegularExpression(pattern: "'(?!([tsd]|ve|ll|re))")
    /// ... and every other character that is neither a word character, a space nor an apostrophe.
    private static let punctuation = try! NSRegularExpression(pattern: "[^\\w\\s']")

    /// The words of a text: punctuation removed (apostrophes of contractions kept), split at spaces.
    static func words(_ text: String) -> [String] {
        var stripped = replace(looseApostrophe, in: text)
        stripped = replace(punctuation, in: stripped)
        return stripped.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// The sentences of a text as ranges of it (UTF-16 offsets), including those of two words or fewer.
    static func sentenceRanges(_ text: String) -> [NSRange] {
        sentence.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)).map(\.range)
    }

    /// textstat's sentence count: sentences of more than two words, at least one.
    static func sentenceCount(_ text: String) -> Int {
        let ns = text as NSString
        let all = sentenceRanges(text)
        let short = all.filter { words(ns.substring(with: $0)).count <= 2 }.count
        return text.isEmpty ? 0 : max(1, all.count - short)
    }

    private static func replace(_ expression: NSRegularExpression, in text: String) -> String {
        expression.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: "")
    }
}
