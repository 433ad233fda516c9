import Foundation

/// File systems limit a name to 255 bytes and a path to 4096. A content file's name that fits
/// may still make an output name that does not (`print/handouts/<slug>.html`), and the build
/// would then fail half way through writing; this finds it in `check`, as an error on the file.
enum OutputPathLimits {
    static let maximumNameBytes = 255
    static let maximumPathBytes = 4096
    /// The build writes into `.NAME.tmp-PID/` beside the output folder first.
    static let stagingExtraBytes = 32

    static func check(_ plan: OutputPlan, outputFolder: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        var paths = plan.outputs.map { (path: $0.path, inputs: $0.inputs) }
        paths += plan.printDocuments.map { (path: $0.pdfPath, inputs: [$0.source]) }
        for (path, inputs) in paths {
            // Almost every path is short: no name in it can be too long, and the whole fits.
            if path.utf8.count <= maximumNameBytes && outputFolder.utf8.count + stagingExtraBytes + path.utf8.count <= maximumPathBytes {
                continue
            }
            let longest = path.split(separator: "/").max { $0.utf8.count < $1.utf8.count } ?? ""
            let file = blamed(for: String(longest), inputs: inputs) ?? path
            if longest.utf8.count > maximumNameBytes {
                guard reported.insert(file).inserted else { continue }
                diagnostics.append(.error(file, "this name is too long to publish: it makes the file or folder name '\(longest.prefix(40))…' in \(path), \(longest.utf8.count) bytes long, and file systems allow \(maximumNameBytes)",
                                          hint: "give the file a shorter name (\(maximumNameBytes - 10) letters or fewer leave room for what ClinicPress adds)"))
            } else if outputFolder.utf8.count + stagingExtraBytes + path.utf8.count > maximumPathBytes {
                guard reported.insert(file).inserted else { continue }
                diagnostics.append(.error(file, "this makes the path \(outputFolder)/\(path), longer than the \(maximumPathBytes) bytes file systems allow",
                                          hint: "give the file or its folders shorter names, or build into a folder with a shorter path (--output)"))
            }
        }
        return diagnostics
    }

    /// The content file behind a name: the input whose name the output name contains.
    private static func blamed(for name: String, inputs: [String]) -> String? {
        let stems = inputs.map { ($0, (($0 as NSString).lastPathComponent as NSString).deletingPathExtension) }
        return stems.first { !$0.1.isEmpty && name.contains($0.1) }?.0 ?? inputs.first
    }
}
