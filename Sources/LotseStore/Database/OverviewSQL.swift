import GRDB
import LotseDomain

/// The overview's figures, the evidence beside a self-assessment and the red streaks of the
/// monthly report, counted by SQLite: aggregates over indexed tables and the month summary,
/// a handful of statements however large the portfolio and however long its history.
enum OverviewSQL {
    /// - Parameter listLimit: at most this many projects in each list; nil for all.
    static func figures(_ db: Database, month: YearMonth, listLimit: Int? = nil) throws -> OverviewFigures {
        let limit = listLimit.map { "LIMIT \($0)" } ?? ""
        let m = month.description, previous = month.previous.description
        let firstHealth = month.adding(months: -(OverviewFigures.healthMonths - 1))
        let horizon = month.adding(months: OverviewFigures.fundingHorizonMonths - 1).description

        // One pass over the projects: phases, budget, and who owes a report now and before.
        var byPhase: [Phase: Int] = [:]
        var projectCount = 0, owedNow = 0, owedBefore = 0
        var planned = Money.zero
        for row in try Row.fetchAll(db, sql: """
            SELECT phase, count(*), sum(budget_planned_cents),
                   sum(\(DerivedData.expects("p", ":m"))), sum(\(DerivedData.expects("p", ":previous")))
            FROM project p GROUP BY phase
            """, arguments: ["m": m, "previous": previous]) {
            let reader = RowReader(row, table: "project", key: [])
            let count: Int = row[1]
            byPhase[try reader.enumValue(at: 0, as: Phase.self)] = count
            projectCount += count
            planned += Money(cents: row[2])
            owedNow += row[3] as Int
            owedBefore += row[4] as Int
        }

        var counts: [String: LightCounts] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT month, green, yellow, red FROM month_summary WHERE month BETWEEN ? AND ?
            """, arguments: [min(firstHealth, month.previous).description, m]) {
            counts[row[0]] = LightCounts(green: row[1], yellow: row[2], red: row[3])
        }
        func lights(_ month: String, owed: Int) -> LightCounts {
            var c = counts[month] ?? LightCounts()
            c.missing = owed - c.reported
            return c
        }
        let spent = try Int64.fetchOne(db, sql: "SELECT coalesce(sum(spent_cents), 0) FROM month_summary WHERE month <= ?",
                                       arguments: [m]) ?? 0

        // For the newest month (no report after it) each project's status row knows whether
        // its newest report is of this month; for an earlier month the month's reports say.
        let isNewest = try SQL.statusRowsHold(db, month: month)
        let projectColumns = ProjectRecord.valueLayout.columns.map { "p.\($0)" }.joined(separator: ", ")
        let missing = try SQL.fetch(db, isNewest ? """
            SELECT \(projectColumns) FROM project_status s JOIN project p ON p.id = s.project_id
            WHERE (s.latest_month IS NULL OR s.latest_month < :m) AND \(DerivedData.expects("p", ":m"))
            ORDER BY p.id \(limit)
            """ : """
            SELECT \(projectColumns) FROM project p
            WHERE \(DerivedData.expects("p", ":m"))
              AND p.id NOT IN (SELECT project_id FROM status_report WHERE month = :m)
            ORDER BY p.id \(limit)
            """, ["m": m], layout: ProjectRecord.valueLayout, ProjectRecord.value)

        let changeLayout = RowLayout(table: "status_report", columns: ["project_id", "before", "now"], key: ["project_id"])
        let changes = try SQL.fetch(db, """
            SELECT project_id, before, now FROM light_change WHERE month = :m ORDER BY project_id
            """, ["m": m], layout: changeLayout) { r in
            OverviewFigures.LightChange(projectID: try r.string(at: 0), from: try r.enumValue(at: 1), to: try r.enumValue(at: 2))
        }

        let endingLayout = RowLayout(table: "project", columns: ProjectRecord.valueLayout.columns + ["spent"],
                                     key: ProjectRecord.key)
        let ending = try SQL.fetch(db, """
            SELECT \(projectColumns),
                   \(isNewest ? "coalesce((SELECT spent_cents FROM project_status WHERE project_id = p.id), 0)" : """
                       coalesce((SELECT spent_to_date_cents FROM status_report
                                 WHERE project_id = p.id AND month <= :m ORDER BY month DESC LIMIT 1), 0)
                       """)
            FROM project p
            WHERE p.continuation = '\(ContinuationDecision.open.rawValue)'
              AND p.funding_end_month BETWEEN :m AND :horizon
            ORDER BY p.funding_end_month, p.id \(limit)
            """, ["m": m, "horizon": horizon], layout: endingLayout) { r in
            (try ProjectRecord.value(r), try r.money(at: ProjectRecord.valueLayout.columns.count))
        }

        let riskLayout = RowLayout(table: "risk", columns: ["challenge", "open", "highest", "total"], key: ["challenge"])
        let risks = try SQL.fetch(db, """
            SELECT challenge, count(*), max(probability * impact), sum(probability * impact)
            FROM risk WHERE is_open = 1 GROUP BY challenge
            """, layout: riskLayout) { r in
            OverviewFigures.RiskGroup(challenge: try r.enumValue(at: 0), openRisks: try r.int(at: 1),
                                      highestScore: try r.int(at: 2), totalScore: try r.int(at: 3))
        }

        let health = (0..<OverviewFigures.healthMonths).map { offset in
            let m = firstHealth.adding(months: offset)
            return OverviewFigures.HealthPoint(month: m, value: counts[m.description]?.health)
        }
        return OverviewFigures(
            month: month, projectCount: projectCount, projectsByPhase: byPhase,
            lights: lights(m, owed: owedNow), previousLights: lights(previous, owed: owedBefore),
            lightChanges: changes, budgetPlanned: planned, budgetSpent: Money(cents: spent),
            reportsMissing: missing, reportsMissingCount: listLimit == nil ? missing.count : max(0, lights(m, owed: owedNow).missing),
            fundingEndingUndecided: ending.map(\.0),
            fundingEndingCount: listLimit == nil ? ending.count : try Int.fetchOne(db, sql: """
                SELECT count(*) FROM project
                WHERE continuation = '\(ContinuationDecision.open.rawValue)' AND funding_end_month BETWEEN ? AND ?
                """, arguments: [m, horizon]) ?? 0,
            fundingEndingSpent: Dictionary(ending.map { ($0.0.id, $0.1) }, uniquingKeysWith: { a, _ in a }),
            topRisks: OverviewFigures.RiskGroup.heaviestFirst(risks), health: health)
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
