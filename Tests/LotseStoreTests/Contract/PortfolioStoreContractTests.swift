import Foundation
import Testing
import LotseDomain
@testable import LotseStore

/// The bulk writes every engine keeps alike: what `replaceAll` stores, `loadPortfolio`
/// gives back exactly; what is refused changes nothing.
@Suite struct PortfolioStoreContractTests {
    static let engines = EngineUnderTest.all

    @Test(arguments: engines)
    func loadingGivesBackExactlyWhatWasStored(_ engine: EngineUnderTest) throws {
        let (store, reconnect, cleanup) = try engine.make()
        defer { cleanup() }
        for portfolio in [Fixture.portfolio(), ReaderContractTests.synthetic, ReaderContractTests.sample] {
            try store.replaceAll(with: portfolio, by: "contract")
            let loaded = try store.loadPortfolio()
            #expect(loaded == portfolio.inStoreOrder())
            // Every value exactly, down to the fraction of a second and the last decimal digit.
            #expect(loaded.reports.map(\.submittedAt) == portfolio.inStoreOrder().reports.map(\.submittedAt))
            #expect(loaded.readings.map(\.value) == portfolio.inStoreOrder().readings.map(\.value))
        }
        // Another connection reads the same.
        #expect(try reconnect().loadPortfolio() == ReaderContractTests.sample.inStoreOrder())
    }

    @Test(arguments: engines)
    func anInvalidPortfolioIsRefusedAndChangesNothing(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        let valid = Fixture.portfolio()
        try store.replaceAll(with: valid, by: "contract")
        var invalid = ReaderContractTests.synthetic
        invalid.reports.append(invalid.reports[0])  // the same project and month twice
        invalid.risks[0].probability = 9
        invalid.projects.append(Project(
            id: "orphan", municipalityID: "nowhere", name: "Ohne Kommune", field: .water,
            solutionKind: .digitalInfrastructure, phase: .experimentation, owner: "Bauamt",
            start: Fixture.month("2024-01"), fundingEnd: nil, fundingSource: "MPSC", budgetPlanned: Money(cents: 1),
            basicComponentCandidate: false))
        let problems = PortfolioValidator.problems(in: invalid)
        #expect(problems.count >= 3)
        #expect(throws: StoreError.invalidPortfolio(problems: problems)) {
            try store.replaceAll(with: invalid, by: "contract")
        }
        #expect(try store.loadPortfolio() == valid.inStoreOrder())
    }

    @Test(arguments: engines)
    func savingAReportInsertsOrReplacesAndRefusesWhatDoesNotFit(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        var expected = Fixture.portfolio()
        try store.replaceAll(with: expected, by: "contract")

        let new = Fixture.report("P2", "2025-01", progress: 60, at: Fixture.clock(), overall: .red)
        try store.save(report: new, by: "contract")
        expected.reports.append(new)
        var changed = expected.reports[0]
        changed.progress = 1
        changed.spent = Money(cents: 7)
        try store.save(report: changed, by: "contract")
        expected.reports[0] = changed
        #expect(try store.loadPortfolio() == expected.inStoreOrder())

        var unknown = new
        unknown.projectID = "P9"
        #expect(throws: StoreError.unknownProject("P9")) { try store.save(report: unknown, by: "contract") }
        var outOfRange = new
        outOfRange.progress = 101
        outOfRange.spent = Money(cents: -1)
        #expect(throws: StoreError.invalidReport(projectID: "P2", month: new.month, problems: [
            "progress 101 is not within 0…100", "money spent must not be negative",
        ])) { try store.save(report: outOfRange, by: "contract") }
        #expect(try store.loadPortfolio() == expected.inStoreOrder())
    }

    @Test(arguments: engines)
    func theOverviewCountsTheMoneyOfSavedAndReplacedReports(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        var expected = ReaderContractTests.synthetic
        try store.replaceAll(with: expected, by: "contract")
        try store.replaceAll(with: expected, by: "contract")  // every report replaced by itself
        let month = try #require(expected.latestReportMonth)
        var report = try #require(expected.reports.first { $0.month == month.adding(months: -3) })
        report.spent = Money(cents: report.spent.cents + 1_234_567)
        try store.save(report: report, by: "contract")
        expected.reports.removeAll { $0.projectID == report.projectID && $0.month == report.month }
        expected.reports.append(report)
        let reference = InMemoryPortfolio(expected)
        for m in [month.adding(months: -4), month.adding(months: -3), month] {
            var request = ScreenDataRequest(overview: m)
            request.radar = m
            let got = try store.answer(request), want = try reference.answer(request)
            #expect(got.overview == want.overview, "overview \(m)")
            #expect(got.radar == want.radar, "radar \(m)")
        }
    }
}
