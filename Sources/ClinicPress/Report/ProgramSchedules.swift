import Foundation

/// Each program's tracks with their weekly hours against the usual range for the program's level
/// of care and audience (ScheduleChecks, the same ranges `check` warns with), and the tracks
/// that meet in the same room.
enum ProgramSchedules {
    static func report(_ programs: [Program]) -> (programs: [ProgramReport], findings: [Finding]) {
        var findings: [Finding] = []
        let rooms = sharedRooms(programs)
        let reports = programs.map { program -> ProgramReport in
            let expected = ScheduleChecks.expectedHours(program.levelOfCare, program.audience)
            let tracks = program.tracks.map { track -> TrackReport in
                let within = expected.range.contains(track.weeklyHours)
                if !within {
                    findings.append(Finding(kind: .hours, path: program.file, line: track.position.line, key: track.key,
                                            message: "track '\(track.name)' has \(Hours.text(minutes: track.weeklyMinutes)) a week; \(program.levelOfCare.shortName) for \(program.audience.name.lowercased()) is usually \(expected.text)",
                                            hint: "check the days and times, or the level_of_care"))
                }
                return TrackReport(name: track.name, days: track.days.map(\.rawValue), start: track.start.text, end: track.end.text,
                                   location: track.location, weeklyHours: track.weeklyHours, line: track.position.line,
                                   withinRange: within, sharesRoomWith: rooms[TrackID(program: program.file, track: track.name)] ?? [])
            }
            let upper = expected.range.upperBound
            return ProgramReport(path: program.file, title: program.title, levelOfCare: program.levelOfCare.shortName,
                                 audience: program.audience.rawValue, expectedHours: expected.text,
                                 minimumHours: expected.range.lowerBound, maximumHours: upper.isFinite ? upper : nil, tracks: tracks)
        }
        return (reports, findings)
    }

    struct TrackID: Hashable {
        var program: String
        var track: String
    }

    /// For each track with a location: the other tracks with the same location (letter case ignored).
    static func sharedRooms(_ programs: [Program]) -> [TrackID: [String]] {
        var byRoom: [String: [(id: TrackID, label: String)]] = [:]
        for program in programs {
            for track in program.tracks {
                guard let room = track.location?.trimmingCharacters(in: .whitespaces).lowercased(), !room.isEmpty else { continue }
                byRoom[room, default: []].append((TrackID(program: program.file, track: track.name), "\(program.title): \(track.name)"))
            }
        }
        var result: [TrackID: [String]] = [:]
        for tracks in byRoom.values where tracks.count > 1 {
            for track in tracks { result[track.id] = tracks.filter { $0.id != track.id }.map(\.label) }
        }
        return result
    }
}
