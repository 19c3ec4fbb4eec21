/// The sample data cannot be found or read; names where it was looked for.
public enum SampleDataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The resource bundle is not next to the executable (an incomplete installation).
    case missing(searched: [String])
    /// The file is there but cannot be read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let searched):
            "the sample data (\(SampleData.resourceFile)) is not installed; looked in: "
                + searched.joined(separator: ", ")
        case .unreadable(let path, let reason):
            "cannot read the sample data \(path): \(reason)"
        }
    }
}
