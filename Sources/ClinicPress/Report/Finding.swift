import Foundation

/// The kinds of thing the report finds; the raw value is the name in report.json's `summary`
/// and, for the kinds CI can gate on, in `--fail-on`.
public enum FindingKind: String, Sendable, CaseIterable, Codable, Comparable {
    case grade, overdue, dueSoon = "due-soon", neverReviewed = "never-reviewed", reviewer, sources
    case hours, imageAlt = "image-alt", linkText = "link-text", crisisBlock = "crisis-block", headingSkip = "heading-skip"

    /// The kinds `--fail-on` accepts.
    public static let gates: [FindingKind] = [.grade, .overdue, .dueSoon, .sources, .reviewer]

    /// The kinds a gate fails on: a document never reviewed is as stale as an overdue one.
    public var gated: [FindingKind] { self == .overdue ? [.overdue, .neverReviewed] : [self] }

    /// Whether `check` shows it as a warning. Not: what the check stage reports itself (weekly
    /// hours, images without alt text), and an article without a crisis block, which is advice
    /// for the review (every page and handout shows the crisis lines anyway), not a defect.
    var warnsInCheck: Bool { ![.hours, .imageAlt, .crisisBlock].contains(self) }

    public static func < (a: FindingKind, b: FindingKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One thing for the writer or the clinical director to act on, with where it is.
public struct Finding: Sendable, Equatable {
    public var kind: FindingKind
    /// Relative to the site folder (`Content/education/x.md`).
    public var path: String
    /// 1-based; 0 for the whole file.
    public var line: Int
    /// The key it concerns (`reviewed`), when there is one.
    public var key: String?
    public var message: String
    public var hint: String?

    /// As a warning of `clinicpress check`.
    public var diagnostic: Diagnostic {
        Diagnostic(.warning, file: path, line: line, column: line > 0 ? 1 : 0, key: key, message: message, hint: hint)
    }
}

extension Array where Element == Finding {
    /// Count of each kind, every kind present (zero included), for `summary`.
    public var counts: [FindingKind: Int] {
        var counts = Dictionary(uniqueKeysWithValues: FindingKind.allCases.map { ($0, 0) })
        for finding in self { counts[finding.kind, default: 0] += 1 }
        return counts
    }

    /// Whether any finding falls under the given `--fail-on` kinds.
    public func fails(on gates: [FindingKind]) -> Bool {
        let kinds = Set(gates.flatMap(\.gated))
        return contains { kinds.contains($0.kind) }
    }
}
