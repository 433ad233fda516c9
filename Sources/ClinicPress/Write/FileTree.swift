import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes many files into a new folder quickly: every folder once, then the files on all cores,
/// with plain system calls (Foundation's `Data.write` syncs each file to disk, which a folder that
/// is swapped into place whole does not need, and which cost a tenth of a large build).
enum FileTree {
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }
    }

    /// - Parameter previous: the last build's folder: a file whose bytes did not change is linked
    ///   from there instead of written again, so a rebuild makes no new file for it.
    static func write(_ files: [OutputFile], into folder: URL, previous: URL? = nil) throws {
        var folders: Set<String> = []
        for file in files {
            var parent = (file.path as NSString).deletingLastPathComponent
            while !parent.isEmpty, folders.insert(parent).inserted {
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        // Sorted, a folder comes before what it holds.
        for relative in folders.sorted() {
            let path = folder.appendingPathComponent(relative).path
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
        }
        let failures = ParallelMap.map(files) { file -> WriteError? in
            let target = folder.appendingPathComponent(file.path).path
            let old = previous?.appendingPathComponent(file.path).path
            switch file.body {
            case .bytes(let data):
                if let old, unchanged(data, at: old), link(old, target) == 0 { return nil }
                return writeFile(data, to: target)
            case .copy(let source):
                if let old, FileCopy.same(source, old), link(old, target) == 0 { return nil }
                return FileCopy.copy(source, to: target).map { WriteError(path: $0.path, reason: $0.reason) }
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }

    /// The file at `path` is a regular file holding exactly `data`.
    static func unchanged(_ data: Data, at path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else { return false }
        guard case .success(let old) = SiteFiles.contents(of: path, limit: data.count) else { return false }
        return old == data
    }

    static func writeFile(_ data: Data, to path: String) -> WriteError? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer -> WriteError? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return WriteError(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
            return nil
        }
    }
}
