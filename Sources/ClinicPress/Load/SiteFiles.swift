import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads files from a site folder safely: only regular files inside the site, UTF-8, of sane size.
/// Paths in diagnostics are relative to the site folder.
struct SiteFiles {
    let root: URL
    let report: DiagnosticCollector
    static let maximumBytes = 5 * 1024 * 1024

    init(root: URL, report: DiagnosticCollector) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
        self.report = report
    }

    /// For a root already resolved (a second reader on another thread).
    init(root: URL, report: DiagnosticCollector, resolved: Bool) {
        self.root = resolved ? root : root.standardizedFileURL.resolvingSymlinksInPath()
        self.report = report
    }

    func relative(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    func exists(_ relativePath: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(relativePath).path,
                                              isDirectory: &isDirectory)
    }

    func isDirectory(_ relativePath: String) -> Bool {
        var info = stat()
        return stat(root.appendingPathComponent(relativePath).path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Files directly in a folder whose names end in one of `extensions`, sorted; other files are reported.
    func files(in folder: String, extensions: [String]) -> [String] {
        let url = root.appendingPathComponent(folder)
        guard isDirectory(folder), folderIsInsideSite(folder) else { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        } catch {
            report.add(.error(folder, "this folder cannot be read: \(error.localizedDescription)"))
            return []
        }
        var result: [String] = []
        let base = url.path + "/"
        for name in names where !EditorLeftovers.isIgnored(name) {
            let path = folder + "/" + name
            var info = stat()
            if stat(base + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                report.add(.warning(path, "folders inside \(folder)/ are not read",
                                    hint: "move the files directly into \(folder)/"))
            } else if extensions.contains(where: { name.lowercased().hasSuffix("." + $0) }) {
                result.append(path)
            } else {
                report.add(.warning(path, "this file is not used: only \(extensions.map { "." + $0 }.joined(separator: ", ")) files are read in \(folder)/",
                                    hint: "rename it to end in .\(extensions[0]) or move it elsewhere"))
            }
        }
        return result
    }

    /// Every regular file below a folder (for assets), as paths relative to that folder; editor
    /// leftovers are skipped (`EditorLeftovers`).
    func allFiles(below folder: String) -> [String] {
        guard isDirectory(folder), folderIsInsideSite(folder) else { return [] }
        let base = root.appendingPathComponent(folder)
        var result: [String] = []
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey]) else {
            return []
        }
        for case let url as URL in walker {
            let sitePath = relative(url)
            if EditorLeftovers.isIgnored(url.lastPathComponent) {
                // A hidden folder (`.git`) is skipped whole, not only its name.
                walker.skipDescendants()
                continue
            }
            guard checkInsideSite(url, sitePath: sitePath) else { continue }
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                result.append(String(sitePath.dropFirst(folder.count + 1)))
            }
        }
        return result.sorted()
    }

    /// A folder such as `Content/pages`, or one above it, may be a symbolic link only within the site.
    func folderIsInsideSite(_ folder: String) -> Bool {
        var path = ""
        for part in folder.split(separator: "/") {
            path += (path.isEmpty ? "" : "/") + part
            guard checkInsideSite(root.appendingPathComponent(path), sitePath: path) else { return false }
        }
        return true
    }

    /// A symbolic link may point elsewhere inside the site, never outside it or in a loop.
    func checkInsideSite(_ url: URL, sitePath: String) -> Bool {
        // One lstat decides the common case (not a link) without Foundation's resource values.
        var info = stat()
        if lstat(url.path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFLNK { return true }
        let target = url.resolvingSymlinksInPath()
        let rootPath = root.path + "/"
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil,
           !FileManager.default.fileExists(atPath: target.path) {
            report.add(.error(sitePath, "this symbolic link points to nothing, or to itself in a loop",
                              hint: "replace the link with the file itself"))
            return false
        }
        guard target.path.hasPrefix(rootPath) else {
            report.add(.error(sitePath, "this symbolic link points outside the site folder (\(target.path))",
                              hint: "copy the file into the site folder instead of linking to it"))
            return false
        }
        return true
    }

    /// The absolute path of a file to copy as it is (theme images, fonts), or nil after reporting
    /// why it cannot be used. Its bytes are read only when the site is written.
    func readableFile(_ path: String) -> String? {
        let url = root.appendingPathComponent(path)
        guard checkInsideSite(url, sitePath: path) else { return nil }
        guard access(url.path, R_OK) == 0 else {
            report.add(.error(path, "this file cannot be read: \(String(cString: strerror(errno)))"))
            return nil
        }
        return url.path
    }

    /// The text of a file, or nil after reporting why it cannot be used.
    /// - Parameter allowEmpty: an empty template is a way to hide a section; empty content is a mistake.
    func read(_ path: String, allowEmpty: Bool = false) -> String? {
        let url = root.appendingPathComponent(path)
        guard checkInsideSite(url, sitePath: path) else { return nil }
        let data: Data
        switch SiteFiles.contents(of: url.path, limit: SiteFiles.maximumBytes) {
        case .success(let bytes):
            data = bytes
        case .failure(.tooLarge(let size)):
            report.add(.error(path, "this file is \(size / 1024 / 1024) MB; content files must be under \(SiteFiles.maximumBytes / 1024 / 1024) MB",
                              hint: "split it into several pages, or move large files into Content/assets/"))
            return nil
        case .failure(.unreadable(let reason)):
            report.add(.error(path, "this file cannot be read: \(reason)"))
            return nil
        }
        // Checked on the bytes: decoding and trimming a whole file as NSString cost more than parsing it.
        guard let text = String(validating: data, as: UTF8.self) else {
            report.add(.error(path, "this file is not UTF-8 text",
                              hint: "open it in a text editor and save it with the encoding 'UTF-8'"))
            return nil
        }
        let (isBlank, hasNUL, hasCR) = data.withUnsafeBytes { bytes in
            (!bytes.contains(where: { !SiteFiles.isWhitespace($0) }),
             bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false,
             bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false)
        }
        if !allowEmpty, isBlank {
            report.add(.error(path, "this file is empty", hint: "add its content, or delete the file"))
            return nil
        }
        if hasNUL {
            report.add(.error(path, "this file contains binary data (NUL characters)", hint: "save it as plain text"))
            return nil
        }
        return hasCR ? SiteFiles.unixLineEnds(text) : text
    }

    /// Windows editors end lines with CRLF, old Mac ones with a lone CR. Both become LF here, once,
    /// so every later stage splits lines on LF alone and counts lines and columns the same way.
    static func unixLineEnds(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == 13 {
                bytes.append(10)
                afterCR = true
                continue
            }
            if !(byte == 10 && afterCR) { bytes.append(byte) }
            afterCR = false
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    enum ReadFailure: Error {
        case tooLarge(Int)
        case unreadable(String)
    }

    /// A file's bytes with one open, fstat and read: content files are read by the thousand.
    static func contents(of path: String, limit: Int) -> Result<Data, ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.unreadable("it is not a regular file")) }
        let size = Int(info.st_size)
        if size > limit { return .failure(.tooLarge(size)) }
        var data = Data(count: size)
        var total = 0
        let failure: ReadFailure? = data.withUnsafeMutableBytes { buffer in
            while total < size {
                let count = Glibc.read(descriptor, buffer.baseAddress! + total, size - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    return .unreadable(String(cString: strerror(errno)))
                }
                if count == 0 { break }
                total += count
            }
            return nil
        }
        if let failure { return .failure(failure) }
        return .success(total == size ? data : data.prefix(total))
    }

    /// Space, tab, line ends and the byte-order mark's bytes count as nothing written.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
            || byte == 0xEF || byte == 0xBB || byte == 0xBF
    }
}
