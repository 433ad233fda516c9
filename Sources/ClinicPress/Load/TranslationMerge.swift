/// A translation is a file beside its source with the language before the extension
/// (`sleep-and-mood.es.md` beside `sleep-and-mood.md`). It gives the source's texts in its own
/// language; the data (days, times, dates, level of care, order, references) stays the source's,
/// so the two can never disagree about when a group meets. This merges the two sets of keys.
enum TranslationMerge {
    /// Keys a translation has for itself, whatever its source says: who checked the translation
    /// and when, and whether it is ready.
    static let ownKeys: [ContentKey] = [.optional("reviewed", .date), .optional("reviewed_by", .text), .optional("draft", .flag)]

    /// The keys a translation is read with: the kind's, none required (the source has them),
    /// plus its own keys.
    static func readingKeys(_ keys: [ContentKey]) -> [ContentKey] {
        optional(keys) + ownKeys.filter { own in !keys.contains { $0.name == own.name } }
    }

    private static func optional(_ keys: [ContentKey]) -> [ContentKey] {
        keys.map { key in
            var key = key
            key.required = nil
            switch key.type {
            case .entries(let inner): key.type = .entries(optional(inner))
            case .textsOrEntries(let inner): key.type = .textsOrEntries(optional(inner))
            default: break
            }
            return key
        }
    }

    /// The source's keys with the translation's texts in place of its own. A data key the
    /// translation repeats must say the same; a key the source lacks is an error; lists of
    /// entries (tracks, sessions) must have as many items, merged item by item.
    static func merge(source: Fields, translation: Fields, keys: [ContentKey], sourceFile: String,
                      report: DiagnosticCollector) -> Fields {
        var merged = source
        merged.file = translation.file
        let own = Set(ownKeys.map(\.name))
        for key in keys + ownKeys where translation.values[key.name] != nil {
            let value = translation.values[key.name]!
            let where_ = translation.position(key.name), qualified = translation.qualified(key.name)
            if translation.path.isEmpty && own.contains(key.name) {
                merged.values[key.name] = value
                merged.positions[key.name] = where_
                continue
            }
            guard let original = source.values[key.name] else {
                report.add(.error(translation.file, where_, key: qualified,
                                  "'\(qualified)' is not in the source file \(sourceFile)",
                                  hint: "a translation gives the keys of its source in another language: add '\(key.name)' to \(sourceFile) first, or remove it here"))
                continue
            }
            switch (key.type, original, value) {
            case (.entries(let inner), .entries(let mine), .entries(let theirs)),
                 (.textsOrEntries(let inner), .entries(let mine), .entries(let theirs)):
                guard mine.count == theirs.count else {
                    report.add(.error(translation.file, where_, key: qualified,
                                      "'\(qualified)' has \(theirs.count) item\(theirs.count == 1 ? "" : "s") here and \(mine.count) in \(sourceFile)",
                                      hint: "list the same items in the same order as the source, each with only its words translated"))
                    continue
                }
                merged.values[key.name] = .entries(zip(mine, theirs).map { item in
                    mergeItem(item.0, item.1, keys: inner, sourceFile: sourceFile, report: report)
                })
            default:
                if key.isTranslatedText {
                    merged.values[key.name] = value
                } else if describe(original) != describe(value) {
                    report.add(.error(translation.file, where_, key: qualified,
                                      "'\(qualified)' is \(describe(value)) here but \(describe(original)) in \(sourceFile)",
                                      hint: "dates, times, days, slugs and other data come from the source file: remove '\(key.name)' from this translation, or change it in \(sourceFile)"))
                }
            }
        }
        return merged
    }

    /// One item of a list (a track, a session, a component written as a text or as keys).
    private static func mergeItem(_ source: Fields, _ translation: Fields, keys: [ContentKey], sourceFile: String,
                                  report: DiagnosticCollector) -> Fields {
        if let text = translation.plainText {
            var merged = source
            if source.plainText != nil {
                merged.plainText = text
            } else if source.values["name"] != nil {
                merged.values["name"] = .text(text)
            }
            return merged
        }
        return merge(source: source, translation: translation, keys: keys, sourceFile: sourceFile, report: report)
    }

    /// A value as a person reads it in a message; two values are the same data when these agree.
    static func describe(_ value: FieldValue) -> String {
        switch value {
        case .text(let text): return "'\(text)'"
        case .texts(let texts): return "[" + texts.joined(separator: ", ") + "]"
        case .integer(let number): return String(number)
        case .flag(let flag): return flag ? "true" : "false"
        case .date(let date): return date.iso
        case .time(let time): return time.text
        case .days(let days): return "[" + days.map(\.rawValue).joined(separator: ", ") + "]"
        case .references(let references): return "[" + references.map(\.slug).joined(separator: ", ") + "]"
        case .entries(let entries): return "\(entries.count) items"
        case .image(let image): return "assets/" + image.asset
        }
    }
}

/// The language part of a translation's file name: `sleep-and-mood.es` is `sleep-and-mood` in `es`.
struct TranslationName: Equatable {
    var slug: String
    var language: String

    /// Nil when the name has no language part (`sleep-and-mood`).
    static func parse(stem: String) -> TranslationName? {
        guard let dot = stem.lastIndex(of: ".") else { return nil }
        let language = String(stem[stem.index(after: dot)...])
        guard LanguageCode.isValid(language) else { return nil }
        return TranslationName(slug: String(stem[..<dot]), language: language)
    }
}

/// A language as `site.yml` names it: `en`, `es`, `pt-BR` (BCP 47 language and optional region).
enum LanguageCode {
    static func isValid(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        guard parts.count <= 2 else { return false }
        if parts.count == 2 {
            let region = parts[1]
            return region.count == 2 && region.allSatisfy { $0.isASCII && $0.isUppercase }
        }
        return true
    }
}
