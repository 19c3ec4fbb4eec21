extension StoreSchema {
    // MARK: - v9-tension-stance

    // Where a workshop places its municipality on each tension field of the questionnaire:
    // a point 1…5 between the field's poles (NULL while open) and a note. A stance with
    // neither is not stored, so a row always says something.
    static let v9TensionStance = """
        CREATE TABLE assessment_stance (
            assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE ON UPDATE CASCADE,
            tension_id TEXT NOT NULL CHECK (tension_id <> ''),
            position INTEGER CHECK (position IS NULL OR (typeof(position) = 'integer' AND position BETWEEN 1 AND 5)),
            note TEXT NOT NULL,
            \(audit),
            PRIMARY KEY (assessment_id, tension_id),
            CHECK (position IS NOT NULL OR note <> '')
        ) WITHOUT ROWID;
        """
}
