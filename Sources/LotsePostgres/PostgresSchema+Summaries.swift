import LotseDomain

extension PostgresSchema {
    /// Migrations for what the screens' questions need beyond the base tables (indexes,
    /// summaries), appended after `v1-schema`.
    static var readerMigrations: [(identifier: String, sql: String)] {
        [PostgresSearchIndex.migration]
    }

    /// Summaries the server keeps itself, appended after the roles.
    static var summaryMigrations: [(identifier: String, sql: String)] { [("v4-summaries", v4Summaries)] }

    /// SQL: whether project `p` owes a report in `month` (an SQL expression of a month), as
    /// `Project.expectsReport(in:)` decides it.
    static func expects(_ p: String, _ month: String) -> String {
        "(\(p).start_month <= \(month) AND NOT (\(p).continuation = '\(ContinuationDecision.stop.rawValue)'"
            + " AND \(p).funding_end_month IS NOT NULL AND \(month) > \(p).funding_end_month))"
    }

    /// The overview counts every month's reports and reads every project's newest report;
    /// on a large portfolio that is a pass over years of reports. These two tables hold the
    /// answers instead, derived from the base tables by the server's own triggers in the
    /// same statement as every write, whoever writes (a Lotse client or hand-written SQL):
    ///
    /// - `project_status`: per project with reports, its newest report and the one before
    ///   (month, overall light, progress, money spent to date). The newest report up to a
    ///   month is one of the two unless the month lies before both, which only a look at
    ///   an earlier month needs (the readers fall back to the reports then).
    /// - `month_summary`: per municipality and month, how many reports there are and the
    ///   money they spent, and the overall lights of the reports of projects that owed one
    ///   (as the overview counts them); the overview adds up the municipalities it shows.
    ///
    /// A write of reports adds and takes away its rows' share. When a project's dates or
    /// decision change, its reports' share is counted again; when reports lose their
    /// project (it was deleted or renamed) or a project moves to another municipality, the
    /// month summary is counted again from the base tables. The functions run as the tables' owner (`SECURITY DEFINER`): nobody
    /// else may write a summary. Row-level security shows `project_status` like the
    /// reports it comes from, and a municipality's rows of `month_summary` to whoever may
    /// read that municipality.
    static var v4Summaries: String {
        let s = schema
        let light = (green: Light.green.rawValue, yellow: Light.yellow.rawValue, red: Light.red.rawValue)
        let definer = "SECURITY DEFINER SET search_path = \(s), pg_temp"
        /// The share of the rows of `rows` (with a `sign` column) in `month_summary`, joined
        /// to their projects as `p` (rows whose project is gone have no share: their writer
        /// counts everything again); `counted` is whether a row's light counts, `reports`
        /// whether the rows come or go as reports (else only their lights' share changes).
        func addShare(_ rows: String, counted: String, reports: Bool = true) -> String {
            """
            INSERT INTO \(s).month_summary AS t (municipality_id, month, reports, spent_cents, green, yellow, red)
                SELECT p.municipality_id, r.month, \(reports ? "sum(r.sign), sum(r.sign * r.spent_cents)" : "0, 0"),
                       coalesce(sum(r.sign) FILTER (WHERE \(counted) AND r.overall = '\(light.green)'), 0),
                       coalesce(sum(r.sign) FILTER (WHERE \(counted) AND r.overall = '\(light.yellow)'), 0),
                       coalesce(sum(r.sign) FILTER (WHERE \(counted) AND r.overall = '\(light.red)'), 0)
                FROM (\(rows)) r JOIN \(s).project p ON p.id = r.project_id
                GROUP BY p.municipality_id, r.month
                ON CONFLICT (municipality_id, month) DO UPDATE SET
                    reports = t.reports + excluded.reports, spent_cents = t.spent_cents + excluded.spent_cents,
                    green = t.green + excluded.green, yellow = t.yellow + excluded.yellow, red = t.red + excluded.red
            """
        }
        let owed = expects("p", "r.month")
        func pick(_ n: Int, _ column: String) -> String { "max(\(column)) FILTER (WHERE n = \(n))" }
        let pair = ["month", "overall", "progress", "spent_to_date_cents"]
        let picked = (pair.map { pick(1, $0) } + pair.map { pick(2, $0) }).joined(separator: ", ")
        return """
            CREATE TABLE project_status (
                project_id TEXT NOT NULL PRIMARY KEY,
                latest_month TEXT NOT NULL,
                latest_overall TEXT NOT NULL,
                latest_progress INTEGER NOT NULL,
                latest_spent_to_date_cents BIGINT NOT NULL,
                before_month TEXT,
                before_overall TEXT,
                before_progress INTEGER,
                before_spent_to_date_cents BIGINT
            );

            CREATE TABLE month_summary (
                municipality_id TEXT NOT NULL,
                month TEXT NOT NULL,
                reports BIGINT NOT NULL,
                spent_cents BIGINT NOT NULL,
                green BIGINT NOT NULL,
                yellow BIGINT NOT NULL,
                red BIGINT NOT NULL,
                PRIMARY KEY (municipality_id, month)
            );

            -- The newest two reports of the projects `ids` (every project for NULL), again.
            CREATE FUNCTION refresh_project_status(ids TEXT[]) RETURNS void LANGUAGE plpgsql \(definer) AS $f$
            BEGIN
                IF ids IS NULL THEN
                    DELETE FROM \(s).project_status;
                    INSERT INTO \(s).project_status
                        SELECT project_id, \(picked)
                        FROM (SELECT r.*, row_number() OVER (PARTITION BY r.project_id ORDER BY r.month DESC) AS n
                              FROM \(s).status_report r) x
                        WHERE n <= 2 GROUP BY project_id;
                ELSE
                    DELETE FROM \(s).project_status WHERE project_id = ANY(ids);
                    INSERT INTO \(s).project_status
                        SELECT project_id, \(picked)
                        FROM (SELECT r.*, row_number() OVER (PARTITION BY r.project_id ORDER BY r.month DESC) AS n
                              FROM \(s).status_report r WHERE r.project_id = ANY(ids)) x
                        WHERE n <= 2 GROUP BY project_id;
                END IF;
            END $f$;

            -- Every month's summary, counted again from the reports and their projects.
            CREATE FUNCTION rebuild_month_summary() RETURNS void LANGUAGE plpgsql \(definer) AS $f$
            BEGIN
                DELETE FROM \(s).month_summary;
                \(addShare("SELECT project_id, month, overall, spent_cents, 1::bigint AS sign FROM \(s).status_report",
                           counted: owed));
            END $f$;

            CREATE FUNCTION status_report_summarises() RETURNS trigger LANGUAGE plpgsql \(definer) AS $f$
            DECLARE
                ids TEXT[] := ARRAY[]::TEXT[];
                orphaned BOOLEAN := false;
            BEGIN
                IF TG_OP = 'TRUNCATE' THEN
                    DELETE FROM \(s).project_status;
                    DELETE FROM \(s).month_summary;
                    RETURN NULL;
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    \(addShare("SELECT project_id, month, overall, spent_cents, 1::bigint AS sign FROM new_rows",
                               counted: owed));
                    ids := ARRAY(SELECT DISTINCT project_id FROM new_rows);
                END IF;
                IF TG_OP IN ('DELETE', 'UPDATE') THEN
                    \(addShare("SELECT project_id, month, overall, spent_cents, -1::bigint AS sign FROM old_rows",
                               counted: owed));
                    ids := ids || ARRAY(SELECT DISTINCT project_id FROM old_rows);
                    -- Reports whose project is gone (deleted, or renamed by a cascade) were
                    -- counted under a project no longer there to tell how.
                    orphaned := EXISTS (SELECT 1 FROM old_rows o WHERE NOT EXISTS (
                        SELECT 1 FROM \(s).project p WHERE p.id = o.project_id));
                END IF;
                IF orphaned THEN
                    PERFORM \(s).rebuild_month_summary();
                ELSE
                    DELETE FROM \(s).month_summary WHERE reports = 0;
                END IF;
                IF cardinality(ids) > 0 THEN
                    PERFORM \(s).refresh_project_status(ids);
                END IF;
                RETURN NULL;
            END $f$;

            CREATE FUNCTION project_summarises() RETURNS trigger LANGUAGE plpgsql \(definer) AS $f$
            BEGIN
                -- A project renamed or moved to another municipality: count everything again.
                IF EXISTS (SELECT 1 FROM old_rows o WHERE NOT EXISTS (
                        SELECT 1 FROM new_rows n WHERE n.id = o.id AND n.municipality_id = o.municipality_id)) THEN
                    PERFORM \(s).rebuild_month_summary();
                    RETURN NULL;
                END IF;
                -- The reports of projects whose dates or decision changed: their lights'
                -- share as owed now, less their share as owed before.
                \(addShare("""
                    SELECT r.project_id, r.month, r.overall, r.spent_cents,
                           (CASE WHEN \(expects("n", "r.month")) THEN 1 ELSE 0 END
                            - CASE WHEN \(expects("o", "r.month")) THEN 1 ELSE 0 END)::bigint AS sign
                    FROM old_rows o JOIN new_rows n ON n.id = o.id
                    JOIN \(s).status_report r ON r.project_id = n.id
                    WHERE (o.start_month, o.continuation, o.funding_end_month)
                          IS DISTINCT FROM (n.start_month, n.continuation, n.funding_end_month)
                    """, counted: "true", reports: false));
                RETURN NULL;
            END $f$;

            \(transitionTriggers(on: "status_report", purpose: "summary", function: "status_report_summarises"))
            CREATE TRIGGER status_report_truncates_summary AFTER TRUNCATE ON status_report
                FOR EACH STATEMENT EXECUTE FUNCTION status_report_summarises();
            CREATE TRIGGER project_updates_summary AFTER UPDATE ON project
                REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                FOR EACH STATEMENT EXECUTE FUNCTION project_summarises();

            REVOKE EXECUTE ON FUNCTION refresh_project_status(TEXT[]), rebuild_month_summary() FROM PUBLIC;

            ALTER TABLE project_status ENABLE ROW LEVEL SECURITY;
            CREATE POLICY project_status_read ON project_status FOR SELECT
                USING ((SELECT \(s).reads_all()) OR \(ownership(of: "status_report", row: "", own: "(SELECT \(s).own_municipality())")));
            ALTER TABLE month_summary ENABLE ROW LEVEL SECURITY;
            CREATE POLICY month_summary_read ON month_summary FOR SELECT
                USING ((SELECT \(s).reads_all()) OR municipality_id = (SELECT \(s).own_municipality()));

            SELECT \(s).refresh_project_status(NULL);
            SELECT \(s).rebuild_month_summary();
            """
    }
}
