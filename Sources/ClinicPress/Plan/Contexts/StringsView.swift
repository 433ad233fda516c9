import Mustache

/// The strings file as templates see it, under `strings`: `{{strings.nav.programs}}`. Its keys
/// come from a file, not from a type, so it answers names from the loaded strings and its
/// shape for the template check is built from them: `{{strings.nav.prgrams}}` is reported.
public struct StringsView: MustacheParent, Sendable, Hashable {
    let strings: ThemeStrings
    /// The group this view stands for (`nav.`); empty at the top.
    let prefix: String
    private let table: StringsTable

    init(_ strings: ThemeStrings) {
        self.init(strings, prefix: "", table: strings.table)
    }

    private init(_ strings: ThemeStrings, prefix: String, table: StringsTable) {
        self.strings = strings
        self.prefix = prefix
        self.table = table
    }

    // Every page looks strings up many times: the table of each group (`ThemeStrings.table`)
    // answers each name with one dictionary lookup.
    public func child(named name: String) -> Any? {
        if let text = table.texts[name] { return text }
        guard let group = table.groups[name] else { return nil }
        return StringsView(strings, prefix: prefix + name + ".", table: group)
    }

    /// Groups are objects, strings are values: what the template check walks.
    static func shape(keys: some Sequence<String>) -> TemplateShape {
        var tree = Node()
        for key in keys { tree.insert(key.split(separator: ".").map(String.init)) }
        return tree.shape
    }

    private struct Node {
        var children: [String: Node] = [:]
        mutating func insert(_ path: [String]) {
            guard let first = path.first else { return }
            children[first, default: Node()].insert(Array(path.dropFirst()))
        }
        var shape: TemplateShape { children.isEmpty ? .value : .object(children.mapValues(\.shape)) }
    }

    // Two pages' views are equal when their strings are: the language and every text.
    public static func == (a: StringsView, b: StringsView) -> Bool {
        a.prefix == b.prefix && a.strings.language == b.strings.language && a.strings.values == b.strings.values
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(prefix)
        hasher.combine(strings.language)
        hasher.combine(strings.values.count)
    }
}

extension TemplateFields.Field {
    /// The strings file; its shape depends on the loaded keys, so `TemplateRoots` puts it in.
    static func strings(_ read: @escaping @Sendable (Root) -> StringsView) -> Self {
        Self(read: { read($0) }, shape: .open)
    }
}
