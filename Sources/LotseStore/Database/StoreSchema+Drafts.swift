extension StoreSchema {
    // MARK: - v5: a draft per author

    // Until v4 a report had one draft, shared by everybody: a second person's keystrokes
    // replaced the first person's text, and either one's submit deleted the other's work.
    // Now each account has its own draft of a report, keyed by project, month and the
    // account that types it. Only the author ever writes their draft, so `changed_by` is
    // the author's account (the login name, never a display name, which may change);
    // `author_name` is the display name they had configured at the last keystroke (empty
    // without one) and `started_at` when they began the draft ("editing since …").
    //
    // The defaults keep a copy that names only the v3 columns working: it gets an empty
    // name and the time of the copy as its start.
    //
    // Existing drafts keep their author (`changed_by`) and start at their last change.
    static let v5 = """
        CREATE TABLE report_draft_by_author (
            project_id TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE ON UPDATE CASCADE,
            month TEXT NOT NULL CHECK (\(monthCheck("month"))),
            draft TEXT NOT NULL,
            \(audit),
            author_name TEXT NOT NULL DEFAULT '',
            started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                CHECK (\(timestampCheck("started_at"))),
            PRIMARY KEY (project_id, month, changed_by)
        );
        INSERT INTO report_draft_by_author (project_id, month, draft, changed_by, changed_at, author_name, started_at)
            SELECT project_id, month, draft, changed_by, changed_at, '', changed_at FROM report_draft;
        DROP TABLE report_draft;
        ALTER TABLE report_draft_by_author RENAME TO report_draft;
        """
}
