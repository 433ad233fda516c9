import Foundation

/// A day of the week as written in content files: `mon` ... `sun`.
public enum Weekday: String, CaseIterable, Sendable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    public var index: Int { Weekday.allCases.firstIndex(of: self)! }
    public static func < (a: Weekday, b: Weekday) -> Bool { a.index < b.index }

    /// The English name, for schema.org and for messages to the clinic's staff; pages take day
    /// names from the strings file.
    public var name: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][index]
    }
    public var schemaOrg: String { "https://schema.org/" + name }
}

/// A wall-clock time, `HH:MM` on the 24-hour clock.
public struct TimeOfDay: Hashable, Comparable, Sendable {
    public let minutes: Int

    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        minutes = hour * 60 + minute
    }

    public init(minutes: Int) { self.minutes = minutes }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }
    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }

    /// `09:30`
    public var text: String { String(format: "%02d:%02d", hour, minute) }
    /// `9:30 AM`, `12:00 PM`, for messages to the clinic's staff; pages use `LocaleFormatter`.
    public var display: String {
        let h12 = hour % 12 == 0 ? 12 : hour % 12
        return String(format: "%d:%02d %@", h12, minute, hour < 12 ? "AM" : "PM")
    }
}

/// A calendar date, `YYYY-MM-DD`, checked to exist (no 2026-13-40, no February 30).
public struct CalendarDate: Hashable, Comparable, Sendable {
    public let year: Int, month: Int, day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `2026-11-23`
    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    /// `20261123`, for iCalendar.
    public var compact: String { String(format: "%04d%02d%02d", year, month, day) }

    /// Days since 1970-01-01 (proleptic Gregorian), for weekday and arithmetic.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((daysSinceEpoch % 7) + 7 + 3) % 7
        return Weekday.allCases[index]
    }

    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(month: m, year: y)))!
    }

    /// The date of an instant in a time zone.
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }
}

/// Level of care, as the ASAM levels name them. Pages name them from the strings file.
public enum LevelOfCare: String, CaseIterable, Sendable {
    case op, iop, php
    /// `IOP`, for messages to the clinic's staff.
    public var shortName: String { rawValue.uppercased() }
}

public enum ProgramAudience: String, CaseIterable, Sendable {
    case adults, adolescents, youngAdults = "young-adults", olderAdults = "older-adults"
    /// For messages to the clinic's staff; pages name audiences from the strings file.
    public var name: String {
        switch self {
        case .adults: return "Adults"
        case .adolescents: return "Adolescents"
        case .youngAdults: return "Young adults"
        case .olderAdults: return "Older adults"
        }
    }
}

public enum ReaderAudience: String, CaseIterable, Sendable {
    case family, client, everyone
}

public enum Paper: String, CaseIterable, Sendable {
    case letter, a4
}

public enum Slug {
    /// A slug is a file name without its extension, lowercased: letters, digits and hyphens.
    public static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    /// Turns any text into slug form: used for heading ids and for suggesting a file name.
    public static func make(from text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        // "Información" -> "informacion": accents are dropped, not the letters.
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        for scalar in folded.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" || scalar == "_" || scalar == "/" {
                pendingHyphen = true
            }
        }
        return slug
    }
}
