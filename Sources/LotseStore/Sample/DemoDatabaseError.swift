/// Why the demo database could not be made or removed; names the folder.
public enum DemoDatabaseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No private folder could be made in the temporary directory.
    case cannotCreateFolder(path: String, reason: String)
    /// `remove(path:)` was pointed at a folder that `create` did not make.
    case notADemoFolder(path: String)
    /// Deleting the demo folder failed.
    case cannotRemove(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreateFolder(let path, let reason): "cannot create a demo folder in \(path): \(reason)"
        case .notADemoFolder(let path): "\(path) is not a Lotse demo folder; not removing it"
        case .cannotRemove(let path, let reason): "cannot remove the demo folder \(path): \(reason)"
        }
    }
}
