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
    /// True when the project owes a report for the month and has none.
    public var reportMissing: Bool

    public init(project: Project, municipalityName: String, latestReport: LatestReport?, spent: Money,
                reportMissing: Bool) {
        self.project = project
        self.municipalityName = municipalityName
        self.latestReport = latestReport
        self.spent = spent
        self.reportMissing = reportMissing
    }

    public var id: String { project.id }
    public var light: Light? { latestReport?.overall }
    public var progress: Int? { latestReport?.progress }

    public static func rows(index: PortfolioIndex, month: YearMonth) -> [ProjectRow] {
        let names = Dictionary(uniqueKeysWithValues: index.portfolio.municipalities.map { ($0.id, $0.name) })
        return index.portfolio.projects.sorted { $0.id < $1.id }.map { p in
            ProjectRow(
                project: p,
                municipalityName: names[p.municipalityID] ?? p.municipalityID,
                latestReport: index.latestReport(of: p.id, upTo: month).map(LatestReport.init),
                spent: index.spent(by: p.id, upTo: month),
                reportMissing: p.expectsReport(in: month) && index.report(of: p.id, in: month) == nil)
        }
    }
}
