import GRDB

/// The versioned SQLite schema. A migration, once released, is never edited: changes go
/// into a new migration appended to `migrator()`.
///
/// Conventions: months are TEXT `YYYY-MM` (they sort correctly), money is INTEGER cents,
/// KPI figures are TEXT holding the exact `Decimal` description (never REAL), timestamps
/// are TEXT ISO 8601 UTC, flags are INTEGER 0/1. Every table records who changed a row
/// last (`changed_by`) and when (`changed_at`).
enum StoreSchema {
    /// Identifiers of all migrations this version knows, oldest first.
    static var migrationIdentifiers: [String] { migrator().migrations }

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3") { db in try db.execute(sql: v3) }
        migrator.registerMigration("v4") { db in
            try db.execute(sql: v4)
            try DerivedData.rebuildAll(db)
        }
        migrator.registerMigration("v5") { db in try db.execute(sql: v5) }
        migrator.registerMigration("v6-assessment-reopened") { db in try db.execute(sql: v6AssessmentReopened) }
        migrator.registerMigration("v7-continuation-review") { db in try db.execute(sql: v7ContinuationReview) }
        migrator.registerMigration("v8-search-spellings") { db in try v8SearchSpellings(db) }
        migrator.registerMigration("v9-tension-stance") { db in try db.execute(sql: v9TensionStance) }
        migrator.registerMigration("v10-risk-months") { db in try db.execute(sql: v10RiskMonths) }
        migrator.registerMigration("v11-report-lights") { db in try db.execute(sql: v11ReportLights) }
        migrator.registerMigration("v12-overview-tallies") { db in try db.execute(sql: v12OverviewTallies) }
        migrator.registerMigration("v13-previous-light") { db in try db.execute(sql: v13PreviousLight) }
        migrator.registerMigration("v14-radar-in-status") { db in try db.execute(sql: v14RadarInStatus) }
        return migrator
    }

    // MARK: - v1

    /// A `YYYY-MM` month with a real month number and a year from 0001.
    static func monthCheck(_ column: String) -> String {
        "\(column) GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(\(column), 6, 2) BETWEEN '01' AND '12'"
            + " AND substr(\(column), 1, 4) <> '0000'"
    }

    /// ISO 8601 UTC as `Timestamp` writes it.
    static func timestampCheck(_ column: String) -> String {
        "\(column) GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*Z'"
    }

    /// The text of a `Decimal` (digits, sign, point, exponent), never empty.
    private static func decimalCheck(_ column: String) -> String {
        "\(column) <> '' AND \(column) NOT GLOB '*[^0-9.eE+-]*'"
    }

    private static let lights = "('gruen', 'gelb', 'rot')"

    static let audit = """
        changed_by TEXT NOT NULL,
        changed_at TEXT NOT NULL CHECK (\(timestampCheck("changed_at")))
        """

    // Value lists are spelled out (not generated from the Swift enums) because a released
    // migration must not change when an enum grows. Lists that are likely to grow (field of
    // action, solution kind, challenge, continuation) are checked when rows are read instead:
    // SQLite cannot alter a CHECK without rebuilding the table.
    private static let v1 = """
        CREATE TABLE municipality (
            id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('stadt', 'landkreis', 'gemeinde')),
            population INTEGER NOT NULL CHECK (population >= 0),
            \(audit)
        );

        CREATE TABLE project (
            id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
            municipality_id TEXT NOT NULL
                REFERENCES municipality(id) ON DELETE CASCADE ON UPDATE CASCADE,
            name TEXT NOT NULL,
            field TEXT NOT NULL,
            solution_kind TEXT NOT NULL,
            phase TEXT NOT NULL CHECK (phase IN ('experimentieren', 'transferieren', 'etablieren')),
            owner TEXT NOT NULL,
            start_month TEXT NOT NULL CHECK (\(monthCheck("start_month"))),
            funding_end_month TEXT CHECK (\(monthCheck("funding_end_month"))),
            funding_source TEXT NOT NULL,
            budget_planned_cents INTEGER NOT NULL CHECK (budget_planned_cents >= 0),
            basic_component_candidate INTEGER NOT NULL CHECK (basic_component_candidate IN (0, 1)),
            reused_by_others INTEGER NOT NULL CHECK (reused_by_others IN (0, 1)),
            continuation TEXT NOT NULL,
            \(audit)
        );
        CREATE INDEX project_by_municipality ON project(municipality_id);

        -- The UNIQUE index (project_id, month) also serves lookups by project.
        CREATE TABLE status_report (
            id INTEGER PRIMARY KEY,
            project_id TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE ON UPDATE CASCADE,
            month TEXT NOT NULL CHECK (\(monthCheck("month"))),
            overall TEXT NOT NULL CHECK (overall IN \(lights)),
            schedule TEXT NOT NULL CHECK (schedule IN \(lights)),
            cost TEXT NOT NULL CHECK (cost IN \(lights)),
            results TEXT NOT NULL CHECK (results IN \(lights)),
            progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
            achieved TEXT NOT NULL,
            next_steps TEXT NOT NULL,
            risks_and_measures TEXT NOT NULL,
            spent_cents INTEGER NOT NULL CHECK (spent_cents >= 0),
            author TEXT NOT NULL,
            submitted_at TEXT NOT NULL CHECK (\(timestampCheck("submitted_at"))),
            \(audit),
            UNIQUE (project_id, month)
        );
        CREATE INDEX status_report_by_month ON status_report(month, project_id);

        CREATE TABLE kpi (
            id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
            project_id TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE ON UPDATE CASCADE,
            name TEXT NOT NULL,
            unit TEXT NOT NULL,
            target TEXT NOT NULL CHECK (\(decimalCheck("target"))),
            direction TEXT NOT NULL CHECK (direction IN ('hoeher', 'niedriger')),
            \(audit)
        );
        CREATE INDEX kpi_by_project ON kpi(project_id);

        -- The UNIQUE index (kpi_id, month) also serves lookups by KPI.
        CREATE TABLE kpi_reading (
            id INTEGER PRIMARY KEY,
            kpi_id TEXT NOT NULL REFERENCES kpi(id) ON DELETE CASCADE ON UPDATE CASCADE,
            month TEXT NOT NULL CHECK (\(monthCheck("month"))),
            value TEXT NOT NULL CHECK (\(decimalCheck("value"))),
            \(audit),
            UNIQUE (kpi_id, month)
        );

        CREATE TABLE risk (
            id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
            project_id TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE ON UPDATE CASCADE,
            title TEXT NOT NULL,
            challenge TEXT NOT NULL,
            probability INTEGER NOT NULL CHECK (probability BETWEEN 1 AND 5),
            impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
            measure TEXT NOT NULL,
            owner TEXT NOT NULL,
            is_open INTEGER NOT NULL CHECK (is_open IN (0, 1)),
            \(audit)
        );
        CREATE INDEX risk_by_project ON risk(project_id);
        """
}
