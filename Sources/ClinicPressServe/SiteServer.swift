import ClinicPress
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `clinicpress serve`: the site from memory over HTTP, rebuilt when its files change, with
/// open pages told to reload over Server-Sent Events.
public struct SiteServer: Sendable {
    public var options: BuildOptions
    public var host: String
    public var port: Int

    /// Lines for the terminal: what was built, what changed, the errors.
    public struct Events: Sendable {
        public var listening: @Sendable (String) -> Void
        public var rebuilt: @Sendable (_ report: BuildReport, _ seconds: Double, _ changedPages: Int, _ first: Bool) -> Void
        public init(listening: @escaping @Sendable (String) -> Void,
                    rebuilt: @escaping @Sendable (BuildReport, Double, Int, Bool) -> Void) {
            self.listening = listening
            self.rebuilt = rebuilt
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case portInUse(String, Int)
        case cannotListen(String, Int, String)
        case cannotWatch(String)
        public var description: String {
            switch self {
            case let .portInUse(host, port): "the port \(port) on \(host) is already in use"
            case let .cannotListen(host, port, reason): "cannot listen on \(host):\(port): \(reason)"
            case let .cannotWatch(path): "cannot watch \(path) for changes"
            }
        }
    }

    public init(options: BuildOptions, host: String, port: Int) {
        self.options = options
        self.host = host
        self.port = port
    }

    public func run(events: Events) async throws {
        let session = SiteSession(options: options)
        let first = session.rebuild(changed: [])
        events.rebuilt(first.report, first.seconds, first.changedPaths.count, true)

        let site = options.siteDirectory.standardizedFileURL.path
        guard let watcher = FileWatcher(site: site, folderNames: ["Content", "Templates"]) else {
            throw Failure.cannotWatch(site)
        }
        let reload = LiveReload()
        let searchQueue = DispatchQueue(label: "clinicpress.search-index", qos: .utility)
        searchQueue.async { session.refreshSearch() }
        let watching = Task.detached {
            for await changed in watcher.changes() {
                let rebuild = session.rebuild(changed: changed)
                events.rebuilt(rebuild.report, rebuild.seconds, rebuild.changedPaths.count, false)
                // A change of errors (new ones, or fixed) reloads every page: each shows, or stops
                // showing, the overlay. Otherwise only the pages whose bytes changed reload.
                let stylesOrAssets = rebuild.changedPaths.contains(where: ServedSite.isLoadedByPages)
                await reload.announce(paths: rebuild.changedPaths, everything: rebuild.errorsChanged || stylesOrAssets)
                // The search index follows the pages once they are served, beside the next rebuilds:
                // Pagefind takes seconds on a large site, and the next edit must not wait for it. Its
                // own serial queue, not a task: a blocking run must not hold a thread of the pool
                // that rebuilds and serves.
                searchQueue.async { session.refreshSearch() }
                // PDFs already looked at are made again now, so the next look is instant.
                session.refreshPDFs(after: rebuild)
            }
        }
        defer {
            watching.cancel()
            session.removeWorkspace()
        }

        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            try await SiteServer.respond(to: request, session: session, reload: reload)
        }
        let listening = events.listening
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "clinicpress"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                listening("http://\(host.contains(":") ? "[\(host)]" : host):\(port)/")
            },
            logger: Logger(label: "clinicpress", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        do {
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw Failure.portInUse(host, port)
        } catch let error as IOError {
            throw Failure.cannotListen(host, port, String(cString: strerror(error.errnoCode)))
        }
        await reload.finishAll()
    }

    static func respond(to request: Request, session: SiteSession, reload: LiveReload) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        if path == "/_clinicpress/events" {
            let stream = await reload.listen()
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    for await message in stream.cancelOnGracefulShutdown() {
                        try await writer.write(ByteBuffer(string: message))
                    }
                    try await writer.finish(nil)
                })
        }
        let (site, overlay) = session.snapshot()
        switch site.lookup(path) {
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .notFound:
            if let pdf = ServedSite.decode(path).map({ String($0.dropFirst()) }),
               let result = await Task.detached(operation: { session.pdf(pdf) }).value {
                switch result {
                case .success(let data):
                    return Response(status: .ok, headers: [.contentType: "application/pdf", .cacheControl: "no-cache"],
                                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
                case .failure(let failure):
                    let message = "<!doctype html><title>PDF not made</title><p>The PDF could not be made: "
                        + HTML.escape(failure.reason) + "</p>"
                    return respondHTML(Data(message.utf8), status: .internalServerError, overlay: overlay)
                }
            }
            let page = site.files["404.html"].flatMap { body -> Data? in if case .bytes(let d) = body { d } else { nil } } ?? Data("Not found\n".utf8)
            return respondHTML(page, status: .notFound, overlay: overlay)
        case .file(let file):
            let type = ServedSite.contentType(of: file)
            switch site.files[file]! {
            case .bytes(let data):
                if type.hasPrefix("text/html") { return respondHTML(data, status: .ok, overlay: overlay) }
                return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
                                body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
            case .file(let source):
                // An asset copied as it is (a video, say): read a chunk at a time, never whole.
                guard let handle = FileHandle(forReadingAtPath: source) else { return Response(status: .notFound) }
                return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
                                body: ResponseBody { writer in
                                    defer { try? handle.close() }
                                    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                                        try await writer.write(ByteBuffer(bytes: chunk))
                                    }
                                    try await writer.finish(nil)
                                })
            }
        }
    }

    static func respondHTML(_ html: Data, status: HTTPResponse.Status, overlay: String) -> Response {
        let page = LiveReload.inject(into: html, extra: overlay)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: page)))
    }
}
