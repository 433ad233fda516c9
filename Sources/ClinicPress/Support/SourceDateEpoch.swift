import Foundation

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org): the moment a build takes as now, so two builds
/// of the same content are byte for byte the same. It dates the copyright year, the past and
/// upcoming workshop sessions and the PDFs.
///
/// Only digits are accepted: seconds since 1970-01-01 UTC, up to the end of the year 9999 (a
/// five-digit year breaks every date format the site prints). `nan`, `inf`, `1.5`, `-1`, `+1`,
/// ` 1` and `abc` are refused rather than read as something else or ignored. An empty value
/// counts as unset, as it does for most tools.
public enum SourceDateEpoch {
    /// 9999-12-31T23:59:59Z
    public static let latest = 253_402_300_799

    /// The moment, nil when the variable is unset or empty; a failure's text says what is wrong.
    public static func parse(_ text: String?) -> Result<Date?, Problem> {
        guard let text, !text.isEmpty else { return .success(nil) }
        guard text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return .failure(Problem(value: text, reason: "is not a whole number of seconds"))
        }
        // More digits than an Int holds are after 9999 too.
        guard let seconds = Int(text), seconds <= latest else {
            return .failure(Problem(value: text, reason: "is after the year 9999"))
        }
        return .success(Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The variable of this process.
    public static var environment: Result<Date?, Problem> {
        parse(ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"])
    }

    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var value: String
        public var reason: String
        public var description: String {
            "SOURCE_DATE_EPOCH '\(ControlCharacters.escaped(value))' \(reason); write the seconds since 1970-01-01 UTC as digits, such as 1767225600"
        }
    }
}
