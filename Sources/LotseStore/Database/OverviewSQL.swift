import Foundation
import GRDB
import LotseDomain

/// The overview's figures, the evidence beside a self-assessment and the red streaks of the
/// monthly report, counted by SQLite: aggregates over indexed tables and the month summary,
/// a handful of statements however large the portfolio and however long its history.
enum OverviewSQL {
    /// - Parameters:
    ///   - listLimit: at most this many projects in each list; nil for all.
    ///   - filter: count only the projects this query keeps as of `month` (search and
    ///     order aside): one office's dashboard. Nil (or no filter) for every project.
    ///   - due: when reports fall due; nil: a report is missing as soon as its month is shown.
    static func figures(_ db: Database, month: YearMonth, listLimit: Int? = nil, filter: PortfolioQuery? = nil,
                        due: ReportDue? = nil) throws -> OverviewFigures {
        let limit = listLimit.map { "LIMIT \($0)" } ?? ""
        let m = month.description, previous = month.previous.description
        let firstHealth = month.adding(months: -(OverviewFigures.healthMonths - 1))
        let horizon = month.adding(months: OverviewFigures.fundingHorizonMonths - 1).description
        let overdueNow = due.isOverdue(month), overdueBefore = due.isOverdue(month.previous)

        // With a filter, every statement reads the chosen projects only (their ids as one
        // JSON argument), and the month counts come from their reports instead of the
        // portfolio-wide month summary.
        var scoped: [String: DatabaseValueConvertible] = [:]
        var selection: PortfolioQuery?
        if let filter, filter.selection.isActive { selection = filter.selection }
        if let selection {
            let ids = try PortfolioRowsSQL.fetchIDs(db, selection, month: month, overdue: overdueNow)
            scoped["ids"] = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
        }
        func inScope(_ column: String) -> String {
            selection == nil ? "1" : "\(column) IN (SELECT value FROM json_each(:ids))"
        }
        func args(_ named: [String: DatabaseValueConvertible]) -> StatementArguments {
            StatementArguments(named.merging(scoped) { a, _ in a })
        }

        // One pass over the projects: phases, budget, and who owes a report now and before.
        var byPhase: [Phase: Int] = [:]
        var projectCount = 0, owedNow = 0, owedBefore = 0
        var planned = Money.zero
        // The whole portfolio is counted from its tally (a few hundred groups, kept by
        // triggers), one office's projects one by one.
        for row in try Row.fetchAll(db, sql: selection == nil ? """
            SELECT phase, sum(projects), sum(budget_planned_cents),
                   sum(projects * \(Self.owes(":m"))), sum(projects * \(Self.owes(":previous")))
            FROM project_tally GROUP BY phase
            """ : """
            SELECT phase, count(*), sum(budget_planned_cents),
                   sum(\(DerivedData.expects("p", ":m"))), sum(\(DerivedData.expects("p", ":previous")))
            FROM project p WHERE \(inScope("p.id")) GROUP BY phase
            """, arguments: args(["m": m, "previous": previous])) {
            let reader = RowReader(row, table: "project", key: [])
            let count: Int = row[1]
            byPhase[try reader.enumValue(at: 0, as: Phase.self)] = count
            projectCount += count
            planned += Money(cents: row[2])
            owedNow += row[3] as Int
            owedBefore += row[4] as Int
        }

        var counts: [String: LightCounts] = [:]
        let firstCounted = min(firstHealth, month.previous).description
        let owed = DerivedData.expects("p", "r.month")
        for row in try Row.fetchAll(db, sql: selection == nil ? """
            SELECT month, green, yellow, red FROM month_summary WHERE month BETWEEN :first AND :m
            """ : """
            SELECT r.month, sum(\(owed) AND r.overall = '\(Light.green.rawValue)'),
                   sum(\(owed) AND r.overall = '\(Light.yellow.rawValue)'),
                   sum(\(owed) AND r.overall = '\(Light.red.rawValue)')
            FROM status_report r JOIN project p ON p.id = r.project_id
            WHERE r.month BETWEEN :first AND :m AND \(inScope("r.project_id"))
            GROUP BY r.month
            """, arguments: args(["first": firstCounted, "m": m])) {
            counts[row[0]] = LightCounts(green: row[1], yellow: row[2], red: row[3])
        }
        func lights(_ month: String, owed: Int, overdue: Bool) -> LightCounts {
            var c = counts[month] ?? LightCounts()
            if overdue { c.missing = owed - c.reported } else { c.notYetDue = owed - c.reported }
            return c
        }
        let spent = try Int64.fetchOne(db, sql: selection == nil
            ? "SELECT coalesce(sum(spent_cents), 0) FROM month_summary WHERE month <= :m"
            : "SELECT coalesce(sum(spent_cents), 0) FROM status_report WHERE month <= :m AND \(inScope("project_id"))",
            arguments: args(["m": m])) ?? 0
        let received = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM status_report WHERE month = :m AND \(inScope("project_id"))
            """, arguments: args(["m": m])) ?? 0

        // For the newest month (no report after it) each project's status row knows whether
        // its newest report is of this month; for an earlier month the month's reports say.
        // Before the month's due day nothing is missing yet.
        let isNewest = try SQL.statusRowsHold(db, month: month)
        let projectColumns = ProjectRecord.valueLayout.columns.map { "p.\($0)" }.joined(separator: ", ")
        let missing = !overdueNow ? [] : try SQL.fetch(db, isNewest ? """
            SELECT \(projectColumns) FROM project_status s JOIN project p ON p.id = s.project_id
            WHERE (s.latest_month IS NULL OR s.latest_month < :m) AND \(DerivedData.expects("s", ":m"))
              AND \(inScope("s.project_id"))
            ORDER BY s.project_id \(limit)
            """ : """
            SELECT \(projectColumns) FROM project p
            WHERE \(DerivedData.expects("p", ":m"))
              AND p.id NOT IN (SELECT project_id FROM status_report WHERE month = :m) AND \(inScope("p.id"))
            ORDER BY p.id \(limit)
            """, args(["m": m]), layout: ProjectRecord.valueLayout, ProjectRecord.value)

        let changeLayout = RowLayout(table: "status_report", columns: ["project_id", "before", "now"], key: ["project_id"])
        let changes = try SQL.fetch(db, """
            SELECT project_id, before, now FROM light_change WHERE month = :m AND \(inScope("project_id"))
            ORDER BY project_id
            """, args(["m": m]), layout: changeLayout) { r in
            OverviewFigures.LightChange(projectID: try r.string(at: 0), from: try r.enumValue(at: 1), to: try r.enumValue(at: 2))
        }

        let endingLayout = RowLayout(table: "project", columns: ProjectRecord.valueLayout.columns + ["spent"],
                                     key: ProjectRecord.key)
        let endingCondition = """
            p.continuation = '\(ContinuationDecision.open.rawValue)'
              AND p.funding_end_month BETWEEN :m AND :horizon AND \(inScope("p.id"))
            """
        let ending = try SQL.fetch(db, """
            SELECT \(projectColumns),
                   \(isNewest ? "coalesce((SELECT spent_cents FROM project_status WHERE project_id = p.id), 0)" : """
                       coalesce((SELECT spent_to_date_cents FROM status_report
                                 WHERE project_id = p.id AND month <= :m ORDER BY month DESC LIMIT 1), 0)
                       """)
            FROM project p
            WHERE \(endingCondition)
            ORDER BY p.funding_end_month, p.id \(limit)
            """, args(["m": m, "horizon": horizon]), layout: endingLayout) { r in
            (try ProjectRecord.value(r), try r.money(at: ProjectRecord.valueLayout.columns.count))
        }

        let riskLayout = RowLayout(table: "risk", columns: ["challenge", "open", "highest", "total"], key: ["challenge"])
        let risks = try SQL.fetch(db, selection == nil ? """
            SELECT challenge, sum(risks), max(score), sum(score * risks) FROM open_risk_tally GROUP BY challenge
            """ : """
            SELECT challenge, count(*), max(probability * impact), sum(probability * impact)
            FROM risk WHERE is_open = 1 AND \(inScope("project_id")) GROUP BY challenge
            """, args([:]), layout: riskLayout) { r in
            OverviewFigures.RiskGroup(challenge: try r.enumValue(at: 0), openRisks: try r.int(at: 1),
                                      highestScore: try r.int(at: 2), totalScore: try r.int(at: 3))
        }

        let riskChanges = try Row.fetchOne(db, sql: """
            SELECT (SELECT count(*) FROM risk WHERE raised_month = :m AND \(inScope("project_id"))),
                   (SELECT count(*) FROM risk WHERE is_open = 0 AND closed_month = :m AND \(inScope("project_id")))
            """, arguments: args(["m": m]))

        let health = (0..<OverviewFigures.healthMonths).map { offset in
            let m = firstHealth.adding(months: offset)
            return OverviewFigures.HealthPoint(month: m, value: counts[m.description]?.health)
        }
        let lightsNow = lights(m, owed: owedNow, overdue: overdueNow)
        return OverviewFigures(
            month: month, projectCount: projectCount, projectsByPhase: byPhase,
            lights: lightsNow, previousLights: lights(previous, owed: owedBefore, overdue: overdueBefore),
            lightChanges: changes, budgetPlanned: planned, budgetSpent: Money(cents: spent),
            reportsMissing: missing, reportsMissingCount: listLimit == nil ? missing.count : max(0, lightsNow.missing),
            fundingEndingUndecided: ending.map(\.0),
            fundingEndingCount: listLimit == nil ? ending.count : try Int.fetchOne(db, sql: """
                SELECT count(*) FROM project p WHERE \(endingCondition)
                """, arguments: args(["m": m, "horizon": horizon])) ?? 0,
            fundingEndingSpent: Dictionary(ending.map { ($0.0.id, $0.1) }, uniquingKeysWith: { a, _ in a }),
            topRisks: OverviewFigures.RiskGroup.heaviestFirst(risks), health: health,
            reportsReceived: received, worsenedLimit: listLimit,
            risksRaised: riskChanges?[0] ?? 0, risksClosed: riskChanges?[1] ?? 0)
    }

    /// SQL: whether a `project_tally` group owes a report in `month` (`DerivedData.expects`
    /// for the group's first month and stop month).
    static func owes(_ month: String) -> String {
        "(start_month <= \(month) AND NOT (stop_month <> '' AND \(month) > stop_month))"
    }

    static func evidence(_ db: Database, month: YearMonth, municipalityID: String?) throws -> PortfolioEvidence {
        let horizon = month.adding(months: OverviewFigures.fundingHorizonMonths - 1).description
        let ending = "(p.funding_end_month IS NOT NULL AND p.funding_end_month <= :horizon)"
        let owed = DerivedData.expects("p", ":m")
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*),
                   coalesce(sum(p.phase = '\(Phase.establishment.rawValue)'), 0),
                   coalesce(sum(\(ending)), 0),
                   coalesce(sum(\(ending) AND p.continuation <> '\(ContinuationDecision.open.rawValue)'), 0),
                   coalesce(sum(\(owed)), 0),
                   coalesce(sum(\(owed) AND EXISTS (SELECT 1 FROM status_report r
                                                   WHERE r.project_id = p.id AND r.month = :m)), 0),
                   coalesce(sum(p.reused_by_others), 0),
                   coalesce(sum(p.basic_component_candidate), 0)
            FROM project p WHERE :municipality IS NULL OR p.municipality_id = :municipality
            """, arguments: ["m": month.description, "horizon": horizon, "municipality": municipalityID])
        func int(_ i: Int) -> Int { row?[i] ?? 0 }
        typealias Share = PortfolioEvidence.Share
        return PortfolioEvidence(
            month: month, municipalityID: municipalityID, projectCount: int(0),
            inEstablishment: Share(part: int(1), whole: int(0)),
            continuationDecided: Share(part: int(3), whole: int(2)),
            reportsDelivered: Share(part: int(5), whole: int(4)),
            reusedByOthers: int(6), basicComponentCandidates: int(7))
    }

    /// Projects red in `month` and since when: two statements, the walk back in memory.
    static func redStreaks(_ db: Database, month: YearMonth) throws -> [RedStreak] {
        let red = Light.red.rawValue
        let projectColumns = ProjectRecord.valueLayout.columns.map { "p.\($0)" }.joined(separator: ", ")
        let projects = try SQL.fetch(db, """
            SELECT \(projectColumns) FROM project p JOIN status_report r ON r.project_id = p.id
            WHERE r.month = ? AND r.overall = '\(red)' ORDER BY p.id
            """, [month.description], layout: ProjectRecord.valueLayout, ProjectRecord.value)
        guard !projects.isEmpty else { return [] }
        var redMonths: [String: [YearMonth]] = [:]
        let layout = RowLayout(table: "status_report", columns: ["project_id", "month"], key: ["project_id", "month"])
        for (id, m) in try SQL.fetch(db, """
            SELECT project_id, month FROM status_report
            WHERE overall = '\(red)' AND month < ? AND project_id IN (\(SQL.marks(projects.count)))
            ORDER BY project_id, month DESC
            """, StatementArguments([month.description] + projects.map(\.id)), layout: layout,
            { r in (try r.string(at: 0), try r.month(at: 1)) }) {
            redMonths[id, default: []].append(m)
        }
        return projects.map { p in
            var since = month
            for m in redMonths[p.id] ?? [] {
                guard m == since.previous else { break }
                since = m
            }
            return RedStreak(project: p, since: since)
        }
    }
}
