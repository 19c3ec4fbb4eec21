/// The figures of the overview screen ("Amtsdashboard") for one month. Computed from a
/// portfolio and a month passed in, never from the system clock.
public struct OverviewFigures: Sendable {
    public struct RiskGroup: Hashable, Sendable {
        public var challenge: Challenge
        public var openRisks: Int
        public var highestScore: Int
        public var totalScore: Int
    }

    public struct LightChange: Hashable, Sendable {
        public var projectID: String
        public var from: Light
        public var to: Light
    }

    public let month: YearMonth
    public let projectCount: Int
    public let projectsByPhase: [Phase: Int]
    public let lights: LightCounts
    public let previousLights: LightCounts
    /// Projects whose overall light changed from last month to this month.
    public let lightChanges: [LightChange]
    public let budgetPlanned: Money
    public let budgetSpent: Money
    /// Projects that owe a report for `month` and have none, by id.
    public let reportsMissing: [Project]
    /// Funded projects whose funding ends within the next 12 months (this month
    /// included) with the continuation still open, soonest first.
    public let fundingEndingUndecided: [Project]
    /// Open risks grouped by challenge, heaviest first.
    public let topRisks: [RiskGroup]
    /// Portfolio health per month, the oldest first, ending with `month`.
    public let health: [(month: YearMonth, value: Double?)]

    public static let healthMonths = 24
    public static let fundingHorizonMonths = 12

    public init(portfolio: Portfolio, month: YearMonth) {
        self.init(index: PortfolioIndex(portfolio), month: month)
    }

    public init(index: PortfolioIndex, month: YearMonth) {
        let p = index.portfolio
        self.month = month
        projectCount = p.projects.count
        projectsByPhase = Dictionary(grouping: p.projects, by: \.phase).mapValues(\.count)
        lights = LightCounts.count(in: month, index: index)
        previousLights = LightCounts.count(in: month.previous, index: index)

        lightChanges = p.projects.compactMap { project in
            guard let now = index.report(of: project.id, in: month)?.overall,
                  let before = index.report(of: project.id, in: month.previous)?.overall,
                  now != before else { return nil }
            return LightChange(projectID: project.id, from: before, to: now)
        }.sorted { $0.projectID < $1.projectID }

        budgetPlanned = p.projects.reduce(into: Money.zero) { $0 += $1.budgetPlanned }
        budgetSpent = p.projects.reduce(into: Money.zero) { $0 += index.spent(by: $1.id, upTo: month) }

        reportsMissing = p.projects
            .filter { $0.expectsReport(in: month) && index.report(of: $0.id, in: month) == nil }
            .sorted { $0.id < $1.id }

        let horizon = month.adding(months: OverviewFigures.fundingHorizonMonths - 1)
        fundingEndingUndecided = p.projects
            .filter { project in
                guard let end = project.fundingEnd else { return false }
                return project.continuation == .open && end >= month && end <= horizon
            }
            .sorted { ($0.fundingEnd!, $0.id) < ($1.fundingEnd!, $1.id) }

        let open = p.risks.filter(\.isOpen)
        topRisks = Dictionary(grouping: open, by: \.challenge).map { challenge, risks in
            RiskGroup(challenge: challenge, openRisks: risks.count,
                      highestScore: risks.map(\.score).max() ?? 0,
                      totalScore: risks.reduce(0) { $0 + $1.score })
        }.sorted {
            ($0.totalScore, $0.highestScore, -$0.challenge.number) > ($1.totalScore, $1.highestScore, -$1.challenge.number)
        }

        health = (0..<OverviewFigures.healthMonths).reversed().map { back in
            let m = month.adding(months: -back)
            return (m, LightCounts.count(in: m, index: index).health)
        }
    }

    public func count(in phase: Phase) -> Int { projectsByPhase[phase] ?? 0 }
}
