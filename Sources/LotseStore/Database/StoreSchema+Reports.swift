extension StoreSchema {
    // MARK: - v3: report revisions and drafts

    // `revision` counts the writes of a report (1 for a new one, +1 for every later write,
    // an import included). The editor remembers the revision it started from and the
    // store refuses a submit when it moved on; timestamps cannot do this, because
    // `changed_at` has whole seconds and two saves within a second would look the same.
    // Existing reports start at 1.
    //
    // A draft is the editor's form as JSON of `ReportDraft` (every field still text), one per
    // project and month, written on every keystroke. It is a rowid table, not WITHOUT ROWID:
    // a draft with its three texts can be several kilobytes, too large a row for a B-tree
    // that keeps whole rows in its index pages. Deleting a project deletes its drafts;
    // `replaceAll` carries the drafts of the projects that remain (see `ReportCarryOver`).
    static let v3 = """
        ALTER TABLE status_report
            ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (typeof(revision) = 'integer' AND revision >= 1);

        CREATE TABLE report_draft (
            project_id TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE ON UPDATE CASCADE,
            month TEXT NOT NULL CHECK (\(monthCheck("month"))),
            draft TEXT NOT NULL,
            \(audit),
            PRIMARY KEY (project_id, month)
        );
        """
}
