extension StoreSchema {
    // MARK: - v6-assessment-reopened

    // A finished self-assessment may be opened again for changes. Each reopening is one row:
    // `changed_by` is who reopened it, `changed_at` when. `number` counts the reopenings of
    // one assessment from 1, so two in the same second are two rows. Rows are only ever added.
    static let v6AssessmentReopened = """
        CREATE TABLE assessment_reopening (
            assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE ON UPDATE CASCADE,
            number INTEGER NOT NULL CHECK (typeof(number) = 'integer' AND number >= 1),
            \(audit),
            PRIMARY KEY (assessment_id, number)
        ) WITHOUT ROWID;
        """
}
