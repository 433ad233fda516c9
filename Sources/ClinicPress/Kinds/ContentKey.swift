/// One key a content file may have: its name, the type of its value, and whether it is required.
public struct ContentKey: Sendable {
    public var name: String
    public var type: KeyType
    /// An example value, shown when the key is missing; nil when the key is optional.
    public var required: String?
    /// A text a translation gives in its own language (`title`); false for data that every
    /// language shares (`topics`, a team member's `name`), which a translation may only repeat.
    public var translated = true

    public static func required(_ name: String, _ type: KeyType, example: String) -> ContentKey {
        ContentKey(name: name, type: type, required: example)
    }

    public static func optional(_ name: String, _ type: KeyType) -> ContentKey {
        ContentKey(name: name, type: type, required: nil)
    }

    /// The same key, as data a translation may not change (for text keys such as `topics`).
    func data() -> ContentKey {
        var key = self
        key.translated = false
        return key
    }

    /// Whether a translation writes this key in its own words: texts, unless marked data.
    var isTranslatedText: Bool {
        switch type {
        case .text, .texts: return translated
        default: return false
        }
    }
}

/// The type of a key's value, which decides how it is read and what errors it can have.
public indirect enum KeyType: Sendable {
    case text
    /// A list of short texts (`topics: [sleep, mood]`).
    case texts
    case integer(ClosedRange<Int>)
    case flag
    /// `YYYY-MM-DD`
    case date
    /// `HH:MM`, 24-hour clock
    case time
    /// `[mon, wed, fri]`
    case days
    /// One of a fixed set of words (`level_of_care: iop`).
    case choice([String])
    /// Slugs of entries in another folder (`programs: [adult-iop]`), checked to exist.
    case references(folder: String)
    /// A list of sets of keys (`tracks`, `sessions`).
    case entries([ContentKey])
    /// A list whose items are a short text or a set of keys (`components`).
    case textsOrEntries([ContentKey])
    /// A picture in `Content/assets/`, written `assets/<file>` (`photo: assets/team/dana.jpg`):
    /// a raster picture (published as renditions, `ImageSet`) or an SVG. Its form is checked when
    /// read (`ImageReference.parse`); that the file exists, in the check stage (`ImageReference.check`).
    case image
}

/// A value read and checked against its key's type.
enum FieldValue: Sendable {
    case text(String)
    case texts([String])
    case integer(Int)
    case flag(Bool)
    case date(CalendarDate)
    case time(TimeOfDay)
    case days([Weekday])
    case references([SlugReference])
    case entries([Fields])
    case image(ImageReference)
}

/// The checked values of one set of keys (a file's front matter, or one track), with where each was written.
public struct Fields: Sendable {
    var values: [String: FieldValue] = [:]
    var positions: [String: SourcePosition] = [:]
    /// Position of the set of keys itself.
    public var position: SourcePosition
    /// Its key path inside the file (`tracks[2]`), empty at the top.
    public var path: String
    public var file: String
    /// For list items written as plain text (`- Group therapy` in `components`).
    var plainText: String?

    public func qualified(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    public func position(_ key: String) -> SourcePosition { positions[key] ?? position }

    public func text(_ key: String) -> String? {
        if case .text(let value)? = values[key] { return value }
        return nil
    }
    public func texts(_ key: String) -> [String] {
        if case .texts(let value)? = values[key] { return value }
        return []
    }
    public func integer(_ key: String) -> Int? {
        if case .integer(let value)? = values[key] { return value }
        return nil
    }
    public func flag(_ key: String) -> Bool? {
        if case .flag(let value)? = values[key] { return value }
        return nil
    }
    public func date(_ key: String) -> CalendarDate? {
        if case .date(let value)? = values[key] { return value }
        return nil
    }
    public func time(_ key: String) -> TimeOfDay? {
        if case .time(let value)? = values[key] { return value }
        return nil
    }
    public func days(_ key: String) -> [Weekday] {
        if case .days(let value)? = values[key] { return value }
        return []
    }
    public func choice<T: RawRepresentable>(_ key: String, _ type: T.Type) -> T? where T.RawValue == String {
        text(key).flatMap(T.init(rawValue:))
    }
    public func references(_ key: String) -> [SlugReference] {
        if case .references(let value)? = values[key] { return value }
        return []
    }
    public func entries(_ key: String) -> [Fields] {
        if case .entries(let value)? = values[key] { return value }
        return []
    }
    public func image(_ key: String) -> ImageReference? {
        if case .image(let value)? = values[key] { return value }
        return nil
    }
}

/// Reads a YAML mapping against a list of keys: unknown keys, missing required keys and values
/// of the wrong type are reported with their line and key.
enum KeyReader {
    static func read(_ mapping: YAMLMapping, keys: [ContentKey]) -> Fields {
        var fields = Fields(position: mapping.position, path: mapping.path, file: mapping.file)
        for key in keys {
            if let value = read(key, from: mapping) {
                fields.values[key.name] = value
                fields.positions[key.name] = mapping.position(key.name)
            }
        }
        return fields
    }

    static func read(_ key: ContentKey, from mapping: YAMLMapping) -> FieldValue? {
        let name = key.name
        let isRequired = key.required != nil
        switch key.type {
        case .text:
            return mapping.string(name, required: key.required).map(FieldValue.text)
        case .texts:
            guard mapping.has(name) else {
                if let example = key.required { _ = mapping.list(name, required: example) }
                return nil
            }
            return .texts(mapping.strings(name))
        case .integer(let range):
            if isRequired, !mapping.has(name) { _ = mapping.string(name, required: key.required) }
            return mapping.int(name, range: range).map(FieldValue.integer)
        case .flag:
            return mapping.bool(name).map(FieldValue.flag)
        case .date:
            return mapping.date(name, required: isRequired).map(FieldValue.date)
        case .time:
            return mapping.time(name, required: isRequired).map(FieldValue.time)
        case .days:
            guard mapping.has(name) || isRequired else { return nil }
            return .days(mapping.days(name, required: isRequired))
        case .choice(let values):
            return mapping.choice(name, values: values, required: isRequired).map(FieldValue.text)
        case .references(let folder):
            guard mapping.has(name) else { return nil }
            return .references(mapping.slugs(name, folder: folder))
        case .entries(let keys):
            guard mapping.has(name) || isRequired else { return nil }
            let items = mapping.mappings(name, allowedKeys: keys.map(\.name), required: key.required)
            return .entries(items.map { read($0, keys: keys) })
        case .image:
            guard let text = mapping.string(name, required: key.required) else { return nil }
            switch ImageReference.parse(text, file: mapping.file, position: mapping.position(name), key: mapping.qualified(name)) {
            case .success(let reference): return .image(reference)
            case .failure(let diagnostic): mapping.report.add(diagnostic); return nil
            }
        case .textsOrEntries(let keys):
            guard mapping.has(name) else { return nil }
            var items: [Fields] = []
            for (index, (node, position)) in mapping.list(name).enumerated() {
                if let text = node.string, !text.isEmpty {
                    items.append(Fields(position: position, path: "\(mapping.qualified(name))[\(index + 1)]",
                                        file: mapping.file, plainText: text))
                } else if let entry = YAMLMapping(node, file: mapping.file, lineOffset: mapping.lineOffset,
                                                  path: "\(mapping.qualified(name))[\(index + 1)]",
                                                  allowedKeys: keys.map(\.name), report: mapping.report,
                                                  what: "each item of '\(name)'") {
                    items.append(read(entry, keys: keys))
                }
            }
            return .entries(items)
        }
    }
}
