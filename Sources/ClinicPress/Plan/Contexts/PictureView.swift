/// A picture as templates show it, through the `picture` partial (`{{#photo}}{{>picture}}{{/photo}}`).
/// Paths are from the site root: the partial puts `{{root}}` before each.
///
/// A raster picture has its renditions (`webp`, `fallback`: path and width, smallest first),
/// `src` (the largest fallback, which print templates use alone: `{{root}}{{src}}`), and the
/// upright `width` and `height`. An SVG has only `src` (`isSVG`).
public struct PictureView: Sendable, Hashable {
    public var src: String
    public var alt: String
    public var width: Int?
    public var height: Int?
    public var webp: [SourceView]
    public var fallback: [SourceView]
    public var fallbackType: String
    /// The `sizes` attribute: how wide the picture is shown, for the browser to pick a width.
    public var sizes: String
    /// In the first screen (a hero picture): loaded at once, not lazily.
    public var eager: Bool
    public var isSVG: Bool { webp.isEmpty }

    public struct SourceView: Sendable, Hashable {
        public var path: String
        public var width: Int
        /// Not the last of its list: the partial writes a comma after it.
        public var more: Bool
    }
}

extension PictureView {
    /// The view of a picture of `Content/assets/`, or nil for a raster file that cannot be
    /// published (its error was reported when it was loaded).
    init?(asset: String, alt: String, images: ImageCatalog, svgSizes: [String: SVGSize] = [:],
          sizes: String = ImageSet.columnSizes, eager: Bool = false) {
        if RasterImages.isRaster(asset) {
            guard let picture = images[asset] else { return nil }
            let sources = { (format: ImageSet.Format) in
                let list = picture.renditions(format)
                return list.enumerated().map {
                    SourceView(path: URLPath.encode($1.path), width: $1.width, more: $0 < list.count - 1)
                }
            }
            self.init(src: URLPath.encode(picture.largest.path), alt: alt, width: picture.largest.width,
                      height: picture.largest.height, webp: sources(.webp), fallback: sources(picture.fallbackFormat),
                      fallbackType: picture.fallbackFormat.mimeType, sizes: sizes, eager: eager)
        } else {
            // An SVG keeps its file and says the size it gives itself, so the page does not jump.
            let size = svgSizes[asset]
            self.init(src: "assets/" + URLPath.encode(asset), alt: alt, width: size?.width, height: size?.height, webp: [], fallback: [],
                      fallbackType: "image/svg+xml", sizes: sizes, eager: eager)
        }
    }
}

extension PictureView: TemplateValue {
    public static let fields = TemplateFields<PictureView>([
        "src": .value { $0.src },
        "alt": .value { $0.alt },
        "width": .value { $0.width },
        "height": .value { $0.height },
        "webp": .list { $0.webp },
        "fallback": .list { $0.fallback },
        "fallbackType": .value { $0.fallbackType },
        "sizes": .value { $0.sizes },
        "eager": .value { $0.eager },
        "isSVG": .value { $0.isSVG },
    ])
}

extension PictureView.SourceView: TemplateValue {
    public static let fields = TemplateFields<PictureView.SourceView>([
        "path": .value { $0.path },
        "width": .value { $0.width },
        "more": .value { $0.more },
    ])
}

extension ViewBuilder {
    /// A picture named by a key, for a template (see `PictureView`).
    func picture(_ reference: ImageReference?, alt: String, sizes: String = ImageSet.columnSizes, eager: Bool = false) -> PictureView? {
        reference.flatMap { PictureView(asset: $0.asset, alt: alt, images: site.images, svgSizes: site.svgSizes, sizes: sizes, eager: eager) }
    }
}
