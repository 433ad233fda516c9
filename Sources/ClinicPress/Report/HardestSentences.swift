import Foundation

/// A sentence that pulls a document over its target, where it is, and the words that make it hard.
public struct HardSentence: Sendable, Equatable {
    /// 1-based, counted from the top of the source file (front matter included).
    public var line: Int
    public var text: String
    /// The sentence's own grade (Flesch-Kincaid; for Spanish, its INFLESZ band as a grade).
    public var grade: Double
    /// Its words of many syllables (three in English, four in Spanish), each once.
    public var longWords: [String]
}

enum HardestSentences {
    /// How many sentences a document lists: enough to act on, few enough to read.
    static let limit = 3

    /// The sentences over `target`, hardest first (ties in reading order).
    static func find(in readable: ReadableText, counter: SyllableCounter, target: Int) -> [HardSentence] {
        let text = readable.text as NSString
        let longWord = counter.language == .spanish ? 4 : 3
        var found: [(index: Int, sentence: HardSentence)] = []
        for (index, range) in TextCounts.sentenceRanges(readable.text).enumerated() {
            let sentence = text.substring(with: range).trimmingCharacters(in: .whitespacesAndNewlines)
            let words = TextCounts.words(sentence)
            // textstat does not count sentences of two words or fewer; neither are they listed.
            guard words.count > 2 else { continue }
            let grade = ReadingLevel(text: sentence, counter: counter).scores.grade
            guard grade > Double(target) else { continue }
            var seen = Set<String>()
            let long = words.filter { counter.count($0) >= longWord && seen.insert($0.lowercased()).inserted }
            found.append((index, HardSentence(line: readable.line(at: range.location), text: sentence.replacingOccurrences(of: "\n", with: " "),
                                              grade: grade, longWords: long)))
        }
        return found.sorted { ($0.sentence.grade, -$0.index) > ($1.sentence.grade, -$1.index) }.prefix(limit).map(\.sentence)
    }
}
