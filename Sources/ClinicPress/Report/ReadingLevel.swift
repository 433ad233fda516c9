import Foundation

/// A text's reading-level indexes, by language (formulas in DOMAIN.md, "Health literacy").
public enum ReadingScores: Sendable, Equatable {
    case english(fleschKincaid: Double, fleschReadingEase: Double, smog: Double)
    case spanish(fernandezHuerta: Double, szigrisztPazos: Double)

    /// `grade` in report.json: index name -> value, two decimals.
    public var values: [(name: String, value: Double)] {
        switch self {
        case .english(let fk, let fre, let smog):
            return [("flesch_kincaid", fk), ("flesch_reading_ease", fre), ("smog", smog)]
        case .spanish(let fh, let sp):
            return [("fernandez_huerta", fh), ("szigriszt_pazos", sp)]
        }
    }

    /// The number set against the target: the Flesch-Kincaid grade in English. Spanish has no
    /// grade formula of its own: its INFLESZ score (Szigriszt-Pazos) is mapped to a school grade
    /// by its bands, so "over target" reads the same in both languages (see `SpanishBands`).
    public var grade: Double {
        switch self {
        case .english(let fk, _, _): return fk
        case .spanish(_, let sp): return SpanishBands.grade(inflesz: sp)
        }
    }
}

/// The INFLESZ bands (very easy >80, fairly easy 65-80, normal 55-65, somewhat hard 40-55, very
/// hard <40) laid over school grades: "normal" is the 7th-8th grade health-literacy guidance asks for.
public enum SpanishBands {
    public static func grade(inflesz score: Double) -> Double {
        // Linear within each band, so a document moves smoothly across a target.
        let points: [(score: Double, grade: Double)] = [(100, 2), (80, 5), (65, 7), (55, 9), (40, 13), (0, 18)]
        if score >= points[0].score { return points[0].grade }
        for index in 1..<points.count where score >= points[index].score {
            let (high, low) = (points[index - 1], points[index])
            return low.grade + (score - low.score) / (high.score - low.score) * (high.grade - low.grade)
        }
        return points.last!.grade
    }
}

/// The counts behind the indexes, textstat's way (TextCounts): words and syllables over the whole
/// text, sentences of three words or more.
public struct ReadingLevel: Sendable, Equatable {
    public var words: Int
    public var sentences: Int
    public var syllables: Int
    /// Words of three syllables or more (SMOG).
    public var polysyllables: Int
    public var scores: ReadingScores

    public init(text: String, counter: SyllableCounter) {
        let words = TextCounts.words(text)
        let perWord = words.map(counter.count)
        self.words = words.count
        self.sentences = TextCounts.sentenceCount(text)
        self.syllables = perWord.reduce(0, +)
        self.polysyllables = perWord.filter { $0 >= 3 }.count
        self.scores = ReadingLevel.scores(words: self.words, sentences: sentences, syllables: syllables,
                                          polysyllables: polysyllables, language: counter.language)
    }

    static func scores(words: Int, sentences: Int, syllables: Int, polysyllables: Int, language: ReadingLanguage) -> ReadingScores {
        // An empty text scores 0, as in textstat.
        guard words > 0, sentences > 0, syllables > 0 else {
            return language == .spanish ? .spanish(fernandezHuerta: 0, szigrisztPazos: 0)
                : .english(fleschKincaid: 0, fleschReadingEase: 0, smog: 0)
        }
        let wordsPerSentence = Double(words) / Double(sentences)
        let syllablesPerWord = Double(syllables) / Double(words)
        switch language {
        case .english:
            return .english(
                fleschKincaid: 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59,
                fleschReadingEase: 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord,
                smog: 1.043 * (30 * Double(polysyllables) / Double(sentences)).squareRoot() + 3.1291)
        case .spanish:
            // Fernández-Huerta with its own variables: syllables and sentences per 100 words.
            let p = 100 * syllablesPerWord, f = 100 * Double(sentences) / Double(words)
            return .spanish(fernandezHuerta: 206.84 - 0.60 * p - 1.02 * f,
                            szigrisztPazos: 206.835 - 62.3 * syllablesPerWord - wordsPerSentence)
        }
    }
}
