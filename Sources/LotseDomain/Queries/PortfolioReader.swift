/// The questions the screens and reports ask of the portfolio, answered by a storage
/// engine with domain values. An engine computes the answers itself (aggregates, indexes,
/// summaries kept current with every write); nothing here hands out the whole history.
///
/// Designed for an engine reached over a network as well as an embedded one: a screen's
/// needs go out as one `ScreenDataRequest` and come back in one answer, read from one
/// consistent snapshot. `InMemoryPortfolio` is the reference every engine must agree with.
public protocol PortfolioReader: Sendable {
    /// Everything a screen needs at once, from one consistent snapshot.
    func answer(_ request: ScreenDataRequest) throws -> ScreenData
    /// Projects red in `month`, by id, each with the month its red run began.
    func redStreaks(month: YearMonth) throws -> [RedStreak]
    /// A value that changes whenever another process (or connection) has changed the
    /// data; equal tokens mean nothing changed. Cheap enough to ask about once a second.
    func changeToken() throws -> ChangeToken
    /// The screens have shown the answer to `request`: an engine may now read ahead, off
    /// the caller's thread, what they are likely to ask next (the table after the overview,
    /// the search texts after the table). A hint only; answers never depend on it.
    func readAhead(after request: ScreenDataRequest)
}

extension PortfolioReader {
    /// Reads nothing ahead.
    public func readAhead(after request: ScreenDataRequest) {}
}

/// An engine's answer to "has anything changed?" (see `PortfolioReader.changeToken`).
public struct ChangeToken: Hashable, Sendable {
    public var value: Int64
    public init(_ value: Int64) { self.value = value }
}

/// What one screen needs; each part is answered only when asked for.
public struct ScreenDataRequest: Hashable, Sendable {
    /// The overview's figures for this month.
    public var overview: YearMonth?
    /// At most this many projects in each of the overview's lists (a screen shows a few;
    /// the counts are always complete); nil for all (the monthly report).
    public var listLimit: Int?
    public var municipalities = false
    public var rows: RowRequest?
    /// One project with its whole history (reports, KPIs, readings, risks).
    public var projectID: String?
    /// The first projects of each phase (in id order) with their rows as of the month.
    public var phaseSamples: PhaseSamples?
    /// The portfolio evidence beside a self-assessment.
    public var evidence: Evidence?
    /// Counts the overview over the projects this query keeps only (its search and order
    /// are ignored): one office's dashboard with `office` set. Nil for every project.
    public var overviewFilter: PortfolioQuery?
    /// When the overview's month's reports fall due; nil: missing as soon as the month is shown.
    public var reportDue: ReportDue?
    /// The funding radar from this month on; its list of undecided projects is limited by
    /// `listLimit` too. Counted over every project (the overview's filter does not apply).
    public var radar: YearMonth?
    /// A second part of the portfolio table beside `rows`, for a list of the overview
    /// (the projects red or worse than last month); answered like `rows`.
    public var attention: RowRequest?

    /// The first `limit` projects of each phase as of `month`.
    public struct PhaseSamples: Hashable, Sendable {
        public var month: YearMonth
        public var limit: Int

        public init(month: YearMonth, limit: Int) {
            self.month = month
            self.limit = limit
        }
    }

    /// The evidence of `month`, for one municipality or (nil) for the whole portfolio.
    public struct Evidence: Hashable, Sendable {
        public var month: YearMonth
        public var municipalityID: String?

        public init(month: YearMonth, municipalityID: String?) {
            self.month = month
            self.municipalityID = municipalityID
        }
    }

    public init(overview: YearMonth? = nil, listLimit: Int? = nil, municipalities: Bool = false, rows: RowRequest? = nil,
                projectID: String? = nil, phaseSamples: PhaseSamples? = nil, evidence: Evidence? = nil) {
        self.overview = overview
        self.listLimit = listLimit.map { max(0, $0) }
        self.municipalities = municipalities
        self.rows = rows
        self.projectID = projectID
        self.phaseSamples = phaseSamples
        self.evidence = evidence
    }

    /// The request with the overview counted over `filter`'s projects and `due` applied.
    public func overview(filter: PortfolioQuery?, due: ReportDue? = nil) -> ScreenDataRequest {
        var r = self
        r.overviewFilter = filter
        r.reportDue = due
        return r
    }
}

/// The answer to a `ScreenDataRequest`: the parts that were asked for.
public struct ScreenData: Hashable, Sendable {
    public var request: ScreenDataRequest
    public var overview: OverviewFigures?
    public var municipalities: [Municipality]?
    public var rows: RowPage?
    /// The requested project as a portfolio of one project (with its municipality); nil
    /// when it was not asked for or does not exist.
    public var project: Portfolio?
    public var phaseSamples: [Phase: [ProjectRow]]?
    public var evidence: PortfolioEvidence?
    /// The funding radar, when `request.radar` asked for it.
    public var radar: FundingRadar?
    /// The rows of `request.attention`.
    public var attention: RowPage?

    public init(request: ScreenDataRequest, overview: OverviewFigures? = nil, municipalities: [Municipality]? = nil,
                rows: RowPage? = nil, project: Portfolio? = nil, phaseSamples: [Phase: [ProjectRow]]? = nil,
                evidence: PortfolioEvidence? = nil) {
        self.request = request
        self.overview = overview
        self.municipalities = municipalities
        self.rows = rows
        self.project = project
        self.phaseSamples = phaseSamples
        self.evidence = evidence
    }
}
