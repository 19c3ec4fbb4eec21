/// How the portfolio table is searched, filtered and sorted. The engine applies it; the
/// screen only says what it wants.
public struct PortfolioQuery: Hashable, Sendable {
    public enum SortKey: Int, CaseIterable, Sendable {
        case id, light, fundingEnd, progress, budgetUse
    }

    public enum LightFilter: Int, CaseIterable, Sendable {
        case all, redOnly, yellowOrRed, reportMissing
    }

    /// Words that must all appear in a project's id, name, field, phase, municipality,
    /// owner or funding source; case and accents are ignored (see `SearchText`).
    public var search = ""
    public var sort: SortKey = .id
    /// Reverses the key's natural order; projects with equal keys stay in id order.
    public var descending = false
    public var lightFilter: LightFilter = .all

    public init(search: String = "", sort: SortKey = .id, descending: Bool = false, lightFilter: LightFilter = .all) {
        self.search = search
        self.sort = sort
        self.descending = descending
        self.lightFilter = lightFilter
    }

    public var isActive: Bool { !search.isEmpty || lightFilter != .all }

    /// The folded words of the search, each of which must occur in a project's search text.
    public var searchWords: [String] {
        SearchText.fold(search).split(separator: " ").map(String.init)
    }
}
