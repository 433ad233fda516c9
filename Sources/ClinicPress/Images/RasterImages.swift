import CVipsShim
import Foundation

/// Which files of `Content/assets/` are raster pictures, and reading them with libvips.
///
/// libvips is started once per process (`cp_vips_start`, thread-safe, idempotent): its
/// operation cache off, one thread per operation (the build works on several pictures at once
/// itself), and its untrusted loaders (ImageMagick and the like) blocked. That is its only state.
public enum RasterImages {
    /// Extensions of pictures that are processed (never published as they are). SVG is not a
    /// raster picture: it is copied as it is, after its own check (`SVGReferences`). A GIF is
    /// processed too: only its first frame is published (an animation becomes a still picture).
    public static let extensions: Set<String> = ["jpg", "jpeg", "png", "webp", "gif", "tif", "tiff", "heic", "heif", "avif"]
    /// Pictures above this many pixels are refused before their pixels are decoded: a phone
    /// photo is 12 to 50, and decoding 400 (a 20,000 x 20,000 picture) would take gigabytes.
    public static let maximumPixels = 100_000_000
    /// Larger files are refused before they are read.
    public static let maximumBytes = 60 * 1024 * 1024

    public static func isRaster(_ path: String) -> Bool {
        extensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// The libvips loaders each extension may use: a file whose bytes are of another kind than
    /// its name says is refused, so a picture is never published under a misleading name.
    static func loaders(forExtension ext: String) -> [String] {
        switch ext {
        case "jpg", "jpeg": return ["jpegload"]
        case "png": return ["pngload"]
        case "webp": return ["webpload"]
        case "gif": return ["gifload"]
        case "tif", "tiff": return ["tiffload"]
        default: return ["heifload"]
        }
    }

    struct Header: Sendable, Equatable {
        var width: Int
        var height: Int
        var orientation: Int
        var hasAlpha: Bool
        var pages: Int
        var loader: String

        /// Orientations 5 to 8 turn the picture a quarter: width and height swap.
        var uprightWidth: Int { orientation >= 5 ? height : width }
        var uprightHeight: Int { orientation >= 5 ? width : height }
    }

    struct Failure: Error, Equatable {
        var message: String
    }

    static func start() throws(Failure) {
        guard cp_vips_start() == 0 else { throw Failure(message: "libvips could not start: \(takeError())") }
    }

    /// The header, without decoding pixels.
    static func header(_ data: Data) throws(Failure) -> Header {
        try start()
        var header = cp_vips_header()
        let status = data.withUnsafeBytes { cp_vips_read_header($0.baseAddress, $0.count, &header) }
        guard status == 0 else { throw Failure(message: takeError()) }
        let loader = withUnsafeBytes(of: header.loader) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return Header(width: Int(header.width), height: Int(header.height), orientation: Int(header.orientation),
                      hasAlpha: header.has_alpha != 0, pages: Int(header.pages), loader: loader)
    }

    /// One rendition's bytes: upright, resized, sRGB, no metadata.
    static func encode(_ data: Data, width: Int, height: Int, format: ImageSet.Format) throws(Failure) -> Data {
        try start()
        var output: UnsafeMutableRawPointer?
        var length = 0
        let status = data.withUnsafeBytes {
            cp_vips_render($0.baseAddress, $0.count, Int32(width), Int32(height), format.shimCode,
                           Int32(ImageSet.quality), &output, &length)
        }
        guard status == 0, let output else { throw Failure(message: takeError()) }
        defer { cp_vips_free(output) }
        return Data(bytes: output, count: length)
    }

    /// libvips' messages, on one line, without its internal operation names where it can.
    static func takeError() -> String {
        guard let pointer = cp_vips_take_error() else { return "" }
        defer { cp_vips_free(pointer) }
        let text = String(cString: pointer)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var seen: Set<String> = []
        return lines.filter { seen.insert($0).inserted }.prefix(3).joined(separator: "; ")
    }
}

extension RasterImages {
    /// `8.14.1`: part of every rendition's cache key, since another libvips may encode other bytes.
    static let version: String = {
        String(cString: cp_vips_version())
    }()
}
