import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// Submitting a report: one transaction that writes report and readings, removes the draft
/// and raises the revision; refused (changing nothing) when the stored report moved on.
@Suite("Report submit")
struct ReportSubmitTests {
    static let march = Fixture.month("2025-03")

    static func report(progress: Int = 30, achieved: String = "Sensoren montiert") -> StatusReport {
        var report = Fixture.report("P1", "2025-03", progress: progress, at: Date(timeIntervalSince1970: 1_750_000_000.25))
        report.achieved = achieved
        return report
    }

    static func reading(_ value: String, kpi: String = "K2", month: String = "2025-03") -> KPIReading {
        KPIReading(kpiID: kpi, month: Fixture.month(month), value: Decimal(string: value)!)
    }

    /// Everything a submit can change, to show that a refused one changed nothing.
    static func snapshot(_ store: SQLiteStore) throws -> [[String]] {
        try store.rows(sql: "SELECT project_id, month, revision, changed_by, progress FROM status_report ORDER BY 1, 2")
            + store.rows(sql: "SELECT kpi_id, month, value, changed_by FROM kpi_reading ORDER BY 1, 2")
            + store.rows(sql: "SELECT project_id, month, draft FROM report_draft ORDER BY 1, 2")
    }

    @Test func aNewReportGetsRevisionOneItsReadingsAndLosesItsDraft() throws {
        let store = try Fixture.filledStore()
        try store.saveDraft(ReportDraftTests.fullDraft(), by: "anna")
        #expect(try store.reportVersion(projectID: "P1", month: Self.march) == nil)

        try store.submit(Self.report(), readings: [Self.reading("0.5")], expecting: nil, by: "anna")

        #expect(try store.reportVersion(projectID: "P1", month: Self.march)
                    == ReportVersion(revision: 1, changedBy: "anna", changedAt: Fixture.clock()))
        #expect(try store.draft(projectID: "P1", month: Self.march, by: "anna") == nil)
        let portfolio = try store.loadPortfolio()
        #expect(portfolio.reports.filter { $0.month == Self.march } == [Self.report()])
        #expect(portfolio.readings.filter { $0.month == Self.march } == [Self.reading("0.5")])
        var expected = Fixture.portfolio()
        expected.reports.append(Self.report())
        expected.readings.append(Self.reading("0.5"))
        #expect(portfolio == expected.inStoreOrder())
    }

    @Test func submittingTheStoredVersionRaisesTheRevisionAndReplacesTheMonthsReadings() throws {
        let store = try Fixture.filledStore()
        try store.submit(Self.report(), readings: [Self.reading("1")], expecting: nil, by: "anna")
        let first = try #require(try store.reportVersion(projectID: "P1", month: Self.march))

        try store.saveDraft(ReportDraftTests.fullDraft(), by: "anna")
        try store.submit(Self.report(progress: 40), readings: [Self.reading("2")], expecting: first, by: "anna")
        let second = try #require(try store.reportVersion(projectID: "P1", month: Self.march))
        #expect(second.revision == 2)
        #expect(try store.draft(projectID: "P1", month: Self.march, by: "anna") == nil)
        var portfolio = try store.loadPortfolio()
        #expect(portfolio.reports.filter { $0.month == Self.march } == [Self.report(progress: 40)])
        #expect(portfolio.readings.filter { $0.month == Self.march } == [Self.reading("2")])

        // A reading left empty in the form is "not measured": that month's reading goes,
        // the readings of other months stay.
        try store.submit(Self.report(progress: 40), readings: [], expecting: second, by: "anna")
        #expect(try store.reportVersion(projectID: "P1", month: Self.march)?.revision == 3)
        portfolio = try store.loadPortfolio()
        #expect(portfolio.readings == Fixture.portfolio().inStoreOrder().readings)
    }

    @Test func expectingNoReportWhenThereIsOneIsAConflictAndChangesNothing() throws {
        let store = try Fixture.filledStore()
        try store.saveDraft(ReportDraft(projectID: "P1", month: Fixture.month("2025-02")), by: "berta")
        let stored = try #require(try store.reportVersion(projectID: "P1", month: Fixture.month("2025-02")))
        #expect(stored == ReportVersion(revision: 1, changedBy: "tester", changedAt: Fixture.clock()))
        let before = try Self.snapshot(store)

        let report = Fixture.report("P1", "2025-02", progress: 1, at: Date())
        let conflict = try #require(throws: ReportConflict.self) {
            try store.submit(report, readings: [Self.reading("7", month: "2025-02")], expecting: nil, by: "berta")
        }
        #expect(conflict == ReportConflict(projectID: "P1", month: Fixture.month("2025-02"), current: stored))
        #expect(conflict.description.contains("changed by tester meanwhile"))
        #expect(try Self.snapshot(store) == before)
    }

    @Test func expectingAReportThatIsGoneIsAConflict() throws {
        let store = try Fixture.filledStore()
        let ghost = ReportVersion(revision: 1, changedBy: "anna", changedAt: Fixture.clock())
        let before = try Self.snapshot(store)
        #expect(throws: ReportConflict(projectID: "P1", month: Self.march, current: nil)) {
            try store.submit(Self.report(), readings: [], expecting: ghost, by: "anna")
        }
        #expect(try Self.snapshot(store) == before)
    }

    /// `changed_at` has whole seconds: with a fixed clock every write has the same time.
    /// The revision still tells the versions apart.
    @Test func theRevisionCountsNotTheTime() throws {
        let store = try Fixture.filledStore()  // fixed clock
        try store.submit(Self.report(), readings: [], expecting: nil, by: "anna")
        let first = try #require(try store.reportVersion(projectID: "P1", month: Self.march))
        try store.submit(Self.report(progress: 31), readings: [], expecting: first, by: "anna")
        let second = try #require(try store.reportVersion(projectID: "P1", month: Self.march))
        #expect(second.changedAt == first.changedAt)
        #expect(second.changedBy == first.changedBy)
        #expect(second != first)
        #expect(throws: ReportConflict(projectID: "P1", month: Self.march, current: second)) {
            try store.submit(Self.report(progress: 99), readings: [], expecting: first, by: "anna")
        }
        // Only the revision is compared: a version read with another clock still matches.
        var sameRevision = second
        sameRevision.changedAt = .distantPast
        try store.submit(Self.report(progress: 32), readings: [], expecting: sameRevision, by: "anna")
        #expect(try store.reportVersion(projectID: "P1", month: Self.march)?.revision == 3)
    }

    @Test func saveRaisesTheRevisionSoAnEditorThatOpenedBeforeIsRefused() throws {
        let store = try Fixture.filledStore()
        let month = Fixture.month("2025-02")
        let opened = try #require(try store.reportVersion(projectID: "P1", month: month))
        #expect(opened.revision == 1)

        try store.save(report: Fixture.report("P1", "2025-02", progress: 60, at: Date()), by: "berta")
        let saved = try #require(try store.reportVersion(projectID: "P1", month: month))
        #expect(saved.revision == 2)
        #expect(saved.changedBy == "berta")
        try store.save(report: Fixture.report("P1", "2025-07", progress: 60, at: Date()), by: "berta")
        #expect(try store.reportVersion(projectID: "P1", month: Fixture.month("2025-07"))?.revision == 1)

        #expect(throws: ReportConflict(projectID: "P1", month: month, current: saved)) {
            try store.submit(Fixture.report("P1", "2025-02", progress: 1, at: Date()), readings: [],
                             expecting: opened, by: "anna")
        }
    }

    @Test func replaceAllRaisesTheRevisionOfReportsItKeepsAndKeepsTheDraftsOfProjectsItKeeps() throws {
        let store = try Fixture.filledStore()
        let february = Fixture.month("2025-02")
        try store.save(report: Fixture.report("P1", "2025-02", progress: 60, at: Date()), by: "berta")  // revision 2
        let p1Draft = ReportDraftTests.fullDraft()
        let p2Draft = ReportDraft(projectID: "P2", month: Self.march, progress: "5")
        try store.saveDraft(p1Draft, by: "anna")
        try store.saveDraft(p2Draft, by: "berta")
        let draftRowsBefore = try store.rows(sql: "SELECT * FROM report_draft WHERE project_id = 'P1'")

        var imported = Fixture.portfolio()
        imported.reports.removeAll { $0.month == Fixture.month("2025-01") }
        imported.reports.append(Fixture.report("P1", "2025-05", progress: 90, at: Date(timeIntervalSince1970: 0)))
        try store.replaceAll(with: imported, by: "import")
        #expect(try store.reportVersion(projectID: "P1", month: february)?.revision == 3)
        #expect(try store.reportVersion(projectID: "P2", month: Fixture.month("2024-12"))?.revision == 2)
        #expect(try store.reportVersion(projectID: "P1", month: Fixture.month("2025-05"))?.revision == 1)
        #expect(try store.reportVersion(projectID: "P1", month: Fixture.month("2025-01")) == nil)
        #expect(try store.draft(projectID: "P1", month: Self.march, by: "anna") == p1Draft)
        #expect(try store.draft(projectID: "P2", month: Self.march, by: "berta") == p2Draft)
        #expect(try store.rows(sql: "SELECT * FROM report_draft WHERE project_id = 'P1'") == draftRowsBefore)

        // A project that is not imported again takes its drafts along.
        imported.projects.removeAll { $0.id == "P2" }
        imported.reports.removeAll { $0.projectID == "P2" }
        imported.kpis.removeAll { $0.projectID == "P2" }
        imported.readings.removeAll { $0.kpiID == "K1" }
        imported.risks.removeAll { $0.projectID == "P2" }
        try store.replaceAll(with: imported, by: "import")
        #expect(try store.rows(sql: "SELECT project_id FROM report_draft") == [["P1"]])
        #expect(try store.reportVersion(projectID: "P1", month: february)?.revision == 4)
    }

    @Test func invalidSubmissionsAreRefusedWithTypedErrorsAndChangeNothing() throws {
        let store = try Fixture.filledStore()
        try store.saveDraft(ReportDraftTests.fullDraft(), by: "anna")
        let before = try Self.snapshot(store)
        let month = Self.march

        #expect(throws: StoreError.invalidReport(projectID: "P1", month: month,
                                                 problems: ["progress 101 is not within 0…100"])) {
            try store.submit(Self.report(progress: 101), readings: [], expecting: nil, by: "anna")
        }
        var spentTooMuch = Self.report()
        spentTooMuch.spent = Money(cents: -1)
        #expect(throws: StoreError.invalidReport(projectID: "P1", month: month,
                                                 problems: ["money spent must not be negative"])) {
            try store.submit(spentTooMuch, readings: [], expecting: nil, by: "anna")
        }
        var elsewhere = Self.report()
        elsewhere.projectID = "P9"
        #expect(throws: StoreError.unknownProject("P9")) {
            try store.submit(elsewhere, readings: [], expecting: nil, by: "anna")
        }
        #expect(throws: StoreError.invalidReport(projectID: "P1", month: month,
                                                 problems: ["KPI 'K1' is not a KPI of project P1",
                                                            "KPI 'K7' is not a KPI of project P1"])) {
            try store.submit(Self.report(), readings: [Self.reading("1"), Self.reading("2", kpi: "K1"),
                                                       Self.reading("3", kpi: "K7")],
                             expecting: nil, by: "anna")
        }
        #expect(throws: StoreError.invalidReport(projectID: "P1", month: month, problems: [
            "the reading of KPI 'K2' is for 2025-04, not 2025-03", "KPI 'K2' has two readings",
        ])) {
            try store.submit(Self.report(), readings: [Self.reading("1"), Self.reading("2", month: "2025-04")],
                             expecting: nil, by: "anna")
        }
        #expect(try Self.snapshot(store) == before)
    }
}
