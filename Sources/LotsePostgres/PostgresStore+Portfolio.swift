import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// The portfolio's bulk writes: load everything, replace everything, save one report.
///
/// The rows hold what SQLite's rows hold, so both engines answer alike: the audit columns,
/// each report's revision (carried over an import of the same report, raised by one) and
/// its money spent to date (the running total of the project's reports).
extension PostgresStore: PortfolioStore {
    /// Everything in one REPEATABLE READ snapshot, in the order of `Portfolio.inStoreOrder()`
    /// (text compared byte by byte, as SQLite does: `COLLATE "C"`).
    public func loadPortfolio() throws -> Portfolio {
        try perform {
            try session.transaction("REPEATABLE READ", readOnly: true) {
                Portfolio(
                    municipalities: try session.query("""
                        SELECT \(PGColumns.municipality) FROM municipality ORDER BY id COLLATE "C"
                        """).map(PGDecode.municipality),
                    projects: try session.query("""
                        SELECT \(PGColumns.project("project")) FROM project ORDER BY id COLLATE "C"
                        """).map(PGDecode.project),
                    reports: try session.query("""
                        SELECT \(PGColumns.report) FROM status_report
                        ORDER BY project_id COLLATE "C", month COLLATE "C"
                        """).map(PGDecode.report),
                    kpis: try session.query("""
                        SELECT \(PGColumns.kpi) FROM kpi ORDER BY project_id COLLATE "C", id COLLATE "C"
                        """).map(PGDecode.kpi),
                    readings: try session.query("""
                        SELECT \(PGColumns.reading) FROM kpi_reading ORDER BY kpi_id COLLATE "C", month COLLATE "C"
                        """).map(PGDecode.reading),
                    risks: try session.query("""
                        SELECT \(PGColumns.risk) FROM risk ORDER BY project_id COLLATE "C", id COLLATE "C"
                        """).map(PGDecode.risk))
            }
        }
    }

    /// Validates `portfolio` as SQLite does, then replaces the portfolio in one transaction:
    /// report revisions carried (one more than the replaced report's), report drafts of
    /// projects that are still there kept; continuation reviews, their drafts and the
    /// self-assessments are not part of the portfolio and stay as they are.
    /// Throws `StoreError.invalidPortfolio` (changing nothing) when the validator objects.
    public func replaceAll(with portfolio: Portfolio, by user: String) throws {
        let problems = PortfolioValidator.problems(in: portfolio)
        guard problems.isEmpty else { throw StoreError.invalidPortfolio(problems: problems) }
        let audit = PGAudit(user: user, at: now())
        try perform {
            try session.transaction {
                // Other writers wait until the new portfolio is committed; readers go on
                // reading the old one.
                try session.execute("""
                    LOCK TABLE municipality, project, status_report, kpi, kpi_reading, risk, report_draft
                    IN EXCLUSIVE MODE
                    """)
                try session.execute("""
                    CREATE TEMP TABLE carried_revision ON COMMIT DROP AS
                        SELECT project_id, month, revision FROM status_report;
                    ALTER TABLE carried_revision ADD PRIMARY KEY (project_id, month);
                    CREATE TEMP TABLE carried_draft ON COMMIT DROP AS SELECT * FROM report_draft;
                    DELETE FROM report_draft;
                    DELETE FROM kpi_reading;
                    DELETE FROM kpi;
                    DELETE FROM risk;
                    DELETE FROM status_report;
                    DELETE FROM project;
                    DELETE FROM municipality
                    """)
                try PGBulk.insert(session, portfolio, audit: audit)
                try PostgresSearchIndex.refresh(session)
                // Statistics of the new content, so the first questions get good plans
                // (a role that does not own the tables skips it with a warning).
                try session.execute("ANALYZE municipality, project, status_report, kpi, kpi_reading, risk")
                try session.execute("""
                    INSERT INTO report_draft
                    SELECT d.* FROM carried_draft d WHERE EXISTS (SELECT 1 FROM project p WHERE p.id = d.project_id)
                    """)
            }
        }
    }

    /// Inserts the report, or replaces the one of the same project and month (raising its
    /// revision by one), and brings the project's money spent to date up to date.
    /// Throws `StoreError.invalidReport` for values out of range and
    /// `StoreError.unknownProject` when the project does not exist; nothing changes then.
    public func save(report: StatusReport, by user: String) throws {
        let problems = WriteChecks.problems(of: report, readings: [])
        guard problems.isEmpty else {
            throw StoreError.invalidReport(projectID: report.projectID, month: report.month, problems: problems)
        }
        let audit = PGAudit(user: user, at: now())
        try perform {
            try session.transaction {
                // Writes of the same project's reports one after the other, so that each
                // running total is counted from every report.
                try lockProject(report.projectID)
                var binds = PostgresBindings()
                PGBulk.bindReport(report, &binds)
                binds.append(audit.user)
                binds.append(audit.at)
                try session.query(Self.reportUpsert, binds)
            }
        }
    }
}

