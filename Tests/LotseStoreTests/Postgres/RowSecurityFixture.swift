import Foundation
import LotseDomain
import LotseStore
import Testing
@testable import LotsePostgres

/// A database with two municipalities' rows in every data table, put in by the owner with
/// plain INSERTs, and login roles with Lotse rights: `anna` (Musterstadt, reads all),
/// `bert` (Musterstadt, reads its own only), `vera` (viewer), `kurt` (county).
/// Role names are per database (roles belong to the whole cluster, tests run side by side).
struct RowSecurityFixture {
    let location: PostgresLocation
    let drop: @Sendable () -> Void
    let owner: PGSession
    let ownerStore: PostgresStore
    let suffix = String(UUID().uuidString.prefix(8)).lowercased()

    var anna: String { "anna_" + suffix }
    var bert: String { "bert_" + suffix }
    var vera: String { "vera_" + suffix }
    var kurt: String { "kurt_" + suffix }

    /// Every table with rows of both municipalities.
    static let tables = PostgresSchema.dataTables

    init() throws {
        let db = try TestServer.freshDatabase()
        location = db.location
        drop = db.drop
        ownerStore = try PostgresStore(location: db.location)
        owner = try PGSession(db.location)
        try owner.execute("SET search_path TO lotse")
        for (municipality, n) in [("musterstadt", 1), ("nachbarort", 2)] {
            try owner.execute(Self.rows(municipality: municipality, n: n))
        }
        try ownerStore.grant(.municipality(id: "musterstadt", readsAll: true), to: anna)
        try ownerStore.grant(.municipality(id: "musterstadt", readsAll: false), to: bert)
        try ownerStore.grant(.viewer, to: vera)
        try ownerStore.grant(.county, to: kurt)
    }

    func close() {
        ownerStore.close()
        owner.close()
        drop()
    }

    /// A connection as `role`, with the schema on the search path.
    func session(as role: String) throws -> PGSession {
        let cluster = try TestServer.cluster()
        let session = try PGSession(cluster.location(database: location.database, user: role))
        try session.execute("SET search_path TO lotse")
        return session
    }

    /// A store opened as `role`.
    func store(as role: String) throws -> PostgresStore {
        let cluster = try TestServer.cluster()
        return try PostgresStore(location: cluster.location(database: location.database, user: role))
    }

    /// What every data table holds, as the owner sees it: one digest per table.
    func contents() throws -> [String: String] {
        var digests: [String: String] = [:]
        for table in Self.tables {
            let row = try owner.query("SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \(table) t")
            digests[table] = try row[0].decode(String.self)
        }
        return digests
    }

    /// How many rows of `table` `session` sees.
    static func count(_ table: String, _ session: PGSession) throws -> Int {
        try session.query("SELECT count(*)::int FROM \(table)")[0].decode(Int.self)
    }

    static let audit = "'fixture', '2026-01-01T00:00:00Z'"

    /// One municipality with a project, a report, a KPI and its reading, a risk, a report
    /// draft, a continuation review and its draft, an assessment with a row in each of its tables.
    static func rows(municipality m: String, n: Int) -> String {
        let p = "p\(n)", k = "k\(n)", a = "a\(n)"
        return """
            INSERT INTO municipality (id, name, kind, population, changed_by, changed_at)
                VALUES ('\(m)', '\(m.capitalized)', 'stadt', 1000, \(audit));
            INSERT INTO project (id, municipality_id, name, field, solution_kind, phase, owner, start_month,
                funding_end_month, funding_source, budget_planned_cents, basic_component_candidate, reused_by_others,
                continuation, changed_by, changed_at)
                VALUES ('\(p)', '\(m)', 'Projekt \(n)', 'arbeit', 'anwendung', 'experimentieren', 'x', '2026-01', NULL,
                        'bund', 100, false, false, 'offen', \(audit));
            INSERT INTO status_report (project_id, month, overall, schedule, cost, results, progress, achieved,
                next_steps, risks_and_measures, spent_cents, author, submitted_at, changed_by, changed_at)
                VALUES ('\(p)', '2026-01', 'gruen', 'gruen', 'gruen', 'gruen', 10, '', '', '', 5, 'x',
                        '2026-01-31T00:00:00Z', \(audit));
            INSERT INTO kpi (id, project_id, name, unit, target, direction, changed_by, changed_at)
                VALUES ('\(k)', '\(p)', 'Nutzer', 'n', '10', 'hoeher', \(audit));
            INSERT INTO kpi_reading (kpi_id, month, value, changed_by, changed_at) VALUES ('\(k)', '2026-01', '3', \(audit));
            INSERT INTO risk (id, project_id, title, challenge, probability, impact, measure, owner, is_open,
                changed_by, changed_at)
                VALUES ('r\(n)', '\(p)', 'Risiko', 'finanzen', 2, 3, '', 'x', true, \(audit));
            INSERT INTO report_draft (project_id, month, draft, started_at, changed_by, changed_at)
                VALUES ('\(p)', '2026-02', '{}', '2026-01-01T00:00:00Z', \(audit));
            INSERT INTO continuation_review (project_id, revision, goal, reached, approach, plan_and_resources,
                own_budget, again_or_differently, reuse, decision, follow_up_cents, follow_up_source, follow_up_from,
                basic_component, decided_by, decided_on, changed_by, changed_at)
                VALUES ('\(p)', 1, '', '', '', '', '', '', '', 'offen', NULL, '', NULL, false, '', NULL, \(audit));
            INSERT INTO continuation_draft (project_id, draft, started_at, changed_by, changed_at)
                VALUES ('\(p)', '{}', '2026-01-01T00:00:00Z', \(audit));
            INSERT INTO assessment (id, municipality_id, questionnaire, date, facilitator, participants, position,
                completed, changed_by, changed_at)
                VALUES ('\(a)', '\(m)', 'q', '2026-01-01T00:00:00Z', 'x', '[]', 0, false, \(audit));
            INSERT INTO assessment_response (assessment_id, statement_id, participant, value, changed_by, changed_at)
                VALUES ('\(a)', 's1', 'x', 3, \(audit));
            INSERT INTO assessment_consensus (assessment_id, statement_id, value, changed_by, changed_at)
                VALUES ('\(a)', 's1', 3, \(audit));
            INSERT INTO assessment_note (assessment_id, statement_id, note, changed_by, changed_at)
                VALUES ('\(a)', 's1', 'n', \(audit));
            INSERT INTO assessment_stance (assessment_id, tension_id, position, note, changed_by, changed_at)
                VALUES ('\(a)', 't1', 2, '', \(audit));
            INSERT INTO assessment_reopening (assessment_id, number, changed_by, changed_at) VALUES ('\(a)', 1, \(audit))
            """
    }

