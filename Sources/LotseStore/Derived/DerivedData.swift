import GRDB
import LotseDomain

/// The summaries the screens' questions are answered from (see `StoreSchema.v4`): money
/// spent to date on each report, one status row per project, one summary row per month.
/// Every write path calls one of these inside its transaction, so they are never stale.
enum DerivedData {
    /// SQL: whether project `p` owes a report in `month` (an SQL expression of a month),
    /// as `Project.expectsReport(in:)` decides it.
    static func expects(_ p: String, _ month: String) -> String {
        "(\(p).start_month <= \(month) AND NOT (\(p).continuation = '\(ContinuationDecision.stop.rawValue)'"
            + " AND \(p).funding_end_month IS NOT NULL AND \(month) > \(p).funding_end_month))"
    }

    /// SQL: `Light.severity` of a light column; NULL for NULL.
    static func lightRank(_ column: String) -> String {
        "CASE \(column) WHEN '\(Light.red.rawValue)' THEN 2 WHEN '\(Light.yellow.rawValue)' THEN 1"
            + " WHEN '\(Light.green.rawValue)' THEN 0 END"
    }

    /// SQL: `Money.percent(of:)` of a spent amount against the project's budget.
    static func budgetUse(_ spent: String, _ p: String) -> String {
        "CASE WHEN \(p).budget_planned_cents > 0 THEN (\(spent) * 100 + \(p).budget_planned_cents / 2)"
            + " / \(p).budget_planned_cents END"
    }

    /// Recomputes every summary from the base tables. Call after a bulk write (import,
    /// sample data) inside its transaction.
    static func rebuildAll(_ db: Database) throws {
        try spentToDate(db, projectID: nil)
        try db.execute(sql: "DELETE FROM project_status")
        try insertStatus(db, projectID: nil)
        try indexSearchTexts(db)
        try db.execute(sql: "DELETE FROM month_summary")
        try summarise(db, months: nil)
        try db.execute(sql: "DELETE FROM light_change")
        try recordChanges(db, projectID: nil)
        // `project_tally` and `open_risk_tally` are not counted here: their triggers have
        // kept them with every row the bulk write changed.
    }

    /// Brings the summaries up to date after the reports of `projectID` in `months`
    /// changed (written or removed).
    static func reportsChanged(_ db: Database, projectID: String, months: [YearMonth]) throws {
        try spentToDate(db, projectID: projectID)
        // The search text depends on the project, not on its reports: it is kept as it is.
        let searchText = try String.fetchOne(db, sql: "SELECT search_text FROM project_status WHERE project_id = ?",
                                             arguments: [projectID])
        try db.execute(sql: "DELETE FROM project_status WHERE project_id = ?", arguments: [projectID])
        try insertStatus(db, projectID: projectID, searchText: searchText ?? "")
        let texts = months.map(\.description)
        let marks = SQL.marks(texts.count)
        try db.execute(sql: "DELETE FROM month_summary WHERE month IN (\(marks))", arguments: StatementArguments(texts))
        try summarise(db, months: texts)
        try db.execute(sql: "DELETE FROM light_change WHERE project_id = ?", arguments: [projectID])
        try recordChanges(db, projectID: projectID)
    }

    /// The reports whose overall light differs from the project's report of the month before.
    private static func recordChanges(_ db: Database, projectID: String?) throws {
        let only = projectID == nil ? "" : "AND a.project_id = ?"
        try db.execute(sql: """
            INSERT INTO light_change (month, project_id, before, now)
            SELECT a.month, a.project_id, b.overall, a.overall
            FROM status_report a JOIN status_report b
                ON b.project_id = a.project_id
               AND b.month = CASE WHEN substr(a.month, 6, 2) = '01'
                                  THEN printf('%04d-12', CAST(substr(a.month, 1, 4) AS INTEGER) - 1)
                                  ELSE printf('%s-%02d', substr(a.month, 1, 4), CAST(substr(a.month, 6, 2) AS INTEGER) - 1)
                             END
            WHERE a.overall <> b.overall \(only)
            """, arguments: StatementArguments(projectID.map { [$0] } ?? []))
    }

    /// The running total of money spent per project, oldest month first.
    private static func spentToDate(_ db: Database, projectID: String?) throws {
        let only = projectID == nil ? "" : "WHERE project_id = ?"
        try db.execute(sql: """
            UPDATE status_report SET spent_to_date_cents = t.total
            FROM (SELECT id, sum(spent_cents) OVER (PARTITION BY project_id ORDER BY month
                                                    ROWS UNBOUNDED PRECEDING) AS total
                  FROM status_report \(only)) AS t
            WHERE status_report.id = t.id AND status_report.spent_to_date_cents IS NOT t.total
            """, arguments: StatementArguments(projectID.map { [$0] } ?? []))
    }

