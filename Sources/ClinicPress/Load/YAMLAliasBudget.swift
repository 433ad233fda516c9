import CYaml

/// YAML aliases (`*name`) repeat the value an anchor (`&name`) names, and an alias may repeat a
/// value that is itself made of aliases: 180 KB of them expand to billions of values ("billion
/// laughs"). Yams shares the repeated values while composing, but anything that walks the tree
/// afterwards pays for every copy. This counts, on libyaml's events and before composing, what
/// the aliases add, and stops at a bound that no clinic's content comes near.
enum YAMLAliasBudget {
    static let maximumAliases = 1_000
    /// Values plus text bytes that aliases may add to a file, all aliases together.
    static let maximumExpansion = 1_000_000

    struct Excess: Equatable {
        /// 1-based, within the text given.
        var line: Int
        var column: Int
        var anchor: String
        var aliases: Int
    }

    /// Where the aliases first go past the budget, or nil. Syntax errors are left for the composer
    /// to report with its own position.
    static func check(_ text: String) -> Excess? {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Excess? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var tally = Tally()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                let excess = tally.count(event)
                let finished = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if let excess { return excess }
                if finished { return nil }
            }
        }
    }

    /// The weight of every anchored value (itself and everything in it, aliases expanded).
    private struct Tally {
        var weights: [String: Int] = [:]
        /// Open sequences and mappings: their anchor and weight so far.
        var open: [(anchor: String?, weight: Int)] = []
        var aliases = 0
        var expansion = 0

        mutating func count(_ event: yaml_event_t) -> Excess? {
            switch event.type {
            case YAML_SCALAR_EVENT:
                let weight = 1 + event.data.scalar.length
                if let anchor = Tally.name(event.data.scalar.anchor) { weights[anchor] = weight }
                add(weight)
            case YAML_SEQUENCE_START_EVENT:
                open.append((Tally.name(event.data.sequence_start.anchor), 1))
            case YAML_MAPPING_START_EVENT:
                open.append((Tally.name(event.data.mapping_start.anchor), 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return nil }
                if let anchor = closed.anchor { weights[anchor] = closed.weight }
                add(closed.weight)
            case YAML_ALIAS_EVENT:
                let anchor = Tally.name(event.data.alias.anchor) ?? ""
                let weight = weights[anchor] ?? 1
                aliases += 1
                expansion = Tally.sum(expansion, weight)
                add(weight)
                if aliases > YAMLAliasBudget.maximumAliases || expansion > YAMLAliasBudget.maximumExpansion {
                    return Excess(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                                  anchor: anchor, aliases: aliases)
                }
            default:
                break
            }
            return nil
        }

        private mutating func add(_ weight: Int) {
            guard !open.isEmpty else { return }
            open[open.count - 1].weight = Tally.sum(open[open.count - 1].weight, weight)
        }

        /// Saturating: nested aliases double a weight at every level.
        private static func sum(_ a: Int, _ b: Int) -> Int {
            let (total, overflow) = a.addingReportingOverflow(b)
            return overflow ? Int.max / 2 : min(total, Int.max / 2)
        }

        private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
