/// Gathers the diagnostics of one run. Each stage gets one, so nothing is global;
/// it is a class only so that nested readers can add to the same list.
public final class DiagnosticCollector {
    public private(set) var all: [Diagnostic] = []
    public init() {}

    public func add(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public func add(contentsOf diagnostics: [Diagnostic]) { all.append(contentsOf: diagnostics) }
    public var hasErrors: Bool { all.hasErrors }
}
