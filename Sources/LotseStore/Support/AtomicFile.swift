import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old file or the whole new one, with
/// exactly the permissions asked for (whatever the umask), and leaves nothing behind:
///
/// - On Linux the data goes into an unnamed file in the target's folder (`O_TMPFILE`): if
///   the process is killed while writing, the kernel drops it; nothing with a name exists
///   until the data is complete and synced. It is then linked under a hidden name and
///   renamed over the target (rename is atomic; the hidden name lives for one system call).
/// - Where the file system has no unnamed files, a hidden named file beside the target is
///   used instead and removed on every error.
///
/// Exports of the portfolio carry what the database holds, so they get the database's
/// privacy: `mode` is usually `AtomicFile.mode(following:)`.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Equatable {
        /// The system's words (`strerror`) or the writer's reason.
        public var reason: String
        public var description: String { reason }
        public init(reason: String) { self.reason = reason }
        static func errno() -> WriteError { WriteError(reason: String(cString: strerror(currentErrno()))) }
    }

    /// The permission bits an export of the database at `databasePath` gets: the database
    /// file's own read/write bits (0600 for a private database, 0660 for a group-shared one),
    /// never execute bits; 0600 when there is no database file (yet).
    public static func mode(following databasePath: String?) -> mode_t {
        guard let databasePath else { return 0o600 }
        var info = stat()
        guard stat(databasePath, &info) == 0 else { return 0o600 }
        let bits = info.st_mode & 0o666
        // An owner who cannot read or write his own export helps nobody.
        return bits | 0o600
    }

    /// Writes `path` through `body`, which gets an open descriptor (write only; do not close
    /// it). The file has exactly `mode`; on any error the target is untouched and no other
    /// file remains.
    public static func write(path: String, mode: mode_t, _ body: (Int32) throws -> Void) throws {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent().path
        var descriptor: Int32 = -1
        var named: String?
        #if os(Linux)
        descriptor = open(folder, oTmpFile | O_WRONLY | O_CLOEXEC, mode)
        #endif
        if descriptor < 0 {
            let hidden = hiddenName(for: target)
            descriptor = open(hidden, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            guard descriptor >= 0 else { throw WriteError.errno() }
            named = hidden
        }
        do {
            defer { close(descriptor) }
            // The umask may have taken bits away; the file gets exactly what was asked.
            guard fchmod(descriptor, mode) == 0 else { throw WriteError.errno() }
            try body(descriptor)
            guard fsync(descriptor) == 0 else { throw WriteError.errno() }
            if named == nil {
                let hidden = hiddenName(for: target)
                guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, hidden, AT_SYMLINK_FOLLOW) == 0 else {
                    throw WriteError.errno()
                }
                named = hidden
            }
            guard rename(named!, path) == 0 else { throw WriteError.errno() }
            named = nil
        } catch {
            if let named { unlink(named) }
            throw error
        }
    }

    /// Writes `data` to `path` (see `write(path:mode:_:)`).
    public static func write(_ data: Data, to path: String, mode: mode_t) throws {
        try write(path: path, mode: mode) { descriptor in
            try data.withUnsafeBytes { try writeAll($0, to: descriptor) }
        }
    }

    /// Writes every byte, continuing after short writes and interruptions.
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        var done = 0
        while done < bytes.count {
            let n = systemWrite(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError.errno()
            }
            done += n
        }
    }

    /// `.name.<pid>.part` beside the target: hidden, and unique per process.
    private static func hiddenName(for target: URL) -> String {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).part").path
    }
}

#if os(Linux)
/// `O_TMPFILE` (a function-like macro Swift does not import): `__O_TMPFILE | O_DIRECTORY`,
/// with `__O_TMPFILE` = 020000000 on every architecture Linux shares the generic flags with
/// (x86-64, arm64). A kernel or file system without it fails the open, and the named
/// fallback is used.
private let oTmpFile: Int32 = 0o20000000 | O_DIRECTORY
#endif

/// libc's `write` and `errno`, named apart from `AtomicFile`'s own members.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func currentErrno() -> Int32 { errno }
