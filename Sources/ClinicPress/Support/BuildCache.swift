import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What one build of a site leaves for the next build of the same site in the same process
/// (`clinicpress serve`), so a change costs what it changes:
///
/// - each content file's parsed entry and diagnostics, kept while the file's size, modification
///   time and inode are the same;
/// - each Markdown body's rendering, kept while its text and everything a link could resolve
///   to (the site's pages and assets) are the same;
/// - the last good build, whose outputs are kept when they are planned exactly as before.
///
/// A `build` from the command line has none: every build there starts from the files.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (signature: FileSignature, value: any Sendable)] = [:]
    private var bodies: [BodyKey: (source: String, firstLine: Int, result: RenderedMarkdown)] = [:]
    private var environment: MarkdownEnvironment?
    /// The last build that succeeded, with the theme it was rendered with.
    var previous: BuildReport?
    private var encodedData: [[JSONValue]: String] = [:]
    /// Each page's schema.org data and its JSON text, from the last build.
    var structuredData: [[JSONValue]: String] {
        get { lock.lock(); defer { lock.unlock() }; return encodedData }
        set { lock.lock(); encodedData = newValue; lock.unlock() }
    }

    public init() {}

    /// Forgets the rendered outputs (a template changed): they are rendered again.
    public func forgetRenders() {
        lock.lock(); defer { lock.unlock() }
        previous = nil
    }

    func setPrevious(_ report: BuildReport) {
        lock.lock(); defer { lock.unlock() }
        previous = report
    }

    var previousReport: BuildReport? {
        lock.lock(); defer { lock.unlock() }
        return previous
    }

    // MARK: Content files

    func entry<T: Sendable>(_ path: String, _ signature: FileSignature, as: T.Type) -> T? {
        lock.lock(); defer { lock.unlock() }
        guard let cached = entries[path], cached.signature == signature else { return nil }
        return cached.value as? T
    }

    func storeEntry<T: Sendable>(_ path: String, _ signature: FileSignature, _ value: T) {
        lock.lock(); defer { lock.unlock() }
        entries[path] = (signature, value)
    }

    // MARK: Markdown bodies

    struct BodyKey: Hashable, Sendable {
        var file: String
        var page: String
        var linkBase: String?
        var idPrefix: String
    }

    /// The bodies cached under an environment equal to this one (else none: links may resolve
    /// differently now).
    func bodies(for environment: MarkdownEnvironment) -> [BodyKey: (source: String, firstLine: Int, result: RenderedMarkdown)] {
        lock.lock(); defer { lock.unlock() }
        return self.environment == environment ? bodies : [:]
    }

    func storeBodies(_ bodies: [BodyKey: (source: String, firstLine: Int, result: RenderedMarkdown)], environment: MarkdownEnvironment) {
        lock.lock(); defer { lock.unlock() }
        self.bodies = bodies
        self.environment = environment
    }
}

/// Enough of a file's `stat` to tell that it changed: an editor that saves writes new bytes
/// (size or modification time change) or a new file (inode changes).
struct FileSignature: Hashable, Sendable {
    var size: Int
    var modified: Int
    var modifiedNanoseconds: Int
    var inode: UInt
    var changed: Int

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        inode = UInt(info.st_ino)
        changed = Int(info.st_ctim.tv_nsec) &+ Int(info.st_ctim.tv_sec) &* 1_000_000_007
    }
}
