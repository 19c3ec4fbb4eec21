/// SQL over `project_status` (see `PostgresSchema.v4Summaries`): a project's newest report
/// up to a month, and whether it reported in a month, answered from the project's newest
/// two reports. Only a month before both of them looks at the reports themselves.
enum PostgresLatestReport {
    /// SQL: the join that gives `ps`, the summary of project `p` (NULL without reports).
    static func join(_ ps: String = "ps", project p: String = "p") -> String {
        "LEFT JOIN project_status \(ps) ON \(ps).project_id = \(p).id"
    }

    /// SQL: `column` (`month`, `overall`, `progress` or `spent_to_date_cents`) of the newest
    /// report of `p` up to `month` (an SQL expression of a month); NULL without one.
    static func value(_ column: String, upTo month: String, ps: String = "ps", project p: String = "p") -> String {
        """
        (CASE WHEN \(ps).latest_month <= \(month) THEN \(ps).latest_\(column)
              WHEN \(ps).before_month <= \(month) THEN \(ps).before_\(column)
              WHEN \(ps).before_month IS NULL THEN NULL
              ELSE (SELECT x.\(column) FROM status_report x WHERE x.project_id = \(p).id AND x.month <= \(month)
                    ORDER BY x.month DESC LIMIT 1) END)
        """
    }

    /// SQL: the newest report of `p` up to `month` as `alias` (its columns `month`,
    /// `overall`, `progress`, `spent_to_date_cents`; NULL without one), after `join`.
    static func lateral(upTo month: String, as alias: String, ps: String = "ps", project p: String = "p") -> String {
        let columns = ["month", "overall", "progress", "spent_to_date_cents"]
            .map { "\(value($0, upTo: month, ps: ps, project: p)) AS \($0)" }.joined(separator: ", ")
        return "CROSS JOIN LATERAL (SELECT \(columns)) \(alias)"
    }

    /// SQL: whether `p` has a report of `month` (never NULL).
    static func hasReport(in month: String, ps: String = "ps", project p: String = "p") -> String {
        """
        coalesce(\(ps).latest_month = \(month) OR \(ps).before_month = \(month)
                 OR (\(ps).before_month > \(month) AND EXISTS (
                     SELECT 1 FROM status_report y WHERE y.project_id = \(p).id AND y.month = \(month))), false)
        """
    }
}
