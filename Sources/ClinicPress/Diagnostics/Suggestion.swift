/// "Did you mean ...?" for misspelt keys, slugs, day names and template names.
enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let target = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(target, candidate.lowercased())
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = max(2, min(target.count, candidate.count) / 3)
        let isPrefix = candidate.lowercased().hasPrefix(target) || target.hasPrefix(candidate.lowercased())
        return distance <= limit || (isPrefix && target.count >= 3) ? candidate : nil
    }

    /// A hint naming the closest candidate, or listing the valid ones when there are few.
    static func hint(for word: String, in candidates: [String]) -> String? {
        if let match = closest(to: word, in: candidates) {
            return "did you mean '\(match)'?"
        }
        guard !candidates.isEmpty else { return nil }
        if candidates.count <= 8 {
            return "use one of: " + candidates.sorted().joined(separator: ", ")
        }
        return nil
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