    /// One status row per project (or for one) from its newest report; the search text is
    /// `searchText` (filled in for every project by `indexSearchTexts`).
    private static func insertStatus(_ db: Database, projectID: String?, searchText: String = "") throws {
        let only = projectID == nil ? "" : "WHERE p.id = ?"
        let arguments = StatementArguments([searchText] + (projectID.map { [$0] } ?? []))
        // Columns that later migrations added (older migrations call this too): the light
        // before the newest (v13-previous-light), the planned budget and the office
        // (v14-radar-in-status).
        let columns = Set(try db.columns(in: "project_status").map(\.name))
        var later: [(column: String, value: String)] = []
        if columns.contains("previous_rank") {
            later.append(("previous_rank", """
                (SELECT \(lightRank("b.overall")) FROM status_report b
                 WHERE b.project_id = p.id AND b.month < r.month ORDER BY b.month DESC LIMIT 1)
                """))
        }
        if columns.contains("budget_planned_cents") { later.append(("budget_planned_cents", "p.budget_planned_cents")) }
        if columns.contains("owner") { later.append(("owner", "p.owner")) }
        try db.execute(sql: """
            INSERT INTO project_status (project_id, phase, start_month, continuation, funding_end_month,
                                        search_text, latest_month, light_rank,
                                        progress, spent_cents, budget_use\(later.map { ", " + $0.column }.joined()))
            SELECT p.id, p.phase, p.start_month, p.continuation, p.funding_end_month,
                   ?, r.month, coalesce(\(lightRank("r.overall")), -1), r.progress,
                   coalesce(r.spent_to_date_cents, 0), \(budgetUse("coalesce(r.spent_to_date_cents, 0)", "p"))
                   \(later.map { ", " + $0.value }.joined())
            FROM project p
            LEFT JOIN status_report r
                ON r.id = (SELECT id FROM status_report WHERE project_id = p.id ORDER BY month DESC LIMIT 1)
            \(only)
            """, arguments: arguments)
    }

    /// Every project's folded search text, in its status row and in the trigram index.
    /// The folding needs Foundation, so the text is made here, not in SQL.
    private static func indexSearchTexts(_ db: Database) throws {
        let layout = RowLayout(table: "project", columns: ProjectRecord.valueLayout.columns + ["municipality_name"],
                               key: ProjectRecord.key)
        let select = try db.makeStatement(sql: """
            SELECT \(ProjectRecord.valueLayout.columns.map { "p.\($0)" }.joined(separator: ", ")), m.name
            FROM project p LEFT JOIN municipality m ON m.id = p.municipality_id
            """)
        let update = try db.cachedStatement(sql: "UPDATE project_status SET search_text = ? WHERE project_id = ?")
        try db.execute(sql: "DELETE FROM project_search")
        let index = try db.cachedStatement(sql: """
            INSERT INTO project_search (rowid, search_text) SELECT rowid, ? FROM project WHERE id = ?
            """)
        let rows = try Row.fetchCursor(select)
        var texts: [(String, String)] = []
        while try rows.next() != nil {
            let reader = RowReader(current: select, layout: layout)
            let project = try ProjectRecord.value(reader)
            let municipality = try reader.optionalString(at: ProjectRecord.valueLayout.columns.count)
            texts.append((SearchText.of(project, municipalityName: municipality ?? project.municipalityID), project.id))
        }
        for (text, id) in texts {
            try update.execute(arguments: [text, id])
            try index.execute(arguments: [text, id])
        }
    }

    /// The summary rows of `months` (all months when nil), from the reports of those months.
    private static func summarise(_ db: Database, months: [String]?) throws {
        var only = ""
        if let months {
            guard !months.isEmpty else { return }
            only = "WHERE r.month IN (\(SQL.marks(months.count)))"
        }
        let owed = expects("p", "r.month")
        try db.execute(sql: """
            INSERT INTO month_summary (month, green, yellow, red, spent_cents)
            SELECT r.month,
                   sum(\(owed) AND r.overall = '\(Light.green.rawValue)'),
                   sum(\(owed) AND r.overall = '\(Light.yellow.rawValue)'),
                   sum(\(owed) AND r.overall = '\(Light.red.rawValue)'),
                   sum(r.spent_cents)
            FROM status_report r JOIN project p ON p.id = r.project_id
            \(only)
            GROUP BY r.month
            """, arguments: StatementArguments(months ?? []))
    }
}
