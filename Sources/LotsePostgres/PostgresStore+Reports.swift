import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// Drafts saved as the user types; a submit that never overwrites a newer report.
///
/// Each author has their own draft row (`changed_by` is the account), written in one
/// statement that commits at once. A submit locks the project's row (`FOR NO KEY UPDATE`,
/// as `save(report:)` does), so the writes of one project's reports come one after the
/// other: the revision read after the lock is the latest committed one, and a submit that
/// expected an older one is refused with `ReportConflict` before it writes anything.
extension PostgresStore: ReportStore {
    /// Every author's draft of the report, the one begun first first.
    public func drafts(projectID: String, month: YearMonth) throws -> [AuthoredDraft] {
        var binds = PostgresBindings()
        binds.append(projectID)
        binds.append(month.description)
        return try perform {
            try session.query("""
                SELECT project_id, month, changed_by, draft, author_name, started_at, changed_at FROM report_draft
                WHERE project_id = $1 AND month = $2 ORDER BY started_at COLLATE "C", changed_by COLLATE "C"
                """, binds).map(PGDraftRows.reportDraft)
        }
    }

    /// Writes `author`'s own draft only. Throws `StoreError.unknownProject` (storing nothing)
    /// when the project does not exist.
    public func saveDraft(_ draft: ReportDraft, by author: Author) throws {
        let json = try PGDraftRows.json(draft)
        let audit = PGAudit(user: author.account, at: now())
        var binds = PostgresBindings()
        binds.append(draft.projectID)
        binds.append(draft.month.description)
        binds.append(json)
        binds.append(audit.user)
        binds.append(audit.at)
        binds.append(author.name ?? "")
        try perform {
            let stored = try Self.refusingVanishedProject(draft.projectID) {
                try session.query("""
                    INSERT INTO report_draft (project_id, month, draft, changed_by, changed_at, author_name, started_at)
                    SELECT $1, $2, $3, $4, $5, $6, $5 WHERE EXISTS (SELECT 1 FROM project WHERE id = $1)
                    ON CONFLICT (project_id, month, changed_by)
                    DO UPDATE SET draft = excluded.draft, changed_at = excluded.changed_at,
                                  author_name = excluded.author_name
                    RETURNING 1
                    """, binds)
            }
            guard !stored.isEmpty else { throw StoreError.unknownProject(draft.projectID) }
        }
    }

    /// Deletes `author`'s draft; deleting a draft that does not exist is not an error.
    public func deleteDraft(projectID: String, month: YearMonth, by author: Author) throws {
        var binds = PostgresBindings()
        binds.append(projectID)
        binds.append(month.description)
        binds.append(author.account)
        try perform {
            try session.query("DELETE FROM report_draft WHERE project_id = $1 AND month = $2 AND changed_by = $3", binds)
        }
    }

    public func reportVersion(projectID: String, month: YearMonth) throws -> ReportVersion? {
        var binds = PostgresBindings()
        binds.append(projectID)
        binds.append(month.description)
        return try perform {
            try session.query("""
                SELECT revision, changed_by, changed_at FROM status_report WHERE project_id = $1 AND month = $2
                """, binds).first.map { row in
                let (revision, changedBy, changedAt) = try row.decode((Int, String, String).self)
                return try Self.reportVersion(projectID, month, revision, changedBy, changedAt)
            }
        }
    }

    /// Besides `ReportConflict`, throws `StoreError.invalidReport` for values out of range or
    /// readings that are not of the report's project and month, and `StoreError.unknownProject`;
    /// nothing changes then, the author's draft included.
    ///
    /// The readings become the project's readings of the month: a KPI of the project without
    /// a reading here loses its reading of that month.
    public func submit(_ report: StatusReport, readings: [KPIReading], expecting: ReportVersion?,
                       by author: Author) throws {
        let problems = WriteChecks.problems(of: report, readings: readings)
        guard problems.isEmpty else {
            throw StoreError.invalidReport(projectID: report.projectID, month: report.month, problems: problems)
        }
        let audit = PGAudit(user: author.label, at: now())
        let month = report.month.description
        try perform {
            try session.transaction {
                // After the lock every statement sees the latest committed report of the project.
                try lockProject(report.projectID)
                var lookup = PostgresBindings()
                lookup.append(report.projectID)
                lookup.append(month)
                let row = try session.query("""
                    SELECT ARRAY(SELECT id FROM kpi WHERE project_id = $1), r.revision, r.changed_by, r.changed_at
                    FROM (SELECT 1) AS one
                    LEFT JOIN status_report r ON r.project_id = $1 AND r.month = $2
                    """, lookup)[0]
                let (kpis, revision, changedBy, changedAt) = try row.decode(([String], Int?, String?, String?).self)
                let known = Set(kpis)
                let strangers = readings.map(\.kpiID).filter { !known.contains($0) }
                guard strangers.isEmpty else {
                    throw StoreError.invalidReport(
                        projectID: report.projectID, month: report.month,
                        problems: strangers.map { "KPI '\($0)' is not a KPI of project \(report.projectID)" })
                }
                let current = try revision.map {
                    try Self.reportVersion(report.projectID, report.month, $0, changedBy ?? "", changedAt ?? "")
                }
                guard current?.revision == expecting?.revision else {
                    throw ReportConflict(projectID: report.projectID, month: report.month, current: current)
                }
                try writeSubmitted(report, readings: readings, audit: audit, draftOf: author)
            }
        }
    }

