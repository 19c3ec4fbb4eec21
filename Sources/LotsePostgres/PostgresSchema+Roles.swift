extension PostgresSchema {
    /// Migrations for who may do what (roles, grants, row-level security).
    static var roleMigrations: [(identifier: String, sql: String)] { [("v3-roles", v3Roles)] }

    /// Migrations after the summaries.
    static var laterMigrations: [(identifier: String, sql: String)] {
        [("v5-named-refusals", v5NamedRefusals), ("v6-running-totals", v6RunningTotals),
         ("v7-one-announcement-per-commit", v7OneAnnouncementPerCommit)]
    }

    /// A commit is announced once. PostgreSQL delivers the notifications of one transaction
    /// that have the same channel and payload once; with the changed table's name as payload
    /// (v1), a commit that changed several tables (a report, its running totals, the
    /// summaries) was announced once per table. A listener that read them in two parts
    /// counted one change twice, and an open dashboard refreshed twice for it.
    static var v7OneAnnouncementPerCommit: String {
        """
        CREATE OR REPLACE FUNCTION announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('\(changeChannel)', '');
            RETURN NULL;
        END $$;
        """
    }

    /// The server keeps each report's `spent_to_date_cents` (the project's money spent up to
    /// and including the report's month) itself, whoever writes the reports: after a
    /// statement that added, deleted or changed reports (their month, money or running
    /// total), the running totals of the projects it touched are counted again. Its own
    /// correction changes only totals that were wrong, so it ends at once.
    static var v6RunningTotals: String {
        let s = schema
        return """
            CREATE FUNCTION status_report_running_totals() RETURNS trigger LANGUAGE plpgsql
                SECURITY DEFINER SET search_path = \(s), pg_temp AS $f$
            DECLARE
                ids TEXT[];
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    ids := ARRAY(SELECT DISTINCT project_id FROM new_rows);
                ELSIF TG_OP = 'DELETE' THEN
                    ids := ARRAY(SELECT DISTINCT project_id FROM old_rows);
                ELSE
                    ids := ARRAY(
                        SELECT n.project_id FROM new_rows n WHERE NOT EXISTS (
                            SELECT 1 FROM old_rows o WHERE o.project_id = n.project_id AND o.month = n.month
                              AND o.spent_cents = n.spent_cents AND o.spent_to_date_cents = n.spent_to_date_cents)
                        UNION
                        SELECT o.project_id FROM old_rows o WHERE NOT EXISTS (
                            SELECT 1 FROM new_rows n WHERE n.project_id = o.project_id AND n.month = o.month));
                END IF;
                IF cardinality(ids) = 0 THEN RETURN NULL; END IF;
                UPDATE \(s).status_report r SET spent_to_date_cents = t.total
                FROM (SELECT project_id, month,
                             (sum(spent_cents) OVER (PARTITION BY project_id ORDER BY month))::bigint AS total
                      FROM \(s).status_report WHERE project_id = ANY(ids)) t
                WHERE r.project_id = t.project_id AND r.month = t.month AND r.spent_to_date_cents <> t.total;
                RETURN NULL;
            END $f$;
            \(transitionTriggers(on: "status_report", purpose: "running_totals", function: "status_report_running_totals"))
            -- Totals written before this version, counted once.
            UPDATE status_report r SET spent_to_date_cents = t.total
            FROM (SELECT project_id, month, (sum(spent_cents) OVER (PARTITION BY project_id ORDER BY month))::bigint AS total
                  FROM status_report) t
            WHERE r.project_id = t.project_id AND r.month = t.month AND r.spent_to_date_cents <> t.total;
            """
    }

    /// A refused INSERT or UPDATE names the municipality whose row it would have written
    /// (row-level security's own refusal names nobody): the policies' checks ask
    /// `own_or_refuse`, which lets the role's own municipality pass and refuses any other
    /// with `refusalMarker` and its id. The lookups of a row's municipality see every
    /// project, kpi and assessment (`SECURITY DEFINER`), so a row of a project the role
    /// cannot read is named too. The county passes before any lookup.
    static var v5NamedRefusals: String {
        let s = schema
        let definer = "STABLE SECURITY DEFINER SET search_path = \(s), pg_temp"
        var sql = """
            CREATE FUNCTION municipality_of_project(id TEXT) RETURNS TEXT LANGUAGE sql \(definer)
                AS $f$ SELECT municipality_id FROM \(s).project WHERE project.id = $1 $f$;
            CREATE FUNCTION municipality_of_kpi(id TEXT) RETURNS TEXT LANGUAGE sql \(definer)
                AS $f$ SELECT p.municipality_id FROM \(s).kpi k JOIN \(s).project p ON p.id = k.project_id WHERE k.id = $1 $f$;
            CREATE FUNCTION municipality_of_assessment(id TEXT) RETURNS TEXT LANGUAGE sql \(definer)
                AS $f$ SELECT municipality_id FROM \(s).assessment WHERE assessment.id = $1 $f$;
            CREATE FUNCTION own_or_refuse(municipality TEXT, relation TEXT) RETURNS BOOLEAN LANGUAGE plpgsql STABLE AS $f$
            BEGIN
                IF municipality IS NULL THEN RETURN false; END IF;
                IF municipality = \(s).own_municipality() THEN RETURN true; END IF;
                RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', TABLE = relation,
                    MESSAGE = '\(refusalMarker)' || municipality || ': write on ' || relation || ' refused';
            END $f$;

            """
        for table in dataTables where table != "municipality" {
            let owner: String = switch table {
            case "project", "assessment": "municipality_id"
            case "kpi_reading": "\(s).municipality_of_kpi(kpi_id)"
            case let t where t.hasPrefix("assessment_"): "\(s).municipality_of_assessment(assessment_id)"
            default: "\(s).municipality_of_project(project_id)"
            }
            let check = "((SELECT \(s).writes_all()) OR \(s).own_or_refuse(\(owner), '\(table)'))"
            sql += "ALTER POLICY \(table)_insert ON \(table) WITH CHECK \(check);\n"
            sql += "ALTER POLICY \(table)_update ON \(table) WITH CHECK \(check);\n"
        }
        return sql
    }

    /// The three kinds of Lotse role. Each is a group role (NOLOGIN) of its own per database,
    /// named in `role_group`; login roles become members of one of them.
    public enum RoleKind: String, CaseIterable, Sendable {
        /// Reads and writes everything.
        case county
        /// Writes its own municipality's rows; reads all or only its own (`member.reads_all`).
        case municipality
        /// Reads everything, writes nothing.
        case viewer
    }

    /// How a data table finds the municipality a row belongs to: an SQL condition that holds
    /// for the rows of the municipality `own` (an SQL expression), written against the row's
    /// own columns (unqualified) or the transition table's alias `row`.
    static func ownership(of table: String, row: String, own: String) -> String {
        let prefix = row.isEmpty ? "" : row + "."
        let ownProjects = "SELECT p.id FROM \(schema).project p WHERE p.municipality_id = \(own)"
        switch table {
        case "municipality":
            return "\(prefix)id = \(own)"
        case "project", "assessment":
            return "\(prefix)municipality_id = \(own)"
        case "kpi_reading":
            return "\(prefix)kpi_id IN (SELECT k.id FROM \(schema).kpi k JOIN \(schema).project p ON p.id = k.project_id "
                + "WHERE p.municipality_id = \(own))"
        case let t where t.hasPrefix("assessment_"):
            return "\(prefix)assessment_id IN (SELECT a.id FROM \(schema).assessment a WHERE a.municipality_id = \(own))"
        default:  // status_report, kpi, risk, report_draft, continuation_review, continuation_draft
            return "\(prefix)project_id IN (\(ownProjects))"
        }
    }

    /// The municipality of a row of `table` in the transition table `row` (for the message
    /// of a refusal).
    static func municipalityOf(_ table: String, row: String) -> String {
        switch table {
        case "municipality": "\(row).id"
        case "project", "assessment": "\(row).municipality_id"
        case "kpi_reading":
            "(SELECT p.municipality_id FROM \(schema).kpi k JOIN \(schema).project p ON p.id = k.project_id WHERE k.id = \(row).kpi_id)"
        case let t where t.hasPrefix("assessment_"):
            "(SELECT a.municipality_id FROM \(schema).assessment a WHERE a.id = \(row).assessment_id)"
        default: "(SELECT p.municipality_id FROM \(schema).project p WHERE p.id = \(row).project_id)"
        }
    }

    /// The marker the server's refusal of a foreign row starts with; `PGError.refusedMunicipality`
    /// reads the municipality behind it.
    public static let refusalMarker = "lotse: read only for municipality "

    /// Roles and row-level security:
    /// - group roles `lotse_county_<db>`, `lotse_municipality_<db>`, `lotse_viewer_<db>`
    ///   (roles belong to the whole cluster, so each database has its own; a database name
    ///   too long for a role name is replaced by a hash), recorded in `role_group`;
    /// - `member`: which municipality a member of the municipality group writes, and whether
    ///   it reads the others;
    /// - `writes_all()`, `reads_all()`, `own_municipality()`: what the current role may,
    ///   asked once per statement (policies wrap them in a scalar subquery);
    /// - policies on every data table: SELECT what one may read, INSERT and the new row of
    ///   an UPDATE only one's own; and statement triggers that refuse (SQLSTATE 42501) an
    ///   UPDATE or DELETE that touched another municipality's rows, so such a write fails
    ///   loudly instead of changing nothing in silence;
    /// - grants: the viewer SELECT, the municipality and the county SELECT, INSERT, UPDATE,
    ///   DELETE (the county TRUNCATE too); `schema_migrations`, `member`, `role_group` only
    ///   SELECT. The owner of the tables (who ran the migrations) keeps every right and is
    ///   not subject to row-level security.
    static var v3Roles: String {
        let own = "(SELECT \(schema).own_municipality())"
        let kinds = RoleKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        var sql = """
            CREATE TABLE role_group (
                kind TEXT NOT NULL PRIMARY KEY CHECK (kind IN (\(kinds))),
                role_name TEXT NOT NULL UNIQUE
            );

            CREATE TABLE member (
                role_name TEXT NOT NULL PRIMARY KEY CHECK (role_name <> ''),
                municipality_id TEXT NOT NULL CHECK (municipality_id <> ''),
                reads_all BOOLEAN NOT NULL
            );

            DO $roles$
            DECLARE
                group_kind TEXT;
                group_name TEXT;
                suffix TEXT := current_database();
            BEGIN
                IF octet_length('lotse_municipality_' || suffix) > 63 THEN
                    suffix := left(md5(suffix), 16);
                END IF;
                FOREACH group_kind IN ARRAY ARRAY[\(kinds)] LOOP
                    group_name := 'lotse_' || group_kind || '_' || suffix;
                    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = group_name) THEN
                        EXECUTE format('CREATE ROLE %I NOLOGIN', group_name);
                    END IF;
                    INSERT INTO \(schema).role_group VALUES (group_kind, group_name);
                    EXECUTE format('GRANT USAGE ON SCHEMA \(schema) TO %I', group_name);
                    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA \(schema) TO %I', group_name);
                    -- Tables later migrations add are readable by every Lotse role too.
                    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA \(schema) GRANT SELECT ON TABLES TO %I', group_name);
                    IF group_kind <> 'viewer' THEN
                        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON \(dataTables.map { "\(schema).\($0)" }.joined(separator: ", ")) TO %I', group_name);
                    END IF;
                    IF group_kind = 'county' THEN
                        EXECUTE format('GRANT TRUNCATE ON \(dataTables.map { "\(schema).\($0)" }.joined(separator: ", ")) TO %I', group_name);
                    END IF;
                END LOOP;
            END $roles$;

            CREATE FUNCTION group_role(kind TEXT) RETURNS TEXT LANGUAGE sql STABLE
                AS $f$ SELECT role_name FROM \(schema).role_group WHERE role_group.kind = $1 $f$;

            -- The county writes everything (a superuser counts as member of every role).
            CREATE FUNCTION writes_all() RETURNS BOOLEAN LANGUAGE sql STABLE
                AS $f$ SELECT pg_catalog.pg_has_role(current_user, \(schema).group_role('county'), 'MEMBER') $f$;

            -- The municipality the current role writes for, NULL when none.
            CREATE FUNCTION own_municipality() RETURNS TEXT LANGUAGE sql STABLE
                AS $f$ SELECT municipality_id FROM \(schema).member WHERE role_name = current_user $f$;

            CREATE FUNCTION reads_all() RETURNS BOOLEAN LANGUAGE sql STABLE AS $f$
                SELECT pg_catalog.pg_has_role(current_user, \(schema).group_role('county'), 'MEMBER')
                    OR pg_catalog.pg_has_role(current_user, \(schema).group_role('viewer'), 'MEMBER')
                    OR coalesce((SELECT reads_all FROM \(schema).member WHERE role_name = current_user), false)
                $f$;

            -- Whether the current role owns `relation` (the owner is not subject to row-level
            -- security, and the server runs cascaded deletes and updates as the owner).
            CREATE FUNCTION owns(relation OID) RETURNS BOOLEAN LANGUAGE sql STABLE AS $f$
                SELECT pg_catalog.pg_has_role(current_user, relowner, 'MEMBER') FROM pg_catalog.pg_class WHERE oid = $1
                $f$;

            -- Each member sees its own row only; the owner administrates the table.
            ALTER TABLE member ENABLE ROW LEVEL SECURITY;
            CREATE POLICY member_self ON member FOR SELECT
                USING (role_name = current_user OR (SELECT \(schema).writes_all()));

            """
        for table in dataTables {
            let mayWrite = table == "municipality"
                ? "((SELECT \(schema).writes_all()))"
                : "((SELECT \(schema).writes_all()) OR \(ownership(of: table, row: "", own: own)))"
            sql += """

                ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY;
                CREATE POLICY \(table)_read ON \(table) FOR SELECT
                    USING ((SELECT \(schema).reads_all()) OR \(ownership(of: table, row: "", own: own)));
                CREATE POLICY \(table)_insert ON \(table) FOR INSERT WITH CHECK \(mayWrite);
                CREATE POLICY \(table)_update ON \(table) FOR UPDATE USING (true) WITH CHECK \(mayWrite);
                CREATE POLICY \(table)_delete ON \(table) FOR DELETE USING (true);
                CREATE FUNCTION \(table)_refuses_foreign() RETURNS trigger LANGUAGE plpgsql AS $f$
                DECLARE
                    refused TEXT;
                BEGIN
                    IF \(schema).writes_all() OR \(schema).owns(TG_RELID) THEN RETURN NULL; END IF;
                    -- A row whose parent went in the same statement (a cascade) was checked
                    -- with its parent.
                    SELECT m INTO refused FROM (SELECT \(municipalityOf(table, row: "gone")) AS m FROM old_rows gone) x
                        WHERE m IS NOT NULL AND \(table == "municipality" ? "true" : "m IS DISTINCT FROM \(own)") LIMIT 1;
                    IF FOUND THEN
                        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', TABLE = TG_TABLE_NAME,
                            MESSAGE = '\(refusalMarker)' || refused || ': ' || TG_OP || ' on ' || TG_TABLE_NAME || ' refused';
                    END IF;
                    RETURN NULL;
                END $f$;
                CREATE TRIGGER \(table)_update_own_only AFTER UPDATE ON \(table) REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION \(table)_refuses_foreign();
                CREATE TRIGGER \(table)_delete_own_only AFTER DELETE ON \(table) REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION \(table)_refuses_foreign();

                """
        }
        return sql + derivedTables
    }

    /// Tables the client derives from the data (the projects' search texts): whoever may
    /// read a project may write its derived rows, since every write refreshes the texts of
    /// all the projects it can see; the rows themselves stay hidden with their project.
    static var derivedTables: String {
        let visible = "project_id IN (SELECT id FROM \(schema).project)"
        return """
            DO $derived$
            DECLARE
                group_name TEXT;
            BEGIN
                IF to_regclass('\(schema).project_search') IS NULL THEN RETURN; END IF;
                FOR group_name IN SELECT role_name FROM \(schema).role_group WHERE kind <> 'viewer' LOOP
                    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON \(schema).project_search TO %I', group_name);
                END LOOP;
                ALTER TABLE \(schema).project_search ENABLE ROW LEVEL SECURITY;
                CREATE POLICY project_search_visible ON \(schema).project_search FOR ALL
                    USING (\(visible)) WITH CHECK (\(visible));
            END $derived$;
            """
    }
}
