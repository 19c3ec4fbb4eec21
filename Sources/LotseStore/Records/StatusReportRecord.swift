import GRDB
import LotseDomain

/// A row of `status_report`. The integer `id` is SQLite's own; the report's identity is
/// (project_id, month).
struct StatusReportRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "status_report"

    var value: StatusReport
    var audit: Audit
    /// Written only when set (`replaceAll` carries on the count of the report it replaces);
    /// otherwise an insert gets the column's default 1, and `upsert` raises the stored one.
    var revision: Int64? = nil

    func encode(to container: inout PersistenceContainer) {
        container["project_id"] = value.projectID
        container["month"] = value.month.description
        container["overall"] = value.overall.rawValue
        container["schedule"] = value.schedule.rawValue
        container["cost"] = value.cost.rawValue
        container["results"] = value.results.rawValue
        container["progress"] = value.progress
        container["achieved"] = value.achieved
        container["next_steps"] = value.nextSteps
        container["risks_and_measures"] = value.risksAndMeasures
        container["spent_cents"] = value.spent.cents
        container["author"] = value.author
        container["submitted_at"] = Timestamp.format(value.submittedAt)
        audit.encode(to: &container)
        if let revision { container["revision"] = revision }
    }

    /// Inserts the report (revision 1), or replaces every column of the existing report of
    /// the same project and month, keeping its row id and raising its revision by one.
    /// Spelled out with a conflict target so it runs on SQLite 3.24+, not only 3.35+.
    func upsert(_ db: Database) throws {
        let columns = try databaseDictionary.sorted { $0.key < $1.key }
        let names = columns.map(\.key)
        let updates = names.filter { $0 != "project_id" && $0 != "month" && $0 != "revision" }
            .map { "\($0) = excluded.\($0)" } + ["revision = status_report.revision + 1"]
        try db.execute(
            sql: """
                INSERT INTO status_report (\(names.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))
                ON CONFLICT (project_id, month) DO UPDATE SET \(updates.joined(separator: ", "))
                """,
            arguments: StatementArguments(columns.map(\.value)))
    }
}

// In an extension, so the memberwise `init(value:audit:)` stays available.
extension StatusReportRecord {
    init(row: Row) throws {
        let r = RowReader(row, table: Self.databaseTableName, key: ["project_id", "month"])
        value = StatusReport(
            projectID: try r.string("project_id"),
            month: try r.month("month"),
            overall: try r.enumValue("overall"),
            schedule: try r.enumValue("schedule"),
            cost: try r.enumValue("cost"),
            results: try r.enumValue("results"),
            progress: try r.int("progress"),
            achieved: try r.string("achieved"),
            nextSteps: try r.string("next_steps"),
            risksAndMeasures: try r.string("risks_and_measures"),
            spent: try r.money("spent_cents"),
            author: try r.string("author"),
            submittedAt: try r.timestamp("submitted_at"))
        audit = try Audit(r)
    }
}
