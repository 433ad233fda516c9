import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` without the trip through NSString when
    /// there is nothing to trim, which is almost always: loading 10,000 files spent 4% here.
    func trimmedWhitespace() -> String {
        guard let first = utf8.first, let last = utf8.last,
              first > 0x20, first < 0x80, last > 0x20, last < 0x80 else {
            return trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return self
    }
}
