/// A request for part of the portfolio table: the rows `offset ..< offset + limit` of the
/// projects that `query` keeps, in its order, as of `month`.
public struct RowRequest: Hashable, Sendable {
    public var month: YearMonth
    public var query: PortfolioQuery
    public var offset: Int
    public var limit: Int
    /// A project whose position the caller wants to know (to keep it selected when the
    /// order or the data change). When it is kept by the query but lies outside the
    /// requested rows, the engine moves the window so that it holds the anchor.
    public var anchorID: String?
    /// When the month's reports fall due; nil: missing as soon as the month is shown.
    public var due: ReportDue?

    public init(month: YearMonth, query: PortfolioQuery = PortfolioQuery(), offset: Int = 0, limit: Int,
                anchorID: String? = nil, due: ReportDue? = nil) {
        self.month = month
        self.query = query
        self.offset = max(0, offset)
        self.limit = max(0, limit)
        self.anchorID = anchorID
        self.due = due
    }
}

/// Part of the portfolio table as an engine answered a `RowRequest`.
public struct RowPage: Hashable, Sendable {
    public var month: YearMonth
    public var query: PortfolioQuery
    /// Position of `rows.first` among all matching rows.
    public var offset: Int
    public var rows: [ProjectRow]
    /// How many projects the query keeps.
    public var matching: Int
    /// How many projects there are in all.
    public var total: Int
    /// Where the request's anchor stands among the matching rows; nil when it is not kept.
    public var anchorPosition: Int?

    public init(month: YearMonth, query: PortfolioQuery, offset: Int, rows: [ProjectRow], matching: Int, total: Int,
                anchorPosition: Int?) {
        self.month = month
        self.query = query
        self.offset = offset
        self.rows = rows
        self.matching = matching
        self.total = total
        self.anchorPosition = anchorPosition
    }

    public static func empty(month: YearMonth, query: PortfolioQuery = PortfolioQuery()) -> RowPage {
        RowPage(month: month, query: query, offset: 0, rows: [], matching: 0, total: 0, anchorPosition: nil)
    }

    /// The row at `position` among all matching rows, when this page holds it.
    public func row(at position: Int) -> ProjectRow? {
        let i = position - offset
        return rows.indices.contains(i) ? rows[i] : nil
    }

    /// Whether this page holds every row of `range` (clamped to the matching rows).
    public func covers(_ range: Range<Int>) -> Bool {
        let wanted = range.clamped(to: 0..<matching)
        return wanted.isEmpty || (wanted.lowerBound >= offset && wanted.upperBound <= offset + rows.count)
    }

    /// Where the window of a request for `limit` rows must start to hold the row at
    /// `position`: centred on it, never before the first row.
    public static func windowStart(around position: Int, limit: Int, matching: Int) -> Int {
        clampedStart(position - limit / 2, limit: limit, matching: matching)
    }

    /// A requested start moved back so that the window is as full as it can be.
    public static func clampedStart(_ offset: Int, limit: Int, matching: Int) -> Int {
        max(0, min(offset, matching - limit))
    }
}

/// A project red in a month, with the month its unbroken run of red reports began.
public struct RedStreak: Hashable, Sendable {
    public var project: Project
    public var since: YearMonth

    public init(project: Project, since: YearMonth) {
        self.project = project
        self.since = since
    }
}
