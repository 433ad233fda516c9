/// Lays a program's tracks on a week grid for the brochure: days across, half-hour rows down.
enum ScheduleGrid {
    static func make(_ tracks: [Track], format: LocaleFormatter) -> ScheduleGridView {
        let days = Set(tracks.flatMap(\.days)).sorted()
        guard let earliest = tracks.map(\.start.minutes).min(), let latest = tracks.map(\.end.minutes).max() else {
            return ScheduleGridView(days: [], times: [], bands: [], rowCount: 0, columnCount: 1)
        }
        let start = earliest / 30 * 30
        let end = (latest + 29) / 30 * 30
        let rowCount = max((end - start) / 30, 1)
        let columns = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0 + 2) })
        var times: [ScheduleGridView.TimeMark] = []
        for minutes in stride(from: start, to: end, by: 30) where minutes % 60 == 0 || minutes == start {
            times.append(.init(label: format.time(TimeOfDay(minutes: minutes)), row: 2 + (minutes - start) / 30))
        }
        var bands: [ScheduleGridView.Band] = []
        for (index, track) in tracks.enumerated() {
            for day in track.days {
                bands.append(.init(
                    track: track.name,
                    hoursPerWeek: format.strings.fill(StringKeys.hoursAWeek, ["hours": format.duration(minutes: track.weeklyMinutes)]),
                    time: format.shortTimeRange(track.start, track.end), column: columns[day] ?? 2,
                    rowStart: 2 + (track.start.minutes - start) / 30,
                    rowEnd: 2 + (track.end.minutes - start + 29) / 30, trackNumber: index + 1))
            }
        }
        return ScheduleGridView(
            days: days.map { .init(name: format.weekday($0), shortName: format.weekdayShort($0), column: columns[$0]!) },
            times: times, bands: bands, rowCount: rowCount, columnCount: days.count + 1)
    }
}
