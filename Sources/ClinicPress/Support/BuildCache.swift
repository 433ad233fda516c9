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
    private var entries: [String: (signature: FileSignature, value: any Sendable, frontMatter: String)] = [:]
    /// What changed in the files since the last load (see `ContentChanges`).
    private var loading = ContentChanges()
    private var seenPaths: Set<String> = []
    private var knownPaths: Set<String> = []
    private var wholeFiles: [String: String] = [:]
    private var knownAssets: [String]?
    /// What the last plan was made from, beyond the content files.
    private var planInputs: PlanInputs?
    private var bodies: [BodyKey: (source: String, firstLine: Int, result: RenderedMarkdown)] = [:]
    private var environment: MarkdownEnvironment?
    /// The last build that succeeded, with the theme it was rendered with.
    var previous: BuildReport?


    public init() {}

    /// Forgets the rendered outputs (a template changed): they are rendered again.
    public func forgetRenders() {
        lock.lock(); defer { lock.unlock() }
        previous = nil
    }

    func setPrevious(_ report: BuildReport, planInputs: PlanInputs) {
        lock.lock(); defer { lock.unlock() }
        previous = report
        self.planInputs = planInputs
    }

    var previousReport: BuildReport? {
        lock.lock(); defer { lock.unlock() }
        return previous
    }

    // MARK: Content files

    func beginLoad() {
        lock.lock(); defer { lock.unlock() }
        loading = ContentChanges()
        seenPaths = []
    }

    /// What changed since the last load: files gone or new, other assets, or a data file changed
    /// make the change structural.
    func endLoad(assets: [String]) -> ContentChanges {
        lock.lock(); defer { lock.unlock() }
        if seenPaths != knownPaths || knownAssets != assets { loading.structural = true }
        knownPaths = seenPaths
        knownAssets = assets
        entries = entries.filter { seenPaths.contains($0.key) }
        return loading
    }

    /// A Markdown file's entry when the file did not change since it was parsed.
    func entry<T: Sendable>(_ path: String, _ signature: FileSignature, as: T.Type) -> T? {
        lock.lock(); defer { lock.unlock() }
        seenPaths.insert(path)
        guard let cached = entries[path], cached.signature == signature else { return nil }
        return cached.value as? T
    }

    /// A Markdown file parsed again: its front matter tells whether only its body changed.
    func storeEntry<T: Sendable>(_ path: String, _ signature: FileSignature, _ value: T, frontMatter: String?) {
        lock.lock(); defer { lock.unlock() }
        seenPaths.insert(path)
        if let old = entries[path], let frontMatter, old.frontMatter == frontMatter {
            loading.bodyOnly.insert(path)
        } else {
            loading.structural = true
        }
        entries[path] = (signature, value, frontMatter ?? "")
    }

    /// A data file read whole (`site.yml`, `team.yml`): any change is structural.
    func noteWholeFile(_ path: String, text: String?) {
        lock.lock(); defer { lock.unlock() }
        if wholeFiles[path] != text { loading.structural = true }
        wholeFiles[path] = text
    }

    // MARK: Plans

    /// The last plan, when it was made from the same settings and date as the next one.
    func previousPlan(for inputs: PlanInputs) -> OutputPlan? {
        lock.lock(); defer { lock.unlock() }
        return planInputs == inputs ? previous?.plan : nil
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

/// What changed in the content files since the last load (`clinicpress serve`).
public struct ContentChanges: Sendable {
    /// Files whose front matter is the same and whose body changed: only the pages and printed
    /// documents that show those bodies change.
    public var bodyOnly: Set<String> = []
    /// A file added, removed or with other front matter, a data file or the assets changed:
    /// anything may change.
    public var structural = false
}

/// What a plan depends on besides the content: the same content planned with other values of
/// these is another plan.
struct PlanInputs: Equatable, Sendable {
    var buildDate: CalendarDate
    var baseURL: String
    var paper: Paper?
    var printLinks: PrintLinks
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
