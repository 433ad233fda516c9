import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Copies and compares files of any size in constant memory: a clinic's 3 GB video in
/// Content/assets/ must not need 3 GB of memory to publish.
enum FileCopy {
    struct Failure: Error {
        var path: String
        var reason: String
    }

    static let chunk = 1 << 20

    /// Copies `source` to a new file at `target`: a copy-on-write clone where the file system
    /// offers one (Btrfs, XFS), else a copy made by the kernel, else a read/write loop.
    static func copy(_ source: String, to target: String) -> Failure? {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return Failure(path: source, reason: reason()) }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { return Failure(path: source, reason: reason()) }
        let output = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { return Failure(path: target, reason: reason()) }
        defer { close(output) }
        let ficlone: UInt = 0x4004_9409
        if ioctl(output, ficlone, input) == 0 { return nil }
        guard let copyFileRange = FileCopy.copyFileRange else { return loop(input, output, target) }
        var remaining = Int(info.st_size)
        while remaining > 0 {
            let copied = copyFileRange(input, nil, output, nil, remaining, 0)
            if copied > 0 { remaining -= copied; continue }
            if copied == 0 { break }
            if errno == EINTR { continue }
            // Across file systems on older kernels, or where the call is missing: copy by hand.
            if errno == EXDEV || errno == ENOSYS || errno == EOPNOTSUPP || errno == EINVAL { return loop(input, output, target) }
            return Failure(path: target, reason: reason())
        }
        return nil
    }

    typealias CopyFileRange = @convention(c) (Int32, UnsafeMutablePointer<Int>?, Int32, UnsafeMutablePointer<Int>?, Int, UInt32) -> Int

    /// `copy_file_range(2)`, looked up at run time: glibc 2.27+ has it, Swift's Glibc module does not declare it.
    static let copyFileRange: CopyFileRange? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "copy_file_range") else { return nil }
        return unsafeBitCast(symbol, to: CopyFileRange.self)
        #else
        return nil
        #endif
    }()

    private static func loop(_ input: Int32, _ output: Int32, _ target: String) -> Failure? {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(input, buffer, chunk)
            if count < 0 { if errno == EINTR { continue }; return Failure(path: target, reason: reason()) }
            if count == 0 { return nil }
            var offset = 0
            while offset < count {
                let written = write(output, buffer + offset, count - offset)
                if written < 0 { if errno == EINTR { continue }; return Failure(path: target, reason: reason()) }
                offset += written
            }
        }
    }

    /// Both are regular files with the same bytes (read a chunk at a time).
    static func same(_ a: String, _ b: String) -> Bool {
        var infoA = stat(), infoB = stat()
        guard stat(a, &infoA) == 0, lstat(b, &infoB) == 0, (infoB.st_mode & S_IFMT) == S_IFREG,
              infoA.st_size == infoB.st_size else { return false }
        let first = open(a, O_RDONLY | O_CLOEXEC), second = open(b, O_RDONLY | O_CLOEXEC)
        defer { if first >= 0 { close(first) }; if second >= 0 { close(second) } }
        guard first >= 0, second >= 0 else { return false }
        let left = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        let right = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { left.deallocate(); right.deallocate() }
        while true {
            let count = fill(first, left), other = fill(second, right)
            guard count == other, count >= 0 else { return false }
            if count == 0 { return true }
            if memcmp(left, right, count) != 0 { return false }
        }
    }

    /// Reads up to a whole chunk (short reads joined); -1 on error.
    private static func fill(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer) -> Int {
        var total = 0
        while total < chunk {
            let count = read(descriptor, buffer + total, chunk - total)
            if count < 0 { if errno == EINTR { continue }; return -1 }
            if count == 0 { break }
            total += count
        }
        return total
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
