import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// The overview's figures, the evidence beside a self-assessment and the red streaks of the
/// monthly report, counted by PostgreSQL from the base tables: aggregates with `FILTER`
/// over the indexed reports of the months shown, a handful of statements however large the
/// portfolio. The same answers as SQLite's `OverviewSQL`, which reads its summaries.
enum PostgresOverviewSQL {
    /// SQL: whether project `p` owes a report in `month` (an SQL expression of a month), as
    /// `Project.expectsReport(in:)` decides it.
    static func expects(_ p: String, _ month: String) -> String { PostgresSchema.expects(p, month) }

    /// SQL: the money project `p` spent up to and including `month`: the running total of
    /// its newest report up to the month (every write of reports keeps
    /// `spent_to_date_cents`, see `PostgresSchema.v6RunningTotals`), read from its summary `ps`
    /// (`PostgresLatestReport.join()`).
    static func spentUpTo(_ p: String, _ month: String) -> String {
        "coalesce(\(PostgresLatestReport.value("spent_to_date_cents", upTo: month, project: p)), 0)::bigint"
    }

    /// - Parameters:
    ///   - listLimit: at most this many projects in each list; nil for all.
    ///   - scope: the ids of the projects to count (one office's dashboard); nil for all.
    ///   - due: when reports fall due; nil: a report is missing as soon as its month is shown.
    static func figures(_ session: PGSession, month: YearMonth, listLimit: Int? = nil, scope: [String]? = nil,
                        due: ReportDue? = nil) throws -> OverviewFigures {
        let limit = listLimit.map { "LIMIT \(max(0, $0))" } ?? ""
        let firstHealth = month.adding(months: -(OverviewFigures.healthMonths - 1))
        let overdueNow = due.isOverdue(month), overdueBefore = due.isOverdue(month.previous)
        var values: [String: PGStatement.Value] = [
            "m": .text(month.description), "previous": .text(month.previous.description),
            "first": .text(min(firstHealth, month.previous).description),
            "horizon": .text(month.adding(months: OverviewFigures.fundingHorizonMonths - 1).description),
        ]
        if let scope { values["ids"] = .texts(scope) }
        func inScope(_ column: String) -> String { scope == nil ? "TRUE" : "\(column) = ANY(:ids::text[])" }
        let projectColumns = PGColumns.project("p")

        // One pass over the projects: phases, budget, and who owes a report now and before.
        var byPhase: [Phase: Int] = [:]
        var projectCount = 0, owedNow = 0, owedBefore = 0
        var planned = Money.zero
        for row in try session.query("""
            SELECT phase, count(*), sum(budget_planned_cents)::bigint,
                   count(*) FILTER (WHERE \(expects("p", ":m"))), count(*) FILTER (WHERE \(expects("p", ":previous")))
            FROM project p WHERE \(inScope("p.id")) GROUP BY phase
            """, values) {
            let (phase, count, budget, now, before) = try row.decode((String, Int, Int64, Int, Int).self)
            byPhase[try PGDecode.value(phase, "project", "", "phase")] = count
            projectCount += count
            planned += Money(cents: budget)
            owedNow += now
            owedBefore += before
        }

        // The overall lights of the reports of projects that owed one, per month shown:
        // the month summaries of the municipalities the role may read, added up; for one
        // office's projects, from their reports.
        let summarised = scope == nil
        var counts: [String: LightCounts] = [:]
        let owed = expects("p", "r.month")
        for row in try session.query(summarised ? """
            SELECT month, sum(green)::int, sum(yellow)::int, sum(red)::int FROM month_summary
            WHERE month BETWEEN :first AND :m GROUP BY month
            """ : """
            SELECT r.month, count(*) FILTER (WHERE r.overall = '\(Light.green.rawValue)'),
                   count(*) FILTER (WHERE r.overall = '\(Light.yellow.rawValue)'),
                   count(*) FILTER (WHERE r.overall = '\(Light.red.rawValue)')
            FROM status_report r JOIN project p ON p.id = r.project_id
            WHERE r.month BETWEEN :first AND :m AND \(owed) AND \(inScope("r.project_id"))
            GROUP BY r.month
            """, values) {
            let (m, green, yellow, red) = try row.decode((String, Int, Int, Int).self)
            counts[m] = LightCounts(green: green, yellow: yellow, red: red)
        }
        func lights(_ month: String, owed: Int, overdue: Bool) -> LightCounts {
            var c = counts[month] ?? LightCounts()
            if overdue { c.missing = owed - c.reported } else { c.notYetDue = owed - c.reported }
            return c
        }

        // Money spent, reports received, risks raised and closed: one row.
        let totals = try session.query(summarised ? """
            SELECT (SELECT coalesce(sum(spent_cents), 0)::bigint FROM month_summary WHERE month <= :m),
                   (SELECT coalesce(sum(reports), 0)::int FROM month_summary WHERE month = :m),
                   (SELECT count(*) FILTER (WHERE raised_month = :m) FROM risk),
                   (SELECT count(*) FILTER (WHERE NOT is_open AND closed_month = :m) FROM risk)
            """ : """
            SELECT (SELECT coalesce(sum(spent_cents), 0)::bigint FROM status_report
                    WHERE month <= :m AND \(inScope("project_id"))),
                   (SELECT count(*) FROM status_report WHERE month = :m AND \(inScope("project_id"))),
                   (SELECT count(*) FILTER (WHERE raised_month = :m) FROM risk WHERE \(inScope("project_id"))),
                   (SELECT count(*) FILTER (WHERE NOT is_open AND closed_month = :m) FROM risk
                    WHERE \(inScope("project_id")))
            """, values).first.map { try $0.decode((Int64, Int, Int, Int).self) } ?? (Int64(0), 0, 0, 0)

        // Before the month's due day nothing is missing yet.
        let missing = !overdueNow ? [] : try session.query("""
            SELECT \(projectColumns) FROM project p \(PostgresLatestReport.join())
            WHERE \(expects("p", ":m")) AND \(inScope("p.id"))
              AND NOT \(PostgresLatestReport.hasReport(in: ":m"))
            ORDER BY p.id COLLATE "C" \(limit)
            """, values).map(PGDecode.project)

        // The projects whose newest two reports are of the month and the one before, from
        // their summaries; those with a newer report than the month from the reports.
        let changes = try session.query("""
            SELECT c.id, c.before, c.now FROM (
                SELECT project_id AS id, before_overall AS before, latest_overall AS now FROM project_status
                WHERE latest_month = :m AND before_month = :previous AND latest_overall <> before_overall
                  AND \(inScope("project_id"))
                UNION ALL
                SELECT a.project_id, b.overall, a.overall
                FROM status_report a JOIN status_report b ON b.project_id = a.project_id AND b.month = :previous
                WHERE a.month = :m AND a.overall <> b.overall AND \(inScope("a.project_id"))
                  AND a.project_id IN (SELECT project_id FROM project_status WHERE latest_month > :m)) c
            ORDER BY c.id COLLATE "C"
            """, values).map { row in
            let (id, before, now) = try row.decode((String, String, String).self)
            return OverviewFigures.LightChange(projectID: id, from: try PGDecode.value(before, "status_report", id, "overall"),
                                               to: try PGDecode.value(now, "status_report", id, "overall"))
        }

        // The undecided projects whose funding ends within the horizon, with the money each
        // spent up to the month and how many there are in all (before the list's limit).
        let endingCondition = """
            p.continuation = '\(ContinuationDecision.open.rawValue)'
              AND p.funding_end_month BETWEEN :m AND :horizon AND \(inScope("p.id"))
            """
        var endingCount = 0
        let ending = try session.query("""
            SELECT \(projectColumns), \(spentUpTo("p", ":m")), count(*) OVER ()
            FROM project p \(PostgresLatestReport.join()) WHERE \(endingCondition)
            ORDER BY p.funding_end_month, p.id COLLATE "C" \(limit)
            """, values).map { row -> (Project, Money) in
            let cells = row.makeRandomAccess()
            endingCount = try cells[15].decode(Int.self)
            return (try PGDecode.project(row), Money(cents: try cells[14].decode(Int64.self)))
        }
        if ending.isEmpty, listLimit == 0 {
            endingCount = try session.query("SELECT count(*) FROM project p WHERE \(endingCondition)", values)
                .first.map { try $0.decode(Int.self) } ?? 0
        }

        let risks = try session.query("""
            SELECT challenge, count(*), max(probability * impact), sum(probability * impact)::bigint
            FROM risk WHERE is_open AND \(inScope("project_id")) GROUP BY challenge
            """, values).map { row in
            let (challenge, open, highest, total) = try row.decode((String, Int, Int, Int).self)
            return OverviewFigures.RiskGroup(challenge: try PGDecode.value(challenge, "risk", "", "challenge"),
                                             openRisks: open, highestScore: highest, totalScore: total)
        }

        let health = (0..<OverviewFigures.healthMonths).map { offset in
            let m = firstHealth.adding(months: offset)
            return OverviewFigures.HealthPoint(month: m, value: counts[m.description]?.health)
        }
        let lightsNow = lights(month.description, owed: owedNow, overdue: overdueNow)
        return OverviewFigures(
            month: month, projectCount: projectCount, projectsByPhase: byPhase,
            lights: lightsNow, previousLights: lights(month.previous.description, owed: owedBefore, overdue: overdueBefore),
            lightChanges: changes, budgetPlanned: planned, budgetSpent: Money(cents: totals.0),
            reportsMissing: missing, reportsMissingCount: listLimit == nil ? missing.count : max(0, lightsNow.missing),
            fundingEndingUndecided: ending.map(\.0),
            fundingEndingCount: listLimit == nil ? ending.count : endingCount,
            fundingEndingSpent: Dictionary(ending.map { ($0.0.id, $0.1) }, uniquingKeysWith: { a, _ in a }),
            topRisks: OverviewFigures.RiskGroup.heaviestFirst(risks), health: health,
            reportsReceived: totals.1, worsenedLimit: listLimit,
            risksRaised: totals.2, risksClosed: totals.3)
    }

