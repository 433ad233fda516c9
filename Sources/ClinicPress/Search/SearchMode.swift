/// What to do about site search: index the site when Pagefind is installed, insist on it, or make
/// no search at all (`--search auto|require|off`, like `--pdf`).
public enum SearchMode: String, Sendable, CaseIterable {
    case auto, require, off
}
