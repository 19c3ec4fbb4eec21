import Foundation
import Testing
@testable import LotseDomain

/// Each cause of a yellow or red light, alone and together, on a project worked out by hand:
/// start 2026-01, end of funding 2026-10 (ten months), 100 000 € planned.
@Suite struct LightExplanationTests {
    static let month = YearMonth(year: 2026, month: 5)!
    static let date = Date(timeIntervalSince1970: 1_790_000_000)

    static func project(end: String? = "2026-10", budget: Int64 = 100_000) -> Project {
        Project(id: "P", municipalityID: "m", name: "Projekt P", field: .mobility, solutionKind: .applicationScenario,
                phase: .experimentation, owner: "Amt", start: YearMonth("2026-01")!,
                fundingEnd: end.flatMap(YearMonth.init), fundingSource: "MPSC", budgetPlanned: Money(euros: budget))
    }

    static func report(_ month: String, overall: Light = .green, schedule: Light = .green, cost: Light = .green,
                       results: Light = .green, progress: Int = 50, spent: Int64 = 1_000) -> StatusReport {
        StatusReport(projectID: "P", month: YearMonth(month)!, overall: overall, schedule: schedule, cost: cost,
                     results: results, progress: progress, spent: Money(euros: spent), author: "t", submittedAt: date)
    }

    static func explain(_ project: Project = project(), reports: [StatusReport], kpis: [KPI] = [],
                        readings: [KPIReading] = [], month: YearMonth = month) throws -> LightExplanation {
        let portfolio = Portfolio(projects: [project], reports: reports, kpis: kpis, readings: readings)
        return try #require(LightExplanation(portfolio: portfolio, month: month))
    }

    static func kpi(_ id: String, target: Decimal, _ direction: KPIDirection) -> KPI {
        KPI(id: id, projectID: "P", name: "KPI \(id)", unit: "x", target: target, direction: direction)
    }

    @Test func aGreenReportOnScheduleHasNoCause() throws {
        // May is month 5 of 10: 50 % expected, 50 % reported.
        let e = try Self.explain(reports: [Self.report("2026-05", progress: 50)])
        #expect(e.causes.isEmpty)
        #expect(e.worstCause == .green)
        #expect(e.overall == .green)
        #expect(e.schedule == .init(progress: 50, expected: 50))
        #expect(e.reportFromEarlierMonth == nil)
        #expect(!e.reportMissing)
    }

    @Test func expectedProgressIsTheShareOfElapsedMonths() {
        let start = YearMonth("2026-01")!, end = YearMonth("2026-10")!
        #expect(LightExplanation.expectedProgress(start: start, end: end, month: YearMonth("2026-01")!) == 10)
        #expect(LightExplanation.expectedProgress(start: start, end: end, month: YearMonth("2026-05")!) == 50)
        #expect(LightExplanation.expectedProgress(start: start, end: end, month: YearMonth("2026-10")!) == 100)
        #expect(LightExplanation.expectedProgress(start: start, end: end, month: YearMonth("2027-03")!) == 100)
        #expect(LightExplanation.expectedProgress(start: start, end: end, month: YearMonth("2025-12")!) == 0)
        #expect(LightExplanation.expectedProgress(start: start, end: start, month: start) == 100)
    }

    @Test func theReportsOwnLightsAreCausesRedFirst() throws {
        let e = try Self.explain(reports: [Self.report("2026-05", overall: .red, schedule: .yellow, cost: .red, results: .green)])
        #expect(e.causes == [.reported(.cost, .red), .reported(.schedule, .yellow)])
        #expect(e.causes(of: .red) == [.reported(.cost, .red)])
        #expect(e.worstCause == .red)
    }

    @Test func aMissingReportFallsBackToTheNewestEarlierOne() throws {
        let e = try Self.explain(reports: [Self.report("2026-03", progress: 30), Self.report("2026-06", overall: .red)])
        #expect(e.reportMissing)
        #expect(e.report?.month == YearMonth("2026-03"))
        #expect(e.reportFromEarlierMonth == YearMonth("2026-03"))
        // 30 % reported against 50 % expected in May: 20 points behind, yellow.
        #expect(e.causes == [.reportMissing, .behindSchedule(.init(progress: 30, expected: 50))])
    }

    @Test func noReportAtAll() throws {
        let e = try Self.explain(reports: [])
        #expect(e.report == nil && e.overall == nil && e.schedule == nil)
        #expect(e.causes == [.reportMissing])
    }

    @Test func aProjectNotYetStartedOwesNothing() throws {
        let e = try Self.explain(reports: [], month: YearMonth("2025-12")!)
        #expect(!e.reportMissing)
        #expect(e.causes.isEmpty)
    }

