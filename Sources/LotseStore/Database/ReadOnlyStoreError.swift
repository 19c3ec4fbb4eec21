/// Why a store opened for reading only refused.
public enum ReadOnlyStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A write was asked of a store opened read-only; nothing was changed.
    case readOnly(path: String)
    /// The file's schema is older than this Lotse, and a read-only store cannot migrate it.
    case needsMigration(path: String, missing: [String])

    public var description: String {
        switch self {
        case .readOnly(let path):
            "\(path) is open for reading only; nothing was changed"
        case .needsMigration(let path, let missing):
            "\(path) needs an update (\(missing.joined(separator: ", "))) that only an account with write access can make"
        }
    }
}
