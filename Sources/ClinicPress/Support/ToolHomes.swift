import Foundation

/// The folders where `make` installs what ClinicPress runs beside it (WeasyPrint and Pagefind in
/// `.venv-print/`, the pronouncing dictionary in `.dictionaries/`), in the order they are tried:
/// `$CLINICPRESS_HOME`, then every folder above the running binary (the checkout it was built in).
enum ToolHomes {
    static func folders(environment: [String: String], executable: URL) -> [URL] {
        var folders: [URL] = []
        if let home = environment["CLINICPRESS_HOME"], !home.isEmpty {
            folders.append(URL(fileURLWithPath: home, isDirectory: true))
        }
        var folder = executable.deletingLastPathComponent()
        while folder.path != "/" {
            folders.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        return folders
    }
}
