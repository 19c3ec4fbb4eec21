/// One line of the portfolio table: a project with what its reports say as of a month.
public struct ProjectRow: Hashable, Sendable, Identifiable {
    /// What the table shows of a report: its month, overall light and progress (not its
    /// texts, which only the project view reads).
    public struct LatestReport: Hashable, Sendable {
        public var month: YearMonth
        public var overall: Light
        public var progress: Int

        public init(month: YearMonth, overall: Light, progress: Int) {
            self.month = month
            self.overall = overall
            self.progress = progress
        }

        public init(_ report: StatusReport) {
            self.init(month: report.month, overall: report.overall, progress: report.progress)
        }
    }

    public var project: Project
    public var municipalityName: String
    /// The newest report up to the month (may be older than the month).
    public var latestReport: LatestReport?
    public var spent: Money
    /// True when the project owes a report for the month, has none, and its due day has
    /// passed (see `ReportDue`; without one, as soon as the month is shown).
    public var reportMissing: Bool
    /// The overall light of the newest report up to the month before.
    public var previousLight: Light?
    /// The overall light reported for each of the last `recentMonths` months, ending with
    /// the row's month, oldest first; nil for a month without a report.
    public var recentLights: [Light?]

    public static let recentMonths = 12

    public init(project: Project, municipalityName: String, latestReport: LatestReport?, spent: Money,
                reportMissing: Bool, previousLight: Light? = nil, recentLights: [Light?] = []) {
        self.project = project
        self.municipalityName = municipalityName
        self.latestReport = latestReport
        self.spent = spent
        self.reportMissing = reportMissing
        self.previousLight = previousLight
        self.recentLights = recentLights
    }

    /// How the light moved against the month before: nil when either is unknown.
    public var lightTrend: Trend? {
        guard let now = light, let before = previousLight else { return nil }
        return Trend(from: before, to: now)
    }

    /// Months from the newest report up to `month` (0 when it is of `month`); nil without one.
    public func lastReportAge(in month: YearMonth) -> Int? {
        latestReport.map { $0.month.months(to: month) }
    }

    /// Red, worse than the month before, report missing, or funding ending within
    /// `OverviewFigures.fundingHorizonMonths` from `month` (included) with the
    /// continuation still open.
    public func needsAttention(in month: YearMonth) -> Bool {
        if light == .red || lightTrend == .worse || reportMissing { return true }
        guard project.continuation == .open, let end = project.fundingEnd else { return false }
        return end >= month && end <= month.adding(months: OverviewFigures.fundingHorizonMonths - 1)
    }

    public var id: String { project.id }
    public var light: Light? { latestReport?.overall }
    public var progress: Int? { latestReport?.progress }

    public static func rows(index: PortfolioIndex, month: YearMonth, due: ReportDue? = nil) -> [ProjectRow] {
        let names = Dictionary(uniqueKeysWithValues: index.portfolio.municipalities.map { ($0.id, $0.name) })
        let overdue = due.isOverdue(month)
        let first = month.adding(months: -(recentMonths - 1))
        return index.portfolio.projects.sorted { $0.id < $1.id }.map { p in
            ProjectRow(
                project: p,
                municipalityName: names[p.municipalityID] ?? p.municipalityID,
                latestReport: index.latestReport(of: p.id, upTo: month).map(LatestReport.init),
                spent: index.spent(by: p.id, upTo: month),
                reportMissing: overdue && p.expectsReport(in: month) && index.report(of: p.id, in: month) == nil,
                previousLight: index.latestReport(of: p.id, upTo: month.previous)?.overall,
                recentLights: (0..<recentMonths).map { index.report(of: p.id, in: first.adding(months: $0))?.overall })
        }
    }
}

/// Which way a light moved between two months.
public enum Trend: Hashable, Sendable {
    case better, same, worse

    public init(from before: Light, to now: Light) {
        self = now.severity > before.severity ? .worse : now.severity < before.severity ? .better : .same
    }
}
