import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders and everything below them with inotify and reports changed paths in bursts:
/// after a change it waits until `quiet` has passed with no other, so an editor that saves by
/// writing a temporary file and renaming it, or by truncating and writing, or a `git checkout`
/// of many files, gives one rebuild.
final class FileWatcher: @unchecked Sendable {
    private let descriptor: Int32
    /// The site folder: watched itself (not below), for `Content/` or `Templates/` made later.
    private let site: String
    private let folderNames: Set<String>
    /// Watch descriptor -> folder path (guarded by `lock`).
    private var folders: [Int32: String] = [:]
    private let lock = NSLock()

    /// Watches `site/<name>` and everything below it for each of `folderNames`, including ones
    /// that do not exist yet (`clinicpress theme export` makes `Templates/` while serving).
    init?(site: String, folderNames: Set<String>) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.site = site
        self.folderNames = folderNames
        let watch = inotify_add_watch(descriptor, site, UInt32(IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM | IN_ONLYDIR))
        guard watch >= 0 else { return nil }
        folders[watch] = site
        for name in folderNames.sorted() where FileManager.default.fileExists(atPath: site + "/" + name) {
            watchTree(site + "/" + name)
        }
    }

    deinit { close(descriptor) }

    private static let mask: UInt32 = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE
        | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches a folder and the folders inside it (a new folder is added as it appears).
    private func watchTree(_ path: String) {
        let watch = inotify_add_watch(descriptor, path, FileWatcher.mask | UInt32(IN_ONLYDIR))
        guard watch >= 0 else { return }
        lock.lock(); folders[watch] = path; lock.unlock()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names.sorted() {
            var info = stat()
            let child = path + "/" + name
            if lstat(child, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { watchTree(child) }
        }
    }

    /// Bursts of changed paths, each burst once nothing more has changed for `quietMilliseconds`.
    /// The reading happens on a thread of its own: `read` and `poll` block.
    func changes(quietMilliseconds: Int32 = 60) -> AsyncStream<Set<String>> {
        let (stream, continuation) = AsyncStream<Set<String>>.makeStream()
        let thread = Thread { [self] in
            let size = 64 * 1024
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
            defer { buffer.deallocate() }
            var pending: Set<String> = []
            while true {
                if !pending.isEmpty {
                    var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    let polled = poll(&ready, 1, quietMilliseconds)
                    if polled == 0 {
                        continuation.yield(pending)
                        pending = []
                        continue
                    }
                    if polled < 0 && errno != EINTR { break }
                }
                let count = read(descriptor, buffer, size)
                if count < 0 { if errno == EINTR { continue }; break }
                if count == 0 { break }
                pending.formUnion(parse(buffer, count: count))
            }
            continuation.finish()
        }
        thread.start()
        return stream
    }

    private func parse(_ buffer: UnsafeMutableRawPointer, count: Int) -> Set<String> {
        var paths: Set<String> = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
            let nameBytes = Int(event.len)
            var name = ""
            if nameBytes > 0 {
                let start = (buffer + offset + header).assumingMemoryBound(to: CChar.self)
                name = String(cString: start)
            }
            offset += header + nameBytes
            lock.lock(); let folder = folders[event.wd]; lock.unlock()
            guard let folder else { continue }
            // In the site folder itself, only Content/ and Templates/ matter.
            if folder == site && !folderNames.contains(name) { continue }
            let path = name.isEmpty ? folder : folder + "/" + name
            if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                watchTree(path)
            }
            if event.mask & UInt32(IN_IGNORED) != 0 {
                lock.lock(); folders[event.wd] = nil; lock.unlock()
                continue
            }
            paths.insert(path)
        }
        return paths
    }
}
