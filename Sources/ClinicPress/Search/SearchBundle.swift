import Foundation

/// The search bundle of a site held in memory (`clinicpress serve`): its web pages written to a
/// folder of their own, indexed there, and the bundle's files read back, to be served with the site.
public enum SearchBundle {
    /// `pagefind/...` files for the site in `files`, made in `folder` (emptied first, removed after).
    /// - Parameter background: Pagefind runs at a lower priority (`serve`, after an edit's reload), so
    ///   the next rebuild is not slowed by it.
    public static func make(for files: [OutputFile], engine: SearchEngine, in folder: URL,
                            background: Bool = false) throws(SearchEngine.Failure) -> [OutputFile] {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: folder)
        defer { try? fileManager.removeItem(at: folder) }
        // Only the web pages: Pagefind reads nothing else (print HTML has no data-pagefind-body).
        let pages = files.filter { $0.path.hasSuffix(".html") && !$0.path.hasPrefix("print/") }
        do {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileTree.write(pages, into: folder)
        } catch {
            throw SearchEngine.Failure(reason: "the pages could not be written to \(folder.path) for indexing: \(error)")
        }
        try engine.index(site: folder, background: background)
        let bundle = folder.appendingPathComponent(SearchEngine.bundleFolder)
        guard let names = fileManager.subpaths(atPath: bundle.path) else {
            throw SearchEngine.Failure(reason: "Pagefind made no \(SearchEngine.bundleFolder)/ folder")
        }
        var result: [OutputFile] = []
        for name in names.sorted() {
            var isFolder: ObjCBool = false
            let path = bundle.appendingPathComponent(name).path
            guard fileManager.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                  let data = fileManager.contents(atPath: path) else { continue }
            result.append(OutputFile(path: SearchEngine.bundleFolder + "/" + name, contents: data))
        }
        return result
    }
}
