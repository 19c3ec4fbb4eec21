import Foundation
import LotseDomain
import Testing
@testable import LotseStore

@Suite("Migration v3 (report revisions and drafts)")
struct ReportMigrationTests {
    @Test func aFilledV2DatabaseMigratesToV3WithRevisionOneOnEveryReport() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let portfolio = Fixture.portfolio()
        let v2Schema = try SQLiteStore.createDatabase(path: path, upTo: "v2", with: portfolio, by: "anna",
                                                      at: Fixture.clock())

        let store = try SQLiteStore(path: path, now: Fixture.clock)
        #expect(try store.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5", "v6-assessment-reopened", "v7-continuation-review", "v8-search-spellings", "v9-tension-stance", "v10-risk-months", "v11-report-lights", "v12-overview-tallies", "v13-previous-light", "v14-radar-in-status"])
        let schema = try store.rows(sql: "SELECT type, name, sql FROM sqlite_master ORDER BY name")
        // v3 rebuilt `status_report`, v10-risk-months added two columns to `risk`.
        #expect(v2Schema.filter { !["status_report", "risk"].contains($0[1]) }.allSatisfy(schema.contains))
        #expect(try store.loadPortfolio() == portfolio.inStoreOrder())
        #expect(try store.rows(sql: "SELECT project_id, month, revision, changed_by FROM status_report ORDER BY 1, 2")
                    == [["P1", "2025-01", "1", "anna"], ["P1", "2025-02", "1", "anna"], ["P2", "2024-12", "1", "anna"]])
        #expect(try store.reportVersion(projectID: "P2", month: Fixture.month("2024-12"))
                    == ReportVersion(revision: 1, changedBy: "anna", changedAt: Fixture.clock()))
        #expect(try store.rows(sql: "SELECT count(*) FROM report_draft") == [["0"]])

        try store.save(report: Fixture.report("P2", "2024-12", progress: 56, at: Date()), by: "berta")
        #expect(try store.reportVersion(projectID: "P2", month: Fixture.month("2024-12"))?.revision == 2)
        try store.saveDraft(ReportDraftTests.fullDraft(), by: "anna")
        #expect(try store.draft(projectID: "P1", month: Fixture.month("2025-03"), by: "anna") == ReportDraftTests.fullDraft())
    }

    @Test func theDatabaseRefusesRevisionsThatAreNotPositiveIntegers() throws {
        let store = try Fixture.filledStore()
        for value in ["0", "-1", "'zwei'", "1.5", "NULL"] {
            #expect(throws: StoreError.self, "\(value)") {
                try store.execute(sql: "UPDATE status_report SET revision = \(value) WHERE project_id = 'P2'")
            }
        }
        #expect(throws: StoreError.self) {
            try store.execute(sql: """
                INSERT INTO report_draft (project_id, month, draft, changed_by, changed_at)
                VALUES ('P1', '2025-13', '{}', 'x', '2025-01-01T00:00:00Z')
                """)
        }
    }
}
