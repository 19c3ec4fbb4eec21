extension StoreSchema {
    // MARK: - v2: self-assessments

    // `municipality_id` deliberately has no foreign key: `replaceAll` (import) deletes and
    // re-inserts every municipality, and a cascade would silently delete the workshops.
    // Participants are a JSON array of names, checked when read. A response or consensus
    // value of NULL is "weiß nicht"; a statement not answered yet has no row at all.
    // The child tables are WITHOUT ROWID: their primary key is how they are looked up, and
    // it starts with assessment_id, so it also serves loading one assessment.
    static let v2 = """
        CREATE TABLE assessment (
            id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
            municipality_id TEXT NOT NULL,
            questionnaire TEXT NOT NULL CHECK (questionnaire <> ''),
            date TEXT NOT NULL CHECK (\(timestampCheck("date"))),
            facilitator TEXT NOT NULL,
            participants TEXT NOT NULL,
            position INTEGER NOT NULL CHECK (position >= 0),
            completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
            \(audit)
        );
        CREATE INDEX assessment_by_municipality ON assessment(municipality_id, date);

        CREATE TABLE assessment_response (
            assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE ON UPDATE CASCADE,
            statement_id TEXT NOT NULL CHECK (statement_id <> ''),
            participant TEXT NOT NULL,
            value INTEGER CHECK (value IS NULL OR typeof(value) = 'integer'),
            \(audit),
            PRIMARY KEY (assessment_id, statement_id, participant)
        ) WITHOUT ROWID;

        CREATE TABLE assessment_consensus (
            assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE ON UPDATE CASCADE,
            statement_id TEXT NOT NULL CHECK (statement_id <> ''),
            value INTEGER CHECK (value IS NULL OR typeof(value) = 'integer'),
            \(audit),
            PRIMARY KEY (assessment_id, statement_id)
        ) WITHOUT ROWID;

        CREATE TABLE assessment_note (
            assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE ON UPDATE CASCADE,
            statement_id TEXT NOT NULL CHECK (statement_id <> ''),
            note TEXT NOT NULL CHECK (note <> ''),
            \(audit),
            PRIMARY KEY (assessment_id, statement_id)
        ) WITHOUT ROWID;
        """
}