    static func evidence(_ session: PGSession, month: YearMonth, municipalityID: String?) throws -> PortfolioEvidence {
        let ending = "(p.funding_end_month IS NOT NULL AND p.funding_end_month <= :horizon)"
        let row = try session.query("""
            SELECT count(*),
                   count(*) FILTER (WHERE p.phase = '\(Phase.establishment.rawValue)'),
                   count(*) FILTER (WHERE \(ending)),
                   count(*) FILTER (WHERE \(ending) AND p.continuation <> '\(ContinuationDecision.open.rawValue)'),
                   count(*) FILTER (WHERE \(expects("p", ":m"))),
                   count(*) FILTER (WHERE \(expects("p", ":m")) AND EXISTS (
                       SELECT 1 FROM status_report r WHERE r.project_id = p.id AND r.month = :m)),
                   count(*) FILTER (WHERE p.reused_by_others),
                   count(*) FILTER (WHERE p.basic_component_candidate)
            FROM project p WHERE :municipality::text IS NULL OR p.municipality_id = :municipality::text
            """, [
                "m": .text(month.description), "municipality": .text(municipalityID),
                "horizon": .text(month.adding(months: OverviewFigures.fundingHorizonMonths - 1).description),
            ]).first
        let cells = row.map { $0.makeRandomAccess() }
        func int(_ i: Int) throws -> Int { try cells.map { try $0[i].decode(Int.self) } ?? 0 }
        typealias Share = PortfolioEvidence.Share
        return PortfolioEvidence(
            month: month, municipalityID: municipalityID, projectCount: try int(0),
            inEstablishment: Share(part: try int(1), whole: try int(0)),
            continuationDecided: Share(part: try int(3), whole: try int(2)),
            reportsDelivered: Share(part: try int(5), whole: try int(4)),
            reusedByOthers: try int(6), basicComponentCandidates: try int(7))
    }