    @Test func budgetOverrunCountsEveryMonthUpToTheExplainedOne() throws {
        let reports = [Self.report("2026-04", spent: 60_000), Self.report("2026-05", spent: 50_000),
                       Self.report("2026-06", spent: 900_000)]
        let e = try Self.explain(reports: reports)
        #expect(e.spent == Money(euros: 110_000))
        #expect(e.overrun == Money(euros: 10_000))
        #expect(e.causes == [.budgetOverrun(spent: Money(euros: 110_000), planned: Money(euros: 100_000))])
        let april = try Self.explain(reports: reports, month: YearMonth("2026-04")!)
        #expect(april.overrun == nil)
        #expect(april.causes.isEmpty)
    }

    @Test func behindScheduleIsYellowFromTenAndRedFromTwentyFivePoints() throws {
        func light(_ progress: Int) throws -> Light? {
            try Self.explain(reports: [Self.report("2026-05", progress: progress)]).causes.first?.light
        }
        #expect(try light(41) == nil)
        #expect(try light(40) == .yellow)
        #expect(try light(26) == .yellow)
        #expect(try light(25) == .red)
        // Done is done, however late.
        let late = try Self.explain(reports: [Self.report("2026-05", progress: 100)], month: YearMonth("2026-05")!)
        #expect(late.causes.isEmpty)
    }

    @Test func withoutEndOfFundingTheScheduleRuleDoesNotApply() throws {
        let e = try Self.explain(Self.project(end: nil), reports: [Self.report("2026-05", progress: 0)])
        #expect(e.schedule == nil)
        #expect(e.causes.isEmpty)
    }

    @Test func kpisOffTargetFollowTheirDirectionAndTheLatestReading() throws {
        let kpis = [Self.kpi("a", target: 100, .higherIsBetter), Self.kpi("b", target: 10, .lowerIsBetter),
                    Self.kpi("c", target: 100, .higherIsBetter), Self.kpi("d", target: 50, .lowerIsBetter)]
        let readings = [
            KPIReading(kpiID: "a", month: YearMonth("2026-04")!, value: 90),   // 10 % short: yellow
            KPIReading(kpiID: "a", month: YearMonth("2026-07")!, value: 200),  // after the month: ignored
            KPIReading(kpiID: "b", month: YearMonth("2026-05")!, value: 20),   // double the ceiling: red
            KPIReading(kpiID: "c", month: YearMonth("2026-05")!, value: 100),  // met
            KPIReading(kpiID: "d", month: YearMonth("2026-02")!, value: 70),
            KPIReading(kpiID: "d", month: YearMonth("2026-03")!, value: 40),   // met since March
        ]
        let e = try Self.explain(reports: [Self.report("2026-05")], kpis: kpis, readings: readings)
        #expect(e.kpisOffTarget.map(\.kpiID) == ["a", "b"])
        let a = try #require(e.kpisOffTarget.first)
        #expect(a.value == 90 && a.target == 100 && a.direction == .higherIsBetter && a.month == YearMonth("2026-04"))
        #expect(e.causes.map(\.light) == [.red, .yellow])
        #expect(e.causes.first == .kpiOffTarget(e.kpisOffTarget[1]))
    }

    @Test func combinedCausesAreOrderedRedThenYellowThenByKind() throws {
        let kpis = [Self.kpi("a", target: 100, .higherIsBetter)]
        let readings = [KPIReading(kpiID: "a", month: YearMonth("2026-05")!, value: 95)]
        let reports = [Self.report("2026-04", overall: .red, schedule: .red, cost: .yellow, results: .yellow,
                                   progress: 10, spent: 120_000)]
        let e = try Self.explain(reports: reports, kpis: kpis, readings: readings)
        // Red: missing, the schedule light, the overrun, 40 points behind; yellow: cost, results, the KPI.
        #expect(e.causes == [
            .reportMissing, .reported(.schedule, .red),
            .budgetOverrun(spent: Money(euros: 120_000), planned: Money(euros: 100_000)),
            .behindSchedule(.init(progress: 10, expected: 50)),
            .reported(.cost, .yellow), .reported(.results, .yellow), .kpiOffTarget(e.kpisOffTarget[0]),
        ])
        #expect(e.overall == .red)
    }

    @Test func anUnknownProjectHasNoExplanation() {
        let index = PortfolioIndex(Portfolio(projects: [Self.project()]))
        #expect(LightExplanation(index: index, projectID: "nope", month: Self.month) == nil)
        #expect(LightExplanation(portfolio: Portfolio(), month: Self.month) == nil)
    }
}
