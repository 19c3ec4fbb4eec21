import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// `project_tally` and `open_risk_tally` are kept by triggers: whatever is written to
/// `project` and `risk`, and however, they hold what counting the tables afresh gives.
@Suite("Overview tallies")
struct TallyTests {
    static let countedProjects = """
        SELECT phase, start_month, CASE WHEN continuation = 'beenden' AND funding_end_month IS NOT NULL
                                        THEN funding_end_month ELSE '' END AS stop,
               count(*), sum(budget_planned_cents)
        FROM project GROUP BY phase, start_month, stop ORDER BY 1, 2, 3
        """
    static let countedRisks = """
        SELECT challenge, probability * impact AS score, count(*) FROM risk WHERE is_open = 1
        GROUP BY challenge, score ORDER BY 1, 2
        """

    func expectTalliesMatch(_ store: SQLiteStore, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let projects = try store.rows(sql: "SELECT * FROM project_tally ORDER BY 1, 2, 3")
        let risks = try store.rows(sql: "SELECT * FROM open_risk_tally ORDER BY 1, 2")
        #expect(projects == (try store.rows(sql: Self.countedProjects)), "projects after \(step)", sourceLocation: sourceLocation)
        #expect(risks == (try store.rows(sql: Self.countedRisks)), "risks after \(step)", sourceLocation: sourceLocation)
    }

    @Test func everyKindOfWriteKeepsTheTalliesExact() throws {
        let store = try SQLiteStore.inMemory()
        let p = SyntheticPortfolio.make(projects: 40, municipalities: 3, months: 8,
                                        endingAt: YearMonth(year: 2026, month: 10)!, seed: 3)
        try store.replaceAll(with: p, by: "t")
        #expect(try store.rows(sql: "SELECT count(*) FROM project_tally") != [["0"]])
        #expect(try store.rows(sql: "SELECT count(*) FROM open_risk_tally") != [["0"]])
        try expectTalliesMatch(store, "the import")

        let steps = [
            "UPDATE project SET phase = 'etablieren' WHERE rowid % 3 = 0",
            "UPDATE project SET continuation = 'beenden', funding_end_month = '2026-03' WHERE rowid % 4 = 1",
            "UPDATE project SET funding_end_month = NULL WHERE rowid % 5 = 2",
            "UPDATE project SET budget_planned_cents = budget_planned_cents + 12345, start_month = '2019-01' WHERE rowid % 2 = 0",
            "UPDATE project SET name = name || ' (neu)'",
            "UPDATE risk SET is_open = 0, closed_month = '2026-10' WHERE rowid % 3 = 0",
            "UPDATE risk SET is_open = 1, closed_month = NULL WHERE rowid % 6 = 0",
            "UPDATE risk SET probability = 5, impact = 5 WHERE rowid % 4 = 1",
            "UPDATE risk SET challenge = 'personal' WHERE rowid % 7 = 2",
            "DELETE FROM risk WHERE rowid % 5 = 0",
            "DELETE FROM project WHERE rowid % 9 = 0",
            "DELETE FROM municipality WHERE rowid = (SELECT min(rowid) FROM municipality)",
        ]
        for step in steps {
            try store.execute(sql: step)
            try expectTalliesMatch(store, step)
        }
        try store.replaceAll(with: Portfolio(), by: "t")
        #expect(try store.rows(sql: "SELECT count(*) FROM project_tally") == [["0"]])
        #expect(try store.rows(sql: "SELECT count(*) FROM open_risk_tally") == [["0"]])
    }

    /// A database of the previous schema gets its tallies counted when it is migrated.
    @Test func migratingCountsTheTalliesOfTheRowsThere() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let previous = try #require(StoreSchema.migrationIdentifiers.firstIndex(of: "v12-overview-tallies"))
        _ = try SQLiteStore.createDatabase(path: path, upTo: StoreSchema.migrationIdentifiers[previous - 1],
                                           with: Fixture.portfolio(), by: "tester", at: Fixture.clock())
        let store = try SQLiteStore(path: path, now: Fixture.clock)
        #expect(try store.rows(sql: "SELECT sum(projects) FROM project_tally") == [[String(Fixture.portfolio().projects.count)]])
        try expectTalliesMatch(store, "the migration")
    }
}