    /// Projects red in `month` and since when: the run of red months that ends in `month`,
    /// counted by the server (each red month's distance from `month` equals its rank).
    static func redStreaks(_ session: PGSession, month: YearMonth) throws -> [RedStreak] {
        let red = Light.red.rawValue
        return try session.query("""
            WITH reds AS (
                SELECT r.project_id, r.month,
                       row_number() OVER (PARTITION BY r.project_id ORDER BY r.month DESC) AS back,
                       (left(:m, 4)::int * 12 + right(:m, 2)::int)
                           - (left(r.month, 4)::int * 12 + right(r.month, 2)::int) AS distance
                FROM status_report r
                WHERE r.overall = '\(red)' AND r.month <= :m AND r.project_id IN (
                    SELECT project_id FROM status_report WHERE month = :m AND overall = '\(red)'))
            SELECT \(PGColumns.project("p")), min(s.month)
            FROM project p JOIN reds s ON s.project_id = p.id AND s.distance = s.back - 1
            GROUP BY p.id
            ORDER BY p.id COLLATE "C"
            """, ["m": .text(month.description)]).map { row in
            let project = try PGDecode.project(row)
            let since = try row.makeRandomAccess()[14].decode(String.self)
            return RedStreak(project: project, since: try PGDecode.month(since, "status_report", project.id, "month"))
        }
    }
}
