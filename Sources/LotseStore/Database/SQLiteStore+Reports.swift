import Foundation
import GRDB
import LotseDomain

/// The status-report editor's storage (tables of migrations v3 and v5).
///
/// Every account has its own draft of a report: two people editing the same report each
/// keep their text, see that the other is editing, and neither's submit deletes the
/// other's draft.
///
/// A draft is one small write, committed before `saveDraft` returns: a dropped SSH session
/// or a killed process loses at most the keystroke being handled. A submit is one immediate
/// write transaction that compares the stored revision with the one the editor started
/// from and writes only when they are equal, so two editors on one database (two processes,
/// two machines on a shared file) never overwrite each other silently.
extension SQLiteStore: ReportStore {
    /// Every author's draft of the report, the one begun first first.
    public func drafts(projectID: String, month: YearMonth) throws -> [AuthoredDraft] {
        try perform {
            try writer.read { db in
                let statement = try db.cachedStatement(sql: """
                    SELECT * FROM report_draft WHERE project_id = ? AND month = ? ORDER BY started_at, changed_by
                    """)
                return try Row.fetchAll(statement, arguments: [projectID, month.description]).map {
                    try ReportDraftRecord(row: $0).authored
                }
            }
        }
    }

    /// Writes `author`'s own draft only; another author's draft of the same report stays
    /// as it is. Throws `StoreError.unknownProject` (storing nothing) when the project does
    /// not exist.
    public func saveDraft(_ draft: ReportDraft, by author: Author) throws {
        let json = try ReportDraftRecord.json(of: draft)
        let audit = Audit(user: author.account, at: now())
        try perform {
            try writer.write { db in
                try Self.requireProject(db, draft.projectID)
                try db.cachedStatement(sql: """
                    INSERT INTO report_draft (project_id, month, draft, changed_by, changed_at, author_name, started_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (project_id, month, changed_by)
                    DO UPDATE SET draft = excluded.draft, changed_at = excluded.changed_at,
                                  author_name = excluded.author_name
                    """).execute(arguments: [draft.projectID, draft.month.description, json, audit.changedBy,
                                             audit.changedAt, author.name ?? "", audit.changedAt])
            }
        }
    }

    /// Deletes `author`'s draft; deleting a draft that does not exist is not an error.
    public func deleteDraft(projectID: String, month: YearMonth, by author: Author) throws {
        try perform {
            try writer.write { db in try Self.deleteDraft(db, projectID, month, author) }
        }
    }

    public func reportVersion(projectID: String, month: YearMonth) throws -> ReportVersion? {
        try perform {
            try writer.read { db in try Self.reportVersion(db, projectID, month) }
        }
    }

    /// Besides `ReportConflict`, throws `StoreError.invalidReport` for values out of range or
    /// readings that are not of the report's project and month, and `StoreError.unknownProject`;
    /// nothing changes then.
    ///
    /// The readings become the project's readings of the month: a KPI of the project without
    /// a reading here loses its reading of that month (the editor shows every KPI, and an
    /// emptied field means "not measured").
    /// A refused submit changes nothing: the author's draft stays, with the text that was
    /// submitted, so nothing typed is lost.
    public func submit(_ report: StatusReport, readings: [KPIReading], expecting: ReportVersion?,
                       by author: Author) throws {
        let problems = WriteChecks.problems(of: report, readings: readings)
        guard problems.isEmpty else {
            throw StoreError.invalidReport(projectID: report.projectID, month: report.month, problems: problems)
        }
        let audit = Audit(user: author.label, at: now())
        let record = StatusReportRecord(value: report, audit: audit)
        let month = report.month.description
        try perform {
            try writer.write { db in
                try Self.requireProject(db, report.projectID)
                let kpis = try Set(String.fetchAll(db, sql: "SELECT id FROM kpi WHERE project_id = ?",
                                                   arguments: [report.projectID]))
                let strangers = readings.map(\.kpiID).filter { !kpis.contains($0) }
                guard strangers.isEmpty else {
                    let problems = strangers.map { "KPI '\($0)' is not a KPI of project \(report.projectID)" }
                    throw StoreError.invalidReport(projectID: report.projectID, month: report.month, problems: problems)
                }
                // Read and write in the same immediate transaction: no other writer can come between.
                let current = try Self.reportVersion(db, report.projectID, report.month)
                guard current?.revision == expecting?.revision else {
                    throw ReportConflict(projectID: report.projectID, month: report.month, current: current)
                }
                try record.upsert(db)  // revision 1, or the stored one + 1

                let submitted = readings.map(\.kpiID)
                let marks = SQL.marks(submitted.count)
                try db.execute(sql: """
                    DELETE FROM kpi_reading WHERE month = ? AND kpi_id IN (SELECT id FROM kpi WHERE project_id = ?)
                    AND kpi_id NOT IN (\(marks))
                    """, arguments: StatementArguments([month, report.projectID] + submitted))
                let upsert = try db.cachedStatement(sql: """
                    INSERT INTO kpi_reading (kpi_id, month, value, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (kpi_id, month)
                    DO UPDATE SET value = excluded.value, changed_by = excluded.changed_by, changed_at = excluded.changed_at
                    """)
                for reading in readings {
                    try upsert.execute(arguments: [reading.kpiID, month, DecimalColumn.format(reading.value),
                                                   audit.changedBy, audit.changedAt])
                }
                try Self.deleteDraft(db, report.projectID, report.month, author)
                try DerivedData.reportsChanged(db, projectID: report.projectID, months: [report.month])
            }
        }
    }

    // MARK: - Helpers

    private static func requireProject(_ db: Database, _ projectID: String) throws {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM project WHERE id = ?")
        guard try Bool.fetchOne(statement, arguments: [projectID]) != nil else {
            throw StoreError.unknownProject(projectID)
        }
    }

    private static func deleteDraft(_ db: Database, _ projectID: String, _ month: YearMonth, _ author: Author) throws {
        try db.cachedStatement(sql: "DELETE FROM report_draft WHERE project_id = ? AND month = ? AND changed_by = ?")
            .execute(arguments: [projectID, month.description, author.account])
    }

    private static func reportVersion(_ db: Database, _ projectID: String, _ month: YearMonth) throws -> ReportVersion? {
        let statement = try db.cachedStatement(sql: """
            SELECT project_id, month, revision, changed_by, changed_at FROM status_report
            WHERE project_id = ? AND month = ?
            """)
        guard let row = try Row.fetchOne(statement, arguments: [projectID, month.description]) else { return nil }
        let r = RowReader(row, table: StatusReportRecord.databaseTableName, key: ["project_id", "month"])
        return ReportVersion(revision: try r.int("revision"), changedBy: try r.string("changed_by"),
                             changedAt: try r.timestamp("changed_at"))
    }
}
