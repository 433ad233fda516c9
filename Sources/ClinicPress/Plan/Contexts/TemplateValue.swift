import Mustache

/// A value a template can read: it answers `{{name}}` from a table built once per type, so
/// rendering never reflects over values (swift-mustache falls back to `Mirror` for anything
/// that is not a `MustacheParent`, and that was most of the build's time).
///
/// The same table gives the value's `shape`, which the template check walks to report
/// `{{site.nmae}}` before anything renders.
public protocol TemplateValue: MustacheParent, Sendable, Hashable {
    static var fields: TemplateFields<Self> { get }
}

extension TemplateValue {
    public func child(named name: String) -> Any? {
        guard RenderBudget.spend() else { return nil }
        return Self.fields.byName[name]?.read(self)
    }
    public static var shape: TemplateShape { Self.fields.shape }
}

/// What a template may name below a value, for the template check.
public indirect enum TemplateShape: Sendable, Hashable {
    /// Text, a number or a flag: nothing below it.
    case value
    case object([String: TemplateShape])
    /// A list; a section over it sees each element.
    case list(TemplateShape)
    /// Differs from page to page (a page's `content`): not checked below this point.
    case open

    /// Replaces the shape of `key` in an object shape.
    func replacing(_ key: String, with shape: TemplateShape) -> TemplateShape {
        guard case .object(var fields) = self else { return self }
        fields[key] = shape
        return .object(fields)
    }
}

/// The readable fields of a context type: name -> how to read it and its shape.
public struct TemplateFields<Root>: Sendable {
    public struct Field: Sendable {
        let read: @Sendable (Root) -> Any?
        let shape: TemplateShape
    }
    let byName: [String: Field]
    let shape: TemplateShape

    public init(_ fields: KeyValuePairs<String, Field>) {
        var byName: [String: Field] = [:]
        for (name, field) in fields { byName[name] = field }
        self.byName = byName
        self.shape = .object(byName.mapValues(\.shape))
    }
}

extension TemplateFields.Field {
    /// Text, a number or a flag (optional or not).
    public static func value<V: Sendable>(_ read: @escaping @Sendable (Root) -> V?) -> Self {
        Self(read: { read($0) }, shape: .value)
    }
    /// A list of texts (`{{#topics}}{{.}}{{/topics}}`).
    public static func texts(_ read: @escaping @Sendable (Root) -> [String]) -> Self {
        Self(read: { read($0) }, shape: .list(.value))
    }
    public static func object<T: TemplateValue>(_ read: @escaping @Sendable (Root) -> T?) -> Self {
        Self(read: { read($0) }, shape: T.shape)
    }
    public static func list<T: TemplateValue>(_ read: @escaping @Sendable (Root) -> [T]) -> Self {
        Self(read: { read($0) }, shape: .list(T.shape))
    }
    /// A value whose type differs from page to page.
    public static func open(_ read: @escaping @Sendable (Root) -> AnyTemplateValue) -> Self {
        Self(read: { read($0) }, shape: .open)
    }
}

/// Any context value, kept comparable so two plans can be diffed.
public struct AnyTemplateValue: MustacheParent, Sendable, Hashable {
    public let base: any TemplateValue

    public init(_ base: any TemplateValue) { self.base = base }

    public func child(named name: String) -> Any? { base.child(named: name) }

    public static func == (a: AnyTemplateValue, b: AnyTemplateValue) -> Bool { a.base.isEqual(to: b.base) }
    public func hash(into hasher: inout Hasher) { base.hash(into: &hasher) }
}

extension TemplateValue {
    func isEqual(to other: any TemplateValue) -> Bool {
        guard let other = other as? Self else { return false }
        return self == other
    }
}
