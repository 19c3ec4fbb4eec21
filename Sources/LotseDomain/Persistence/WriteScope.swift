/// Which municipalities' data the current user may change, as the database decides it (a
/// PostgreSQL role; an SQLite file is all or nothing). Screens ask before offering an edit.
public enum WriteScope: Hashable, Sendable {
    /// Every municipality (the county, the database's owner, a writable file).
    case all
    /// Only these municipalities' projects, reports, readings, risks, reviews, drafts and
    /// assessments.
    case some(Set<String>)
    /// Nothing: read only.
    case none

    /// Whether rows of `municipalityID` may be changed.
    public func allows(_ municipalityID: String) -> Bool {
        switch self {
        case .all: true
        case .some(let ids): ids.contains(municipalityID)
        case .none: false
        }
    }
}
