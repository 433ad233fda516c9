import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a finished site so that the output folder is always either the old site or the new one:
/// files go into a temporary folder beside it, which then takes the output folder's place.
struct OutputWriter {
    let siteDirectory: URL
    /// With symbolic links resolved: a link named Output is followed to the folder it names,
    /// and that folder is what gets replaced.
    let outputDirectory: URL

    /// Written into every output folder: only a folder that has it is ever replaced, so a
    /// mistyped --output cannot wipe someone's documents.
    static let marker = ".clinicpress-output"

    /// Lists a folder's names; a folder that cannot be listed throws (the tests make one).
    var listFolder: (String) throws -> [String] = { try FileManager.default.contentsOfDirectory(atPath: $0) }

    init(siteDirectory: URL, outputDirectory: URL) {
        self.siteDirectory = siteDirectory
        self.outputDirectory = OutputWriter.followingLinks(outputDirectory)
    }

    /// Symbolic links resolved, including one to a folder that does not exist yet: that folder is
    /// what gets created (Foundation leaves such a link unresolved, and renaming onto the link
    /// would fail).
    static func followingLinks(_ url: URL) -> URL {
        var url = url.resolvingSymlinksInPath()
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) else { break }
            let next = target.hasPrefix("/") ? URL(fileURLWithPath: target)
                : url.deletingLastPathComponent().appendingPathComponent(target)
            url = next.standardizedFileURL.resolvingSymlinksInPath()
        }
        return url
    }

    struct Failure: Error {
        var message: String
        var hint: String?
    }

    var parent: URL { outputDirectory.deletingLastPathComponent() }
    var name: String { outputDirectory.lastPathComponent }

    /// - Parameter finish: runs on the complete new folder before it takes the output's place
    ///   (PDF rendering); if it throws, the new folder is discarded and the output stays as it was.
    func replaceOutput(with files: [OutputFile], finish: (URL) throws -> Void = { _ in }) throws {
        try checkOutputLocation()
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "the folder \(parent.path) cannot be created: \(error.localizedDescription)",
                          hint: "choose an --output folder you can write to")
        }
        let lock = try acquireLock()
        defer { close(lock) }

        removeLeftovers()
        let staging = parent.appendingPathComponent(".\(name).tmp-\(getpid())")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data("This folder is written by clinicpress build and replaced whole by the next build.\n".utf8)
                .write(to: staging.appendingPathComponent(OutputWriter.marker))
            var clock = StageClock()
            let previous = FileManager.default.fileExists(atPath: outputDirectory.appendingPathComponent(OutputWriter.marker).path)
                ? outputDirectory : nil
            try FileTree.write(files, into: staging, previous: previous)
            clock.lap("  write new")
        } catch {
            try? fileManager.removeItem(at: staging)
            throw Failure(message: "the new site could not be written next to \(outputDirectory.path): \((error as? FileTree.WriteError)?.description ?? error.localizedDescription)",
                          hint: "check that the disk is not full and that you can write to \(parent.path)")
        }
        do {
            try finish(staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }

        if fileManager.fileExists(atPath: outputDirectory.path) {
            // Swap both folders in one step where the system can, so no moment is left without an
            // output folder, even for a build killed right here.
            if OutputWriter.exchange(staging.path, outputDirectory.path) {
                var clock = StageClock()
                try? fileManager.removeItem(at: staging)
                clock.lap("  remove old")
                return
            }
            let old = parent.appendingPathComponent(".\(name).old-\(getpid())")
            guard rename(outputDirectory.path, old.path) == 0 else {
                let reason = OutputWriter.reason()
                try? fileManager.removeItem(at: staging)
                throw Failure(message: "the old output folder could not be moved aside: \(reason)",
                              hint: "check the permissions of \(outputDirectory.path)")
            }
            guard rename(staging.path, outputDirectory.path) == 0 else {
                let reason = OutputWriter.reason()
                _ = rename(old.path, outputDirectory.path)
                try? fileManager.removeItem(at: staging)
                throw Failure(message: "the new output folder could not be moved into place: \(reason)")
            }
            try? fileManager.removeItem(at: old)
        } else if rename(staging.path, outputDirectory.path) != 0 {
            // errno first: removing the staging folder makes system calls of its own.
            let reason = OutputWriter.reason()
            try? fileManager.removeItem(at: staging)
            throw Failure(message: "the output folder \(outputDirectory.path) could not be created: \(reason)",
                          hint: "choose an --output folder you can write to")
        }
    }

    static func reason() -> String { String(cString: strerror(errno)) }

    /// `renameat2(RENAME_EXCHANGE)`, looked up at run time: Linux 3.15+ with glibc 2.28+ has it,
    /// but Swift's Glibc module does not declare it. Returns false when it is missing or refused.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// The output folder must not be, or contain, the site's own files: it is replaced whole.
    func checkOutputLocation() throws {
        let output = outputDirectory.path
        let site = siteDirectory.resolvingSymlinksInPath().path
        for protected in [site, site + "/Content", site + "/Templates"] {
            if protected == output || protected.hasPrefix(output.hasSuffix("/") ? output : output + "/") {
                throw Failure(message: "the output folder \(output) would replace \(protected)",
                              hint: "choose an output folder of its own, such as --output \(site)/Output")
            }
        }
        for source in [site + "/Content", site + "/Templates"] where output.hasPrefix(source + "/") {
            throw Failure(message: "the output folder \(output) is inside \(source), so each build would publish the last one again",
                          hint: "choose an output folder outside Content/ and Templates/, such as --output \(site)/Output")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw Failure(message: "the output path \(output) is a file, not a folder",
                              hint: "remove the file or choose another --output folder")
            }
            // A folder that cannot be listed might hold anything: it is not replaced.
            let entries: [String]
            do {
                entries = try listFolder(output)
            } catch {
                throw Failure(message: "the folder \(output) cannot be read, so clinicpress cannot tell whether it holds files it did not write",
                              hint: "check the folder's permissions, or choose another --output folder")
            }
            if !entries.isEmpty && !entries.contains(OutputWriter.marker) {
                throw Failure(message: "the folder \(output) already holds files that clinicpress did not write; a build replaces its output folder whole",
                              hint: "choose an empty or new --output folder, or empty this one first")
            }
        }
    }

    /// One build at a time per output folder.
    func acquireLock() throws -> Int32 {
        let path = parent.appendingPathComponent(".\(name).lock").path
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Failure(message: "cannot create the lock file \(path): \(OutputWriter.reason())",
                          hint: "check that you can write to \(parent.path)")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw Failure(message: "another build is writing to \(outputDirectory.path) right now",
                          hint: "wait for it to finish, then build again")
        }
        return descriptor
    }

    /// Temporary folders of builds that were killed half way. A build killed between its two
    /// renames leaves the previous site aside as `.NAME.old-PID`: that is put back first.
    func removeLeftovers() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        if !FileManager.default.fileExists(atPath: outputDirectory.path),
           let aside = names.sorted().first(where: { $0.hasPrefix(".\(name).old-") }) {
            _ = rename(parent.appendingPathComponent(aside).path, outputDirectory.path)
        }
        for entry in names where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}
