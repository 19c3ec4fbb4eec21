/// The figures of the overview screen ("Amtsdashboard") for one month. Computed from a
/// portfolio and a month passed in, never from the system clock.
public struct OverviewFigures: Hashable, Sendable {
    public struct RiskGroup: Hashable, Sendable {
        public var challenge: Challenge
        public var openRisks: Int
        public var highestScore: Int
        public var totalScore: Int

        public init(challenge: Challenge, openRisks: Int, highestScore: Int, totalScore: Int) {
            self.challenge = challenge
            self.openRisks = openRisks
            self.highestScore = highestScore
            self.totalScore = totalScore
        }

        /// The order of the overview's risk tile: heaviest total first, then the highest
        /// single score, then the challenge's number.
        public static func heaviestFirst(_ groups: [RiskGroup]) -> [RiskGroup] {
            groups.sorted {
                ($0.totalScore, $0.highestScore, -$0.challenge.number) > ($1.totalScore, $1.highestScore, -$1.challenge.number)
            }
        }
    }

    public struct LightChange: Hashable, Sendable {
        public var projectID: String
        public var from: Light
        public var to: Light

        public init(projectID: String, from: Light, to: Light) {
            self.projectID = projectID
            self.from = from
            self.to = to
        }

        public var isWorse: Bool { to.severity > from.severity }

        /// The order of the "worse this month" list: red first, then by project id.
        static func worstFirst(_ changes: [LightChange]) -> [LightChange] {
            changes.filter(\.isWorse).sorted { ($1.to.severity, $0.projectID) < ($0.to.severity, $1.projectID) }
        }
    }

    /// The portfolio's health in one month.
    public struct HealthPoint: Hashable, Sendable {
        public var month: YearMonth
        /// 0 … 100, nil when nobody reported (see `LightCounts.health`).
        public var value: Double?

        public init(month: YearMonth, value: Double?) {
            self.month = month
            self.value = value
        }
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
    /// Projects that owe a report for `month` and have none, by id (the first
    /// `listLimit` of them when the request set one; `reportsMissingCount` counts all).
    public let reportsMissing: [Project]
    public let reportsMissingCount: Int
    /// Funded projects whose funding ends within the next 12 months (this month
    /// included) with the continuation still open, soonest first.
    public let fundingEndingUndecided: [Project]
    /// How many projects `fundingEndingUndecided` would hold without a list limit.
    public let fundingEndingCount: Int
    /// Money spent up to `month` by each project of `fundingEndingUndecided`.
    public let fundingEndingSpent: [String: Money]
    /// Open risks grouped by challenge, heaviest first.
    public let topRisks: [RiskGroup]
    /// Portfolio health per month, the oldest first, ending with `month`.
    public let health: [HealthPoint]
    /// Projects whose overall light got worse against the month before, red first (the
    /// first `listLimit` when the request set one; `worsenedCount` counts all).
    public let worsened: [LightChange]
    public let worsenedCount: Int
    /// How many of the counted projects have a report of `month`.
    public let reportsReceived: Int
    /// Risks recorded in `month` (open or closed since), of the counted projects.
    public let risksRaised: Int
    /// Risks closed in `month`, of the counted projects.
    public let risksClosed: Int

    /// Projects without a report of `month` whose due day has not yet passed.
    public var reportsNotYetDue: Int { lights.notYetDue }

    public static let healthMonths = 24
    public static let fundingHorizonMonths = 12

    /// The figures as an engine computed them.
    public init(month: YearMonth, projectCount: Int, projectsByPhase: [Phase: Int], lights: LightCounts,
                previousLights: LightCounts, lightChanges: [LightChange], budgetPlanned: Money, budgetSpent: Money,
                reportsMissing: [Project], reportsMissingCount: Int, fundingEndingUndecided: [Project],
                fundingEndingCount: Int, fundingEndingSpent: [String: Money],
                topRisks: [RiskGroup], health: [HealthPoint], reportsReceived: Int = 0, worsenedLimit: Int? = nil,
                risksRaised: Int = 0, risksClosed: Int = 0) {
        self.month = month
        self.projectCount = projectCount
        self.projectsByPhase = projectsByPhase
        self.lights = lights
        self.previousLights = previousLights
        self.lightChanges = lightChanges
        self.budgetPlanned = budgetPlanned
        self.budgetSpent = budgetSpent
        self.reportsMissing = reportsMissing
        self.reportsMissingCount = reportsMissingCount
        self.fundingEndingUndecided = fundingEndingUndecided
        self.fundingEndingCount = fundingEndingCount
        self.fundingEndingSpent = fundingEndingSpent
        self.topRisks = topRisks
        self.health = health
        let worse = LightChange.worstFirst(lightChanges)
        worsened = worsenedLimit.map { Array(worse.prefix($0)) } ?? worse
        worsenedCount = worse.count
        self.reportsReceived = reportsReceived
        self.risksRaised = risksRaised
        self.risksClosed = risksClosed
    }

    public init(portfolio: Portfolio, month: YearMonth, due: ReportDue? = nil) {
        self.init(index: PortfolioIndex(portfolio), month: month, due: due)
    }

