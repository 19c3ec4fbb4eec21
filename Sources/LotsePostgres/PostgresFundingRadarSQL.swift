import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// The funding radar, counted by PostgreSQL: one aggregate over the projects whose funding
/// ends within the radar's months (the partial index on the funding end finds them), each
/// with its money spent up to the month, and one short list. The same answers as SQLite's
/// `FundingRadarSQL`.
enum PostgresFundingRadarSQL {
    /// - Parameters:
    ///   - listLimit: at most this many projects in the list; nil for all.
    ///   - office: only the projects of this responsible office (the office's dashboard).
    static func radar(_ session: PGSession, month: YearMonth, listLimit: Int? = nil,
                      office: String? = nil) throws -> FundingRadar {
        let ofOffice = office == nil ? "" : " AND p.owner = :office"
        var values: [String: PGStatement.Value] = [
            "m": .text(month.description),
            "last": .text(month.adding(months: FundingRadar.horizonMonths - 1).description),
            "lastUrgent": .text(month.adding(months: FundingRadar.urgentMonths - 1).description),
        ]
        if let office { values["office"] = .text(office) }
        let open = ContinuationDecision.open.rawValue
        let stake = "greatest(0, p.budget_planned_cents - \(PostgresOverviewSQL.spentUpTo("p", ":m")))"

        var buckets = (0..<FundingRadar.horizonMonths).map { FundingRadar.Bucket(monthsLeft: $0) }
        for row in try session.query("""
            SELECT p.funding_end_month, p.continuation, count(*), sum(p.budget_planned_cents)::bigint,
                   sum(\(stake))::bigint
            FROM project p \(PostgresLatestReport.join()) WHERE p.funding_end_month BETWEEN :m AND :last\(ofOffice)
            GROUP BY p.funding_end_month, p.continuation
            """, values) {
            let (endText, decisionText, count, planned, atStake) = try row.decode((String, String, Int, Int64, Int64).self)
            let end = try PGDecode.month(endText, "project", "", "funding_end_month")
            let decision: ContinuationDecision = try PGDecode.value(decisionText, "project", "", "continuation")
            let left = month.months(to: end)
            guard buckets.indices.contains(left) else { continue }
            buckets[left].projectCount += count
            buckets[left].planned += Money(cents: planned)
            buckets[left].atStake += Money(cents: atStake)
            if decision == .open { buckets[left].undecidedAtStake += Money(cents: atStake) }
            buckets[left].decisions[decision, default: 0] += count
        }

        let entries = try session.query("""
            SELECT p.id, p.name, p.funding_end_month, p.budget_planned_cents, \(stake), p.continuation
            FROM project p \(PostgresLatestReport.join())
            WHERE p.continuation = '\(open)' AND p.funding_end_month BETWEEN :m AND :lastUrgent\(ofOffice)
            ORDER BY p.funding_end_month, p.id COLLATE "C" \(listLimit.map { "LIMIT \(max(0, $0))" } ?? "")
            """, values).map { row in
            let (id, name, end, planned, atStake, decision) = try row.decode(
                (String, String, String, Int64, Int64, String).self)
            return FundingRadar.Entry(projectID: id, name: name,
                                      fundingEnd: try PGDecode.month(end, "project", id, "funding_end_month"),
                                      planned: Money(cents: planned), atStake: Money(cents: atStake),
                                      continuation: try PGDecode.value(decision, "project", id, "continuation"))
        }
        let urgentCount = buckets.prefix(FundingRadar.urgentMonths).reduce(0) { $0 + $1.undecided }
        return FundingRadar(month: month, buckets: buckets, urgentUndecided: entries, urgentUndecidedCount: urgentCount)
    }
}
