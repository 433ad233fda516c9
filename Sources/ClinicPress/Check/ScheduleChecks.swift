/// Weekly hours against the level of care, and tracks that collide in one room.
/// The ranges are those of ASAM levels 1, 2.1 and 2.5 (see the README).
struct ScheduleChecks {
    let report: DiagnosticCollector

    /// The expected weekly hours for a level of care and audience, as a half-open range.
    static func expectedHours(_ level: LevelOfCare, _ audience: ProgramAudience) -> (range: Range<Double>, text: String) {
        let minimumIOP: Double = audience == .adolescents ? 6 : 9
        switch level {
        case .op: return (0..<minimumIOP, "under \(Int(minimumIOP)) hours a week")
        case .iop: return (minimumIOP..<20, "\(Int(minimumIOP)) to under 20 hours a week")
        case .php: return (20..<Double.infinity, "20 or more hours a week")
        }
    }

    func check(_ programs: [Program]) {
        for program in programs {
            let expected = ScheduleChecks.expectedHours(program.levelOfCare, program.audience)
            for track in program.tracks where !expected.range.contains(track.weeklyHours) {
                report.add(.warning(program.file, track.position, key: track.key,
                                    "track '\(track.name)' has \(Hours.text(minutes: track.weeklyMinutes)) a week, but \(program.levelOfCare.shortName) for \(program.audience.name.lowercased()) is usually \(expected.text)",
                                    hint: "check the days and times, or the level_of_care"))
            }
        }
        checkOverlaps(programs)
    }

    /// Two tracks overlap when they meet in the same room on the same day at the same time.
    /// Tracks without a location are compared only within their own program.
    func checkOverlaps(_ programs: [Program]) {
        struct Slot { let program: Program; let track: Track }
        var slots: [Slot] = []
        for program in programs { for track in program.tracks { slots.append(Slot(program: program, track: track)) } }
        for i in slots.indices {
            for j in slots.indices where j > i {
                let a = slots[i], b = slots[j]
                let sameRoom: Bool
                if let roomA = a.track.location, let roomB = b.track.location {
                    sameRoom = roomA.lowercased() == roomB.lowercased()
                } else {
                    sameRoom = a.track.location == nil && b.track.location == nil && a.program.slug == b.program.slug
                }
                guard sameRoom else { continue }
                let sharedDays = Set(a.track.days).intersection(b.track.days)
                guard !sharedDays.isEmpty, a.track.start < b.track.end, b.track.start < a.track.end else { continue }
                let day = sharedDays.sorted().first!.name
                let where_ = a.track.location.map { " in \($0)" } ?? ""
                report.add(.error(b.program.file, b.track.position, key: b.track.key,
                                  "track '\(b.track.name)' overlaps track '\(a.track.name)' of \(a.program.file) on \(day)\(where_) (\(a.track.start.display)-\(a.track.end.display) and \(b.track.start.display)-\(b.track.end.display))",
                                  hint: "change the times or days, or give the tracks different locations"))
            }
        }
    }
}

enum Hours {
    /// `9 hours`, `1 hour`, `3 hours 15 minutes`, `45 minutes`: exact, never a rounded decimal.
    static func text(minutes total: Int) -> String {
        let hours = total / 60, minutes = total % 60
        var parts: [String] = []
        if hours > 0 { parts.append(hours == 1 ? "1 hour" : "\(hours) hours") }
        if minutes > 0 || hours == 0 { parts.append(minutes == 1 ? "1 minute" : "\(minutes) minutes") }
        return parts.joined(separator: " ")
    }
}
