import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// The schema itself rejects what the domain forbids, whoever writes to the file.
@Suite("Constraints")
struct ConstraintTests {
    static let audit = "'t', '2025-01-01T00:00:00Z'"

    static func reportInsert(project: String = "P1", month: String = "'2025-06'", light: String = "'gruen'",
                             progress: String = "50", spent: String = "0") -> String {
        """
        INSERT INTO status_report (project_id, month, overall, schedule, cost, results, progress, achieved,
            next_steps, risks_and_measures, spent_cents, author, submitted_at, changed_by, changed_at)
        VALUES ('\(project)', \(month), \(light), 'gruen', 'gruen', 'gruen', \(progress), '', '', '', \(spent),
            'a', '2025-07-01T00:00:00Z', \(audit))
        """
    }

    static func message(_ sql: String, in store: SQLiteStore) -> String? {
        do {
            try store.execute(sql: sql)
            return nil
        } catch StoreError.database(_, let message) {
            return message
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func aValidRawRowIsAccepted() throws {
        let store = try Fixture.filledStore()
        #expect(Self.message(Self.reportInsert(), in: store) == nil)
    }

    @Test func uniqueReportPerProjectAndMonth() throws {
        let store = try Fixture.filledStore()
        let message = Self.message(Self.reportInsert(month: "'2025-02'"), in: store)
        #expect(message?.contains("UNIQUE constraint failed: status_report.project_id, status_report.month") == true)
    }

    @Test func uniqueReadingPerKPIAndMonth() throws {
        let store = try Fixture.filledStore()
        let message = Self.message("INSERT INTO kpi_reading (kpi_id, month, value, changed_by, changed_at) "
                                   + "VALUES ('K2', '2025-02', '1', \(Self.audit))", in: store)
        #expect(message?.contains("UNIQUE constraint failed: kpi_reading.kpi_id, kpi_reading.month") == true)
    }

    @Test(arguments: [
        reportInsert(progress: "101"), reportInsert(progress: "-1"), reportInsert(month: "'2025-13'"),
        reportInsert(month: "'2025-00'"), reportInsert(month: "'2025-6'"), reportInsert(month: "'0000-01'"),
        reportInsert(month: "'2025-06-01'"), reportInsert(light: "'blau'"), reportInsert(light: "'green'"),
        reportInsert(spent: "-5"),
        "UPDATE risk SET probability = 0", "UPDATE risk SET impact = 6", "UPDATE risk SET is_open = 2",
        "UPDATE kpi SET target = '1,5'", "UPDATE kpi SET target = ''", "UPDATE kpi_reading SET value = '12 kg'",
        "UPDATE kpi SET direction = 'up'", "UPDATE project SET phase = 'pilot'",
        "UPDATE project SET budget_planned_cents = -1", "UPDATE project SET funding_end_month = '2027'",
        "UPDATE municipality SET kind = 'dorf'", "UPDATE municipality SET population = -1",
        "UPDATE municipality SET changed_at = 'yesterday'",
    ])
    func checkConstraintsRejectBadRows(sql: String) throws {
        let store = try Fixture.filledStore()
        let message = Self.message(sql, in: store)
        #expect(message?.contains("CHECK constraint failed") == true, "\(sql)")
    }

    @Test func foreignKeysRejectOrphansAndCascade() throws {
        let store = try Fixture.filledStore()
        #expect(Self.message(Self.reportInsert(project: "nope"), in: store)?
                    .contains("FOREIGN KEY constraint failed") == true)
        try store.execute(sql: "DELETE FROM project WHERE id = 'P1'")
        let left = try store.loadPortfolio()
        #expect(left.reports.allSatisfy { $0.projectID == "P2" })
        #expect(left.kpis.map(\.id) == ["K1"])
        #expect(left.readings.map(\.kpiID) == ["K1"])
        #expect(left.risks.map(\.id) == ["R1"])
        try store.execute(sql: "DELETE FROM municipality")
        #expect(try store.loadPortfolio() == Portfolio())
    }
}