    /// Hand-written writes on the rows of municipality number `n` (`m` its id), one or more
    /// per table: insert, update, delete; the deletes that cascade come last, so that every
    /// statement finds its rows when they run one after the other.
    static func writes(municipality m: String, n: Int) -> [String] {
        let cascading = ["DELETE FROM assessment WHERE", "DELETE FROM project WHERE", "DELETE FROM municipality WHERE"]
        let all = plainWrites(municipality: m, n: n)
        let last = cascading.compactMap { prefix in all.first { $0.hasPrefix(prefix) } }
        return all.filter { !last.contains($0) } + last
    }

    private static func plainWrites(municipality m: String, n: Int) -> [String] {
        let p = "p\(n)", k = "k\(n)", a = "a\(n)"
        return [
            "INSERT INTO municipality (id, name, kind, population, changed_by, changed_at) VALUES ('neu\(n)', 'Neu', 'stadt', 1, \(audit))",
            "UPDATE municipality SET population = 7 WHERE id = '\(m)'",
            "DELETE FROM municipality WHERE id = '\(m)'",
            """
            INSERT INTO project (id, municipality_id, name, field, solution_kind, phase, owner, start_month,
                funding_source, budget_planned_cents, basic_component_candidate, reused_by_others, continuation,
                changed_by, changed_at)
            VALUES ('neu\(n)', '\(m)', 'Neu', 'arbeit', 'anwendung', 'experimentieren', 'x', '2026-01', 'b', 1, false, false, 'offen', \(audit))
            """,
            "UPDATE project SET name = 'geändert' WHERE id = '\(p)'",
            "DELETE FROM project WHERE id = '\(p)'",
            """
            INSERT INTO status_report (project_id, month, overall, schedule, cost, results, progress, achieved,
                next_steps, risks_and_measures, spent_cents, author, submitted_at, changed_by, changed_at)
            VALUES ('\(p)', '2026-02', 'rot', 'rot', 'rot', 'rot', 1, '', '', '', 1, 'x', '2026-02-28T00:00:00Z', \(audit))
            """,
            "UPDATE status_report SET overall = 'rot' WHERE project_id = '\(p)'",
            "DELETE FROM status_report WHERE project_id = '\(p)'",
            "INSERT INTO kpi_reading (kpi_id, month, value, changed_by, changed_at) VALUES ('\(k)', '2026-02', '9', \(audit))",
            "UPDATE kpi_reading SET value = '99' WHERE kpi_id = '\(k)'",
            "DELETE FROM kpi_reading WHERE kpi_id = '\(k)'",
            "UPDATE kpi SET target = '1' WHERE id = '\(k)'",
            """
            INSERT INTO risk (id, project_id, title, challenge, probability, impact, measure, owner, is_open,
                changed_by, changed_at) VALUES ('neu\(n)', '\(p)', 'R', 'finanzen', 1, 1, '', 'x', true, \(audit))
            """,
            "UPDATE risk SET is_open = false WHERE project_id = '\(p)'",
            "DELETE FROM risk WHERE project_id = '\(p)'",
            "UPDATE report_draft SET draft = '{\"x\":1}' WHERE project_id = '\(p)'",
            """
            INSERT INTO continuation_review (project_id, revision, goal, reached, approach, plan_and_resources,
                own_budget, again_or_differently, reuse, decision, follow_up_source, basic_component, decided_by,
                changed_by, changed_at)
            VALUES ('\(p)', 2, '', '', '', '', '', '', '', 'beenden', '', false, '', \(audit))
            """,
            "UPDATE continuation_review SET decision = 'beenden' WHERE project_id = '\(p)'",
            "DELETE FROM continuation_review WHERE project_id = '\(p)'",
            "DELETE FROM continuation_draft WHERE project_id = '\(p)'",
            """
            INSERT INTO assessment (id, municipality_id, questionnaire, date, facilitator, participants, position,
                completed, changed_by, changed_at)
            VALUES ('neu\(n)', '\(m)', 'q', '2026-01-01T00:00:00Z', 'x', '[]', 0, false, \(audit))
            """,
            "UPDATE assessment SET completed = true WHERE id = '\(a)'",
            "DELETE FROM assessment WHERE id = '\(a)'",
            "UPDATE assessment_response SET value = 1 WHERE assessment_id = '\(a)'",
            "DELETE FROM assessment_consensus WHERE assessment_id = '\(a)'",
            "UPDATE assessment_note SET note = 'anders' WHERE assessment_id = '\(a)'",
            "DELETE FROM assessment_stance WHERE assessment_id = '\(a)'",
            "INSERT INTO assessment_reopening (assessment_id, number, changed_by, changed_at) VALUES ('\(a)', 2, \(audit))",
        ]
    }
}