extension PostgresStore {
    /// Locks the project's row until the transaction ends (`FOR NO KEY UPDATE`), so that
    /// writes of its reports and reviews come one after the other; throws
    /// `StoreError.unknownProject` when there is no such project.
    func lockProject(_ id: String) throws {
        var key = PostgresBindings()
        key.append(id)
        guard try !session.query("SELECT 1 FROM project WHERE id = $1 FOR NO KEY UPDATE", key).isEmpty else {
            throw StoreError.unknownProject(id)
        }
    }
}

/// Who writes, and when, as the audit columns hold it.
struct PGAudit {
    let user: String
    let at: String

    init(user: String, at date: Date) {
        self.user = user
        at = StoredText.auditTime(date)
    }
}

/// The columns the domain values are read from, in the order `PGDecode` reads them.
enum PGColumns {
    static let municipality = "id, name, kind, population"
    static func project(_ alias: String) -> String {
        ["id", "municipality_id", "name", "field", "solution_kind", "phase", "owner", "start_month",
         "funding_end_month", "funding_source", "budget_planned_cents", "basic_component_candidate",
         "reused_by_others", "continuation"].map { "\(alias).\($0)" }.joined(separator: ", ")
    }
    static let report = """
        project_id, month, overall, schedule, cost, results, progress, achieved, next_steps, \
        risks_and_measures, spent_cents, author, submitted_at
        """
    static let kpi = "id, project_id, name, unit, target, direction"
    static let reading = "kpi_id, month, value"
    static let risk = """
        id, project_id, title, challenge, probability, impact, measure, owner, is_open, raised_month, closed_month
        """
}

/// Rows into domain values. A value that does not fit (an unknown enum value, a malformed
/// month, number or timestamp) becomes `StoreError.corruptValue` naming table, row and column.
enum PGDecode {
    static func value<E: RawRepresentable>(_ raw: String, _ table: String, _ row: String, _ column: String)
        throws -> E where E.RawValue == String {
        guard let value = E(rawValue: raw) else {
            throw StoreError.corruptValue(table: table, row: row, column: column, found: "'\(raw)'",
                                          expected: "one of the known values")
        }
        return value
    }

    static func month(_ text: String, _ table: String, _ row: String, _ column: String) throws -> YearMonth {
        guard let month = YearMonth(text) else {
            throw StoreError.corruptValue(table: table, row: row, column: column, found: "'\(text)'", expected: "YYYY-MM")
        }
        return month
    }

    static func month(_ text: String?, _ table: String, _ row: String, _ column: String) throws -> YearMonth? {
        try text.map { try month($0, table, row, column) }
    }

    static func decimal(_ text: String, _ table: String, _ row: String, _ column: String) throws -> Decimal {
        guard let value = StoredText.decimal(text) else {
            throw StoreError.corruptValue(table: table, row: row, column: column, found: "'\(text)'", expected: "a number")
        }
        return value
    }

    static func municipality(_ row: PostgresRow) throws -> Municipality {
        let (id, name, kind, population) = try row.decode((String, String, String, Int64).self)
        return Municipality(id: id, name: name, kind: try value(kind, "municipality", id, "kind"),
                            population: Int(population))
    }

    static func project(_ row: PostgresRow) throws -> Project {
        let (id, municipality, name, field, solution, phase, owner, start, end, source, planned, basic, reused,
             continuation) = try row.decode(
                (String, String, String, String, String, String, String, String, String?, String, Int64, Bool, Bool,
                 String).self)
        return Project(
            id: id, municipalityID: municipality, name: name, field: try value(field, "project", id, "field"),
            solutionKind: try value(solution, "project", id, "solution_kind"),
            phase: try value(phase, "project", id, "phase"), owner: owner,
            start: try month(start, "project", id, "start_month"),
            fundingEnd: try month(end, "project", id, "funding_end_month"), fundingSource: source,
            budgetPlanned: Money(cents: planned), basicComponentCandidate: basic, reusedByOthers: reused,
            continuation: try value(continuation, "project", id, "continuation"))
    }

