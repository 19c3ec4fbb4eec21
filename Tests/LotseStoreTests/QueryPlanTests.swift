import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// The overview is the first frame: for the newest month its questions are answered from
/// indexes and summaries, never by reading every project or every status row (which at
/// 10 000 projects costs more than the rest of the frame). SQLite's own query plans of
/// the statements the store runs say so.
@Suite("Query plans of the first frame")
struct QueryPlanTests {
    static let month = YearMonth(year: 2026, month: 10)!

    /// The store with a small generated portfolio and the statements of the overview's
    /// first request (figures, funding radar, the "red or worse" list), with their plans.
    func firstFramePlans() throws -> [(sql: String, plan: [String])] {
        let store = try SQLiteStore.inMemory()
        let portfolio = SyntheticPortfolio.make(projects: 60, municipalities: 4, months: 8, endingAt: Self.month, seed: 5)
        try store.replaceAll(with: portfolio, by: "t")
        var request = ScreenDataRequest(overview: Self.month, listLimit: 40, municipalities: true)
        request.radar = Self.month
        request.attention = RowRequest(month: Self.month, query: PortfolioQuery(lightFilter: .redOrWorse), limit: 40)
        var answer: ScreenData?
        let statements = try store.statements { answer = try store.answer(request) }
        // The data must give the questions something to find, else a plan proves little.
        #expect((answer?.attention?.matching ?? 0) > 0)
        #expect((answer?.radar?.buckets.reduce(0) { $0 + $1.projectCount } ?? 0) > 0)
        return try statements.filter { $0.uppercased().hasPrefix("SELECT") || $0.uppercased().hasPrefix("WITH") }
            .map { sql in (sql, try store.rows(sql: "EXPLAIN QUERY PLAN " + sql).map { $0.last ?? "" }) }
    }

    @Test func noStatementOfTheFirstFrameReadsEveryProjectOrStatusRow() throws {
        let plans = try firstFramePlans()
        #expect(plans.count >= 3)
        // A statement with a LIMIT (the list of missing reports: the first 40 in id order)
        // may walk the rows in the order it asks for: it stops at the limit.
        for (sql, plan) in plans where !sql.contains("LIMIT") {
            // "SCAN project_status" alone reads every row; "SCAN s USING COVERING INDEX …"
            // would be a narrow index read in full, which is just as unwanted here.
            let full = plan.filter { line in
                line.hasPrefix("SCAN ") && ["project", "project_status", "p", "s"].contains(
                    line.dropFirst(5).split(separator: " ").first.map(String.init) ?? "")
            }
            #expect(full.isEmpty, "\(full) in the plan of\n\(sql)\n\(plan.joined(separator: "\n"))")
        }
    }

    @Test func theRadarAndTheRedOrWorseListAreAnsweredFromIndexesAlone() throws {
        let plans = try firstFramePlans()
        let radar = plans.filter { $0.sql.contains("GROUP BY funding_end_month, continuation") }
        #expect(radar.count == 1)
        for (sql, plan) in radar {
            #expect(plan.contains { $0.contains("USING COVERING INDEX project_status_by_funding_radar") },
                    "\(plan)\n\(sql)")
            #expect(!plan.contains { $0.contains("SUBQUERY") }, "\(plan)\n\(sql)")
        }
        // One read of the covering index. A "MULTI-INDEX OR" plan names the same index
        // twice but looks each row it finds up in the table.
        let worse = plans.filter { $0.sql.contains("light_rank IN (1, 2) AND") }
        #expect(worse.count >= 1)
        for (sql, plan) in worse {
            #expect(plan.filter { $0.contains("USING COVERING INDEX project_status_by_change") }.count == 1,
                    "\(plan)\n\(sql)")
            #expect(!plan.contains { $0.contains("MULTI-INDEX OR") || $0.hasPrefix("SCAN") }, "\(plan)\n\(sql)")
        }
    }

    /// A database of the schema before the radar moved into the status rows gets each
    /// project's budget and office there when it is migrated, and answers as before.
    @Test func migratingCopiesBudgetAndOfficeIntoTheStatusRows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let portfolio = SyntheticPortfolio.make(projects: 60, municipalities: 4, months: 8, endingAt: Self.month, seed: 5)
        let previous = try #require(StoreSchema.migrationIdentifiers.firstIndex(of: "v14-radar-in-status"))
        _ = try SQLiteStore.createDatabase(path: path, upTo: StoreSchema.migrationIdentifiers[previous - 1],
                                           with: portfolio, by: "tester", at: Fixture.clock(), summaries: true)
        let store = try SQLiteStore(path: path, now: Fixture.clock)
        let copied = """
            SELECT count(*) FROM project_status s JOIN project p ON p.id = s.project_id
            WHERE s.budget_planned_cents = p.budget_planned_cents AND s.owner = p.owner
            """
        #expect(try store.rows(sql: copied) == [[String(portfolio.projects.count)]])
        let reference = InMemoryPortfolio(portfolio)
        // The office of a project whose funding ends within the radar, so it counts something.
        let radarOffice = portfolio.projects.first { p in
            p.fundingEnd.map { Self.month.months(to: $0) >= 0 && Self.month.months(to: $0) < FundingRadar.horizonMonths }
                ?? false
        }?.owner
        #expect(radarOffice != nil)
        for office in [nil, radarOffice] {
            var request = ScreenDataRequest()
            request.radar = Self.month
            request.overviewFilter = office.map { PortfolioQuery(office: $0) }
            let want = try reference.answer(request).radar
            #expect((want?.projectCount ?? 0) > 0)
            #expect(try store.answer(request).radar == want)
        }
    }
}
