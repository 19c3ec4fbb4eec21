extension StoreSchema {
    // MARK: - v7-continuation-review

    // The continuation review (Verstetigung) of a project: the answers to the transfer-phase
    // questions, the decision, the follow-up financing, and who decided when.
    //
    // `continuation_review` keeps every submitted version: a submit adds a row with the next
    // `revision` (1 for the first) and never changes an earlier one, so the history of a
    // project's decisions stays readable. The current review is the row with the highest
    // revision; submitting also sets `project.continuation` (and the basic-component mark)
    // in the same transaction.
    //
    // `continuation_draft` is one author's form as JSON of `ContinuationDraft` (every value
    // still text), keyed by project and the author's account, written on every keystroke.
    //
    // Neither table refers to `project` with a foreign key: `replaceAll` deletes and
    // re-inserts every project, and a cascade would throw away reviews and drafts that an
    // import does not carry. A review of a project that is gone stays in the file and is
    // there again when the project comes back. Both are rowid tables: the texts make rows of
    // several kilobytes.
    //
    // `decision` is checked when rows are read, like `project.continuation`: the list may grow.
    static let v7ContinuationReview = """
        CREATE TABLE continuation_review (
            project_id TEXT NOT NULL CHECK (project_id <> ''),
            revision INTEGER NOT NULL CHECK (typeof(revision) = 'integer' AND revision >= 1),
            goal TEXT NOT NULL,
            reached TEXT NOT NULL,
            approach TEXT NOT NULL,
            plan_and_resources TEXT NOT NULL,
            own_budget TEXT NOT NULL,
            again_or_differently TEXT NOT NULL,
            reuse TEXT NOT NULL,
            decision TEXT NOT NULL,
            follow_up_cents INTEGER CHECK (follow_up_cents IS NULL
                OR (typeof(follow_up_cents) = 'integer' AND follow_up_cents >= 0)),
            follow_up_source TEXT NOT NULL,
            follow_up_from TEXT CHECK (follow_up_from IS NULL OR (\(monthCheck("follow_up_from")))),
            basic_component INTEGER NOT NULL CHECK (basic_component IN (0, 1)),
            decided_by TEXT NOT NULL,
            decided_on TEXT CHECK (decided_on IS NULL
                OR decided_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
            \(audit),
            PRIMARY KEY (project_id, revision)
        );

        CREATE TABLE continuation_draft (
            project_id TEXT NOT NULL CHECK (project_id <> ''),
            draft TEXT NOT NULL,
            \(audit),
            author_name TEXT NOT NULL DEFAULT '',
            started_at TEXT NOT NULL CHECK (\(timestampCheck("started_at"))),
            PRIMARY KEY (project_id, changed_by)
        );
        """
}
