/// Lookups over a portfolio that the figures need again and again, built once.
public struct PortfolioIndex: Sendable {
    public let portfolio: Portfolio
    /// Reports of each project, oldest first.
    public let reportsByProject: [String: [StatusReport]]
    public let kpisByProject: [String: [KPI]]
    public let readingsByKPI: [String: [KPIReading]]
    public let risksByProject: [String: [Risk]]

    public init(_ portfolio: Portfolio) {
        self.portfolio = portfolio
        reportsByProject = Dictionary(grouping: portfolio.reports, by: \.projectID)
            .mapValues { $0.sorted { $0.month < $1.month } }
        kpisByProject = Dictionary(grouping: portfolio.kpis, by: \.projectID)
        readingsByKPI = Dictionary(grouping: portfolio.readings, by: \.kpiID)
            .mapValues { $0.sorted { $0.month < $1.month } }
        risksByProject = Dictionary(grouping: portfolio.risks, by: \.projectID)
    }

    /// The report of `projectID` for exactly `month`.
    public func report(of projectID: String, in month: YearMonth) -> StatusReport? {
        reportsByProject[projectID]?.last { $0.month == month }
    }

    /// The newest report of `projectID` up to and including `month`.
    public func latestReport(of projectID: String, upTo month: YearMonth) -> StatusReport? {
        reportsByProject[projectID]?.last { $0.month <= month }
    }

    /// Money spent by `projectID` in all months up to and including `month`.
    public func spent(by projectID: String, upTo month: YearMonth) -> Money {
        (reportsByProject[projectID] ?? []).reduce(into: Money.zero) { sum, r in
            if r.month <= month { sum += r.spent }
        }
    }
}
