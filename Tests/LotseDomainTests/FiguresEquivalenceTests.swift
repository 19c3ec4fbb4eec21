import Foundation
import Testing
@testable import LotseDomain

/// `PortfolioIndex` and `OverviewFigures` look reports up by binary search and count all
/// months in one pass. These tests hold them to the plain definitions they replaced (kept
/// below as `Reference`), on random portfolios with the awkward cases a hand-made or
/// imported portfolio may have: reports out of order, two reports of one project and month,
/// reports of unknown projects, stopped projects, months before a project's start.
@Suite struct FiguresEquivalenceTests {
    /// The straightforward definitions: group, sort, search linearly, count month by month.
    enum Reference {
        static func reportsByProject(_ p: Portfolio) -> [String: [StatusReport]] {
            Dictionary(grouping: p.reports, by: \.projectID).mapValues { $0.sorted { $0.month < $1.month } }
        }

        static func readingsByKPI(_ p: Portfolio) -> [String: [KPIReading]] {
            Dictionary(grouping: p.readings, by: \.kpiID).mapValues { $0.sorted { $0.month < $1.month } }
        }

        static func report(_ groups: [String: [StatusReport]], _ id: String, _ month: YearMonth) -> StatusReport? {
            groups[id]?.last { $0.month == month }
        }

        static func latest(_ groups: [String: [StatusReport]], _ id: String, _ month: YearMonth) -> StatusReport? {
            groups[id]?.last { $0.month <= month }
        }

        static func spent(_ groups: [String: [StatusReport]], _ id: String, _ month: YearMonth) -> Money {
            (groups[id] ?? []).reduce(into: Money.zero) { sum, r in if r.month <= month { sum += r.spent } }
        }

        static func lights(_ p: Portfolio, _ groups: [String: [StatusReport]], _ month: YearMonth) -> LightCounts {
            var c = LightCounts()
            for project in p.projects where project.expectsReport(in: month) {
                switch report(groups, project.id, month)?.overall {
                case .green: c.green += 1
                case .yellow: c.yellow += 1
                case .red: c.red += 1
                case nil: c.missing += 1
                }
            }
            return c
        }

        /// The fields of `OverviewFigures` that come from the reports.
        struct Figures: Equatable {
            var projectsByPhase: [Phase: Int]
            var lights: LightCounts
            var previousLights: LightCounts
            var lightChanges: [OverviewFigures.LightChange]
            var budgetPlanned: Money
            var budgetSpent: Money
            var reportsMissing: [Project]
            var healthMonths: [YearMonth]
            var health: [Double?]

            init(_ f: OverviewFigures) {
                projectsByPhase = f.projectsByPhase
                lights = f.lights
                previousLights = f.previousLights
                lightChanges = f.lightChanges
                budgetPlanned = f.budgetPlanned
                budgetSpent = f.budgetSpent
                reportsMissing = f.reportsMissing
                healthMonths = f.health.map(\.month)
                health = f.health.map(\.value)
            }

            init(_ p: Portfolio, month: YearMonth) {
                let groups = Reference.reportsByProject(p)
                projectsByPhase = Dictionary(grouping: p.projects, by: \.phase).mapValues(\.count)
                lights = Reference.lights(p, groups, month)
                previousLights = Reference.lights(p, groups, month.previous)
                lightChanges = p.projects.compactMap { project in
                    guard let now = Reference.report(groups, project.id, month)?.overall,
                          let before = Reference.report(groups, project.id, month.previous)?.overall,
                          now != before else { return nil }
                    return OverviewFigures.LightChange(projectID: project.id, from: before, to: now)
                }.sorted { $0.projectID < $1.projectID }
                budgetPlanned = p.projects.reduce(into: Money.zero) { $0 += $1.budgetPlanned }
                budgetSpent = p.projects.reduce(into: Money.zero) { $0 += Reference.spent(groups, $1.id, month) }
                reportsMissing = p.projects
                    .filter { $0.expectsReport(in: month) && Reference.report(groups, $0.id, month) == nil }
                    .sorted { $0.id < $1.id }
                let months = (0..<OverviewFigures.healthMonths).reversed().map { month.adding(months: -$0) }
                healthMonths = months
                health = months.map { Reference.lights(p, groups, $0).health }
            }
        }
    }

