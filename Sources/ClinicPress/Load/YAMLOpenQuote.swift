import CYaml

/// After a YAML error, finds the one case where the cause is certain to be an earlier line: a
/// quoted value that started on an earlier line and ran on until the line of the error. Quoted
/// text may legally span lines, so only the quote that reaches the error is named.
enum YAMLOpenQuote {
    struct Quote: Equatable {
        /// 1-based line and column of the opening quote, within the text given.
        var line: Int
        var column: Int
        var quote: Character
    }

    /// The opening quote of the quoted value that ends on `errorLine` (1-based) after starting
    /// on an earlier line, when it is the last value libyaml read before failing.
    static func reaching(errorLine: Int, in text: String) -> Quote? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Quote? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var last: (style: yaml_scalar_style_t, start: yaml_mark_t, end: yaml_mark_t)?
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { break }
                let type = event.type
                if type == YAML_SCALAR_EVENT {
                    last = (event.data.scalar.style, event.start_mark, event.end_mark)
                } else if type != YAML_MAPPING_END_EVENT && type != YAML_SEQUENCE_END_EVENT {
                    last = nil
                }
                yaml_event_delete(&event)
                if type == YAML_STREAM_END_EVENT { return nil }
            }
            guard let last, last.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE || last.style == YAML_SINGLE_QUOTED_SCALAR_STYLE,
                  Int(last.end.line) + 1 == errorLine, last.start.line < last.end.line else { return nil }
            return Quote(line: Int(last.start.line) + 1, column: Int(last.start.column) + 1,
                         quote: last.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE ? "\"" : "'")
        }
    }
}
