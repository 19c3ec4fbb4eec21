import Foundation
import LotseDomain
import Testing
@testable import LotseStore

@Suite("Writing")
struct WriteTests {
    @Test func invalidPortfolioIsRefusedAndChangesNothing() throws {
        let store = try Fixture.filledStore()
        let before = try store.loadPortfolio()
        var bad = Fixture.portfolio()
        bad.projects.append(bad.projects[0])
        bad.reports[0].progress = 150
        let error = try #require(throws: StoreError.self) { try store.replaceAll(with: bad, by: "x") }
        guard case .invalidPortfolio(let problems) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(problems.contains("duplicate project id 'P2'"))
        #expect(problems.contains { $0.contains("progress 150") })
        #expect(try store.loadPortfolio() == before)
    }

    @Test func aRowTheDatabaseRejectsRollsBackTheWholeReplacement() throws {
        let store = try Fixture.filledStore()
        let before = try store.loadPortfolio()
        var bad = Fixture.portfolio()
        bad.municipalities = [bad.municipalities[0]]  // keeps the validator happy for "kreis"
        bad.projects = [bad.projects[0]]
        bad.kpis = []
        bad.readings = []
        bad.risks = []
        // Year 10000 passes the validator but not the month CHECK; the failing row comes last.
        bad.reports = [Fixture.report("P2", "2025-01", progress: 1, at: Date()),
                       Fixture.report("P2", "2025-02", progress: 1, at: Date())]
        bad.reports[1].month = YearMonth(year: 9999, month: 12)!.next
        #expect(PortfolioValidator.problems(in: bad).isEmpty)
        #expect(throws: StoreError.self) { try store.replaceAll(with: bad, by: "x") }
        #expect(try store.loadPortfolio() == before)
    }

    @Test func replaceAllReplacesEverything() throws {
        let store = try Fixture.filledStore()
        let small = Portfolio(municipalities: [Municipality(id: "m", name: "M", kind: .city, population: 1)])
        try store.replaceAll(with: small, by: "x")
        #expect(try store.loadPortfolio() == small)
        try store.replaceAll(with: Portfolio(), by: "x")
        #expect(try store.loadPortfolio().isEmpty)
    }

    @Test func saveReplacesTheSameMonthAndAddsANewOne() throws {
        let store = try Fixture.filledStore()
        let idBefore = try store.rows(sql: "SELECT id FROM status_report WHERE project_id = 'P1' AND month = '2025-02'")

        var changed = Fixture.report("P1", "2025-02", progress: 77, at: Date(), overall: .red)
        changed.achieved = "neu"
        try store.save(report: changed, by: "berta")
        var reports = try store.loadPortfolio().reports
        #expect(reports.count == 3)
        #expect(reports.filter { $0.projectID == "P1" && $0.month == changed.month } == [changed])
        #expect(try store.rows(sql: "SELECT id, changed_by FROM status_report WHERE month = '2025-02'")
                    == [idBefore[0] + ["berta"]])

        let added = Fixture.report("P1", "2025-03", progress: 80, at: Date())
        try store.save(report: added, by: "berta")
        reports = try store.loadPortfolio().reports
        #expect(reports.count == 4)
        #expect(reports.filter { $0.projectID == "P1" }.map(\.month.description) == ["2025-01", "2025-02", "2025-03"])
        #expect(reports.filter { $0.month == added.month } == [added])
        #expect(try store.rows(sql: "SELECT changed_by FROM status_report WHERE project_id = 'P2'") == [["tester"]])
    }

    @Test func saveRefusesBadReports() throws {
        let store = try Fixture.filledStore()
        let before = try store.loadPortfolio()
        let tooFar = Fixture.report("P1", "2025-02", progress: 101, at: Date())
        #expect(throws: StoreError.invalidReport(projectID: "P1", month: Fixture.month("2025-02"),
                                                 problems: ["progress 101 is not within 0…100"])) {
            try store.save(report: tooFar, by: "x")
        }
        #expect(throws: StoreError.unknownProject("P9")) {
            try store.save(report: Fixture.report("P9", "2025-02", progress: 1, at: Date()), by: "x")
        }
        #expect(try store.loadPortfolio() == before)
    }

    @Test func aSecondConnectionWaitsForTheWriterInsteadOfFailing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let first = try SQLiteStore(path: path)
        let second = try SQLiteStore(path: path)
        try first.replaceAll(with: Fixture.portfolio(), by: "a")

        let locked = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? first.whileWriting {
                locked.signal()
                Thread.sleep(forTimeInterval: 0.4)
            }
            finished.signal()
        }
        locked.wait()
        let started = Date()
        try second.save(report: Fixture.report("P1", "2025-04", progress: 5, at: Date()), by: "b")
        #expect(Date().timeIntervalSince(started) > 0.2)
        finished.wait()
        #expect(try first.loadPortfolio().reports.count == 4)
    }
}