    static func report(_ row: PostgresRow) throws -> StatusReport {
        let (project, monthText, overall, schedule, cost, results, progress, achieved, next, risks, spent, author,
             submitted) = try row.decode(
                (String, String, String, String, String, String, Int32, String, String, String, Int64, String,
                 String).self)
        let key = "\(project) \(monthText)"
        guard let submittedAt = StoredText.date(submitted) else {
            throw StoreError.corruptValue(table: "status_report", row: key, column: "submitted_at",
                                          found: "'\(submitted)'", expected: "an ISO 8601 timestamp")
        }
        return StatusReport(
            projectID: project, month: try month(monthText, "status_report", key, "month"),
            overall: try value(overall, "status_report", key, "overall"),
            schedule: try value(schedule, "status_report", key, "schedule"),
            cost: try value(cost, "status_report", key, "cost"),
            results: try value(results, "status_report", key, "results"),
            progress: Int(progress), achieved: achieved, nextSteps: next, risksAndMeasures: risks,
            spent: Money(cents: spent), author: author, submittedAt: submittedAt)
    }

    static func kpi(_ row: PostgresRow) throws -> KPI {
        let (id, project, name, unit, target, direction) = try row.decode(
            (String, String, String, String, String, String).self)
        return KPI(id: id, projectID: project, name: name, unit: unit, target: try decimal(target, "kpi", id, "target"),
                   direction: try value(direction, "kpi", id, "direction"))
    }

    static func reading(_ row: PostgresRow) throws -> KPIReading {
        let (kpi, monthText, text) = try row.decode((String, String, String).self)
        let key = "\(kpi) \(monthText)"
        return KPIReading(kpiID: kpi, month: try month(monthText, "kpi_reading", key, "month"),
                          value: try decimal(text, "kpi_reading", key, "value"))
    }

    static func risk(_ row: PostgresRow) throws -> Risk {
        let (id, project, title, challenge, probability, impact, measure, owner, open, raised, closed) = try row.decode(
            (String, String, String, String, Int32, Int32, String, String, Bool, String?, String?).self)
        return Risk(id: id, projectID: project, title: title, challenge: try value(challenge, "risk", id, "challenge"),
                    probability: Int(probability), impact: Int(impact), measure: measure, owner: owner, isOpen: open,
                    raised: try month(raised, "risk", id, "raised_month"),
                    closed: try month(closed, "risk", id, "closed_month"))
    }
}

/// The portfolio's rows inserted in large batches: each statement takes one array per
/// column (`unnest`), so a batch of thousands of rows is one round trip.
enum PGBulk {
    /// Rows per statement.
    static let batchSize = 20_000

