/// How the portfolio table is searched, filtered and sorted. The engine applies it; the
/// screen only says what it wants. All filters combine (a project must pass each).
public struct PortfolioQuery: Hashable, Sendable {
    public enum SortKey: Int, CaseIterable, Sendable {
        case id, light, fundingEnd, progress, budgetUse

        /// The key after this one, as the table's sort key steps through them (then the first).
        public var next: SortKey { SortKey(rawValue: (rawValue + 1) % Self.allCases.count) ?? .id }
    }

    /// The same query sorted by the next key, in its natural order: what the table's sort
    /// key asks next.
    public var nextSort: PortfolioQuery {
        var query = self
        query.sort = sort.next
        query.descending = false
        return query
    }

    /// Which lights the table keeps (of the newest report up to the month). The raw values
    /// of the first four are those of earlier versions.
    public enum LightFilter: Int, CaseIterable, Sendable {
        case all, redOnly, yellowOrRed, reportMissing, green, yellow, noneReported
        /// Red, or worse than the newest report up to the month before (the overview's list).
        case redOrWorse

        /// The same as `redOnly`.
        public static var red: LightFilter { .redOnly }

        /// Whether a row passes this filter.
        public func keeps(_ row: ProjectRow) -> Bool {
            switch self {
            case .all: true
            case .green: row.light == .green
            case .yellow: row.light == .yellow
            case .redOnly: row.light == .red
            case .yellowOrRed: row.light == .red || row.light == .yellow
            case .reportMissing: row.reportMissing
            case .noneReported: row.light == nil
            case .redOrWorse: row.light == .red || row.lightTrend == .worse
            }
        }
    }

    /// One active filter, as data: the screen renders a title from these ("Filter: Amt
    /// Digitalisierung · rot"), in the order they are listed here.
    public enum Filter: Hashable, Sendable {
        case field(FieldOfAction)
        case phase(Phase)
        case municipality(String)
        case office(String)
        case light(LightFilter)
        case needsAttention
        case search(String)
    }

    /// Words that must all appear in a project's id, name, field, phase, municipality,
    /// owner or funding source; case and accents are ignored (see `SearchText`).
    public var search = ""
    public var sort: SortKey = .id
    /// Reverses the key's natural order; projects with equal keys stay in id order.
    public var descending = false
    public var lightFilter: LightFilter = .all
    public var field: FieldOfAction?
    public var phase: Phase?
    /// A municipality's id.
    public var municipality: String?
    /// The responsible office (Amt): exactly `Project.owner`.
    public var office: String?
    /// Only projects that need attention in the month: red, worse than the month before,
    /// report missing, or funding ending within 12 months with the continuation open.
    public var needsAttention = false

    public init(search: String = "", sort: SortKey = .id, descending: Bool = false, lightFilter: LightFilter = .all,
                field: FieldOfAction? = nil, phase: Phase? = nil, municipality: String? = nil, office: String? = nil,
                needsAttention: Bool = false) {
        self.search = search
        self.sort = sort
        self.descending = descending
        self.lightFilter = lightFilter
        self.field = field
        self.phase = phase
        self.municipality = municipality
        self.office = office
        self.needsAttention = needsAttention
    }

    public var isActive: Bool { !activeFilters.isEmpty }

    /// The filters in force, search last; empty when the query keeps every project.
    public var activeFilters: [Filter] {
        var out: [Filter] = []
        if let field { out.append(.field(field)) }
        if let phase { out.append(.phase(phase)) }
        if let municipality { out.append(.municipality(municipality)) }
        if let office { out.append(.office(office)) }
        if lightFilter != .all { out.append(.light(lightFilter)) }
        if needsAttention { out.append(.needsAttention) }
        if !search.isEmpty { out.append(.search(search)) }
        return out
    }

    /// The query without its search and order: what selects the projects an overview counts.
    public var selection: PortfolioQuery {
        PortfolioQuery(lightFilter: lightFilter, field: field, phase: phase, municipality: municipality, office: office,
                       needsAttention: needsAttention)
    }

    /// The same query with `search` in place of its search.
    public func searching(_ search: String) -> PortfolioQuery {
        var q = self
        q.search = search
        return q
    }

    /// Whether two queries keep projects by the same filters other than the search.
    public func filtersEqual(_ other: PortfolioQuery) -> Bool { selection == other.selection }

    /// Whether the project's fixed data passes the filters on it (field, phase,
    /// municipality, office); the light filters depend on the month.
    public func keepsProject(_ p: Project) -> Bool {
        if let field, p.field != field { return false }
        if let phase, p.phase != phase { return false }
        if let municipality, p.municipalityID != municipality { return false }
        if let office, p.owner != office { return false }
        return true
    }

    /// Whether a row passes every filter but the search.
    public func keeps(_ row: ProjectRow, month: YearMonth) -> Bool {
        guard keepsProject(row.project), lightFilter.keeps(row) else { return false }
        return !needsAttention || row.needsAttention(in: month)
    }

    /// The folded words of the search, each of which must occur in a project's search text.
    public var searchWords: [String] {
        SearchText.fold(search).split(separator: " ").map(String.init)
    }
}
