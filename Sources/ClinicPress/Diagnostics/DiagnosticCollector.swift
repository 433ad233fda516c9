/// Gathers the diagnostics of one run. Each stage gets one, so nothing is global;
/// it is a class only so that nested readers can add to the same list.
public final class DiagnosticCollector {
    public private(set) var all: [Diagnostic] = []
    public private(set) var errorCount = 0
    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
        if diagnostic.severity == .error { errorCount += 1 }
    }
    public func add(contentsOf diagnostics: [Diagnostic]) { diagnostics.forEach(add) }
    public var hasErrors: Bool { errorCount > 0 }
}
