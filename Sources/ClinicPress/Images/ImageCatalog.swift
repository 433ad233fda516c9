import Foundation

/// Stage 1 (load), for pictures: every raster file of `Content/assets/` read once, hashed, and
/// its header checked (kind of file, size) without decoding pixels, on all cores. What is found
/// here decides each picture's renditions (`ImageSet`); a file that is not a usable picture is an
/// error naming it, and is published in no form.
public struct ImageCatalog: Sendable, Equatable {
    /// Path inside `Content/assets/` -> its renditions.
    public var images: [String: ImageSet] = [:]

    public init(images: [String: ImageSet] = [:]) { self.images = images }

    public subscript(asset: String) -> ImageSet? { images[asset] }

    /// Reads the raster pictures among `assets` (paths inside `assetsFolder`).
    static func read(_ assets: [String], assetsFolder: URL) -> (catalog: ImageCatalog, diagnostics: [Diagnostic]) {
        let pictures = assets.filter(RasterImages.isRaster)
        let results = ParallelMap.map(pictures) { asset in
            inspect(asset, url: assetsFolder.appendingPathComponent(asset))
        }
        var catalog = ImageCatalog()
        var diagnostics: [Diagnostic] = []
        for (asset, result) in zip(pictures, results) {
            switch result {
            case .success(let set): catalog.images[asset] = set
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return (catalog, diagnostics)
    }

    static func inspect(_ asset: String, url: URL) -> Result<ImageSet, Diagnostic> {
        let file = "Content/assets/" + asset
        let ext = (asset as NSString).pathExtension.lowercased()
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        if size > RasterImages.maximumBytes {
            return .failure(.error(file, "this picture is \(size / 1024 / 1024) MB; pictures must be under \(RasterImages.maximumBytes / 1024 / 1024) MB",
                                   hint: "save it smaller (a photo 3000 pixels wide is plenty for the website and for print)"))
        }
        guard let data = try? Data(contentsOf: url) else {
            return .failure(.error(file, "this picture cannot be read: \(String(cString: strerror(errno)))"))
        }
        let header: RasterImages.Header
        do {
            header = try RasterImages.header(data)
        } catch {
            return .failure(.error(file, "this file is not a picture ClinicPress can read",
                                   hint: (error.message.isEmpty ? "" : "libvips says: \(error.message). ")
                                       + "Open it in an image editor and save it again as JPEG (photos) or PNG (drawings, transparency)"))
        }
        let kind = header.loader.replacingOccurrences(of: "_buffer", with: "").replacingOccurrences(of: "load", with: "").uppercased()
        guard RasterImages.loaders(forExtension: ext).contains(where: { header.loader.hasPrefix($0) }) else {
            return .failure(.error(file, "this file is named .\(ext) but holds a \(kind) picture",
                                   hint: "save it again as JPEG or PNG, or give it the extension of what it is"))
        }
        let pixels = header.width.multipliedReportingOverflow(by: header.height)
        guard !pixels.overflow, pixels.partialValue <= RasterImages.maximumPixels, header.width > 0, header.height > 0 else {
            return .failure(.error(file, "this picture is \(header.width) x \(header.height) pixels; pictures may have at most \(RasterImages.maximumPixels / 1_000_000) million pixels",
                                   hint: "make it smaller in an image editor: 3000 pixels on the long side is plenty for the website and for print"))
        }
        return .success(ImageSet(asset: asset, sha256: ContentHash.hex(data), width: header.uprightWidth,
                                 height: header.uprightHeight, hasAlpha: header.hasAlpha))
    }
}
