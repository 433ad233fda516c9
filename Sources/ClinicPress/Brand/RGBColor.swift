import Foundation

/// A colour written `#rrggbb` in `site.yml`, with the WCAG 2.1 arithmetic the brand checks need.
public struct RGBColor: Sendable, Hashable, CustomStringConvertible {
    /// 0...255 each.
    public var red: Int, green: Int, blue: Int

    public init(red: Int, green: Int, blue: Int) {
        self.red = min(max(red, 0), 255)
        self.green = min(max(green, 0), 255)
        self.blue = min(max(blue, 0), 255)
    }

    public static let white = RGBColor(red: 255, green: 255, blue: 255)
    public static let black = RGBColor(red: 0, green: 0, blue: 0)

    /// `#08505f`. Only the six-digit form: `#rgb` and names are refused, so every colour reads
    /// the same in the file, in the CSS and in messages.
    public static func parse(_ text: String) -> RGBColor? {
        let digits = Array(text.utf8)
        guard digits.count == 7, digits[0] == UInt8(ascii: "#"),
              digits.dropFirst().allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) }),
              let value = Int(text.dropFirst(), radix: 16) else { return nil }
        return RGBColor(red: value >> 16 & 0xff, green: value >> 8 & 0xff, blue: value & 0xff)
    }

    /// Lower case, as CSS and messages show it.
    public var hex: String { String(format: "#%02x%02x%02x", red, green, blue) }
    public var description: String { hex }

    // MARK: WCAG 2.1

    /// Relative luminance (WCAG 2.1, 1.4.3): each channel linearised, then weighted.
    public var relativeLuminance: Double {
        func linear(_ channel: Int) -> Double {
            let c = Double(channel) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// (L1 + 0.05) / (L2 + 0.05), the lighter over the darker: 1 to 21.
    public func contrast(with other: RGBColor) -> Double {
        let a = relativeLuminance, b = other.relativeLuminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// `3.2:1`: rounded down to one decimal, so a ratio shown as 4.5:1 always passes.
    public static func ratioText(_ ratio: Double) -> String {
        String(format: "%.1f:1", (ratio * 10).rounded(.down) / 10)
    }

    // MARK: Shades

    /// Hue, saturation and lightness (0...1 each, hue in turns).
    var hsl: (hue: Double, saturation: Double, lightness: Double) {
        let r = Double(red) / 255, g = Double(green) / 255, b = Double(blue) / 255
        let high = max(r, g, b), low = min(r, g, b)
        let lightness = (high + low) / 2
        guard high != low else { return (0, 0, lightness) }
        let d = high - low
        let saturation = lightness > 0.5 ? d / (2 - high - low) : d / (high + low)
        var hue: Double
        switch high {
        case r: hue = (g - b) / d + (g < b ? 6 : 0)
        case g: hue = (b - r) / d + 2
        default: hue = (r - g) / d + 4
        }
        hue /= 6
        return (hue, saturation, lightness)
    }

    init(hue: Double, saturation: Double, lightness: Double) {
        func channel(_ t: Double) -> Int {
            let q = lightness < 0.5 ? lightness * (1 + saturation) : lightness + saturation - lightness * saturation
            let p = 2 * lightness - q
            var t = t
            if t < 0 { t += 1 }
            if t > 1 { t -= 1 }
            let value: Double
            if t < 1.0 / 6 { value = p + (q - p) * 6 * t }
            else if t < 1.0 / 2 { value = q }
            else if t < 2.0 / 3 { value = p + (q - p) * (2.0 / 3 - t) * 6 }
            else { value = p }
            return Int((value * 255).rounded())
        }
        self.init(red: channel(hue + 1.0 / 3), green: channel(hue), blue: channel(hue - 1.0 / 3))
    }

    /// The same hue and saturation with the lightness moved by `amount` (-1...1): what a designer
    /// means by "a darker shade of the same colour".
    public func shifted(lightness amount: Double) -> RGBColor {
        let (h, s, l) = hsl
        return RGBColor(hue: h, saturation: s, lightness: min(max(l + amount, 0), 1))
    }

    /// This colour mixed with another, `amount` of the other (0...1). Mixed in gamma-encoded sRGB,
    /// which is closer to even steps for the eye than mixing linear light (tints stay tints).
    public func mixed(with other: RGBColor, _ amount: Double) -> RGBColor {
        func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * amount).rounded()) }
        return RGBColor(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
    }

    /// The nearest shade of the same hue, darkened (or lightened) one percent of lightness at a time,
    /// that reaches `ratio` against `background`; nil when even black (white) does not.
    public func nearestShade(reaching ratio: Double, against background: RGBColor, darker: Bool = true) -> RGBColor? {
        if contrast(with: background) >= ratio { return self }
        let (h, s, l) = hsl
        var lightness = l
        for _ in 0...100 {
            lightness = darker ? max(lightness - 0.01, 0) : min(lightness + 0.01, 1)
            let shade = RGBColor(hue: h, saturation: s, lightness: lightness)
            if shade != self, shade.contrast(with: background) >= ratio { return shade }
            if lightness == 0 || lightness == 1 { break }
        }
        return nil
    }
}
