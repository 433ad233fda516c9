import Foundation

/// `workshops.ics`: every session of every series, as RFC 5545 describes (see the README):
/// stable UIDs, a VTIMEZONE for the clinic's zone, CRLF line ends, lines folded at 75 octets.
struct ICalendar {
    let site: Site

    func render() -> String {
        let zone = site.timeZone
        let host = URL(string: site.baseURL)?.host ?? "clinicpress.invalid"
        let stamp = site.buildDate.compact + "T000000Z"
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ClinicPress//\(escape(site.settings.name))//EN",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(site.strings.fill(StringKeys.calendarName, ["clinic": site.settings.name])),
            "X-WR-TIMEZONE:" + zone.identifier,
        ]
        let years = site.workshops.flatMap { $0.sessions.map(\.date.year) }
        if let first = years.min(), let last = years.max() {
            lines += timeZoneLines(zone, from: first, through: last)
        }
        for series in site.workshops {
            for session in series.sessions {
                let place = session.location ?? series.location
                var description = series.summary
                let handouts = session.handouts.compactMap { site.article($0.slug) }
                if !handouts.isEmpty {
                    let list = handouts.map {
                        site.strings.fill(StringKeys.calendarHandout, ["title": $0.title, "url": site.baseURL + site.articlePath($0.slug)])
                    }
                    description += "\n" + site.strings.fill(StringKeys.calendarHandouts,
                                                           ["list": list.joined(separator: site.strings[StringKeys.calendarHandoutSeparator])])
                }
                lines += [
                    "BEGIN:VEVENT",
                    "UID:\(series.slug)-\(session.date.compact)-\(String(format: "%04d", session.start.hour * 100 + session.start.minute))@\(host)",
                    "DTSTAMP:\(stamp)",
                    "DTSTART;TZID=\(zone.identifier):\(session.date.compact)T\(compact(session.start))",
                    "DTEND;TZID=\(zone.identifier):\(session.date.compact)T\(compact(session.end))",
                    "SUMMARY:" + escape("\(series.title): \(session.title)"),
                    "DESCRIPTION:" + escape(description),
                    "URL:" + site.baseURL + site.workshopPath(series.slug),
                ]
                if let place { lines.append("LOCATION:" + escape(place)) }
                else if let online = series.onlineURL { lines.append("LOCATION:" + escape(online)) }
                lines.append("END:VEVENT")
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    func compact(_ time: TimeOfDay) -> String { String(format: "%02d%02d00", time.hour, time.minute) }

    /// Escapes a TEXT value: backslash, semicolon, comma and newline.
    func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Folds a content line at 75 octets, never inside a UTF-8 sequence; continuation lines start with a space.
    func fold(_ line: String) -> String {
        var result = ""
        var lineBytes = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if lineBytes + size > 75 {
                result += "\r\n "
                lineBytes = 1
            }
            result.unicodeScalars.append(scalar)
            lineBytes += size
        }
        return result
    }

    /// A VTIMEZONE with one observance per transition in the years the sessions fall in,
    /// read from the system's time zone database.
    func timeZoneLines(_ zone: TimeZone, from firstYear: Int, through lastYear: Int) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let start = calendar.date(from: DateComponents(year: firstYear, month: 1, day: 1)),
              let end = calendar.date(from: DateComponents(year: lastYear + 1, month: 1, day: 1)) else { return [] }
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        func observance(at instant: Date, localStart: String, from: Int, to: Int) {
            let kind = zone.isDaylightSavingTime(for: instant) ? "DAYLIGHT" : "STANDARD"
            lines += ["BEGIN:\(kind)", "DTSTART:\(localStart)", "TZOFFSETFROM:\(offset(from))", "TZOFFSETTO:\(offset(to))"]
            // Linux spells some abbreviations as "GMT-6"; TZNAME is optional, so only real names are given.
            if let name = zone.abbreviation(for: instant), !name.hasPrefix("GMT") || name == "GMT" {
                lines.append("TZNAME:\(escape(name))")
            }
            lines.append("END:\(kind)")
        }
        let initial = zone.secondsFromGMT(for: start)
        observance(at: start, localStart: "\(firstYear)0101T000000", from: initial, to: initial)
        var cursor = start
        while let transition = zone.nextDaylightSavingTimeTransition(after: cursor), transition < end {
            let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: transition)
            // DTSTART is the local time, in the offset in force before the change.
            let local = transition.addingTimeInterval(TimeInterval(before))
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC")!
            let p = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: local)
            let localStart = String(format: "%04d%02d%02dT%02d%02d%02d", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
            observance(at: transition, localStart: localStart, from: before, to: after)
            cursor = transition
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let s = abs(seconds)
        return String(format: "%@%02d%02d", sign, s / 3600, (s % 3600) / 60)
    }

    /// `2026-11-05T18:30:00-06:00`, for schema.org.
    static func isoDateTime(date: CalendarDate, time: TimeOfDay, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let instant = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day,
                                                         hour: time.hour, minute: time.minute)) ?? Date(timeIntervalSince1970: 0)
        let seconds = timeZone.secondsFromGMT(for: instant)
        let sign = seconds < 0 ? "-" : "+"
        return String(format: "%@T%02d:%02d:00%@%02d:%02d", date.iso, time.hour, time.minute, sign,
                      abs(seconds) / 3600, (abs(seconds) % 3600) / 60)
    }
}
