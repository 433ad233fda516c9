import Foundation

/// A picture named by a YAML key (`photo`, `image`, and for the brand `logo` and `hero.image`):
/// always `assets/<file>`, a file of `Content/assets/`, with where it was written.
///
/// Use: give the key the type `KeyType.image`; read it with `Fields.image("photo")`; list it in
/// the entry's `ContentEntry.images` so the check stage reports a file that does not exist; show
/// it with `ViewBuilder.picture(_:alt:eager:)`, which gives the template a `PictureView` for the
/// `picture` partial (raster pictures as WebP and JPEG/PNG renditions, SVG as it is).
public struct ImageReference: Sendable, Hashable {
    /// Path inside `Content/assets/` (`team/dana.jpg`).
    public var asset: String
    /// Where it was written: the content file, the line and column, the key (`photo`, `[2].photo`).
    public var file: String
    public var position: SourcePosition
    public var key: String

    public var isSVG: Bool { (asset as NSString).pathExtension.lowercased() == "svg" }

    /// Extensions a picture key accepts: the raster pictures ClinicPress processes, and SVG.
    public static var extensions: Set<String> { RasterImages.extensions.union(["svg"]) }

    /// Checks the form of `assets/<file>`: inside `Content/assets/`, a picture's extension.
    static func parse(_ text: String, file: String, position: SourcePosition, key: String) -> Result<ImageReference, Diagnostic> {
        let example = "assets/NAME.jpg"
        // `[2].photo` in messages that name the key's place; `photo` in the words.
        let name = key.split(separator: ".").last.map(String.init) ?? key
        func failure(_ message: String, _ hint: String) -> Result<ImageReference, Diagnostic> {
            .failure(.error(file, position, key: key, message, hint: hint))
        }
        if text.contains(":") || text.hasPrefix("/") || text.contains("\\") {
            return failure("'\(name)' names '\(text)', which is not a file in Content/assets/; pages never load pictures from elsewhere",
                           "save the picture in Content/assets/ and write '\(name): \(example)'")
        }
        let trimmed = text.hasPrefix("../assets/") ? String(text.dropFirst(3))
            : text.hasPrefix("Content/assets/") ? String(text.dropFirst("Content/".count)) : text
        guard trimmed.hasPrefix("assets/"), let normal = RelativeURL.normalize(trimmed), normal.hasPrefix("assets/"),
              !normal.hasSuffix("/"), normal.count > "assets/".count else {
            return failure("'\(name)' names '\(text)', which is outside Content/assets/",
                           "pictures live in Content/assets/ and are named from there: \(example)")
        }
        if trimmed != text {
            return failure("'\(name)' should be written '\(trimmed)', not '\(text)'",
                           "picture keys name a file of Content/assets/ as assets/<file>, whatever file they are in")
        }
        let asset = String(normal.dropFirst("assets/".count))
        let ext = (asset as NSString).pathExtension.lowercased()
        guard extensions.contains(ext) else {
            return failure("'\(name)' names '\(text)', which is not a picture" + (ext.isEmpty ? "" : " (.\(ext))"),
                           "use a JPEG or PNG (photos), WebP, GIF or an SVG drawing: \(extensions.sorted().joined(separator: ", "))")
        }
        return .success(ImageReference(asset: asset, file: file, position: position, key: key))
    }

    /// Reports a picture that is not in `Content/assets/`, with the nearest name that is.
    static func check(_ reference: ImageReference, assets: Set<String>, report: DiagnosticCollector) {
        guard !assets.contains(reference.asset) else { return }
        let pictures = assets.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
        report.add(.error(reference.file, reference.position, key: reference.key,
                          "'\(reference.key.split(separator: ".").last.map(String.init) ?? reference.key)' names assets/\(reference.asset), but there is no file Content/assets/\(reference.asset)",
                          hint: Suggestion.closest(to: reference.asset, in: Array(pictures)).map { "did you mean 'assets/\($0)'?" }
                              ?? "put the picture in Content/assets/"))
    }

    /// A picture with no alt key: an error (a screen reader would read the file name). Team photos
    /// need none: their alt is the person's name.
    static func requireAlt(_ fields: Fields, image: String, alt: String, report: DiagnosticCollector) {
        guard fields.image(image) != nil, fields.text(alt) == nil else { return }
        report.add(.error(fields.file, fields.position(image), key: fields.qualified(alt),
                          "'\(image)' has no '\(alt)': people who cannot see the picture are told nothing about it",
                          hint: "add '\(alt): ' and a short description of what the picture shows"))
    }
}
