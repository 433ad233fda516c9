/// `brand:` in `site.yml`: the clinic's logo and colours, from which the theme derives every
/// colour it uses (`BrandPalette`), on the web and in print.
public struct Brand: Sendable {
    public var logo: SiteImage?
    /// Links, buttons with white text, the header: must reach 4.5:1 against white.
    public var color: RGBColor?
    /// Decoration behind dark text (status badges) and the current-page marker on the navigation
    /// bar: must reach 4.5:1 against the body text and 3:1 against the navigation bar.
    public var accent: RGBColor?
}

/// `hero:` in `site.yml`: the photo beside the tagline on the home page.
public struct Hero: Sendable {
    public var image: SiteImage
    /// Empty only when written `alt: ""`: the picture is decoration and says nothing the page does not.
    public var alt: String
}

/// Every colour the theme uses that comes from the brand, as CSS custom properties. Derived so
/// that each pair the theme shows passes WCAG 2.1 AA whatever the brand colour is (as long as it
/// passes itself): shades keep the hue, tints are lightened until the brand colour still reads
/// on them.
public struct BrandPalette: Sendable, Hashable {
    /// The theme's own colours, used when `site.yml` gives none (and written in site.css as the
    /// custom properties' defaults).
    public static let defaultColor = RGBColor(red: 0x08, green: 0x50, blue: 0x5f)
    public static let defaultAccent = RGBColor(red: 0xff, green: 0xdd, blue: 0x00)
    /// The body text colour of the theme (site.css `--text`), which the accent must carry.
    public static let text = RGBColor(red: 0x1d, green: 0x25, blue: 0x29)
    /// WCAG 2.1 AA for text, and for graphics such as the current-page marker.
    public static let textRatio = 4.5
    public static let graphicRatio = 3.0

    /// `--brand`: links, button backgrounds, borders.
    public var brand: RGBColor
    /// `--link`: the brand colour, darkened only as far as needed to keep 4.5:1 on the theme's
    /// off-white backgrounds too (the page, the footer), which are a little darker than white.
    public var link: RGBColor
    /// `--brand-dark`: the header, hovered buttons, headings in the brand colour.
    public var dark: RGBColor
    /// `--brand-darker`: the navigation bar, text on tints.
    public var darker: RGBColor
    /// `--brand-tint`: light backgrounds (callouts, "how to start"); links in `brand` still pass on it.
    public var tint: RGBColor
    /// `--brand-tint-strong`: table headers and tags.
    public var tintStrong: RGBColor
    /// `--accent`
    public var accent: RGBColor

    public init(color: RGBColor?, accent: RGBColor?) {
        let brand = color ?? Self.defaultColor
        self.brand = brand
        let link = brand.nearestShade(reaching: Self.textRatio, against: Self.darkestLinkBackground) ?? .black
        self.link = link
        dark = brand.shifted(lightness: -0.04)
        darker = brand.shifted(lightness: -0.08)
        let onTints = [link, dark, darker, Self.text]
        tint = Self.tint(of: brand, amount: 0.07, keeping: onTints)
        tintStrong = Self.tint(of: brand, amount: 0.12, keeping: onTints)
        self.accent = accent ?? Self.defaultAccent
    }

    /// The footer's background (site.css `--footer-bg`), the darkest the theme puts links on.
    public static let darkestLinkBackground = RGBColor(red: 0xee, green: 0xf2, blue: 0xf2)

    /// `brand` mixed into white, less and less until every colour in `texts` reaches 4.5:1 on it
    /// (white at worst, where they pass because the brand colour was checked against white).
    static func tint(of brand: RGBColor, amount: Double, keeping texts: [RGBColor]) -> RGBColor {
        var amount = amount
        while amount > 0 {
            let tint = RGBColor.white.mixed(with: brand, amount)
            if texts.allSatisfy({ $0.contrast(with: tint) >= textRatio }) { return tint }
            amount -= 0.01
        }
        return .white
    }

    // MARK: Checks

    /// Why `color` cannot be the brand colour, with the nearest darker shade that can; nil when it can.
    public static func problem(color: RGBColor) -> (ratio: Double, suggestion: RGBColor?)? {
        let ratio = color.contrast(with: .white)
        guard ratio < textRatio else { return nil }
        return (ratio, color.nearestShade(reaching: textRatio, against: .white))
    }

    /// Why `accent` cannot be used with this brand colour, with the nearest lighter shade that can.
    public static func problem(accent: RGBColor, brand: RGBColor?) -> (text: Double, bar: Double, suggestion: RGBColor?)? {
        let bar = BrandPalette(color: brand, accent: accent).darker
        func passes(_ c: RGBColor) -> Bool { c.contrast(with: text) >= textRatio && c.contrast(with: bar) >= graphicRatio }
        guard !passes(accent) else { return nil }
        // Lighten one percent of lightness at a time, keeping the hue, until both uses pass.
        var suggestion: RGBColor?
        for step in 1...100 {
            let shade = accent.shifted(lightness: Double(step) / 100)
            if passes(shade) { suggestion = shade; break }
        }
        return (accent.contrast(with: text), accent.contrast(with: bar), suggestion)
    }
}
