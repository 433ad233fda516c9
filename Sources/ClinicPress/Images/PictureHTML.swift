/// The HTML of a raster picture, for images written in Markdown (templates use the `picture`
/// partial with a `PictureView` instead; both write the same markup).
enum PictureHTML {
    /// On the web: a `<picture>` offering WebP, then the JPEG/PNG fallback, at every width, with
    /// the size of the upright picture so the page does not move as it loads, loaded lazily (a
    /// picture in a body is rarely in the first screen). In print: the largest fallback alone
    /// (WeasyPrint does not choose from a `srcset`).
    static func html(_ picture: ImageSet, alt: String, page: String, print: Bool) -> String {
        let largest = picture.largest
        let url = { (rendition: ImageRendition) in RelativeURL.between(page, URLPath.encode(rendition.path)) }
        let size = "width=\"\(largest.width)\" height=\"\(largest.height)\""
        let altText = HTML.escape(alt)
        if print { return "<img src=\"\(url(largest))\" \(size) alt=\"\(altText)\">" }
        let srcset = { (format: ImageSet.Format) in
            picture.renditions(format).map { "\(url($0)) \($0.width)w" }.joined(separator: ", ")
        }
        return "<picture><source type=\"image/webp\" srcset=\"\(srcset(.webp))\" sizes=\"\(ImageSet.columnSizes)\">"
            + "<img src=\"\(url(largest))\" srcset=\"\(srcset(picture.fallbackFormat))\" sizes=\"\(ImageSet.columnSizes)\" "
            + "\(size) alt=\"\(altText)\" loading=\"lazy\" decoding=\"async\"></picture>"
    }
}
