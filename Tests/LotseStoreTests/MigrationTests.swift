import Foundation
import LotseDomain
import Synchronization
import Testing
@testable import LotseStore

@Suite("Migrations")
struct MigrationTests {
    static let tables = ["assessment", "assessment_consensus", "assessment_note", "assessment_reopening", "assessment_response", "assessment_stance",
                         "continuation_draft", "continuation_review", "kpi", "kpi_reading", "municipality", "project", "report_draft", "risk", "status_report"]
    /// Summaries derived from the tables above, rebuilt from them, with no audit columns.
    static let derivedTables = ["light_change", "month_summary", "open_risk_tally", "project_search", "project_search_config", "project_search_content",
                                 "project_search_data", "project_search_docsize", "project_search_idx", "project_status", "project_tally"]

    @Test func emptyDatabaseGetsEveryMigrationAndTable() throws {
        let store = try SQLiteStore.inMemory()
        #expect(SQLiteStore.knownMigrations == ["v1", "v2", "v3", "v4", "v5", "v6-assessment-reopened", "v7-continuation-review", "v8-search-spellings", "v9-tension-stance", "v10-risk-months", "v11-report-lights", "v12-overview-tallies", "v13-previous-light", "v14-radar-in-status"])
        #expect(try store.appliedMigrations() == SQLiteStore.knownMigrations)
        #expect(try store.schemaVersion() == "v14-radar-in-status")
        let tables = try store.rows(sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            AND name <> 'grdb_migrations' ORDER BY name
            """).map { $0[0] }
        #expect(tables == (Self.tables + Self.derivedTables).sorted())
        #expect(try store.loadPortfolio() == Portfolio())
    }

    @Test func everyTableRecordsWhoAndWhen() throws {
        let store = try SQLiteStore.inMemory()
        for table in Self.tables {
            let columns = try store.rows(sql: "SELECT name, type, \"notnull\" FROM pragma_table_info('\(table)')")
            #expect(columns.contains(["changed_by", "TEXT", "1"]), "\(table)")
            #expect(columns.contains(["changed_at", "TEXT", "1"]), "\(table)")
        }
        #expect(try store.rows(sql: "PRAGMA foreign_keys") == [["1"]])
    }

    @Test func reopeningAFilledFileKeepsEveryRowAndMigratingAgainIsANoOp() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let portfolio = Fixture.portfolio()

        let first = try SQLiteStore(path: path)
        try first.replaceAll(with: portfolio, by: "anna")
        let schemaBefore = try first.rows(sql: "SELECT type, name, sql FROM sqlite_master ORDER BY name")
        let auditBefore = try first.rows(sql: "SELECT changed_by, changed_at FROM status_report ORDER BY id")
        try first.close()

        let second = try SQLiteStore(path: path)
        #expect(try second.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5", "v6-assessment-reopened", "v7-continuation-review", "v8-search-spellings", "v9-tension-stance", "v10-risk-months", "v11-report-lights", "v12-overview-tallies", "v13-previous-light", "v14-radar-in-status"])
        #expect(try second.loadPortfolio() == portfolio.inStoreOrder())
        try second.migrate()
        #expect(try second.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5", "v6-assessment-reopened", "v7-continuation-review", "v8-search-spellings", "v9-tension-stance", "v10-risk-months", "v11-report-lights", "v12-overview-tallies", "v13-previous-light", "v14-radar-in-status"])
        #expect(try second.rows(sql: "SELECT type, name, sql FROM sqlite_master ORDER BY name") == schemaBefore)
        #expect(try second.rows(sql: "SELECT changed_by, changed_at FROM status_report ORDER BY id") == auditBefore)
        #expect(try second.loadPortfolio() == portfolio.inStoreOrder())
        #expect(try second.rows(sql: "PRAGMA journal_mode") == [["wal"]])
    }

    @Test func severalConnectionsOpeningANewFileAtOnceAllSucceed() throws {
        for _ in 0..<5 {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let path = folder.file("lotse.sqlite")
            try DatabaseLocation.prepare(path: path)
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do {
                    let store = try SQLiteStore(path: path)
                    try store.close()
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            #expect(try SQLiteStore(path: path).appliedMigrations() == ["v1", "v2", "v3", "v4", "v5", "v6-assessment-reopened", "v7-continuation-review", "v8-search-spellings", "v9-tension-stance", "v10-risk-months", "v11-report-lights", "v12-overview-tallies", "v13-previous-light", "v14-radar-in-status"])
        }
    }

    @Test func aDatabaseFromANewerLotseIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let store = try SQLiteStore(path: path)
        try store.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        try store.close()
        #expect(throws: StoreError.newerSchema(path: path, unknownMigrations: ["v99"])) {
            try SQLiteStore(path: path)
        }
    }

    @Test func aFileThatIsNotADatabaseGivesATypedError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try SQLiteStore(path: path) }
        guard case .database(let failedPath, let message) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(failedPath == path)
        #expect(message.contains("not a database"))
    }

    @Test func reportLookupsByMonthAndByProjectUseAnIndex() throws {
        let store = try SQLiteStore.inMemory()
        let byMonth = try store.rows(sql: "EXPLAIN QUERY PLAN SELECT * FROM status_report WHERE month = '2025-01'")
        let byProject = try store.rows(sql: "EXPLAIN QUERY PLAN SELECT * FROM status_report WHERE project_id = 'P'")
        #expect(byMonth.flatMap { $0 }.contains { $0.contains("USING INDEX status_report_by_month") })
        #expect(byProject.flatMap { $0 }.contains {
            $0.contains("USING INDEX sqlite_autoindex_status_report") || $0.contains("USING INDEX status_report_lights")
        })
        // A project's light up to a month (the overview's "worse than last month", the
        // table's previous light) is read from the index alone, never from the report's row.
        let light = try store.rows(sql: """
            EXPLAIN QUERY PLAN SELECT overall FROM status_report
            WHERE project_id = 'P' AND month <= '2026-10' ORDER BY month DESC LIMIT 1
            """)
        #expect(light.flatMap { $0 }.contains { $0.contains("USING COVERING INDEX status_report_lights") }, "\(light)")
    }
}
