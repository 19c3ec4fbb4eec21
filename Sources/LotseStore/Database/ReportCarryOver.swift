import GRDB
import LotseDomain

/// What `replaceAll` keeps of the report editor's data while it deletes and re-inserts
/// every row, read before the delete and carried into the new rows:
///
/// - the revision of each report, raised by one for a report of the same project and month
///   that is imported again: an import is a write, so an editor that opened the report before
///   gets a `ReportConflict` instead of silently overwriting the imported report;
/// - the drafts of projects that are still there, which the cascade from `project` would
///   otherwise delete: an import must not throw away what somebody is typing.
struct ReportCarryOver {
    private struct Key: Hashable {
        var projectID: String
        var month: String
    }

    private var revisions: [Key: Int64] = [:]
    private var drafts: [Row] = []

    private init() {}

    /// Reads what must survive and removes the drafts (children first, like the other
    /// tables of `replaceAll`); call it before deleting anything.
    static func take(_ db: Database) throws -> ReportCarryOver {
        var carried = ReportCarryOver()
        let rows = try Row.fetchCursor(db, sql: "SELECT project_id, month, revision FROM status_report")
        while let row = try rows.next() {
            let r = RowReader(row, table: "status_report", key: ["project_id", "month"])
            carried.revisions[Key(projectID: try r.string("project_id"), month: try r.string("month"))] =
                try r.int64("revision")
        }
        carried.drafts = try Row.fetchAll(db, sql: """
            SELECT project_id, month, draft, changed_by, changed_at FROM report_draft
            """)
        try db.execute(sql: "DELETE FROM report_draft")
        return carried
    }

    /// The revision of an imported report: one more than the report it replaces, or nil
    /// (the column's default 1) for a report that is new.
    func revision(after report: StatusReport) -> Int64? {
        revisions[Key(projectID: report.projectID, month: report.month.description)].map { $0 + 1 }
    }

    /// Re-inserts the drafts; call it after the new projects are inserted.
    func restore(_ db: Database) throws {
        // Drafts keep who typed them and when; a draft of a project that is gone goes with it.
        let insert = try db.cachedStatement(sql: """
            INSERT INTO report_draft (project_id, month, draft, changed_by, changed_at)
            SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM project WHERE id = ?)
            """)
        for draft in drafts {
            try insert.execute(arguments: StatementArguments(Array(draft.databaseValues) + [draft[0] as DatabaseValue]))
        }
    }
}
