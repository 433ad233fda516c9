import Foundation

/// Stage 5 (render), for pictures: the renditions planned for each picture encoded by libvips,
/// a picture at a time on all cores (each picture's file read once for all its renditions).
///
/// A rendition already in the last build's output with the same key (`ImageCache`) is not
/// encoded again: it is linked from there when the site is written. `clinicpress serve` keeps
/// them in memory instead (an output planned exactly as before keeps its bytes, `Renderer`).
struct ImageEncoder {
    /// `Content/assets/`.
    let assetsFolder: URL
    /// The last build's output folder and what its manifest says it holds; nil encodes everything.
    var cache: ImageCache?

    struct Job: Sendable {
        var path: String
        var rendition: ImageRendition
        var sha256: String
    }

    /// Output path -> its file, or the error that stopped its picture (one per picture).
    func encode(_ jobs: [Job]) -> [String: Result<OutputFile, Diagnostic>] {
        var results: [String: Result<OutputFile, Diagnostic>] = [:]
        var toEncode: [String: [Job]] = [:]
        for job in jobs {
            if let file = cache?.cached(job.path, key: ImageCache.key(job.rendition, sha256: job.sha256)) {
                results[job.path] = .success(file)
            } else {
                toEncode[job.rendition.asset, default: []].append(job)
            }
        }
        let pictures = toEncode.keys.sorted()
        let work = toEncode
        let encoded = ParallelMap.map(pictures) { asset in encodePicture(asset, jobs: work[asset]!) }
        for (asset, result) in zip(pictures, encoded) {
            switch result {
            case .success(let files):
                for file in files { results[file.path] = .success(file) }
            case .failure(let diagnostic):
                // One error for the picture, on its first rendition; the others are left out silently.
                for (index, job) in toEncode[asset]!.enumerated() {
                    results[job.path] = index == 0 ? .failure(diagnostic) : .success(OutputFile(path: job.path, contents: Data()))
                }
            }
        }
        return results
    }

    func encodePicture(_ asset: String, jobs: [Job]) -> Result<[OutputFile], Diagnostic> {
        let file = "Content/assets/" + asset
        guard let data = try? Data(contentsOf: assetsFolder.appendingPathComponent(asset)) else {
            return .failure(.error(file, "this picture cannot be read: \(String(cString: strerror(errno)))"))
        }
        // The sizes on the pages came from the file as it was loaded: a picture saved again
        // during the build would not match them.
        guard jobs.allSatisfy({ $0.sha256 == ContentHash.hex(data) }) else {
            return .failure(.error(file, "this picture changed while the site was being built", hint: "build again"))
        }
        var files: [OutputFile] = []
        for job in jobs {
            let rendition = job.rendition
            do {
                let bytes = try RasterImages.encode(data, width: rendition.width, height: rendition.height, format: rendition.format)
                files.append(OutputFile(path: job.path, contents: bytes))
            } catch {
                return .failure(.error(file, "this picture cannot be decoded: it is damaged or cut short",
                                       hint: (error.message.isEmpty ? "" : "libvips says: \(error.message). ")
                                           + "Open it in an image editor and save it again, or copy it again from where it came from"))
            }
        }
        return .success(files)
    }
}

/// What the last build's output folder holds, from its `.clinicpress-images.json`: for each
/// rendition, the key it was made with (SHA-256 of the picture's bytes, the encoding settings,
/// the libvips version and the rendition's size and format). The manifest is planned with the
/// site (`ImageCache.manifest`), holds no times and sorts its keys, so it is byte-identical
/// from build to build. A rendition with the same key is linked from the old folder; `--fresh`
/// encodes everything again.
struct ImageCache: Sendable {
    static let manifestName = ".clinicpress-images.json"
    let previous: URL
    let keys: [String: String]

    /// The old output folder's manifest, or nil when there is none (first build, `--fresh`).
    init?(previousOutput: URL) {
        let url = previousOutput.appendingPathComponent(ImageCache.manifestName)
        guard let data = try? Data(contentsOf: url),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data), manifest.format == Manifest.currentFormat
        else { return nil }
        previous = previousOutput
        keys = manifest.renditions
    }

    struct Manifest: Codable {
        static let currentFormat = 1
        var format: Int
        var renditions: [String: String]
    }

    static func key(_ rendition: ImageRendition, sha256: String) -> String {
        ContentHash.hex([
            "clinicpress-image 1", "source \(sha256)", "settings \(ImageSet.settings)", "libvips \(RasterImages.version)",
            "size \(rendition.width)x\(rendition.height)", "format \(rendition.format.rawValue)",
        ].joined(separator: "\n"))
    }

    /// The manifest for a plan's renditions (path -> key), as the text to write.
    static func manifest(_ renditions: [(path: String, key: String)]) -> String {
        let manifest = Manifest(format: Manifest.currentFormat, renditions: Dictionary(renditions.map { ($0.path, $0.key) },
                                                                                         uniquingKeysWith: { first, _ in first }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(manifest)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// The old file, when its key is the same and it is still there.
    func cached(_ path: String, key: String) -> OutputFile? {
        guard keys[path] == key else { return nil }
        let old = previous.appendingPathComponent(path).path
        var info = stat()
        guard lstat(old, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        return OutputFile(path: path, copyOf: old)
    }
}
