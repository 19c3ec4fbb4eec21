import Foundation
import LotseDomain
import LotseStore
import Testing
@testable import LotsePostgres

/// The server keeps `project_status` and `month_summary` itself (`PostgresSchema.v4Summaries`):
/// after any write, by Lotse or by hand, they hold exactly what counting them again from
/// the base tables gives; and nobody but the server writes them.
@Suite struct PostgresSummaryTests {
    /// Both summaries, row by row.
    static func summaries(_ session: PGSession) throws -> [String] {
        try session.query("SELECT t::text FROM project_status t ORDER BY project_id COLLATE \"C\"")
            .map { "status " + (try $0.decode(String.self)) }
            + session.query("SELECT t::text FROM month_summary t ORDER BY municipality_id COLLATE \"C\", month").map { "month " + (try $0.decode(String.self)) }
    }

    /// The summaries as they are, and as counting them again gives (then undone).
    static func keptAndRecounted(_ session: PGSession) throws -> (kept: [String], recounted: [String]) {
        let kept = try summaries(session)
        try session.execute("BEGIN")
        do {
            try session.execute("SELECT refresh_project_status(NULL); SELECT rebuild_month_summary()")
            let recounted = try summaries(session)
            try session.execute("ROLLBACK")
            return (kept, recounted)
        } catch {
            try? session.execute("ROLLBACK")
            throw error
        }
    }

    @Test func theSummariesFollowEveryWriteByLotseOrByHand() throws {
        let db = try TestServer.freshDatabase()
        defer { db.drop() }
        let store = try PostgresStore(location: db.location, now: Fixture.clock)
        defer { store.close() }
        let session = try PGSession(db.location)
        defer { session.close() }
        try session.execute("SET search_path TO lotse")
        let last = YearMonth(year: 2026, month: 8)!
        let portfolio = SyntheticPortfolio.make(projects: 30, municipalities: 3, months: 8, endingAt: last, seed: 11)
        try store.replaceAll(with: portfolio, by: "test")
        let start = try Self.keptAndRecounted(session)
        // Every municipality's months (3 × 8), and every project's status.
        #expect(start.kept.filter { $0.hasPrefix("month ") }.count == 24, "\(start.kept)")
        #expect(start.kept.filter { $0.hasPrefix("status ") }.count == 30)
        #expect(start.kept == start.recounted)

        let ids = portfolio.projects.map(\.id).sorted()
        let (a, b, c, d) = (ids[0], ids[1], ids[2], ids[3])
        let keptMunicipality = portfolio.projects.first { $0.id == b }!.municipalityID
        let municipality = portfolio.municipalities.map(\.id).sorted().last { $0 != keptMunicipality }!
        let writes = [
            "UPDATE status_report SET overall = 'rot' WHERE month = '\(last.adding(months: -2))'",
            "UPDATE status_report SET spent_cents = spent_cents + 100, overall = 'gelb' WHERE project_id = '\(a)'",
            "DELETE FROM status_report WHERE month = '\(last.adding(months: -4))'",
            """
            INSERT INTO status_report (project_id, month, overall, schedule, cost, results, progress, achieved,
                next_steps, risks_and_measures, spent_cents, author, submitted_at, changed_by, changed_at)
            SELECT id, '\(last.next)', 'gruen', 'gruen', 'gruen', 'gruen', 50, '', '', '', 7, 'x',
                   '2026-09-30T00:00:00Z', 'x', '2026-09-30T00:00:00Z' FROM project WHERE id <= '\(c)'
            """,
            "UPDATE project SET continuation = 'stop', funding_end_month = '\(last.adding(months: -3))' WHERE id = '\(b)'",
            "UPDATE project SET start_month = '\(last.previous)' WHERE id = '\(c)'",
            "UPDATE project SET name = 'Nur der Name' WHERE id = '\(d)'",
            "UPDATE project SET id = id || '-neu' WHERE id = '\(a)'",
            "UPDATE project SET municipality_id = '\(keptMunicipality)' WHERE id = '\(c)'",
            "DELETE FROM project WHERE id = '\(d)'",
            "DELETE FROM municipality WHERE id = '\(municipality)'",
        ]
        // Every report's running total equals its project's money up to its month.
        func wrongTotals() throws -> Int {
            try session.query("""
                SELECT count(*)::int FROM status_report r WHERE spent_to_date_cents <> (
                    SELECT sum(spent_cents) FROM status_report x WHERE x.project_id = r.project_id AND x.month <= r.month)
                """)[0].decode(Int.self)
        }
        for sql in writes + ["UPDATE status_report SET spent_to_date_cents = 1"] {
            try session.execute(sql)
            let now = try Self.keptAndRecounted(session)
            #expect(now.kept == now.recounted, "after: \(sql)")
            #expect(try wrongTotals() == 0, "after: \(sql)")
        }
        // Lotse's own writes: a report saved, the whole portfolio replaced.
        let report = StatusReport(projectID: b, month: last.next.next, overall: .red, schedule: .red, cost: .yellow,
                                  results: .green, progress: 10, achieved: "", nextSteps: "", risksAndMeasures: "",
                                  spent: Money(cents: 500), author: "x", submittedAt: Fixture.clock())
        try store.save(report: report, by: "test")
        var now = try Self.keptAndRecounted(session)
        #expect(now.kept == now.recounted, "after saving a report")
        #expect(now.kept.contains { $0.hasPrefix("month (") && $0.contains(",\(last.next.next),1,500,") })
        try store.replaceAll(with: portfolio, by: "test")
        now = try Self.keptAndRecounted(session)
        #expect(now.kept == start.kept, "after replacing the portfolio again")

        try session.execute("TRUNCATE status_report")
        #expect(try Self.summaries(session).isEmpty)
    }

    @Test func onlyTheServerWritesTheSummariesAndEachRoleSeesItsShare() throws {
        let f = try RowSecurityFixture()
        defer { f.close() }
        let anna = try f.session(as: f.anna), bert = try f.session(as: f.bert)
        defer { anna.close(); bert.close() }
        for sql in ["INSERT INTO month_summary VALUES ('musterstadt', '2030-01', 1, 1, 1, 0, 0)",
                    "UPDATE month_summary SET green = 99", "DELETE FROM project_status",
                    "SELECT refresh_project_status(NULL)", "SELECT rebuild_month_summary()"] {
            #expect(throws: PGError.self, "went through: \(sql)") { try anna.execute(sql) }
        }
        #expect(try RowSecurityFixture.count("month_summary", anna) == 2)
        #expect(try RowSecurityFixture.count("project_status", anna) == 2)
        // A role that reads only its own sees its own municipality's summaries only.
        #expect(try RowSecurityFixture.count("month_summary", bert) == 1)
        #expect(try RowSecurityFixture.count("project_status", bert) == 1)

        let month = YearMonth(year: 2026, month: 1)!
        let request = ScreenDataRequest(overview: month)
        for (role, projects) in [(f.anna, 2), (f.bert, 1)] {
            let store = try f.store(as: role)
            defer { store.close() }
            let overview = try #require(try store.answer(request).overview)
            #expect(overview.projectCount == projects, "\(role)")
            #expect(overview.lights.green == projects, "\(role)")
            #expect(overview.reportsReceived == projects, "\(role)")
            #expect(overview.budgetSpent == Money(cents: Int64(5 * projects)), "\(role)")
        }
    }
}
