import Foundation

/// The CMU Pronouncing Dictionary, reduced to what the report needs: each word's syllable count
/// in its first pronunciation (the vowels, which carry a stress digit), as Python textstat counts them.
public struct PronouncingDictionary: Sendable {
    public let path: String
    private let syllables: [String: Int]

    /// Where the dictionary is looked for, in order (README, "Reading level"):
    /// `CLINICPRESS_CMUDICT` (the file itself), then `.dictionaries/cmudict.dict` in
    /// `CLINICPRESS_HOME` and in the folders above the running tool, where `make deps`
    /// (scripts/install-deps.sh) puts it.
    public static func candidates(environment: [String: String] = ProcessInfo.processInfo.environment,
                                  executable: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()) -> [String] {
        if let file = environment["CLINICPRESS_CMUDICT"], !file.isEmpty { return [file] }
        let homes = ToolHomes.folders(environment: environment, executable: executable)
        return homes.map { $0.appendingPathComponent(".dictionaries/cmudict.dict").path }
    }

    /// The first candidate that can be read, or nil.
    public static func locate(_ candidates: [String] = candidates()) -> PronouncingDictionary? {
        for path in candidates {
            if let data = FileManager.default.contents(atPath: path), let dictionary = PronouncingDictionary(data: data, path: path) {
                return dictionary
            }
        }
        return nil
    }

    /// Parses the dictionary's lines: `word PH1 PH2 ...`, a variant as `word(2) ...`, a comment after `#`.
    /// The bytes are scanned directly: the file has 135,000 lines and `check` reads it on every run.
    init?(data: Data, path: String) {
        var table: [String: Int] = [:]
        table.reserveCapacity(140_000)
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n"), hash = UInt8(ascii: "#"), paren = UInt8(ascii: "(")
            var index = 0
            let end = bytes.count
            while index < end {
                let lineStart = index
                while index < end, bytes[index] != newline { index += 1 }
                let lineEnd = index
                index += 1
                var wordEnd = lineStart
                while wordEnd < lineEnd, bytes[wordEnd] != space { wordEnd += 1 }
                guard wordEnd > lineStart else { continue }
                // `word(2)`: a second pronunciation; textstat takes the first.
                var nameEnd = wordEnd
                if bytes[wordEnd - 1] == UInt8(ascii: ")"), let open = (lineStart..<wordEnd).last(where: { bytes[$0] == paren }) {
                    nameEnd = open
                }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<nameEnd]), as: UTF8.self)
                guard table[word] == nil else { continue }
                var count = 0
                var position = wordEnd
                while position < lineEnd, bytes[position] != hash {
                    let byte = bytes[position]
                    // A phone ends at a space or the line's end; a vowel's ends with its stress digit.
                    let next = position + 1 < lineEnd ? bytes[position + 1] : space
                    if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), next == space || next == UInt8(ascii: "\r") { count += 1 }
                    position += 1
                }
                table[word] = count
            }
        }
        guard !table.isEmpty else { return nil }
        self.syllables = table
        self.path = path
    }

    /// For tests: a dictionary of the given words.
    init(entries: [String: Int], path: String = "(test)") {
        self.syllables = entries
        self.path = path
    }

    /// The syllables of a lower-case word, or nil when the dictionary does not have it.
    public func syllables(_ word: String) -> Int? { syllables[word] }
}
