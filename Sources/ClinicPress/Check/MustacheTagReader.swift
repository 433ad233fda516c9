extension MustacheTags {
    /// A cursor over a template's Characters (not bytes: swift-mustache compares Characters, so a
    /// `{` followed by a combining mark is not a brace to it, nor here), keeping line and column.
    /// Every loop moves forward, so reading a template is linear in its length.
    struct Reader {
        let text: String
        var index: String.Index
        var line = 1
        var column = 1

        init(text: String) {
            self.text = text
            index = text.startIndex
        }

        var current: Character? { index < text.endIndex ? text[index] : nil }

        mutating func advance() {
            guard index < text.endIndex else { return }
            let character = text[index]
            index = text.index(after: index)
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }

        mutating func advance(by count: Int) {
            for _ in 0..<count { advance() }
        }

        mutating func skip(while test: (Character) -> Bool) {
            while let character = current, test(character) { advance() }
        }

        mutating func read(while characters: Set<Character>) -> String {
            let start = index
            skip { characters.contains($0) }
            return String(text[start..<index])
        }

        /// Whether `string` starts here (not moving).
        func starts(with string: String) -> Bool {
            var cursor = index
            for character in string {
                guard cursor < text.endIndex, text[cursor] == character else { return false }
                cursor = text.index(after: cursor)
            }
            return true
        }

        /// Reads `string` if it starts here.
        mutating func read(_ string: String) -> Bool {
            guard starts(with: string) else { return false }
            advance(by: string.count)
            return true
        }

        /// Moves to the next `opener`; false at the end of the text.
        mutating func skip(to opener: String) -> Bool {
            guard let first = opener.first else { return false }
            while let character = current {
                if character == first, starts(with: opener) { return true }
                advance()
            }
            return false
        }

        /// A tag's name up to its closing delimiter, which is read too (`parseName`).
        mutating func name(closer: String) -> String? {
            skip(while: \.isWhitespace)
            let name = read(while: Reader.nameCharacters)
            skip(while: \.isWhitespace)
            return read(closer) ? name : nil
        }

        /// A partial's name, which may also hold `/` (`parsePartialName`).
        mutating func partialName(closer: String) -> String? {
            skip(while: \.isWhitespace)
            let name = read(while: Reader.partialNameCharacters)
            skip(while: \.isWhitespace)
            return read(closer) ? name : nil
        }

        /// Past the comment's closing delimiter, searched for as swift-mustache's
        /// `read(untilString:)` does (a partial match restarts without looking back).
        mutating func skipComment(closer: String) -> Bool {
            let wanted = Array(closer)
            var matched = 0
            while let character = current {
                if character == wanted[matched] {
                    matched += 1
                    if matched == wanted.count {
                        advance()
                        return true
                    }
                } else {
                    matched = 0
                }
                advance()
            }
            return false
        }

        /// `{{=<% %>=}}` after the `=`: the new opener and closer (`parserSetDelimiter`).
        mutating func delimiters(closer: String) -> (String, String)? {
            skip(while: \.isWhitespace)
            let openerStart = index
            skip { !$0.isWhitespace }
            guard current != nil else { return nil }
            let opener = String(text[openerStart..<index])
            skip(while: \.isWhitespace)
            let closerStart = index
            skip { $0 != "=" && !$0.isWhitespace }
            guard current != nil else { return nil }
            let newCloser = String(text[closerStart..<index])
            skip(while: \.isWhitespace)
            guard read("="), read(closer), !opener.isEmpty, !newCloser.isEmpty else { return nil }
            return (opener, newCloser)
        }

        /// `{{% NAME: value}}` after the `%` (`readConfigVariable`; the value is swift-mustache's to judge).
        mutating func config(closer: String) -> Bool {
            skip(while: \.isWhitespace)
            let name = read(while: Reader.nameCharactersWithoutBrackets)
            skip(while: \.isWhitespace)
            guard read(":") else { return false }
            skip(while: \.isWhitespace)
            let value = read(while: Reader.nameCharactersWithoutBrackets)
            skip(while: \.isWhitespace)
            return read(closer) && !name.isEmpty && !value.isEmpty
        }

        static let nameCharactersWithoutBrackets = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
        static let nameCharacters = nameCharactersWithoutBrackets.union("()")
        static let partialNameCharacters = nameCharacters.union("/")
    }
}
