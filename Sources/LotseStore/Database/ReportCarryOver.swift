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
        // Every column, whatever the table has: a later migration may add some (the author's account).
        carried.drafts = try Row.fetchAll(db, sql: "SELECT * FROM report_draft")
        try db.execute(sql: "DELETE FROM report_draft")
        return carried
    }

    /// The revision of an imported report: one more than the report it replaces, or nil
    /// (the column's default 1) for a report that is new.
    func revision(after report: StatusReport) -> Int64? {
        revisions[Key(projectID: report.projectID, month: report.month.description)].map { $0 + 1 }
    }

    /// How many drafts were open when `take` read them.
    var draftCount: Int { drafts.count }

    /// Re-inserts the drafts, every column as it was; call it after the new projects are
    /// inserted. Returns how many were kept.
    @discardableResult
    func restore(_ db: Database) throws -> Int {
        // Drafts keep who typed them and when; a draft of a project that is gone goes with it.
        var kept = 0
        for draft in drafts {
            let columns = Array(draft.columnNames)
            guard let project = columns.firstIndex(of: "project_id") else { continue }
            let values = Array(draft.databaseValues)
            let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let insert = try db.cachedStatement(sql: """
                INSERT INTO report_draft (\(names))
                SELECT \(SQL.marks(columns.count)) WHERE EXISTS (SELECT 1 FROM project WHERE id = ?)
                """)
            try insert.execute(arguments: StatementArguments(values + [values[project]]))
            kept += db.changesCount
        }
        return kept
    }
}
