import Foundation

/// One file of the finished site, held in memory until the whole build has succeeded, or, for a
/// file copied as it is (a clinic's video or PDF in Content/assets/), only named here and copied
/// from its source when the site is written, so memory does not grow with the size of assets.
public struct OutputFile: Sendable {
    /// Path inside the output folder, such as `programs/adult-iop/index.html`.
    public var path: String
    public var body: Body

    public enum Body: Sendable, Equatable {
        case bytes(Data)
        /// The absolute path of a file whose bytes are published unchanged.
        case copy(of: String)
    }

    public init(path: String, contents: Data) {
        self.path = path
        self.body = .bytes(contents)
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }

    public init(path: String, body: Body) {
        self.path = path
        self.body = body
    }

    public init(path: String, copyOf source: String) {
        self.path = path
        self.body = .copy(of: source)
    }

    /// The bytes, read from the source for a copied file (for tests and small files: the writer
    /// streams copies instead).
    public var contents: Data {
        switch body {
        case .bytes(let data): return data
        case .copy(let source): return (try? Data(contentsOf: URL(fileURLWithPath: source))) ?? Data()
        }
    }
}