    /// A small deterministic generator (Knuth's MMIX LCG, high bits), so a failure can be
    /// replayed by its seed.
    struct Random {
        var state: UInt64
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((state >> 33) % UInt64(range.count))
        }
        mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }
    }

    static let now = YearMonth(year: 2026, month: 11)!

    /// A messy portfolio; `ordered` gives it the order the store delivers.
    static func portfolio(seed: UInt64, ordered: Bool) -> Portfolio {
        var random = Random(state: seed)
        let projectCount = random.int(0...40)
        var projects: [Project] = []
        var reports: [StatusReport] = []
        var readings: [KPIReading] = []
        var kpis: [KPI] = []
        var risks: [Risk] = []
        for n in 0..<projectCount {
            let start = now.adding(months: -random.int(-3...40))
            let end: YearMonth? = random.int(0...3) == 0 ? nil : start.adding(months: random.int(0...48))
            let id = String(format: "P%03d", random.int(0...(projectCount + 5)))  // ids may repeat
            projects.append(Fixture.project(
                id, phase: random.pick(Phase.allCases), start: start.description, end: end?.description,
                budget: Int64(random.int(0...500_000)), continuation: random.pick(ContinuationDecision.allCases)))
            for k in 0..<random.int(0...2) {
                kpis.append(KPI(id: "\(id)-K\(k)", projectID: id, name: "k", unit: "", target: 1,
                                direction: .higherIsBetter))
                risks.append(Risk(id: "\(id)-R\(k)", projectID: id, title: "r",
                                  challenge: random.pick(Challenge.allCases), probability: random.int(1...5),
                                  impact: random.int(1...5), measure: "", owner: ""))
            }
            for back in 0..<random.int(0...36) where random.int(0...5) > 0 {
                let month = now.adding(months: random.int(-2...2) - back)
                reports.append(Fixture.report(id, month.description, random.pick(Light.allCases),
                                              spent: Int64(random.int(0...9_000))))
                if random.int(0...9) == 0 {  // a second report of the same month
                    reports.append(Fixture.report(id, month.description, random.pick(Light.allCases),
                                                  spent: Int64(random.int(0...9_000))))
                }
                readings.append(KPIReading(kpiID: "K\(n % 7)", month: month, value: Decimal(random.int(0...99))))
            }
        }
        // Reports of a project that does not exist.
        reports.append(Fixture.report("ghost", now.description, .red))
        var p = Portfolio(projects: projects, reports: reports, kpis: kpis, readings: readings, risks: risks)
        if ordered {
            p.reports.sort { ($0.projectID, $0.month) < ($1.projectID, $1.month) }
            p.readings.sort { ($0.kpiID, $0.month) < ($1.kpiID, $1.month) }
        } else {
            for i in p.reports.indices.reversed() { p.reports.swapAt(i, random.int(0...i)) }
            for i in p.readings.indices.reversed() { p.readings.swapAt(i, random.int(0...i)) }
            for i in p.kpis.indices.reversed() { p.kpis.swapAt(i, random.int(0...i)) }
            for i in p.risks.indices.reversed() { p.risks.swapAt(i, random.int(0...i)) }
        }
        return p
    }

    @Test(arguments: 1...60)
    func indexAgreesWithTheDefinitions(seed: UInt64) {
        for ordered in [true, false] {
            let p = Self.portfolio(seed: seed, ordered: ordered)
            let index = PortfolioIndex(p)
            let groups = Reference.reportsByProject(p)
            #expect(index.reportsByProject == groups)
            #expect(index.readingsByKPI == Reference.readingsByKPI(p))
            #expect(index.kpisByProject == Dictionary(grouping: p.kpis, by: \.projectID))
            #expect(index.risksByProject == Dictionary(grouping: p.risks, by: \.projectID))
            for id in Set(p.projects.map(\.id) + ["ghost", "nobody"]) {
                let months = YearMonth.sequence(from: Self.now.adding(months: -45), through: Self.now.adding(months: 3))
                for month in months {
                    #expect(index.report(of: id, in: month) == Reference.report(groups, id, month))
                    #expect(index.latestReport(of: id, upTo: month) == Reference.latest(groups, id, month))
                    #expect(index.spent(by: id, upTo: month) == Reference.spent(groups, id, month))
                }
            }
        }
    }

    @Test(arguments: 1...60)
    func overviewAgreesWithTheDefinitions(seed: UInt64) {
        for ordered in [true, false] {
            let p = Self.portfolio(seed: seed, ordered: ordered)
            for month in [Self.now, Self.now.adding(months: -7), Self.now.adding(months: 2)] {
                let figures = OverviewFigures(index: PortfolioIndex(p), month: month)
                #expect(Reference.Figures(figures) == Reference.Figures(p, month: month), "seed \(seed), \(month)")
                #expect(LightCounts.count(in: month, index: PortfolioIndex(p))
                        == Reference.lights(p, Reference.reportsByProject(p), month))
            }
        }
    }

    @Test func overviewOfTheFixtureAgreesToo() {
        let figures = OverviewFigures(portfolio: Fixture.portfolio, month: Fixture.now)
        #expect(Reference.Figures(figures) == Reference.Figures(Fixture.portfolio, month: Fixture.now))
    }
}
