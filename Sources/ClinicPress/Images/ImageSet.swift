/// The published versions of one raster picture of `Content/assets/`, decided from its header
/// alone (upright size, alpha), so the Markdown and plan stages can write `width`, `height` and
/// `srcset` before any pixel is decoded. Encoding happens in the render stage (`ImageEncoder`).
///
/// Never upscaled, never cropped: the widths are the theme's widths (`ImageSet.widths`) smaller
/// than the picture, plus the picture's own width capped at the largest. Each width is written
/// as WebP and as a fallback (JPEG, or PNG when the picture has transparency). The original file
/// is never published: it may carry where a phone took it (GPS) and other metadata.
public struct ImageSet: Sendable, Hashable {
    /// Path inside `Content/assets/` (`team/dana.jpg`).
    public var asset: String
    /// SHA-256 of the file's bytes: with `ImageSet.settings`, the cache key of its renditions.
    public var sha256: String
    /// Size once turned upright by its EXIF orientation.
    public var width: Int
    public var height: Int
    public var hasAlpha: Bool
    public var renditions: [ImageRendition]

    /// Widths that fit the default theme's columns at 1x and 2x (a 40rem column is 640 CSS px).
    public static let widths = [480, 800, 1200, 1600]
    /// WebP and JPEG quality. Part of the cache key.
    static let quality = 80
    /// Everything besides the source bytes that decides the renditions' bytes: change it and
    /// every picture is encoded again.
    static let settings = "widths \(widths) quality \(quality) webp effort 4 jpeg optimize png 9 strip srgb"
    /// `sizes` for a picture in the text column; templates may give their own.
    public static let columnSizes = "(min-width: 44rem) 40rem, 100vw"

    public enum Format: String, Sendable, Hashable, Codable {
        case webp, jpeg, png
        public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
        public var mimeType: String { "image/" + rawValue }
        /// The shim's format number (`cp_vips_render`).
        var shimCode: Int32 {
            switch self {
            case .webp: return 0
            case .jpeg: return 1
            case .png: return 2
            }
        }
    }

    public init(asset: String, sha256: String, width: Int, height: Int, hasAlpha: Bool) {
        self.asset = asset
        self.sha256 = sha256
        self.width = width
        self.height = height
        self.hasAlpha = hasAlpha
        let fallback: Format = hasAlpha ? .png : .jpeg
        renditions = ImageSet.renditionWidths(width).flatMap { target in
            let size = ImageSet.scaled(width: width, height: height, to: target)
            return [Format.webp, fallback].map {
                ImageRendition(asset: asset, width: size.width, height: size.height, format: $0)
            }
        }
    }

    /// The theme's widths below `width`, and `width` itself capped at the largest: never larger
    /// than the picture, always at least one.
    public static func renditionWidths(_ width: Int) -> [Int] {
        let top = min(width, widths.last!)
        return widths.filter { $0 < top } + [top]
    }

    /// The height for `target` width keeping the aspect ratio, rounded to the nearest pixel (at least 1).
    public static func scaled(width: Int, height: Int, to target: Int) -> (width: Int, height: Int) {
        let scaled = (height * target * 2 + width) / (width * 2)
        return (target, max(1, scaled))
    }

    public var fallbackFormat: Format { hasAlpha ? .png : .jpeg }

    public func renditions(_ format: Format) -> [ImageRendition] { renditions.filter { $0.format == format } }

    /// The largest fallback: the `src` of `<img>`, and the version printed documents use (up to
    /// 1600 px: sharp at 300 dpi across 5 inches, the widest a picture is printed).
    public var largest: ImageRendition { renditions(fallbackFormat).last! }
}

/// One file made from a picture: its width, height and format.
public struct ImageRendition: Sendable, Hashable {
    /// Path inside `Content/assets/` of the picture it is made from.
    public var asset: String
    public var width: Int
    public var height: Int
    public var format: ImageSet.Format

    /// Path in the output folder: `assets/team/dana.jpg.800.webp`. The picture's whole file name
    /// comes first, so two pictures can never give the same name (`dana.jpg`, `dana.png`), and a
    /// rendition ends in a picture extension, so it cannot be a file of `Content/assets/` that is
    /// published as it is (those are never pictures).
    public var path: String { "assets/\(asset).\(width).\(format.fileExtension)" }
}
