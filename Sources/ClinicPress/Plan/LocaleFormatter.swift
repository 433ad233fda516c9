/// Dates, times, durations and lists in the words of the site's strings file. Everything that
/// differs between languages (names, word order, a 12- or 24-hour clock, "and") is a string,
/// so a new language needs a strings file and no code.
struct LocaleFormatter: Sendable {
    let strings: ThemeStrings

    /// `Monday, November 23, 2026` (`date.long`).
    func longDate(_ date: CalendarDate) -> String { fillDate(StringKeys.longDate, date) }
    /// `November 23, 2026` (`date.medium`).
    func date(_ date: CalendarDate) -> String { fillDate(StringKeys.mediumDate, date) }

    private func fillDate(_ key: String, _ date: CalendarDate) -> String {
        strings.fill(key, [
            "weekday": weekday(date.weekday), "month": strings[StringKeys.month(date.month)],
            "day": String(date.day), "year": String(date.year),
        ])
    }

    /// `9:30 AM`, `12:00 PM`, or `18:00` with a 24-hour `time.pattern`.
    func time(_ time: TimeOfDay) -> String {
        let hour12 = time.hour % 12 == 0 ? 12 : time.hour % 12
        return strings.fill(StringKeys.timePattern, [
            "hour12": String(hour12), "hour24": String(time.hour), "hour24_padded": twoDigits(time.hour),
            "minute": twoDigits(time.minute),
            "ampm": strings[time.hour < 12 ? StringKeys.am : StringKeys.pm],
        ])
    }

    /// `9:30 AM to 12:30 PM`
    func timeRange(_ start: TimeOfDay, _ end: TimeOfDay) -> String {
        strings.fill(StringKeys.timeRange, ["start": time(start), "end": time(end)])
    }

    /// `9:30 AM–12:30 PM`, where space is short.
    func shortTimeRange(_ start: TimeOfDay, _ end: TimeOfDay) -> String {
        strings.fill(StringKeys.shortTimeRange, ["start": time(start), "end": time(end)])
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    func weekday(_ day: Weekday) -> String { strings[StringKeys.weekday(day)] }
    /// `Mondays`, for "Mondays and Thursdays".
    func weekdayPlural(_ day: Weekday) -> String { strings[StringKeys.weekdayPlural(day)] }
    func weekdayShort(_ day: Weekday) -> String { strings[StringKeys.weekdayShort(day)] }

    /// `9 hours`, `1 hour`, `3 hours 15 minutes`, `45 minutes`: exact, never a rounded decimal.
    func duration(minutes total: Int) -> String {
        let hours = total / 60, minutes = total % 60
        let hoursText = hours == 1 ? strings[StringKeys.hour] : strings.fill(StringKeys.hours, ["count": String(hours)])
        let minutesText = minutes == 1 ? strings[StringKeys.minute] : strings.fill(StringKeys.minutes, ["count": String(minutes)])
        if hours == 0 { return minutesText }
        if minutes == 0 { return hoursText }
        return strings.fill(StringKeys.hoursAndMinutes, ["hours": hoursText, "minutes": minutesText])
    }

    /// `a, b and c`
    func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default:
            return items.dropLast().joined(separator: strings[StringKeys.listSeparator])
                + strings[StringKeys.listLastSeparator] + items.last!
        }
    }

    /// `Monday to Friday` for three or more days in a row, otherwise `Monday, Wednesday and Friday`.
    func dayRange(_ days: [Weekday]) -> String {
        let sorted = days.sorted()
        if sorted.count >= 3, let first = sorted.first, let last = sorted.last, last.index - first.index == sorted.count - 1 {
            return strings.fill(StringKeys.dayRange, ["first": weekday(first), "last": weekday(last)])
        }
        return list(sorted.map(weekday))
    }

    /// `12 weeks`, `1 week`
    func weeks(_ count: Int) -> String {
        count == 1 ? strings[StringKeys.lengthWeek] : strings.fill(StringKeys.lengthWeeks, ["count": String(count)])
    }

    func levelOfCare(_ level: LevelOfCare) -> String { strings[StringKeys.levelOfCare(level)] }
    func levelOfCareShort(_ level: LevelOfCare) -> String { strings[StringKeys.levelOfCareShort(level)] }
    func audience(_ audience: ProgramAudience) -> String { strings[StringKeys.audience(audience)] }
    func readers(_ readers: ReaderAudience) -> String { strings[StringKeys.readers(readers)] }
}
