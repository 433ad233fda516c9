/// What social sites show for a link to a page (Open Graph and Twitter cards): the page's
/// locale and the site's other languages, and a picture with its alt text.
struct Sharing: Sendable {
    let locale: String
    let localeAlternates: [String]
    /// The brand's logo, for pages without a picture of their own.
    let logo: ImageView?
    let pictures: [String: ImageView]

    init(site: Site, language: String? = nil) {
        let views = ViewBuilder(site: site)
        let country = site.settings.address?.country
        let language = language ?? site.settings.language
        locale = Sharing.locale(language: language, country: country)
        localeAlternates = site.settings.languages.filter { $0 != language }.map { Sharing.locale(language: $0, country: country) }
        let alt = site.strings.fill(StringKeys.shareLogoAlt, ["clinic": site.settings.name])
        logo = site.settings.brand?.logo.map { views.imageView($0, alt: alt) }
        var pictures: [String: ImageView] = [:]
        for (asset, set) in site.images.images {
            let largest = set.largest
            let path = URLPath.encode(largest.path)
            pictures[asset] = ImageView(path: path, url: site.baseURL + path, width: largest.width, height: largest.height,
                                        type: largest.format.mimeType, alt: "")
        }
        self.pictures = pictures
    }

    /// The page's own picture when it is a photo (social sites show no SVG), else the logo.
    func image(_ plan: PagePlan) -> ImageView? {
        if let picture = ownPicture(plan) { return picture }
        return logo
    }

    func twitterCard(_ plan: PagePlan) -> String { ownPicture(plan) == nil ? "summary" : "summary_large_image" }

    private func ownPicture(_ plan: PagePlan) -> ImageView? {
        guard let reference = plan.shareImage, var picture = pictures[reference.asset] else { return nil }
        picture.alt = plan.shareImageAlt ?? ""
        return picture
    }

    /// `en_US` from `en` and the address's country (`US`), or from a tag with a region (`en-GB`);
    /// a language alone when neither names a region.
    static func locale(language: String, country: String?) -> String {
        let parts = language.split(whereSeparator: { $0 == "-" || $0 == "_" })
        let base = parts.first.map { $0.lowercased() } ?? language
        if parts.count > 1, let region = parts.last, region.count == 2 { return base + "_" + region.uppercased() }
        if let region = country.flatMap(regionCode) { return base + "_" + region }
        return base
    }

    /// A country as written in an address: a two-letter code, or a few common names.
    static func regionCode(_ country: String) -> String? {
        let text = country.trimmingCharacters(in: .whitespaces)
        if text.count == 2, text.allSatisfy({ $0.isLetter && $0.isASCII }) { return text.uppercased() }
        let names = ["usa": "US", "u.s.a.": "US", "united states": "US", "united states of america": "US",
                     "canada": "CA", "united kingdom": "GB", "uk": "GB", "mexico": "MX", "méxico": "MX",
                     "ireland": "IE", "australia": "AU", "new zealand": "NZ", "spain": "ES", "españa": "ES"]
        return names[text.lowercased()]
    }
}
