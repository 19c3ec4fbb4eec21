import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the user's database lives, and making that place ready before SQLite opens it.
public enum DatabaseLocation {
    public static let folderName = "lotse"
    public static let fileName = "lotse.sqlite"

    /// The database path: `explicit` (from `--db`) if given, else `LOTSE_DB`, else
    /// `$XDG_DATA_HOME/lotse/lotse.sqlite`, else `$HOME/.local/share/lotse/lotse.sqlite`.
    /// Empty values count as unset; a relative `XDG_DATA_HOME` is ignored, as the XDG
    /// specification asks. Pure: reads nothing but its arguments.
    /// Throws `DatabaseLocationError.noHomeDirectory` when none of them is set.
    public static func resolve(explicit: String?, environment: [String: String]) throws -> String {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        if let path = explicit, !path.isEmpty { return try refusingURLs(path) }
        if let path = value("LOTSE_DB") { return try refusingURLs(path) }
        if let data = value("XDG_DATA_HOME"), data.hasPrefix("/") { return join(data, folderName, fileName) }
        if let home = value("HOME") { return join(home, ".local/share", folderName, fileName) }
        throw DatabaseLocationError.noHomeDirectory
    }

    /// Whether the path `resolve` gives comes from `--db` or `LOTSE_DB` (the user named a
    /// file, which must then exist) rather than the default location (made on first run).
    public static func isExplicit(_ explicit: String?, environment: [String: String]) -> Bool {
        !(explicit ?? "").isEmpty || !(environment["LOTSE_DB"] ?? "").isEmpty
    }

    /// `path` itself, unless it is a URL (`postgres://…`, `file:…`): a database server is
    /// not a file, and SQLite would read `file:` URIs as options rather than a name.
    static func refusingURLs(_ path: String) throws -> String {
        if path.hasPrefix("file:") { throw DatabaseLocationError.unsupportedURL(scheme: "file") }
        guard let separator = path.range(of: "://") else { return path }
        let scheme = path[..<separator.lowerBound]
        let isScheme = scheme.first?.isLetter == true && scheme.unicodeScalars.allSatisfy {
            ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || "+-.".unicodeScalars.contains($0)
        }
        if isScheme { throw DatabaseLocationError.unsupportedURL(scheme: scheme.lowercased()) }
        return path
    }

    /// Where Lotse keeps what it can always make again (the demo's template):
    /// `$XDG_CACHE_HOME/lotse`, else `$HOME/.cache/lotse`; nil without either.
    public static func cacheFolder(environment: [String: String]) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return join(cache, folderName) }
        if let home = environment["HOME"], !home.isEmpty { return join(home, ".cache", folderName) }
        return nil
    }

    /// Makes `path` ready for SQLite: creates missing parent folders with mode 0700 (an
    /// existing folder is left as it is) and the file itself with mode 0600, atomically, so
    /// it is never readable by others, not even for a moment.
    /// - Returns: true when the database is new — created now, or an empty file left by an
    ///   earlier run that stopped before writing — so the caller may offer sample data.
    ///
    /// `shared` (for a group's database, see README): a new folder gets 2770 (group-writable,
    /// setgid so that files in it belong to the folder's group) and a new file 0660.
    @discardableResult
    public static func prepare(path: String, shared: Bool = false) throws -> Bool {
        let folder = parentFolder(of: path)
        try createFolders(folder, mode: shared ? 0o2770 : 0o700)
        guard access(folder, W_OK | X_OK) == 0 else { throw DatabaseLocationError.folderNotWritable(path: folder) }

        let fileMode: mode_t = shared ? 0o660 : 0o600
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if descriptor >= 0 {
            // The umask may have removed bits from the mode; set exactly what we promise.
            let changed = fchmod(descriptor, fileMode)
            let reason = errnoText()
            close(descriptor)
            if changed != 0 { throw DatabaseLocationError.cannotCreateFile(path: path, reason: reason) }
            return true
        }
        guard errno == EEXIST else { throw DatabaseLocationError.cannotCreateFile(path: path, reason: errnoText()) }

        var info = stat()
        guard stat(path, &info) == 0 else { throw DatabaseLocationError.cannotCreateFile(path: path, reason: errnoText()) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw DatabaseLocationError.notAFile(path: path) }
        guard access(path, R_OK | W_OK) == 0 else { throw DatabaseLocationError.fileNotWritable(path: path) }
        return info.st_size == 0
    }

    // MARK: - Helpers

    static func join(_ parts: String...) -> String {
        parts.dropFirst().reduce(parts[0]) { path, part in
            path.hasSuffix("/") ? path + part : path + "/" + part
        }
    }

    static func parentFolder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Creates `folder` and any missing ancestors: the folder with `mode`, ancestors 0700.
    private static func createFolders(_ folder: String, mode: mode_t = 0o700) throws {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw DatabaseLocationError.notAFolder(path: folder) }
            return
        }
        guard errno == ENOENT else { throw DatabaseLocationError.cannotCreateFolder(path: folder, reason: errnoText()) }
        let parent = parentFolder(of: folder)
        if parent != folder { try createFolders(parent) }
        if mkdir(folder, 0o700) != 0 {
            guard errno == EEXIST else { throw DatabaseLocationError.cannotCreateFolder(path: folder, reason: errnoText()) }
            return  // created by someone else meanwhile: leave it as it is
        }
        guard chmod(folder, mode) == 0 else {
            throw DatabaseLocationError.cannotCreateFolder(path: folder, reason: errnoText())
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
