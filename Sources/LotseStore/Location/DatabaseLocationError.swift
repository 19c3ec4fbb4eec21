/// Why the database file could not be found or made ready. Each case names the path.
public enum DatabaseLocationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Neither `--db`, `LOTSE_DB`, `XDG_DATA_HOME` nor `HOME` says where to go.
    case noHomeDirectory
    /// A folder on the way to the database could not be made (permissions, read-only disk).
    case cannotCreateFolder(path: String, reason: String)
    /// Something that is not a folder sits where the folder should be.
    case notAFolder(path: String)
    /// SQLite needs to create its journal files next to the database.
    case folderNotWritable(path: String)
    /// The database file could not be created.
    case cannotCreateFile(path: String, reason: String)
    /// A folder or device sits where the database file should be.
    case notAFile(path: String)
    /// The database file exists but this user may not read and write it.
    case fileNotWritable(path: String)
    /// `--db` or `LOTSE_DB` names a URL (`postgres://…`): no engine for it yet.
    case unsupportedURL(scheme: String)
    /// `--db` or `LOTSE_DB` names a file that does not exist (a typo must not make a new,
    /// empty database); `lotse init PATH` creates one.
    case missing(path: String)
    /// The database file or its folder belongs to another account (allowed with `--shared`).
    case ownedByOther(path: String, owner: String)
    /// The database file or its folder may be changed by accounts other than its owner:
    /// `group` false means everybody (never trusted), true the group (allowed with `--shared`).
    case writableByOthers(path: String, group: Bool)
    /// The file exists but this account may not even read it.
    case fileNotReadable(path: String)

    public var description: String {
        switch self {
        case .noHomeDirectory:
            "cannot tell where to keep the database: HOME is not set; use --db PATH or LOTSE_DB"
        case .cannotCreateFolder(let path, let reason):
            "cannot create the folder \(path): \(reason)"
        case .notAFolder(let path):
            "\(path) is not a folder"
        case .folderNotWritable(let path):
            "the folder \(path) is not writable (SQLite keeps its journal files there)"
        case .cannotCreateFile(let path, let reason):
            "cannot create the database file \(path): \(reason)"
        case .notAFile(let path):
            "\(path) is not a regular file"
        case .fileNotWritable(let path):
            "the database file \(path) is not readable and writable for you"
        case .unsupportedURL(let scheme):
            "\(scheme):// is a server address, not a file; PostgreSQL is not supported yet"
        case .missing(let path):
            "there is no database \(path); lotse init \(path) creates one"
        case .ownedByOther(let path, let owner):
            "\(path) belongs to \(owner), not to you; a database shared by a group needs --shared"
        case .writableByOthers(let path, let group):
            group ? "\(path) is writable by its group; a database shared by a group needs --shared"
                : "\(path) is writable by everybody; Lotse does not use it"
        case .fileNotReadable(let path):
            "the database file \(path) is not readable for you"
        }
    }
}
