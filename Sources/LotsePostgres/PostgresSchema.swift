import Foundation

/// The versioned PostgreSQL schema, in its own schema `lotse`. Like SQLite's, a migration
/// once released is never edited: changes go into a new one appended to `migrations`, and
/// `schema_migrations` records which ran.
///
/// The rows hold the same values as SQLite's, in PostgreSQL's types where the value allows
/// it exactly: money is BIGINT cents, flags are BOOLEAN. Months stay `YYYY-MM` text (they
/// sort correctly), KPI figures stay the exact `Decimal` text, and timestamps stay the
/// ISO 8601 text `Timestamp` writes, which keeps every fraction of a second a `Date` has
/// (`timestamptz` keeps microseconds only, and a round trip would change the value).
public enum PostgresSchema {
    public static let schema = "lotse"
    /// The channel every change is announced on (see `changeTriggers`).
    public static let changeChannel = "lotse_changed"

    /// Every migration, oldest first.
    static var migrations: [(identifier: String, sql: String)] {
        [("v1-schema", v1)] + readerMigrations + roleMigrations + summaryMigrations + laterMigrations
    }

    public static var migrationIdentifiers: [String] { migrations.map(\.identifier) }

    /// SQL: statement triggers that run `function` after every INSERT, UPDATE and DELETE on
    /// `table`, with the statement's rows as `new_rows` and `old_rows`; named
    /// `<table>_inserts_<purpose>`, `…_updates_…`, `…_deletes_…`.
    static func transitionTriggers(on table: String, purpose: String, function: String) -> String {
        """
        CREATE TRIGGER \(table)_inserts_\(purpose) AFTER INSERT ON \(table)
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION \(function)();
        CREATE TRIGGER \(table)_updates_\(purpose) AFTER UPDATE ON \(table)
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION \(function)();
        CREATE TRIGGER \(table)_deletes_\(purpose) AFTER DELETE ON \(table)
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION \(function)();
        """
    }

    static func monthCheck(_ column: String) -> String {
        "\(column) ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' AND left(\(column), 4) <> '0000'"
    }

    static func timestampCheck(_ column: String) -> String {
        "\(column) ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?Z$'"
    }

    static func decimalCheck(_ column: String) -> String {
        "\(column) <> '' AND \(column) !~ '[^0-9.eE+-]'"
    }

    static let audit = """
        changed_by TEXT NOT NULL,
            changed_at TEXT NOT NULL CHECK (\(timestampCheck("changed_at")))
        """

    private static let lights = "('gruen', 'gelb', 'rot')"

    /// The tables that hold the data; each announces its changes on `changeChannel`.
    static let dataTables = [
        "municipality", "project", "status_report", "kpi", "kpi_reading", "risk", "report_draft",
        "continuation_review", "continuation_draft", "assessment", "assessment_response",
        "assessment_consensus", "assessment_note", "assessment_stance", "assessment_reopening",
    ]

