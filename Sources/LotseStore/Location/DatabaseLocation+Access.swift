import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the checks before opening found out about a database file: whether it was just
/// made, whether it may be written, and what the user should be warned about.
public struct DatabaseAccess: Equatable, Sendable {
    /// Why the database is opened for reading only.
    public enum ReadOnlyReason: Equatable, Sendable {
        /// `--read-only`.
        case requested
        /// The file is not writable for this account.
        case fileNotWritable
        /// The folder is not writable: SQLite could not create its journal files there.
        case folderNotWritable
    }

    public var path: String
    /// Created now (or an empty file left by an earlier run): the caller may offer sample data.
    public var isNew: Bool
    /// nil: read and write.
    public var readOnly: ReadOnlyReason?
    /// The file can be read by other accounts although the database is not shared.
    public var readableByOthers: Bool
}

extension DatabaseLocation {
    /// Checks the database at `path` the way `sshd` checks its keys (StrictModes), and makes
    /// it when allowed:
    ///
    /// - a missing file is created (with its folders, see `prepare`) only when `mayCreate`
    ///   (the default location, `lotse init`); otherwise it is `DatabaseLocationError.missing`,
    ///   and nothing is created;
    /// - the file and its folder must belong to this account and be writable by nobody else,
    ///   unless `shared` (a group's database: other owners and group-writable modes are
    ///   fine). Writable by everybody is refused even then;
    /// - a file or folder this account cannot write gives read-only access, as `readOnly` does.
    public static func check(path: String, mayCreate: Bool, readOnly: Bool, shared: Bool) throws -> DatabaseAccess {
        let folder = parentFolder(of: path)
        var info = stat()
        var isNew = false
        if stat(path, &info) != 0 {
            if errno == EACCES { throw DatabaseLocationError.fileNotReadable(path: path) }
            guard errno == ENOENT else { throw DatabaseLocationError.cannotCreateFile(path: path, reason: errnoText()) }
            guard mayCreate, !readOnly else { throw DatabaseLocationError.missing(path: path) }
            isNew = try prepare(path: path, shared: shared)
            guard stat(path, &info) == 0 else { throw DatabaseLocationError.missing(path: path) }
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw DatabaseLocationError.notAFile(path: path) }
        try trust(path, info, shared: shared)

        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0 else {
            throw DatabaseLocationError.cannotCreateFolder(path: folder, reason: errnoText())
        }
        try trust(folder, folderInfo, shared: shared)

        guard access(path, R_OK) == 0 else { throw DatabaseLocationError.fileNotReadable(path: path) }
        var reason: DatabaseAccess.ReadOnlyReason?
        if readOnly {
            reason = .requested
        } else if access(path, W_OK) != 0 {
            reason = .fileNotWritable
        } else if access(folder, W_OK | X_OK) != 0 {
            reason = .folderNotWritable
        }
        let permissions = info.st_mode & 0o777
        let readable: mode_t = shared ? 0o004 : 0o044
        return DatabaseAccess(path: path, isNew: isNew || (reason == nil && info.st_size == 0), readOnly: reason,
                              readableByOthers: permissions & readable != 0)
    }

    /// Refuses a file or folder that someone other than this account could change.
    private static func trust(_ path: String, _ info: stat, shared: Bool) throws {
        let mode = info.st_mode & 0o7777
        if mode & 0o002 != 0 {
            throw DatabaseLocationError.writableByOthers(path: path, group: false)
        }
        if shared { return }
        if info.st_uid != geteuid() {
            let owner = SystemAccount.accountName(uid: info.st_uid) ?? String(info.st_uid)
            throw DatabaseLocationError.ownedByOther(path: path, owner: owner)
        }
        if mode & 0o020 != 0 {
            throw DatabaseLocationError.writableByOthers(path: path, group: true)
        }
    }
}
