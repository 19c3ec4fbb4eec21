import Foundation
import LotseDomain
import LotseStore
import PostgresNIO
import Synchronization
import Testing
@testable import LotsePostgres

/// What the contract suite cannot see of the editors' writes on PostgreSQL: the rows
/// themselves (who changed them, when), and how a row the store cannot read is named.
@Suite("PostgreSQL: the editors' writes")
struct PostgresEditorWriteTests {
    /// A fresh database with `Fixture.portfolio()`, the store on it, and a plain session.
    static func filled() throws -> (store: PostgresStore, sql: PGSession, drop: @Sendable () -> Void) {
        let db = try TestServer.freshDatabase()
        let store = try PostgresStore(location: db.location, now: Fixture.clock)
        try store.replaceAll(with: Fixture.portfolio(), by: "tester")
        let sql = try PGSession(db.location)
        try sql.execute("SET search_path TO \(PostgresSchema.schema)")
        return (store, sql, {
            sql.close()
            store.close()
            db.drop()
        })
    }

    static func texts(_ sql: PGSession, _ query: String) throws -> [[String]] {
        try sql.query(query).map { row in try row.makeRandomAccess().map { try $0.decode(String?.self) ?? "NULL" } }
    }

    @Test func everyWriteRecordsWhoAndWhen() throws {
        let (store, sql, drop) = try Self.filled()
        defer { drop() }
        let anna = Author(account: "anna", name: "Anna Schmidt")
        try store.saveDraft(ReportDraftTests.fullDraft(), by: anna)
        #expect(try Self.texts(sql, "SELECT changed_by, author_name, started_at, changed_at FROM report_draft")
                    == [["anna", "Anna Schmidt", "2025-10-09T08:53:20Z", "2025-10-09T08:53:20Z"]])
        try store.submit(ReportSubmitTests.report(), readings: [ReportSubmitTests.reading("0.5")], expecting: nil, by: anna)
        #expect(try Self.texts(sql, """
            SELECT changed_by, changed_at, revision::text, spent_to_date_cents::text FROM status_report
            WHERE project_id = 'P1' AND month = '2025-03'
            """) == [["Anna Schmidt (anna)", "2025-10-09T08:53:20Z", "1", "37035"]])
        #expect(try Self.texts(sql, "SELECT value, changed_by FROM kpi_reading WHERE month = '2025-03'")
                    == [["0.5", "Anna Schmidt (anna)"]])
        #expect(try Self.texts(sql, "SELECT count(*)::text FROM report_draft") == [["0"]])

        try store.submitContinuation(ContinuationStoreTests.review(), expecting: nil, by: anna)
        #expect(try Self.texts(sql, "SELECT changed_by, decided_on, follow_up_from FROM continuation_review")
                    == [["Anna Schmidt (anna)", "2025-09-24", "2027-07"]])
        #expect(try Self.texts(sql, "SELECT continuation, changed_by FROM project WHERE id = 'P1'")
                    == [["haushalt", "Anna Schmidt (anna)"]])

        try store.create(AssessmentStoreTests.workshop(), by: "anna")
        try store.saveResponse(assessmentID: "A-1", statementID: "S", participant: "Anna", value: 1, by: "bernd")
        #expect(try Self.texts(sql, "SELECT changed_by, changed_at, participants FROM assessment")
                    == [["bernd", "2025-10-09T08:53:20Z", #"["Anna","Bernd \"B\"","Çelik","Dörte"]"#]])
        #expect(try Self.texts(sql, "SELECT changed_by FROM assessment_response") == [["bernd"]])
    }

    /// The reviews an export carries: every revision of the projects that are there, as
    /// SQLite gives them.
    @Test func submittedContinuationsAreThoseOfTheProjectsThatAreThereAsOnSQLite() throws {
        let (store, _, drop) = try Self.filled()
        defer { drop() }
        let sqlite = try Fixture.filledStore()
        for engine in [store as any ContinuationStore, sqlite] {
            try engine.submitContinuation(ContinuationStoreTests.review(.open, amount: nil), expecting: nil, by: "anna")
            try engine.submitContinuation(ContinuationStoreTests.review(), expecting: 1, by: "berta")
            var other = ContinuationStoreTests.review(.stop, amount: nil)
            other.projectID = "P2"
            try engine.submitContinuation(other, expecting: nil, by: "carl")
        }
        var smaller = Fixture.portfolio()
        smaller.projects.removeAll { $0.id == "P2" }
        smaller.reports.removeAll { $0.projectID == "P2" }
        smaller.kpis.removeAll { $0.projectID == "P2" }
        smaller.readings.removeAll { $0.kpiID == "K1" }
        smaller.risks.removeAll { $0.projectID == "P2" }
        let both = try [store.submittedContinuations(), sqlite.submittedContinuations()]
        #expect(both[0] == both[1])
        #expect(both[0].map { "\($0.review.projectID) \($0.version.revision)" } == ["P1 1", "P1 2", "P2 1"])
        try store.replaceAll(with: smaller, by: "import")
        try sqlite.replaceAll(with: smaller, by: "import")
        let after = try [store.submittedContinuations(), sqlite.submittedContinuations()]
        #expect(after[0] == after[1])
        #expect(after[0].map(\.review.projectID) == ["P1", "P1"])
    }

    @Test func aDraftTheStoreCannotReadIsNamedWithTableRowAndColumn() throws {
        let (store, sql, drop) = try Self.filled()
        defer { drop() }
        try store.saveDraft(ReportDraftTests.fullDraft(), by: "anna")
        try sql.execute(#"UPDATE report_draft SET draft = '{"projectID": "P1", broken'"#)
        let error = try #require(throws: StoreError.self) {
            try store.drafts(projectID: "P1", month: Fixture.month("2025-03"))
        }
        guard case .corruptValue(let table, let row, let column, let found, _) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect([table, row, column] == ["report_draft", "P1 2025-03 anna", "draft"])
        #expect(found.contains("broken"))
        // A new draft repairs the row.
        try store.saveDraft(ReportDraftTests.fullDraft(), by: "anna")
        #expect(try store.draft(projectID: "P1", month: Fixture.month("2025-03"), by: "anna") == ReportDraftTests.fullDraft())

        try store.submitContinuation(ContinuationStoreTests.review(), expecting: nil, by: "anna")
        try sql.execute("UPDATE continuation_review SET decision = 'vielleicht'")
        #expect(throws: StoreError.corruptValue(table: "continuation_review", row: "P1 1", column: "decision",
                                                found: "'vielleicht'", expected: "one of the known values")) {
            try store.continuation(projectID: "P1")
        }

        try store.create(AssessmentStoreTests.workshop(), by: "m")
        try sql.execute("UPDATE assessment SET participants = 'Anna, Bernd'")
        #expect(throws: StoreError.corruptValue(table: "assessment", row: "A-1", column: "participants",
                                                found: "'Anna, Bernd'", expected: "a JSON array of names")) {
            try store.assessment(id: "A-1")
        }
    }

    /// A submit that finds another transaction writing the same project's report waits for
    /// it, then compares with what that one committed: the conflict, nothing written.
    @Test func aSubmitWaitsForAConcurrentWriteOfTheProjectAndThenSeesIt() throws {
        let (store, sql, drop) = try Self.filled()
        defer { drop() }
        let february = Fixture.month("2025-02")
        let opened = try #require(try store.reportVersion(projectID: "P1", month: february))
        try sql.execute("BEGIN")
        try sql.execute("SELECT 1 FROM project WHERE id = 'P1' FOR NO KEY UPDATE")
        try sql.execute("""
            UPDATE status_report SET revision = revision + 1, changed_by = 'elsewhere' WHERE project_id = 'P1' AND month = '2025-02'
            """)
        let outcome = DispatchSemaphore(value: 0)
        let result = Mutex<Result<Void, any Error>?>(nil)
        DispatchQueue.global().async {
            let submitted = Result {
                try store.submit(Fixture.report("P1", "2025-02", progress: 1, at: Date(timeIntervalSince1970: 0)),
                                 readings: [], expecting: opened, by: "anna")
            }
            result.withLock { $0 = submitted }
            outcome.signal()
        }
        #expect(outcome.wait(timeout: .now() + 0.3) == .timedOut, "the submit waits for the lock")
        try sql.execute("COMMIT")
        #expect(outcome.wait(timeout: .now() + 10) == .success)
        let current = ReportVersion(revision: 2, changedBy: "elsewhere", changedAt: Fixture.clock())
        #expect(throws: ReportConflict(projectID: "P1", month: february, current: current)) { try result.withLock { $0 }?.get() }
        #expect(try Self.texts(sql, "SELECT progress::text FROM status_report WHERE project_id = 'P1' AND month = '2025-02'")
                    == [["100"]])
    }

    /// Prints how long the editors' writes take on a local server (127.0.0.1), and checks
    /// that every one of them arrived.
    @Test func timeOfTheEditorsWrites() throws {
        let (store, _, drop) = try Self.filled()
        defer { drop() }
        func measure(_ label: String, _ calls: Int, _ body: (Int) throws -> Void) rethrows {
            var samples: [Double] = []
            for i in 0..<calls {
                let start = DispatchTime.now().uptimeNanoseconds
                try body(i)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000)
            }
            samples.sort()
            print("PostgreSQL \(label), \(calls) calls: median \(Int(samples[calls / 2])) µs,"
                  + " p95 \(Int(samples[calls * 95 / 100])) µs, max \(Int(samples[calls - 1])) µs")
        }
        var draft = ReportDraftTests.fullDraft()
        try measure("saveDraft", 200) { i in
            draft.achieved += i.isMultiple(of: 80) ? "\n" : "x"
            try store.saveDraft(draft, by: "anna")
        }
        #expect(try store.draft(projectID: "P1", month: draft.month, by: "anna") == draft)
        try measure("submit with one reading", 100) { i in
            let version = try store.reportVersion(projectID: "P1", month: ReportStoreContractTests.march)
            try store.submit(ReportSubmitTests.report(progress: i % 100), readings: [ReportSubmitTests.reading("\(i)")],
                             expecting: version, by: "anna")
        }
        #expect(try store.reportVersion(projectID: "P1", month: ReportStoreContractTests.march)?.revision == 100)
        try store.create(AssessmentStoreTests.workshop(), by: "m")
        try measure("saveResponse", 200) { i in
            try store.saveResponse(assessmentID: "A-1", statementID: "S\(i % 40)", participant: "Anna", value: i % 5,
                                   by: "m")
        }
        #expect(try store.assessment(id: "A-1")?.responses.count == 40)
    }
}
