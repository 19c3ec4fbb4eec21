import GRDB
import LotseDomain

/// A row of `status_report`. The integer `id` is SQLite's own; the report's identity is
/// (project_id, month).
struct StatusReportRecord: FetchableRecord, PersistableRecord, ColumnEncoding {
    static let databaseTableName = "status_report"

    var value: StatusReport
    var audit: Audit
    /// Written only when set (`replaceAll` carries on the count of the report it replaces);
    /// otherwise an insert gets the column's default 1, and `upsert` raises the stored one.
    var revision: Int64? = nil

    func encodeColumns(_ column: (String, (any DatabaseValueConvertible)?) -> Void) {
        column("project_id", value.projectID)
        column("month", value.month.description)
        column("overall", value.overall.rawValue)
        column("schedule", value.schedule.rawValue)
        column("cost", value.cost.rawValue)
        column("results", value.results.rawValue)
        column("progress", value.progress)
        column("achieved", value.achieved)
        column("next_steps", value.nextSteps)
        column("risks_and_measures", value.risksAndMeasures)
        column("spent_cents", value.spent.cents)
        column("author", value.author)
        column("submitted_at", Timestamp.format(value.submittedAt))
        audit.encodeColumns(column)
        if let revision { column("revision", revision) }
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
                VALUES (\(SQL.marks(names.count)))
                ON CONFLICT (project_id, month) DO UPDATE SET \(updates.joined(separator: ", "))
                """,
            arguments: StatementArguments(columns.map(\.value)))
    }
}

// In an extension, so the memberwise `init(value:audit:)` stays available.
extension StatusReportRecord {
    init(row: Row) throws {
        value = try Self.value(RowReader(row, table: Self.databaseTableName, columns: Self.valueLayout.columns,
                                         key: Self.key))
        audit = try Audit(RowReader(row, table: Self.databaseTableName, key: Self.key))
    }

    static let key = ["project_id", "month"]

    /// The columns `value(_:)` reads, by position; id, revision and audit are not among them.
    static let valueLayout = RowLayout(table: databaseTableName, columns: [
        "project_id", "month", "overall", "schedule", "cost", "results", "progress",  // 0 … 6
        "achieved", "next_steps", "risks_and_measures", "spent_cents", "author",     // 7 … 11
        "submitted_at",                                                              // 12
    ], key: key)

    static func value(_ r: RowReader) throws -> StatusReport {
        StatusReport(
            projectID: try r.string(at: 0),
            month: try r.month(at: 1),
            overall: try r.enumValue(at: 2),
            schedule: try r.enumValue(at: 3),
            cost: try r.enumValue(at: 4),
            results: try r.enumValue(at: 5),
            progress: try r.int(at: 6),
            achieved: try r.string(at: 7),
            nextSteps: try r.string(at: 8),
            risksAndMeasures: try r.string(at: 9),
            spent: try r.money(at: 10),
            author: try r.string(at: 11),
            submittedAt: try r.timestamp(at: 12))
    }
}
