import Foundation
import LotseDomain
import Testing
@testable import LotseStore

@Suite("Round trips")
struct RoundTripTests {
    @Test func fixtureComesBackExactly() throws {
        let store = try Fixture.store()
        let portfolio = Fixture.portfolio()
        try store.replaceAll(with: portfolio, by: "tester")
        let loaded = try store.loadPortfolio()
        #expect(loaded == portfolio.inStoreOrder())
        // Spot checks, so a broken `==` could not hide a loss.
        #expect(loaded.kpis.map(\.target) == [Decimal(string: "0.1")!, Decimal(string: "123456789.000000001")!])
        #expect(loaded.reports.map(\.submittedAt.timeIntervalSinceReferenceDate)
                    == [757_000_000, 760_000_000.123456789, -31_000_000.75])
        #expect(loaded.projects.map(\.id) == ["P1", "P2"])
    }

    @Test func sampleComesBackExactly() throws {
        let store = try Fixture.store()
        let sample = try SampleData.load()
        try store.replaceAll(with: sample, by: "tester")
        #expect(try store.loadPortfolio() == sample.inStoreOrder())
    }

    @Test func shiftedDemoComesBackExactly() throws {
        let store = try Fixture.store()
        let demo = try SampleData.demoPortfolio(currentMonth: Fixture.month("2031-05"))
        try store.replaceAll(with: demo, by: "tester")
        #expect(try store.loadPortfolio() == demo.inStoreOrder())
    }

    @Test func storedValuesHaveTheDocumentedShape() throws {
        let store = try Fixture.filledStore()
        #expect(try store.rows(sql: "SELECT target, typeof(target) FROM kpi ORDER BY id")
                    == [["123456789.000000001", "text"], ["0.1", "text"]])
        #expect(try store.rows(sql: "SELECT typeof(budget_planned_cents), funding_end_month FROM project ORDER BY id")
                    == [["integer", "2027-06"], ["integer", "NULL"]])
        #expect(try store.rows(sql: "SELECT submitted_at FROM status_report WHERE month = '2025-01'")
                    == [["2024-12-27T13:46:40Z"]])
        #expect(try store.rows(sql: "SELECT DISTINCT changed_by, changed_at FROM risk")
                    == [["tester", "2025-10-09T08:53:20Z"]])
    }
}
