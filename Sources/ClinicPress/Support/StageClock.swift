import Foundation

/// How long each stage took, printed to standard error when `CLINICPRESS_TIMINGS` is set:
/// the first thing to look at before profiling.
struct StageClock {
    let enabled = ProcessInfo.processInfo.environment["CLINICPRESS_TIMINGS"] != nil
    private var last = DispatchTime.now()

    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let milliseconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
        let name = stage.padding(toLength: max(stage.count, 12), withPad: " ", startingAt: 0)
        FileHandle.standardError.write(Data((name + String(format: "%8.1f ms\n", milliseconds)).utf8))
        last = now
    }
}
