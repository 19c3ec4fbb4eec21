import Foundation
import Testing
import LotseDomain
@testable import LotseStore

/// The funding radar of every engine equals the reference's (`InMemoryPortfolio`), on the
/// sample, on a generated county, and on a portfolio built for the radar's edges.
@Suite struct FundingRadarContractTests {
    static let month = YearMonth(year: 2026, month: 11)!

    static func project(_ id: String, end: YearMonth?, planned euros: Int64,
                        continuation: ContinuationDecision = .open) -> Project {
        Project(id: id, municipalityID: "m", name: "Projekt \(id)", field: .dataManagement, solutionKind: .applicationScenario,
                phase: .transfer, owner: "Amt", start: YearMonth(year: 2024, month: 1)!, fundingEnd: end,
                fundingSource: end == nil ? "Haushalt" : "MPSC", budgetPlanned: Money(euros: euros),
                continuation: continuation)
    }

    static func report(_ id: String, _ month: YearMonth, spent euros: Int64) -> StatusReport {
        StatusReport(projectID: id, month: month, overall: .green, schedule: .green, cost: .green, results: .green,
                     progress: 50, spent: Money(euros: euros), author: "test", submittedAt: Date(timeIntervalSince1970: 0))
    }

    /// The radar's edges around `month`: funding ending exactly in the month and in the
    /// last month of the horizon, one month outside on either side, no funding end, a
    /// project being stopped, and one that spent more than planned. A report after the
    /// month must not count as spent by then.
    static let edges: Portfolio = {
        let m = month
        return Portfolio(
            municipalities: [Municipality(id: "m", name: "Musterdorf", kind: .municipality, population: 900)],
            projects: [
                project("A-now", end: m, planned: 1_000),
                project("B-last", end: m.adding(months: 23), planned: 2_000),
                project("C-after", end: m.adding(months: 24), planned: 4_000),
                project("D-before", end: m.previous, planned: 8_000),
                project("E-none", end: nil, planned: 16_000),
                project("F-stop", end: m.adding(months: 2), planned: 3_000, continuation: .stop),
                project("G-over", end: m.adding(months: 4), planned: 100),
                project("H-sixth", end: m.adding(months: 5), planned: 500),
                project("I-seventh", end: m.adding(months: 6), planned: 700),
                project("J-own", end: m, planned: 300, continuation: .ownBudget),
            ],
            reports: [
                report("A-now", m.adding(months: -2), spent: 200),
                report("A-now", m, spent: 100),
                report("A-now", m.next, spent: 50),
                report("G-over", m.previous, spent: 500),
                report("F-stop", m, spent: 3_500),
            ])
    }()

    func expectSameRadar(_ engine: any PortfolioReader, as p: Portfolio, months: [YearMonth],
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reference = InMemoryPortfolio(p)
        // The whole portfolio, and each of the two largest offices alone (the office's dashboard).
        let offices = Dictionary(grouping: p.projects, by: \.owner).sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
            .prefix(2).map(\.key)
        for month in months {
            for office in [nil] + offices.map(Optional.some) {
                for limit in [nil, 0, 1, 3] as [Int?] {
                    var request = ScreenDataRequest(listLimit: limit).overview(filter: office.map { PortfolioQuery(office: $0) })
                    request.overview = nil
                    request.radar = month
                    let got = try engine.answer(request).radar, want = try reference.answer(request).radar
                    #expect(got != nil, sourceLocation: sourceLocation)
                    #expect(got == want, "radar \(month) office \(office ?? "-") limit \(limit.map(String.init) ?? "-")",
                            sourceLocation: sourceLocation)
                    if let office, let got {
                        let own = Set(p.projects.filter { $0.owner == office }.map(\.id))
                        #expect(got.urgentUndecided.allSatisfy { own.contains($0.projectID) }, sourceLocation: sourceLocation)
                        #expect(got.projectCount <= own.count, sourceLocation: sourceLocation)
                    }
                }
            }
        }
    }

    @Test func theReferenceCountsTheEdgesAsDefined() throws {
        let r = FundingRadar(portfolio: Self.edges, month: Self.month)
        #expect(r.buckets.count == 24)
        #expect(r.projectCount == 7, "A, B, F, G, H, I, J; not C, D, E")
        // Spent up to and including the month: 200 + 100, not the 50 after it.
        #expect(r.buckets[0].projectCount == 2)
        #expect(r.buckets[0].atStake == Money(euros: 700 + 300))
        #expect(r.buckets[0].undecidedAtStake == Money(euros: 700))
        #expect(r.buckets[0].planned == Money(euros: 1_300))
        #expect(r.buckets[0].decisions == [.open: 1, .ownBudget: 1])
        #expect(r.buckets[23].projectCount == 1 && r.buckets[23].atStake == Money(euros: 2_000))
        // Stopped and overspent: nothing at stake, never below zero.
        #expect(r.buckets[2].decisions == [.stop: 1] && r.buckets[2].atStake == .zero && r.buckets[2].undecided == 0)
        #expect(r.buckets[4].atStake == .zero && r.buckets[4].planned == Money(euros: 100))
        #expect(r.urgentUndecided.map(\.projectID) == ["A-now", "G-over", "H-sixth"])
        #expect(r.urgentUndecidedCount == 3)
        #expect(r.urgentUndecidedAtStake == Money(euros: 700 + 0 + 500))
        let quarters = r.quarters
        #expect(quarters.count == 8)
        #expect(quarters.map(\.projectCount) == [3, 2, 1, 0, 0, 0, 0, 1])
        #expect(quarters[1].undecided == 2 && quarters[2].undecided == 1)
        #expect(FundingRadar.isUrgent(quarter: 1) && !FundingRadar.isUrgent(quarter: 2))
        let limited = r.limitingList(to: 1)
        #expect(limited.urgentUndecided.map(\.projectID) == ["A-now"] && limited.urgentUndecidedCount == 3)
    }

    @Test(arguments: EngineUnderTest.all)
    func enginesAgreeOnTheEdges(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        try store.replaceAll(with: Self.edges, by: "contract")
        // The month itself (a report after it exists), the newest month, and around.
        let m = Self.month
        try expectSameRadar(store, as: Self.edges, months: [m, m.next, m.previous, m.adding(months: 2), m.adding(months: -30)])
        var request = ScreenDataRequest()
        request.radar = m
        #expect(try store.answer(request).radar == FundingRadar(portfolio: Self.edges, month: m))
    }

    @Test(arguments: EngineUnderTest.all)
    func enginesAgreeOnTheSample(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        let p = ReaderContractTests.sample
        try store.replaceAll(with: p, by: "contract")
        let radar = FundingRadar(portfolio: p, month: p.latestReportMonth!)
        #expect(radar.projectCount > 0, "the sample has funding ending within two years")
        try expectSameRadar(store, as: p, months: ReaderContractTests.months(of: p))
    }

    @Test(arguments: EngineUnderTest.all)
    func enginesAgreeOnAGeneratedCounty(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        let p = ReaderContractTests.synthetic
        try store.replaceAll(with: p, by: "contract")
        try expectSameRadar(store, as: p, months: ReaderContractTests.months(of: p))
    }

    @Test(arguments: EngineUnderTest.all)
    func anEmptyEngineShowsAnEmptyRadar(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        var request = ScreenDataRequest()
        request.radar = Self.month
        let radar = try store.answer(request).radar
        #expect(radar == FundingRadar(portfolio: Portfolio(), month: Self.month))
        #expect(radar?.projectCount == 0 && radar?.buckets.count == 24)
    }
}