    static let v1 = """
        CREATE TABLE municipality (
            id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('stadt', 'landkreis', 'gemeinde')),
            population BIGINT NOT NULL CHECK (population >= 0),
            \(audit)
        );

        CREATE TABLE project (
            id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
            municipality_id TEXT NOT NULL REFERENCES municipality(id) ON DELETE CASCADE ON UPDATE CASCADE,
            name TEXT NOT NULL,
            field TEXT NOT NULL,
            solution_kind TEXT NOT NULL,
            phase TEXT NOT NULL CHECK (phase IN ('experimentieren', 'transferieren', 'etablieren')),
            owner TEXT NOT NULL,
            start_month TEXT NOT NULL CHECK (\(monthCheck("start_month"))),
            funding_end_month TEXT CHECK (\(monthCheck("funding_end_month"))),
            funding_source TEXT NOT NULL,
            budget_planned_cents BIGINT NOT NULL CHECK (budget_planned_cents >= 0),
            basic_component_candidate BOOLEAN NOT NULL,
            reused_by_others BOOLEAN NOT NULL,
            continuation TEXT NOT NULL,
            \(audit)
        );
        CREATE INDEX project_by_municipality ON project(municipality_id);
        CREATE INDEX project_by_phase ON project(phase, id);
        CREATE INDEX project_by_funding_end ON project(funding_end_month) WHERE funding_end_month IS NOT NULL;

        CREATE TABLE status_report (
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
            spent_cents BIGINT NOT NULL CHECK (spent_cents >= 0),
            spent_to_date_cents BIGINT NOT NULL DEFAULT 0,
            author TEXT NOT NULL,
            submitted_at TEXT NOT NULL CHECK (\(timestampCheck("submitted_at"))),
            revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
            \(audit),
            PRIMARY KEY (project_id, month)
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

        CREATE TABLE kpi_reading (
            kpi_id TEXT NOT NULL REFERENCES kpi(id) ON DELETE CASCADE ON UPDATE CASCADE,
            month TEXT NOT NULL CHECK (\(monthCheck("month"))),
            value TEXT NOT NULL CHECK (\(decimalCheck("value"))),
            \(audit),
            PRIMARY KEY (kpi_id, month)
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
            is_open BOOLEAN NOT NULL,
            raised_month TEXT CHECK (raised_month IS NULL OR (\(monthCheck("raised_month")))),
            closed_month TEXT CHECK (closed_month IS NULL OR (\(monthCheck("closed_month")))),
            \(audit)
        );
        CREATE INDEX risk_by_project ON risk(project_id);
        CREATE INDEX risk_open_by_challenge ON risk(challenge, probability, impact) WHERE is_open;

        -- Each author's draft of a report; nobody writes another's.
        CREATE TABLE report_draft (
            project_id TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE ON UPDATE CASCADE,
            month TEXT NOT NULL CHECK (\(monthCheck("month"))),
            draft TEXT NOT NULL,
            author_name TEXT NOT NULL DEFAULT '',
            started_at TEXT NOT NULL CHECK (\(timestampCheck("started_at"))),
            \(audit),
            PRIMARY KEY (project_id, month, changed_by)
        );

        -- Every submitted continuation review; the highest revision is the current one.
        CREATE TABLE continuation_review (
            project_id TEXT NOT NULL CHECK (project_id <> ''),
            revision INTEGER NOT NULL CHECK (revision >= 1),
            goal TEXT NOT NULL,
            reached TEXT NOT NULL,
            approach TEXT NOT NULL,
            plan_and_resources TEXT NOT NULL,
            own_budget TEXT NOT NULL,
            again_or_differently TEXT NOT NULL,
            reuse TEXT NOT NULL,
            decision TEXT NOT NULL,
            follow_up_cents BIGINT CHECK (follow_up_cents IS NULL OR follow_up_cents >= 0),
            follow_up_source TEXT NOT NULL,
            follow_up_from TEXT CHECK (follow_up_from IS NULL OR (\(monthCheck("follow_up_from")))),
            basic_component BOOLEAN NOT NULL,
            decided_by TEXT NOT NULL,
            decided_on TEXT CHECK (decided_on IS NULL OR decided_on ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$'),
            \(audit),
            PRIMARY KEY (project_id, revision)
        );

        CREATE TABLE continuation_draft (
            project_id TEXT NOT NULL CHECK (project_id <> ''),
            draft TEXT NOT NULL,
            author_name TEXT NOT NULL DEFAULT '',
            started_at TEXT NOT NULL CHECK (\(timestampCheck("started_at"))),
            \(audit),
            PRIMARY KEY (project_id, changed_by)
        );

        CREATE TABLE assessment (
            id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
            municipality_id TEXT NOT NULL,
            questionnaire TEXT NOT NULL CHECK (questionnaire <> ''),
            date TEXT NOT NULL CHECK (\(timestampCheck("date"))),
            facilitator TEXT NOT NULL,
            participants TEXT NOT NULL,
            position INTEGER NOT NULL CHECK (position >= 0),
            completed BOOLEAN NOT NULL,
            \(audit)
        );
        CREATE INDEX assessment_by_municipality ON assessment(municipality_id, date);

        CREATE TABLE assessment_response (
            assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE ON UPDATE CASCADE,
            statement_id TEXT NOT NULL CHECK (statement_id <> ''),
            participant TEXT NOT NULL,
            value INTEGER,
            \(audit),
            PRIMARY KEY (assessment_id, statement_id, participant)
        );

        CREATE TABLE assessment_consensus (
            assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE ON UPDATE CASCADE,
            statement_id TEXT NOT NULL CHECK (statement_id <> ''),
            value INTEGER,
            \(audit),
            PRIMARY KEY (assessment_id, statement_id)
        );

        CREATE TABLE assessment_note (
            assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE ON UPDATE CASCADE,
            statement_id TEXT NOT NULL CHECK (statement_id <> ''),
            note TEXT NOT NULL CHECK (note <> ''),
            \(audit),
            PRIMARY KEY (assessment_id, statement_id)
        );

        CREATE TABLE assessment_stance (
            assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE ON UPDATE CASCADE,
            tension_id TEXT NOT NULL CHECK (tension_id <> ''),
            position INTEGER CHECK (position IS NULL OR position BETWEEN 1 AND 5),
            note TEXT NOT NULL,
            \(audit),
            PRIMARY KEY (assessment_id, tension_id),
            CHECK (position IS NOT NULL OR note <> '')
        );

        CREATE TABLE assessment_reopening (
            assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE ON UPDATE CASCADE,
            number INTEGER NOT NULL CHECK (number >= 1),
            \(audit),
            PRIMARY KEY (assessment_id, number)
        );

        -- Every committed change is announced, so open dashboards refresh without polling.
        CREATE FUNCTION announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('\(changeChannel)', TG_TABLE_NAME);
            RETURN NULL;
        END $$;
        \(dataTables.map { table in
            "CREATE TRIGGER \(table)_announces AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(table) "
                + "FOR EACH STATEMENT EXECUTE FUNCTION announce_change();"
        }.joined(separator: "\n"))
        """
}
