import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The backup `lotse import --replace` writes before it changes anything.
extension SQLiteStore {
    /// `<database>.bak-YYYYMMDD-HHMMSS`, local time, beside the database.
    public static func backupName(for path: String, at date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var local = tm()
        localtime_r(&seconds, &local)
        let stamp = String(format: "%04d%02d%02d-%02d%02d%02d", Int(local.tm_year) + 1900, Int(local.tm_mon) + 1,
                           Int(local.tm_mday), Int(local.tm_hour), Int(local.tm_min), Int(local.tm_sec))
        return "\(path).bak-\(stamp)"
    }

    /// What a dry run checks instead of writing: that a file can be created beside the
    /// database. Returns the name the backup would get.
    static func checkBackupFolder(for path: String, at date: Date) throws -> String {
        let name = backupName(for: path, at: date)
        let folder = (path as NSString).deletingLastPathComponent
        guard access(folder.isEmpty ? "." : folder, W_OK | X_OK) == 0 else {
            throw ImportBackupError(path: name, reason: String(cString: strerror(errno)))
        }
        return name
    }

    /// Writes a consistent copy of the database beside it with SQLite's `VACUUM INTO`
    /// (a snapshot of committed data, WAL included), with the database file's permissions
    /// from the first byte on: the file is created empty with them, then filled. Call it
    /// outside a transaction. Returns the backup's path; throws `ImportBackupError` (and
    /// leaves no partial backup) when it cannot be written.
    static func writeBackup(_ db: Database, of path: String, at date: Date) throws -> String {
        var info = stat()
        let permissions = stat(path, &info) == 0 ? info.st_mode & 0o777 : 0o600
        let base = backupName(for: path, at: date)
        var name = base
        var descriptor: Int32 = -1
        // Two backups within one second get a suffix instead of overwriting each other.
        for attempt in 1...20 {
            name = attempt == 1 ? base : "\(base)-\(attempt)"
            descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw ImportBackupError(path: name, reason: String(cString: strerror(errno))) }
        let changed = fchmod(descriptor, permissions)  // the umask may have removed bits
        let reason = String(cString: strerror(errno))
        closeDescriptor(descriptor)
        guard changed == 0 else {
            unlink(name)
            throw ImportBackupError(path: name, reason: reason)
        }
        do {
            try db.execute(sql: "VACUUM INTO ?", arguments: [name])
        } catch let error as DatabaseError {
            unlink(name)
            throw ImportBackupError(path: name, reason: error.message ?? error.resultCode.description)
        }
        return name
    }
}

/// `close(2)` (the store's own `close()` hides the plain name inside its extensions).
private func closeDescriptor(_ descriptor: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(descriptor)
    #elseif canImport(Darwin)
    _ = Darwin.close(descriptor)
    #endif
}
