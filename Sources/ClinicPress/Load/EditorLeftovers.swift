/// Files that editors, operating systems and merge tools leave beside the files a person wrote:
/// backups (`page.mustache~`, `page.mustache.bak`), swap and lock files (`.page.mustache.swp`,
/// `#page.mustache#`, `.#page.mustache`, `~$notes.docx`) and folder metadata (`.DS_Store`,
/// `Thumbs.db`). They are never content: every folder of a site skips them, silently, so one is
/// never published (`Templates/`, `Content/`, `Content/assets/`).
enum EditorLeftovers {
    static func isIgnored(_ name: String) -> Bool {
        // Hidden files and folders, which include vim's `.x.swp` and emacs's `.#x` lock files.
        if name.hasPrefix(".") { return true }
        if name.hasSuffix("~") { return true }  // emacs, vim, gedit backups
        if name.hasPrefix("~$") { return true }  // Microsoft Office lock files
        if name.count >= 2, name.hasPrefix("#"), name.hasSuffix("#") { return true }  // emacs auto-save
        let lower = name.lowercased()
        if ignoredNames.contains(lower) { return true }
        return ignoredExtensions.contains { lower.hasSuffix($0) }
    }

    static let ignoredNames: Set<String> = ["thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r"]
    /// Swap files, backups and the leftovers of a merge or a patch.
    static let ignoredExtensions = [".swp", ".swo", ".swx", ".bak", ".orig", ".rej", ".tmp", ".crdownload", ".part"]
}
