import Foundation

/// What templates read of the brand, the hero picture, notices, directions and program status.

/// `site.brand`: the colours as CSS custom properties (`Templates/brand-style.mustache`), present
/// only when `site.yml` gives a brand colour or accent (otherwise site.css's defaults hold).
public struct BrandView: Sendable, Hashable {
    public var color: String
    public var link: String
    public var colorDark: String
    public var colorDarker: String
    public var tint: String
    public var tintStrong: String
    public var accent: String
}

/// A picture of `Content/assets/` with what `<img>` needs.
public struct ImageView: Sendable, Hashable {
    /// From the site root (`assets/logo.svg`); templates write `{{root}}{{path}}`.
    public var path: String
    /// Absolute (`https://example.org/assets/logo.svg`), for social sharing.
    public var url: String
    public var width: Int?
    public var height: Int?
    public var type: String
    public var alt: String
}

/// A notice shown on this build's date.
public struct NoticeView: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var level: String
    public var isUrgent: Bool
    public var paragraphs: [String]
    /// "Thursday, November 26, 2026": the last day it is shown.
    public var ends: String
    public var endsISO: String
    /// Its language when it is not the page's (not translated).
    public var lang: String? = nil
}

/// A program's status badge: the words always, the key for styling.
public struct StatusView: Sendable, Hashable {
    /// `accepting`, `waitlist`, `paused`
    public var key: String
    public var label: String
    public var note: String?
}

extension BrandView: TemplateValue {
    public static let fields = TemplateFields<BrandView>([
        "color": .value { $0.color },
        "link": .value { $0.link },
        "colorDark": .value { $0.colorDark },
        "colorDarker": .value { $0.colorDarker },
        "tint": .value { $0.tint },
        "tintStrong": .value { $0.tintStrong },
        "accent": .value { $0.accent },
    ])
}

extension ImageView: TemplateValue {
    public static let fields = TemplateFields<ImageView>([
        "path": .value { $0.path },
        "url": .value { $0.url },
        "width": .value { $0.width },
        "height": .value { $0.height },
        "type": .value { $0.type },
        "alt": .value { $0.alt },
    ])
}

extension NoticeView: TemplateValue {
    public static let fields = TemplateFields<NoticeView>([
        "slug": .value { $0.slug },
        "title": .value { $0.title },
        "level": .value { $0.level },
        "isUrgent": .value { $0.isUrgent },
        "paragraphs": .texts { $0.paragraphs },
        "ends": .value { $0.ends },
        "endsISO": .value { $0.endsISO },
        "lang": .value { $0.lang },
    ])
}

extension StatusView: TemplateValue {
    public static let fields = TemplateFields<StatusView>([
        "key": .value { $0.key },
        "label": .value { $0.label },
        "note": .value { $0.note },
    ])
}

extension ViewBuilder {
    var brandView: BrandView? {
        guard let brand = site.settings.brand, brand.color != nil || brand.accent != nil else { return nil }
        let palette = BrandPalette(color: brand.color, accent: brand.accent)
        return BrandView(color: palette.brand.hex, link: palette.link.hex, colorDark: palette.dark.hex, colorDarker: palette.darker.hex,
                         tint: palette.tint.hex, tintStrong: palette.tintStrong.hex, accent: palette.accent.hex)
    }

    /// A raster logo or hero is published only as libvips renditions (the original may carry
    /// GPS positions): the view names the largest JPEG or PNG, at its size. An SVG is linked as it is.
    func imageView(_ image: SiteImage, alt: String) -> ImageView {
        if let set = site.images.images[image.asset] {
            let largest = set.largest
            let path = URLPath.encode(largest.path)
            return ImageView(path: path, url: site.baseURL + path, width: largest.width, height: largest.height,
                             type: largest.format.mimeType, alt: alt)
        }
        return ImageView(path: image.path, url: site.baseURL + image.path, width: image.width, height: image.height,
                         type: image.mediaType, alt: alt)
    }

    /// Notices whose dates include the build date.
    var noticeViews: [NoticeView] {
        site.notices.filter { $0.isShown(on: site.buildDate) }.map { notice in
            NoticeView(slug: notice.slug, title: notice.title, level: notice.level.rawValue, isUrgent: notice.level == .urgent,
                       paragraphs: notice.paragraphs, ends: format.longDate(notice.ends), endsISO: notice.ends.iso,
                       lang: site.otherLanguage(NoticeKind.self, notice.slug))
        }
    }

    /// `map_url`, or an OpenStreetMap search for the address; nil without either.
    var directionsURL: String? {
        if let url = site.settings.mapURL { return url }
        guard let lines = site.settings.address?.lines, !lines.isEmpty else { return nil }
        return "https://www.openstreetmap.org/search?query=" + QueryText.encode(lines.joined(separator: ", "))
    }

    func statusView(_ program: Program) -> StatusView? {
        program.status.map { StatusView(key: $0.rawValue, label: site.strings[StringKeys.programStatus($0)], note: program.statusNote) }
    }
}

/// A value in a URL's query: every byte but letters, digits and `-._~` percent-encoded.
enum QueryText {
    static func encode(_ text: String) -> String {
        URLPath.encode(text).replacingOccurrences(of: "/", with: "%2F")
    }
}