    /// One pass over the projects, each with its reports looked up once: at thousands of
    /// projects this is what the first frame waits for.
    public init(index: PortfolioIndex, month: YearMonth, due: ReportDue? = nil) {
        let p = index.portfolio
        self.month = month
        projectCount = p.projects.count
        let overdueNow = due.isOverdue(month), overdueBefore = due.isOverdue(month.previous)
        var received = 0

        let previousMonth = month.previous
        let firstHealthMonth = month.adding(months: -(OverviewFigures.healthMonths - 1))
        var byPhase: [Phase: Int] = [:]
        var lights = LightCounts(), previousLights = LightCounts()
        var healthCounts = Array(repeating: LightCounts(), count: OverviewFigures.healthMonths)
        var changes: [LightChange] = []
        var planned = Money.zero, spent = Money.zero
        var missing: [Project] = []
        for project in p.projects {
            byPhase[project.phase, default: 0] += 1
            planned += project.budgetPlanned
            let reports = index.reportsByProject[project.id] ?? []
            spent += PortfolioIndex.spent(in: reports, upTo: month)

            let now = PortfolioIndex.position(in: reports, month: month).map { reports[$0].overall }
            let before = PortfolioIndex.position(in: reports, month: previousMonth).map { reports[$0].overall }
            if now != nil { received += 1 }
            if project.expectsReport(in: month) {
                lights.add(now, overdue: overdueNow)
                if now == nil && overdueNow { missing.append(project) }
            }
            if project.expectsReport(in: previousMonth) { previousLights.add(before, overdue: overdueBefore) }
            if let now, let before, now != before {
                changes.append(LightChange(projectID: project.id, from: before, to: now))
            }

            // The health months, newest first; of several reports of a month the last one counts.
            var i = PortfolioIndex.end(of: reports, upTo: month) - 1
            var counted: YearMonth?
            while i >= 0, reports[i].month >= firstHealthMonth {
                let reportMonth = reports[i].month
                if reportMonth != counted, project.expectsReport(in: reportMonth) {
                    healthCounts[firstHealthMonth.months(to: reportMonth)].add(reports[i].overall)
                }
                counted = reportMonth
                i -= 1
            }
        }

        projectsByPhase = byPhase
        self.lights = lights
        self.previousLights = previousLights
        lightChanges = changes.sorted { $0.projectID < $1.projectID }
        budgetPlanned = planned
        budgetSpent = spent
        reportsMissing = missing.sorted { $0.id < $1.id }
        reportsMissingCount = missing.count

        let horizon = month.adding(months: OverviewFigures.fundingHorizonMonths - 1)
        fundingEndingUndecided = p.projects
            .filter { project in
                guard let end = project.fundingEnd else { return false }
                return project.continuation == .open && end >= month && end <= horizon
            }
            .sorted { ($0.fundingEnd!, $0.id) < ($1.fundingEnd!, $1.id) }
        fundingEndingCount = fundingEndingUndecided.count
        fundingEndingSpent = Dictionary(fundingEndingUndecided.map { ($0.id, index.spent(by: $0.id, upTo: month)) },
                                        uniquingKeysWith: { first, _ in first })

        let open = p.risks.filter(\.isOpen)
        topRisks = RiskGroup.heaviestFirst(Dictionary(grouping: open, by: \.challenge).map { challenge, risks in
            RiskGroup(challenge: challenge, openRisks: risks.count,
                      highestScore: risks.map(\.score).max() ?? 0,
                      totalScore: risks.reduce(0) { $0 + $1.score })
        })

        health = healthCounts.enumerated().map { offset, counts in
            HealthPoint(month: firstHealthMonth.adding(months: offset), value: counts.health)
        }
        worsened = LightChange.worstFirst(lightChanges)
        worsenedCount = worsened.count
        reportsReceived = received
        risksRaised = p.risks.count { $0.raised == month }
        risksClosed = Self.closedRisks(p.risks, in: month)
    }

    /// Risks closed in `month`: a closing month counts only for a risk that is closed.
    static func closedRisks(_ risks: [Risk], in month: YearMonth) -> Int {
        risks.count { !$0.isOpen && $0.closed == month }
    }

    public func count(in phase: Phase) -> Int { projectsByPhase[phase] ?? 0 }

    /// The same figures with at most `limit` projects in each list (the counts stay).
    public func limitingLists(to limit: Int?) -> OverviewFigures {
        guard let limit else { return self }
        let ending = Array(fundingEndingUndecided.prefix(limit))
        return OverviewFigures(
            month: month, projectCount: projectCount, projectsByPhase: projectsByPhase, lights: lights,
            previousLights: previousLights, lightChanges: lightChanges, budgetPlanned: budgetPlanned,
            budgetSpent: budgetSpent, reportsMissing: Array(reportsMissing.prefix(limit)),
            reportsMissingCount: reportsMissingCount, fundingEndingUndecided: ending, fundingEndingCount: fundingEndingCount,
            fundingEndingSpent: fundingEndingSpent.filter { id, _ in ending.contains { $0.id == id } },
            topRisks: topRisks, health: health, reportsReceived: reportsReceived, worsenedLimit: limit,
            risksRaised: risksRaised, risksClosed: risksClosed)
    }
}
