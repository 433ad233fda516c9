import Foundation
import Yams

/// `brand`, `hero` and `map_url` in `site.yml`: read and checked here, so `loadSettings` stays a list.
extension ContentLoader {
    func loadBrand(_ site: YAMLMapping) -> Brand? {
        guard let entry = site.mapping("brand", allowedKeys: ["logo", "color", "accent"]) else { return nil }
        let color = colour(entry, "color")
        var brand = Brand(logo: image(entry, "logo", extensions: ["svg", "png"]), color: color, accent: colour(entry, "accent"))
        if let value = color, let problem = BrandPalette.problem(color: value) {
            let suggestion = problem.suggestion.map { "the nearest darker shade that passes is \($0.hex): write 'color: \"\($0.hex)\"'" }
            report.add(.error(entry.file, entry.position("color"), key: entry.qualified("color"),
                              "\(value.hex) has a contrast of \(RGBColor.ratioText(problem.ratio)) against white; links and buttons with white text need at least 4.5:1 (WCAG 2.1 AA)",
                              hint: suggestion ?? "choose a darker colour"))
            brand.color = nil
        }
        if let accent = brand.accent, let problem = BrandPalette.problem(accent: accent, brand: brand.color) {
            let suggestion = problem.suggestion.map { "the nearest lighter shade that passes is \($0.hex): write 'accent: \"\($0.hex)\"'" }
            report.add(.error(entry.file, entry.position("accent"), key: entry.qualified("accent"),
                              "\(accent.hex) has a contrast of \(RGBColor.ratioText(problem.text)) against the text on it (\(BrandPalette.text.hex)) and \(RGBColor.ratioText(problem.bar)) against the navigation bar; the accent is the background of dark text (4.5:1 needed) and marks the current page on the bar (3:1 needed)",
                              hint: suggestion ?? "choose a lighter colour"))
            brand.accent = nil
        }
        return brand
    }

    func loadHero(_ site: YAMLMapping) -> Hero? {
        guard let entry = site.mapping("hero", allowedKeys: ["image", "alt"]) else { return nil }
        let image = image(entry, "image", extensions: ["svg", "png", "jpg", "jpeg", "webp"], required: true)
        // `alt: ""` (quoted) says the picture is decoration; a missing or blank `alt:` is a mistake.
        var alt: String?
        if case .scalar(let scalar)? = entry.rawValue("alt"), scalar.style != .plain || !scalar.string.isEmpty {
            alt = entry.string("alt") ?? ""
        }
        if alt == nil {
            report.add(.error(entry.file, entry.position("alt"), key: entry.qualified("alt"),
                              "the hero picture has no alt text, which screen readers read in its place",
                              hint: "describe the picture: 'alt: \"Two chairs by a sunny window\"'; if it is only decoration, write 'alt: \"\"' (with the quotes)"))
        }
        guard let image, let alt else { return nil }
        return Hero(image: image, alt: alt)
    }

    func loadMapURL(_ site: YAMLMapping) -> String? {
        guard let value = site.string("map_url") else { return nil }
        guard WebAddress.isValid(value), ControlCharacters.first(in: value) == nil else {
            report.add(.error(site.file, site.position("map_url"), key: "map_url", "'\(value)' is not a web address",
                              hint: "write the full address of the map, starting with https://"))
            return nil
        }
        return value
    }

    /// `#rrggbb` in quotes. An unquoted `#` starts a YAML comment, which would leave the key empty
    /// without a word: that is reported too.
    private func colour(_ entry: YAMLMapping, _ key: String) -> RGBColor? {
        if case .scalar(let scalar)? = entry.rawValue(key), scalar.style == .plain, scalar.string.isEmpty {
            report.add(.error(entry.file, entry.position(key), key: entry.qualified(key), "'\(key)' is empty",
                              hint: "write the colour in quotes, such as '\(key): \"#1f5f8b\"': without them, YAML reads # as the start of a note"))
            return nil
        }
        guard let text = entry.string(key) else { return nil }
        if let colour = RGBColor.parse(text) { return colour }
        var hint = "write '#' and six hexadecimal digits, in quotes, such as '\(key): \"#1f5f8b\"'"
        let digits = text.dropFirst()
        if text.hasPrefix("#"), digits.count == 3, let short = RGBColor.parse("#" + digits.map { "\($0)\($0)" }.joined()) {
            hint = "write all six digits: '\(key): \"\(short.hex)\"'"
        }
        report.add(.error(entry.file, entry.position(key), key: entry.qualified(key), "'\(text)' is not a colour written #rrggbb", hint: hint))
        return nil
    }

    /// `assets/<file>`: a file that exists in `Content/assets/`, with its size when it says it.
    private func image(_ entry: YAMLMapping, _ key: String, extensions: [String], required: Bool = false) -> SiteImage? {
        guard let text = entry.string(key, required: required ? "assets/clinic-front.jpg" : nil) else { return nil }
        func fail(_ message: String, _ hint: String) {
            report.add(.error(entry.file, entry.position(key), key: entry.qualified(key), message, hint: hint))
        }
        switch SiteImage.assetName(text, extensions: extensions) {
        case .failure(let problem):
            fail(problem.message, problem.hint)
            return nil
        case .success(let asset):
            let path = "Content/assets/" + asset
            guard files.folderIsInsideSite("Content/assets"), files.exists(path), !files.isDirectory(path),
                  let file = files.readableFile(path) else {
                fail("there is no file Content/assets/\(asset)",
                     Suggestion.hint(for: asset, in: files.allFiles(below: "Content/assets")).map { $0 + " (files are named from Content/assets/)" }
                         ?? "put the picture in Content/assets/, or correct its name")
                return nil
            }
            var image = SiteImage(asset: asset, position: entry.position(key), key: entry.qualified(key))
            if case .success(let data) = SiteFiles.contents(of: file, limit: SiteFiles.maximumBytes),
               let size = SiteImage.dimensions(of: data, asset: asset) {
                (image.width, image.height) = (size.width, size.height)
            }
            return image
        }
    }
}

extension YAMLMapping {
    /// The value of a key as written, nulls included (`node` treats an empty value as absent).
    func rawValue(_ key: String) -> Node? {
        for (k, v) in mapping where k.string == key { return v }
        return nil
    }
}
