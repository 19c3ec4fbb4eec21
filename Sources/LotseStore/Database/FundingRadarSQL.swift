import GRDB
import LotseDomain

/// The funding radar, counted by SQLite: one aggregate over the projects whose funding
/// ends within the radar's 24 months, and one short list statement. For the newest month
/// the aggregate reads one range of an index on the status rows, which keep each
/// project's funding end, decision, planned budget, spending and office; for an earlier
/// month the partial index on the project's funding end finds the projects and each
/// one's spending up to the month is its newest report's running total.
enum FundingRadarSQL {
    /// - Parameters:
    ///   - listLimit: at most this many projects in the list; nil for all.
    ///   - office: only the projects of this responsible office (the office's dashboard).
    static func radar(_ db: Database, month: YearMonth, listLimit: Int? = nil, office: String? = nil) throws -> FundingRadar {
        let m = month.description
        var arguments: [String: DatabaseValueConvertible] = ["m": m]
        if let office { arguments["office"] = office }
        let last = month.adding(months: FundingRadar.horizonMonths - 1).description
        let lastUrgent = month.adding(months: FundingRadar.urgentMonths - 1).description
        let open = ContinuationDecision.open.rawValue
        let newest = try SQL.statusRowsHold(db, month: month)
        // Money spent up to and including the month: for the newest month the project's
        // status row holds its whole spending; for an earlier one its newest report up to
        // the month holds the running total.
        let spent = newest
            ? "coalesce((SELECT spent_cents FROM project_status WHERE project_id = p.id), 0)"
            : """
              coalesce((SELECT spent_to_date_cents FROM status_report
                        WHERE project_id = p.id AND month <= :m ORDER BY month DESC LIMIT 1), 0)
              """
        let stake = "max(0, p.budget_planned_cents - \(spent))"
        // Only the office's projects, of the table named `alias`.
        func ofOffice(_ alias: String) -> String { office == nil ? "" : " AND \(alias).owner = :office" }
        let projects = newest
            ? """
              SELECT s.funding_end_month, s.continuation, s.budget_planned_cents AS planned,
                     max(0, s.budget_planned_cents - s.spent_cents) AS stake
              FROM project_status s
              WHERE s.funding_end_month BETWEEN :m AND :last\(ofOffice("s"))
              """
            : """
              SELECT p.funding_end_month, p.continuation, p.budget_planned_cents AS planned, \(stake) AS stake
              FROM project p WHERE p.funding_end_month BETWEEN :m AND :last\(ofOffice("p"))
              """

        var buckets = (0..<FundingRadar.horizonMonths).map { FundingRadar.Bucket(monthsLeft: $0) }
        let bucketLayout = RowLayout(table: "project", columns: ["funding_end_month", "continuation", "count", "planned", "stake"],
                                     key: ["funding_end_month", "continuation"])
        let groups = try SQL.fetch(db, """
            SELECT funding_end_month, continuation, count(*), sum(planned), sum(stake) FROM (\(projects))
            GROUP BY funding_end_month, continuation
            """, StatementArguments(arguments.merging(["last": last]) { a, _ in a }), layout: bucketLayout) { r in
            (end: try r.month(at: 0), decision: try r.enumValue(at: 1, as: ContinuationDecision.self),
             count: try r.int(at: 2), planned: try r.money(at: 3), stake: try r.money(at: 4))
        }
        for g in groups {
            let left = month.months(to: g.end)
            guard buckets.indices.contains(left) else { continue }
            buckets[left].projectCount += g.count
            buckets[left].planned += g.planned
            buckets[left].atStake += g.stake
            if g.decision == .open { buckets[left].undecidedAtStake += g.stake }
            buckets[left].decisions[g.decision, default: 0] += g.count
        }

        let entryLayout = RowLayout(table: "project", columns: ["id", "name", "funding_end_month", "budget_planned_cents",
                                                                "stake", "continuation"], key: ["id"])
        let entries = try SQL.fetch(db, """
            SELECT p.id, p.name, p.funding_end_month, p.budget_planned_cents, \(stake), p.continuation
            FROM project p
            WHERE p.continuation = '\(open)' AND p.funding_end_month BETWEEN :m AND :lastUrgent\(ofOffice("p"))
            ORDER BY p.funding_end_month, p.id \(listLimit.map { "LIMIT \(max(0, $0))" } ?? "")
            """, StatementArguments(arguments.merging(["lastUrgent": lastUrgent]) { a, _ in a }), layout: entryLayout) { r in
            FundingRadar.Entry(projectID: try r.string(at: 0), name: try r.string(at: 1), fundingEnd: try r.month(at: 2),
                               planned: try r.money(at: 3), atStake: try r.money(at: 4),
                               continuation: try r.enumValue(at: 5))
        }
        let urgentCount = buckets.prefix(FundingRadar.urgentMonths).reduce(0) { $0 + $1.undecided }
        return FundingRadar(month: month, buckets: buckets, urgentUndecided: entries, urgentUndecidedCount: urgentCount)
    }
}
