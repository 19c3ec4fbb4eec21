import Foundation

/// Why a project's light is what it is in one month: the report that counts (of that month,
/// or the newest before it), its four lights, and what the figures say beside it — KPIs off
/// target, budget overrun, progress behind schedule, a missing report — with the causes
/// that make it yellow or red, the worst first. A pure value; the screens and the monthly
/// report word it.
///
/// Lotse's own checks (beside the lights the project lead reported):
/// - **Report missing**: the project owes a report for the month and has none (red).
/// - **Budget overrun**: money spent up to the month exceeds the planned budget (red).
/// - **Behind schedule** (a Lotse rule): the expected progress is the share of time elapsed
///   from the start month to the end of funding, both months counted in full as of the end
///   of the explained month; the reported progress is `points` below it when
///   `expected - progress >= 10` (yellow) or `>= 25` (red). Projects without an end of
///   funding, and reports saying 100 %, are not checked.
/// - **KPI off target**: the latest reading up to the month misses the target in the KPI's
///   direction (yellow); missing it by more than a quarter of the target is red.
public struct LightExplanation: Hashable, Sendable {
    /// One of the four lights of a status report.
    public enum Aspect: String, CaseIterable, Hashable, Sendable {
        case overall, schedule, cost, results
    }

    /// A KPI whose latest reading misses its target.
    public struct KPIGap: Hashable, Sendable {
        public var kpiID: String
        public var name: String
        public var unit: String
        public var value: Decimal
        public var target: Decimal
        public var direction: KPIDirection
        /// The month of the reading.
        public var month: YearMonth

        public init(kpiID: String, name: String, unit: String, value: Decimal, target: Decimal,
                    direction: KPIDirection, month: YearMonth) {
            self.kpiID = kpiID
            self.name = name
            self.unit = unit
            self.value = value
            self.target = target
            self.direction = direction
            self.month = month
        }

        /// How far off, as a share of the target (1 when the target is 0).
        public var shortfall: Decimal {
            let gap = value > target ? value - target : target - value
            guard target != 0 else { return 1 }
            return gap / (target < 0 ? -target : target)
        }

        /// Yellow when off target, red when off by more than a quarter of the target.
        public var light: Light { shortfall > LightExplanation.kpiRedShortfall ? .red : .yellow }
    }

    /// The Lotse rule's comparison of reported and expected progress.
    public struct ScheduleCheck: Hashable, Sendable {
        /// Reported progress, 0 … 100.
        public var progress: Int
        /// Share of the time from start to end of funding elapsed at the end of the month, 0 … 100.
        public var expected: Int

        public init(progress: Int, expected: Int) {
            self.progress = progress
            self.expected = expected
        }

        /// Percentage points behind the expected progress (0 when on time or ahead).
        public var behind: Int { max(0, expected - progress) }

        /// Nil when on time; yellow from 10 points behind, red from 25.
        public var light: Light? {
            guard progress < 100 else { return nil }
            if behind >= LightExplanation.behindRedPoints { return .red }
            if behind >= LightExplanation.behindYellowPoints { return .yellow }
            return nil
        }
    }

    /// Something that makes the light yellow or red.
    public enum Cause: Hashable, Sendable {
        /// No report for the month although one is owed.
        case reportMissing
        /// The report's own light of schedule, cost or results.
        case reported(Aspect, Light)
        case budgetOverrun(spent: Money, planned: Money)
        case behindSchedule(ScheduleCheck)
        case kpiOffTarget(KPIGap)

        /// How heavily it weighs.
        public var light: Light {
            switch self {
            case .reportMissing, .budgetOverrun: .red
            case .reported(_, let light): light
            case .behindSchedule(let check): check.light ?? .yellow
            case .kpiOffTarget(let gap): gap.light
            }
        }

        /// The order among causes of the same light: what the report says first, then the figures.
        var rank: Int {
            switch self {
            case .reportMissing: 0
            case .reported(let aspect, _): 1 + (Aspect.allCases.firstIndex(of: aspect) ?? 0)
            case .budgetOverrun: 5
            case .behindSchedule: 6
            case .kpiOffTarget: 7
            }
        }
    }

    public static let behindYellowPoints = 10
    public static let behindRedPoints = 25
    public static let kpiRedShortfall: Decimal = 0.25

