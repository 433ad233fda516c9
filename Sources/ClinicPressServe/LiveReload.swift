import Foundation

/// Server-Sent Events to the open pages (`GET /_clinicpress/events`). Each message names the
/// web paths that changed, so a page that did not change does not reload; a change in the
/// build's errors reloads every page (each shows, or stops showing, the error overlay).
actor LiveReload {
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]

    /// A stream of SSE messages for one page; it ends when the page goes away.
    func listen() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        listeners[id] = continuation
        // The browser retries after a second when the server restarts.
        continuation.yield("retry: 1000\n\n")
        return stream
    }

    private func remove(_ id: UUID) { listeners[id] = nil }

    var listenerCount: Int { listeners.count }

    /// Tells every page what changed: `paths` are web paths (`/education/x/`); `everything`
    /// reloads all pages.
    func announce(paths: [String], everything: Bool) {
        let payload: [String: Any] = ["paths": paths, "all": everything]
        guard let data = try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys]),
              let json = String(data: data, encoding: .utf8) else { return }
        let message = "event: change\ndata: \(json)\n\n"
        for continuation in listeners.values { continuation.yield(message) }
    }

    /// A comment line keeps idle connections open through proxies and notices closed ones.
    func keepAlive() {
        for continuation in listeners.values { continuation.yield(": still here\n\n") }
    }

    func finishAll() {
        for continuation in listeners.values { continuation.finish() }
        listeners = [:]
    }

    /// The script injected into every HTML page while serving (never into the built site).
    static let script = """
    <script>
    (() => {
      const here = location.pathname.replace(/index\\.html$/, "");
      const events = new EventSource("/_clinicpress/events");
      events.addEventListener("change", (event) => {
        const change = JSON.parse(event.data);
        if (change.all || change.paths.includes(here)) location.reload();
      });
    })();
    </script>
    """

    /// Puts the script (and the overlay, when the build is broken) before `</body>`.
    static func inject(into html: Data, extra: String) -> Data {
        let addition = Data((extra + script).utf8)
        guard let range = html.range(of: Data("</body>".utf8), options: .backwards) else { return html + addition }
        var result = html
        result.replaceSubrange(range.lowerBound..<range.lowerBound, with: addition)
        return result
    }
}
