import Foundation

/// A picture named in `site.yml` (`brand.logo`, `hero.image`) as `assets/<file>`: a file of
/// `Content/assets/`, published as it is at `/assets/<file>`.
///
/// For now the file is linked as it is, with the width and height read from an SVG's `viewBox`
/// or a PNG's or JPEG's header, so the page does not jump while it loads. (Raster images are to be
/// resized through libvips by the image pipeline; this type is the seam it replaces.)
public struct SiteImage: Sendable, Hashable {
    /// Relative to `Content/assets/` (`logo.svg`).
    public var asset: String
    public var width: Int?
    public var height: Int?
    /// Where it is named in `site.yml`, for messages.
    public var position: SourcePosition
    public var key: String

    /// `assets/logo.svg`, percent-encoded, relative to the site root.
    public var path: String { "assets/" + URLPath.encode(asset) }

    public var mediaType: String {
        switch (asset as NSString).pathExtension.lowercased() {
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        default: return "application/octet-stream"
        }
    }

    /// The file behind `assets/<file>`, or why the text cannot name one.
    static func assetName(_ text: String, extensions: [String]) -> Result<String, Problem> {
        guard text.hasPrefix("assets/"), text.count > "assets/".count else {
            return .failure(Problem(message: "'\(text)' is not a file of Content/assets/",
                                    hint: "put the picture in Content/assets/ and write its path as 'assets/\((text as NSString).lastPathComponent.isEmpty ? "logo.svg" : (text as NSString).lastPathComponent)'"))
        }
        let asset = String(text.dropFirst("assets/".count))
        let parts = asset.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }), !asset.contains("\\") else {
            return .failure(Problem(message: "'\(text)' leaves Content/assets/",
                                    hint: "name a file inside Content/assets/, such as 'assets/logo.svg'"))
        }
        let ext = (asset as NSString).pathExtension.lowercased()
        guard extensions.contains(ext) else {
            return .failure(Problem(message: "'\(text)' is not \(extensions.count == 2 ? "an SVG or PNG" : "an SVG, PNG, JPEG or WebP") picture",
                                    hint: "use a file ending in " + extensions.map { "." + $0 }.joined(separator: ", ")))
        }
        return .success(asset)
    }

    struct Problem: Error, Sendable {
        var message: String
        var hint: String
    }

    // MARK: Dimensions

    /// Width and height in CSS pixels, when the file says them plainly; nil otherwise.
    static func dimensions(of data: Data, asset: String) -> (width: Int, height: Int)? {
        switch (asset as NSString).pathExtension.lowercased() {
        case "svg": return svgDimensions(String(decoding: data.prefix(64 * 1024), as: UTF8.self))
        case "png": return pngDimensions(data)
        case "jpg", "jpeg": return jpegDimensions(data)
        default: return nil
        }
    }

    /// The `viewBox` of the root `<svg>` element (its last two numbers), else `width`/`height`
    /// attributes in plain numbers or `px`.
    static func svgDimensions(_ text: String) -> (width: Int, height: Int)? {
        guard let start = text.range(of: "<svg"), let end = text[start.upperBound...].range(of: ">") else { return nil }
        let tag = String(text[start.upperBound..<end.lowerBound])
        func attribute(_ name: String) -> String? {
            for quote in ["\"", "'"] {
                if let range = tag.range(of: " \(name)=\(quote)") ?? tag.range(of: "\n\(name)=\(quote)"),
                   let close = tag[range.upperBound...].range(of: quote) {
                    return String(tag[range.upperBound..<close.lowerBound])
                }
            }
            return nil
        }
        func number(_ text: String?) -> Double? {
            guard var text = text?.trimmingCharacters(in: .whitespaces) else { return nil }
            if text.hasSuffix("px") { text.removeLast(2) }
            return Double(text).flatMap { $0 > 0 && $0 < 100_000 ? $0 : nil }
        }
        if let box = attribute("viewBox") {
            let numbers = box.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            if numbers.count == 4, numbers[2] > 0, numbers[3] > 0, numbers[2] < 100_000, numbers[3] < 100_000 {
                return (Int(numbers[2].rounded()), Int(numbers[3].rounded()))
            }
        }
        if let width = number(attribute("width")), let height = number(attribute("height")) {
            return (Int(width.rounded()), Int(height.rounded()))
        }
        return nil
    }

    /// The IHDR chunk: bytes 16-23 after the 8-byte signature and the chunk header.
    static func pngDimensions(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let width = int(16), height = int(20)
        return width > 0 && height > 0 ? (width, height) : nil
    }

    /// The first start-of-frame marker (SOF0-SOF15 but DHT, JPG and DAC).
    static func jpegDimensions(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(512 * 1024))
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let height = Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
                let width = Int(bytes[index + 7]) << 8 | Int(bytes[index + 8])
                return width > 0 && height > 0 ? (width, height) : nil
            }
            guard length >= 2 else { return nil }
            index += 2 + length
        }
        return nil
    }
}