    // MARK: - Helpers

    /// Inserts the report bound as `PGBulk.bindReport` binds it (`$1 … $13`) with its audit
    /// columns (`$14`, `$15`) at revision 1, or replaces the stored report of the same project
    /// and month, raising its revision by one.
    static let reportUpsert = """
        INSERT INTO status_report (\(PGColumns.report), changed_by, changed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
        ON CONFLICT (project_id, month) DO UPDATE SET
            overall = excluded.overall, schedule = excluded.schedule, cost = excluded.cost,
            results = excluded.results, progress = excluded.progress, achieved = excluded.achieved,
            next_steps = excluded.next_steps, risks_and_measures = excluded.risks_and_measures,
            spent_cents = excluded.spent_cents, author = excluded.author,
            submitted_at = excluded.submitted_at, changed_by = excluded.changed_by,
            changed_at = excluded.changed_at, revision = status_report.revision + 1
        """

    /// The report (revision 1, or the stored one + 1), the month's readings in place of the
    /// earlier ones, and the author's draft removed: one statement.
    private func writeSubmitted(_ report: StatusReport, readings: [KPIReading], audit: PGAudit,
                                draftOf author: Author) throws {
        var binds = PostgresBindings()
        PGBulk.bindReport(report, &binds)                     // $1 … $13
        binds.append(audit.user)                              // $14
        binds.append(audit.at)                                // $15
        binds.append(readings.map(\.kpiID))                   // $16
        binds.append(readings.map { StoredText.decimal($0.value) })  // $17
        binds.append(author.account)                          // $18
        try session.query("""
            WITH stored AS (
                \(Self.reportUpsert)
            ), unmeasured AS (
                DELETE FROM kpi_reading
                WHERE month = $2 AND kpi_id IN (SELECT id FROM kpi WHERE project_id = $1) AND kpi_id <> ALL ($16::text[])
            ), submitted_draft AS (
                DELETE FROM report_draft WHERE project_id = $1 AND month = $2 AND changed_by = $18
            )
            INSERT INTO kpi_reading (kpi_id, month, value, changed_by, changed_at)
            SELECT r.kpi_id, $2, r.value, $14, $15 FROM unnest($16::text[], $17::text[]) AS r(kpi_id, value)
            ON CONFLICT (kpi_id, month)
            DO UPDATE SET value = excluded.value, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """, binds)
    }

    private static func reportVersion(_ projectID: String, _ month: YearMonth, _ revision: Int, _ changedBy: String,
                                      _ changedAt: String) throws -> ReportVersion {
        ReportVersion(revision: revision, changedBy: changedBy,
                      changedAt: try PGDraftRows.timestamp(changedAt, "status_report", "\(projectID) \(month)",
                                                           "changed_at"))
    }

    /// Runs a write that names a project, turning the foreign key's refusal (the project
    /// was deleted by another connection at the same moment) into `StoreError.unknownProject`.
    static func refusingVanishedProject<T>(_ projectID: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PGError where error.sqlState == "23503" {
            throw StoreError.unknownProject(projectID)
        }
    }
}

/// Drafts and timestamps as the rows hold them: the draft as JSON with sorted keys (equal
/// drafts give equal text, as on SQLite), times as `StoredText` writes them.
enum PGDraftRows {
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func timestamp(_ text: String, _ table: String, _ row: String, _ column: String) throws -> Date {
        guard let date = StoredText.date(text) else {
            throw StoreError.corruptValue(table: table, row: row, column: column, found: "'\(text)'",
                                          expected: "a timestamp YYYY-MM-DDTHH:MM:SSZ")
        }
        return date
    }

    /// A draft column read into `T`; text that does not decode is a `StoreError.corruptValue`
    /// naming table, row and column.
    static func decode<T: Decodable>(_ type: T.Type, _ text: String, _ table: String, _ row: String,
                                     expected: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            let found = text.count <= 60 ? "'\(text)'" : "'\(text.prefix(60))…' (\(text.count) characters)"
            throw StoreError.corruptValue(table: table, row: row, column: "draft", found: found, expected: expected)
        }
    }

    /// A row of `project_id, month, changed_by, draft, author_name, started_at, changed_at`.
    static func reportDraft(_ row: PostgresRow) throws -> AuthoredDraft {
        let (projectID, month, account, text, name, startedAt, changedAt) =
            try row.decode((String, String, String, String, String, String, String).self)
        let label = "\(projectID) \(month) \(account)"
        let draft = try decode(ReportDraft.self, text, "report_draft", label, expected: "a status report draft as JSON")
        guard draft.projectID == projectID, draft.month.description == month else {
            throw StoreError.corruptValue(table: "report_draft", row: label, column: "draft",
                                          found: "the draft of \(draft.projectID) \(draft.month)",
                                          expected: "a draft of \(projectID) \(month)")
        }
        return AuthoredDraft(draft: draft, author: Author(account: account, name: name),
                             startedAt: try timestamp(startedAt, "report_draft", label, "started_at"),
                             changedAt: try timestamp(changedAt, "report_draft", label, "changed_at"))
    }
}
