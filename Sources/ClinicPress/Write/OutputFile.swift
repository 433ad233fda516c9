import Foundation

/// One file of the finished site, held in memory until the whole build has succeeded.
public struct OutputFile: Sendable {
    /// Path inside the output folder, such as `programs/adult-iop/index.html`.
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