    public var projectID: String
    public var projectName: String
    public var month: YearMonth
    /// The report that counts: of `month`, or the newest before it; nil when there is none.
    public var report: StatusReport?
    /// The project owes a report for `month` and has none.
    public var reportMissing: Bool
    /// KPIs whose latest reading up to `month` misses the target, in KPI id order.
    public var kpisOffTarget: [KPIGap]
    public var spent: Money
    public var planned: Money
    /// Nil when the rule does not apply (no report, no end of funding).
    public var schedule: ScheduleCheck?
    /// What makes the light yellow or red: red before yellow, then in `Cause.rank` order.
    public var causes: [Cause]

    /// The month of the report that counts, when it is not `month` itself.
    public var reportFromEarlierMonth: YearMonth? {
        guard let m = report?.month, m != month else { return nil }
        return m
    }

    /// The overall light the report gives; nil without a report.
    public var overall: Light? { report?.overall }

    /// Money spent beyond the plan; nil when within it.
    public var overrun: Money? { spent > planned ? spent - planned : nil }

    /// The causes of exactly this light.
    public func causes(of light: Light) -> [Cause] { causes.filter { $0.light == light } }

    /// The worst light the causes add up to; green when there is none.
    public var worstCause: Light { causes.map(\.light).max() ?? .green }

    /// The explanation of `projectID` in `month`, nil when the index does not hold it.
    public init?(index: PortfolioIndex, projectID: String, month: YearMonth) {
        guard let project = index.portfolio.projects.first(where: { $0.id == projectID }) else { return nil }
        let report = index.latestReport(of: projectID, upTo: month)
        let missing = project.expectsReport(in: month) && report?.month != month
        let spent = index.spent(by: projectID, upTo: month)

        var gaps: [KPIGap] = []
        for kpi in (index.kpisByProject[projectID] ?? []).sorted(by: { $0.id < $1.id }) {
            guard let reading = (index.readingsByKPI[kpi.id] ?? []).last(where: { $0.month <= month }) else { continue }
            let met = kpi.direction == .higherIsBetter ? reading.value >= kpi.target : reading.value <= kpi.target
            if !met {
                gaps.append(KPIGap(kpiID: kpi.id, name: kpi.name, unit: kpi.unit, value: reading.value,
                                   target: kpi.target, direction: kpi.direction, month: reading.month))
            }
        }

        var check: ScheduleCheck?
        if let report, let end = project.fundingEnd {
            check = ScheduleCheck(progress: report.progress,
                                  expected: Self.expectedProgress(start: project.start, end: end, month: month))
        }

        var causes: [Cause] = []
        if missing { causes.append(.reportMissing) }
        if let report {
            for (aspect, light) in [(Aspect.schedule, report.schedule), (.cost, report.cost), (.results, report.results)]
            where light != .green {
                causes.append(.reported(aspect, light))
            }
        }
        if spent > project.budgetPlanned { causes.append(.budgetOverrun(spent: spent, planned: project.budgetPlanned)) }
        if let check, check.light != nil { causes.append(.behindSchedule(check)) }
        causes += gaps.map(Cause.kpiOffTarget)

        self.projectID = projectID
        self.projectName = project.name
        self.month = month
        self.report = report
        self.reportMissing = missing
        self.kpisOffTarget = gaps
        self.spent = spent
        self.planned = project.budgetPlanned
        self.schedule = check
        self.causes = causes.enumerated()
            .sorted { (-$0.element.light.severity, $0.element.rank, $0.offset) < (-$1.element.light.severity, $1.element.rank, $1.offset) }
            .map(\.element)
    }

    /// The explanation of `projectID` (by default the portfolio's first project) in `month`.
    public init?(portfolio: Portfolio, projectID: String? = nil, month: YearMonth) {
        guard let id = projectID ?? portfolio.projects.first?.id else { return nil }
        self.init(index: PortfolioIndex(portfolio), projectID: id, month: month)
    }

    /// The Lotse rule's expected progress: months from `start` through `month` over months from
    /// `start` through `end`, in percent, 0 … 100 (rounded down).
    public static func expectedProgress(start: YearMonth, end: YearMonth, month: YearMonth) -> Int {
        let total = start.months(to: end) + 1
        guard total > 0 else { return 100 }
        let elapsed = min(total, max(0, start.months(to: month) + 1))
        return elapsed * 100 / total
    }
}
