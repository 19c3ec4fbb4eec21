extension StoreSchema {
    // MARK: - v4: summaries that answer the screens' questions

    // The screens ask for figures over thousands of projects and years of reports. These
    // tables hold what the answers need, derived from the base tables and kept current in
    // the same transaction as every write (`DerivedData`); they are never edited by hand
    // and can always be rebuilt from the base tables.
    //
    // - `status_report.spent_to_date_cents`: the project's money spent up to and including
    //   the report's month, so "spent up to month M" is one row, not a sum over years.
    // - `project_status`: per project, its newest report (light, progress, month), money
    //   spent in all, the share of the budget used, the folded text it is found by, and the
    //   project's own columns the table filters and sorts by. Searching, filtering and
    //   sorting the table for the newest month read only this narrow table, in id order.
    // - `month_summary`: per month, the overall lights of the reports of projects that owed
    //   one (as the overview counts them) and the money spent that month.
    // - `light_change`: the reports whose overall light differs from the project's report of
    //   the month before, so "what turned this month" is a range of an index, not a join of
    //   two months of reports.
    // - `project_search`: the search text in a full-text index of trigrams (SQLite's FTS5).
    static let v4 = """
        ALTER TABLE status_report ADD COLUMN spent_to_date_cents INTEGER NOT NULL DEFAULT 0;

        CREATE TABLE project_status (
            project_id TEXT NOT NULL PRIMARY KEY
                REFERENCES project(id) ON DELETE CASCADE ON UPDATE CASCADE,
            phase TEXT NOT NULL,
            start_month TEXT NOT NULL,
            continuation TEXT NOT NULL,
            funding_end_month TEXT,
            latest_month TEXT,
            light_rank INTEGER NOT NULL,
            progress INTEGER,
            spent_cents INTEGER NOT NULL,
            budget_use INTEGER,
            search_text TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE month_summary (
            month TEXT NOT NULL PRIMARY KEY,
            green INTEGER NOT NULL,
            yellow INTEGER NOT NULL,
            red INTEGER NOT NULL,
            spent_cents INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE light_change (
            month TEXT NOT NULL,
            project_id TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE ON UPDATE CASCADE,
            before TEXT NOT NULL,
            now TEXT NOT NULL,
            PRIMARY KEY (month, project_id)
        ) WITHOUT ROWID;
        CREATE INDEX light_change_by_project ON light_change(project_id);

        CREATE INDEX project_status_by_latest ON project_status(latest_month);
        -- The folded search text again, in an index of its three-letter pieces: a search
        -- word of three letters or more finds its projects there instead of in every
        -- project's text. Its rowid is the project's rowid.
        CREATE VIRTUAL TABLE project_search USING fts5(search_text, tokenize = 'trigram');
        -- The table's sort orders (as `PortfolioRowsSQL.order` writes them, natural
        -- direction), so sorting reads an index in order instead of sorting every project.
        CREATE INDEX project_status_by_light ON project_status(light_rank DESC, project_id);
        CREATE INDEX project_status_by_funding_end
            ON project_status(funding_end_month IS NULL, funding_end_month, project_id);
        CREATE INDEX project_status_by_progress ON project_status(coalesce(progress, -1), project_id);
        CREATE INDEX project_status_by_budget_use ON project_status(coalesce(budget_use, 0) DESC, project_id);
        -- What the overview counts per project, so that counting reads the index alone.
        CREATE INDEX project_owing ON project(phase, start_month, continuation, funding_end_month, budget_planned_cents);
        CREATE INDEX project_by_phase ON project(phase, id);
        CREATE INDEX project_by_funding_end ON project(funding_end_month) WHERE funding_end_month IS NOT NULL;
        CREATE INDEX risk_open_by_challenge ON risk(challenge, probability, impact) WHERE is_open = 1;
        """
}