    static func insert(_ session: PGSession, _ portfolio: Portfolio, audit: PGAudit) throws {
        func run<Value>(_ values: [Value], _ sql: String, split: (Value, Value) -> Bool = { _, _ in true },
                        columns: Int, _ fill: (Value, inout [[String]]) -> Void) throws {
            var start = 0
            while start < values.count {
                var end = min(values.count, start + batchSize)
                // Keep what belongs together (a project's reports) in one batch.
                while end < values.count, !split(values[end - 1], values[end]) { end += 1 }
                var arrays = Array(repeating: [String](), count: columns)
                for i in arrays.indices { arrays[i].reserveCapacity(end - start) }
                for value in values[start..<end] { fill(value, &arrays) }
                var binds = PostgresBindings()
                for array in arrays { binds.append(array) }
                binds.append(audit.user)
                binds.append(audit.at)
                try session.query(sql, binds)
                start = end
            }
        }
        func flag(_ b: Bool) -> String { b ? "t" : "f" }
        let a = reportArrays

        try run(portfolio.municipalities, """
            INSERT INTO municipality (id, name, kind, population, changed_by, changed_at)
            SELECT u.*, $5, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS u
            """, columns: 4) { m, c in
            c[0].append(m.id); c[1].append(m.name); c[2].append(m.kind.rawValue); c[3].append(String(m.population))
        }
        try run(portfolio.projects, """
            INSERT INTO project (\(PGColumns.project("p").replacingOccurrences(of: "p.", with: "")), changed_by, changed_at)
            SELECT u.a, u.b, u.c, u.d, u.e, u.f, u.g, u.h, NULLIF(u.i, ''), u.j, u.k, u.l, u.m, u.n, $15, $16
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                        $8::text[], $9::text[], $10::text[], $11::bigint[], $12::boolean[], $13::boolean[],
                        $14::text[]) AS u(a, b, c, d, e, f, g, h, i, j, k, l, m, n)
            """, columns: 14) { p, c in
            c[0].append(p.id); c[1].append(p.municipalityID); c[2].append(p.name); c[3].append(p.field.rawValue)
            c[4].append(p.solutionKind.rawValue); c[5].append(p.phase.rawValue); c[6].append(p.owner)
            c[7].append(p.start.description); c[8].append(p.fundingEnd?.description ?? "")
            c[9].append(p.fundingSource); c[10].append(String(p.budgetPlanned.cents))
            c[11].append(flag(p.basicComponentCandidate)); c[12].append(flag(p.reusedByOthers))
            c[13].append(p.continuation.rawValue)
        }
        // Sorted by project and month, so a project's reports stay in one batch and the
        // running total of its money spent is counted in the same statement.
        let reports = portfolio.reports.sorted {
            ($0.projectID, $0.month) < ($1.projectID, $1.month)
        }
        try run(reports, """
            INSERT INTO status_report (\(PGColumns.report), spent_to_date_cents, revision, changed_by, changed_at)
            SELECT u.*, sum(u.spent) OVER (PARTITION BY u.project_id ORDER BY u.month),
                   coalesce(c.revision + 1, 1), $14, $15
            FROM unnest(\(a)) AS u(project_id, month, overall, schedule, cost, results, progress, achieved,
                                   next_steps, risks, spent, author, submitted_at)
            LEFT JOIN carried_revision c ON c.project_id = u.project_id AND c.month = u.month
            """, split: { $0.projectID != $1.projectID }, columns: 13) { r, c in
            c[0].append(r.projectID); c[1].append(r.month.description); c[2].append(r.overall.rawValue)
            c[3].append(r.schedule.rawValue); c[4].append(r.cost.rawValue); c[5].append(r.results.rawValue)
            c[6].append(String(r.progress)); c[7].append(r.achieved); c[8].append(r.nextSteps)
            c[9].append(r.risksAndMeasures); c[10].append(String(r.spent.cents)); c[11].append(r.author)
            c[12].append(StoredText.timestamp(r.submittedAt))
        }
        try run(portfolio.kpis, """
            INSERT INTO kpi (\(PGColumns.kpi), changed_by, changed_at)
            SELECT u.*, $7, $8 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u
            """, columns: 6) { k, c in
            c[0].append(k.id); c[1].append(k.projectID); c[2].append(k.name); c[3].append(k.unit)
            c[4].append(StoredText.decimal(k.target)); c[5].append(k.direction.rawValue)
        }
        try run(portfolio.readings, """
            INSERT INTO kpi_reading (\(PGColumns.reading), changed_by, changed_at)
            SELECT u.*, $4, $5 FROM unnest($1::text[], $2::text[], $3::text[]) AS u
            """, columns: 3) { r, c in
            c[0].append(r.kpiID); c[1].append(r.month.description); c[2].append(StoredText.decimal(r.value))
        }
        try run(portfolio.risks, """
            INSERT INTO risk (\(PGColumns.risk), changed_by, changed_at)
            SELECT u.a, u.b, u.c, u.d, u.e, u.f, u.g, u.h, u.i, NULLIF(u.j, ''), NULLIF(u.k, ''), $12, $13
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[],
                        $9::boolean[], $10::text[], $11::text[]) AS u(a, b, c, d, e, f, g, h, i, j, k)
            """, columns: 11) { r, c in
            c[0].append(r.id); c[1].append(r.projectID); c[2].append(r.title); c[3].append(r.challenge.rawValue)
            c[4].append(String(r.probability)); c[5].append(String(r.impact)); c[6].append(r.measure)
            c[7].append(r.owner); c[8].append(flag(r.isOpen)); c[9].append(r.raised?.description ?? "")
            c[10].append(r.closed?.description ?? "")
        }
    }

    /// The report columns' array parameters `$1 … $13`, typed.
    private static let reportArrays = ["text", "text", "text", "text", "text", "text", "int", "text", "text", "text",
                                       "bigint", "text", "text"].enumerated().map { "$\($0.offset + 1)::\($0.element)[]" }
        .joined(separator: ", ")

    /// The 13 report columns of `PGColumns.report` as parameters, in order.
    static func bindReport(_ r: StatusReport, _ binds: inout PostgresBindings) {
        binds.append(r.projectID)
        binds.append(r.month.description)
        binds.append(r.overall.rawValue)
        binds.append(r.schedule.rawValue)
        binds.append(r.cost.rawValue)
        binds.append(r.results.rawValue)
        binds.append(r.progress)
        binds.append(r.achieved)
        binds.append(r.nextSteps)
        binds.append(r.risksAndMeasures)
        binds.append(r.spent.cents)
        binds.append(r.author)
        binds.append(StoredText.timestamp(r.submittedAt))
    }
}
