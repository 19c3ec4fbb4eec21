import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// Rows broken outside Lotse (a hand edit, an old tool) give a typed error naming table,
/// row and column, never a crash.
@Suite("Corrupt rows")
struct CorruptRowTests {
    static func corrupt(_ sql: String) throws -> StoreError? {
        let store = try Fixture.filledStore()
        // Bypass the CHECKs, as a careless tool could.
        try store.execute(sql: "PRAGMA ignore_check_constraints = ON; \(sql); PRAGMA ignore_check_constraints = OFF")
        do {
            _ = try store.loadPortfolio()
            return nil
        } catch let error as StoreError {
            return error
        }
    }

    @Test func unknownEnumValue() throws {
        let error = try Self.corrupt("UPDATE project SET field = 'raumfahrt' WHERE id = 'P1'")
        let allowed = FieldOfAction.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(error == .corruptValue(table: "project", row: "P1", column: "field", found: "'raumfahrt'",
                                       expected: "one of \(allowed)"))
    }

    @Test func unknownLight() throws {
        let error = try Self.corrupt("UPDATE status_report SET cost = 'blau' WHERE project_id = 'P2'")
        #expect(error == .corruptValue(table: "status_report", row: "P2 2024-12", column: "cost",
                                       found: "'blau'", expected: "one of gruen, gelb, rot"))
    }

    @Test func malformedMonth() throws {
        let error = try Self.corrupt("UPDATE status_report SET month = '2024-13' WHERE project_id = 'P2'")
        #expect(error == .corruptValue(table: "status_report", row: "P2 2024-13", column: "month",
                                       found: "'2024-13'", expected: "a month YYYY-MM"))
    }

    @Test func wrongStorageClass() throws {
        let error = try Self.corrupt("UPDATE risk SET probability = 'hoch' WHERE id = 'R0'")
        #expect(error == .corruptValue(table: "risk", row: "R0", column: "probability", found: "'hoch'",
                                       expected: "an integer"))
        let blob = try Self.corrupt("UPDATE municipality SET name = x'00ff' WHERE id = 'dorf'")
        #expect(blob == .corruptValue(table: "municipality", row: "dorf", column: "name",
                                      found: "a blob of 2 bytes", expected: "text"))
    }

    @Test func malformedDecimalAndTimestamp() throws {
        let decimal = try Self.corrupt("UPDATE kpi_reading SET value = '1.2.3' WHERE kpi_id = 'K1'")
        #expect(decimal == .corruptValue(table: "kpi_reading", row: "K1 2024-12", column: "value",
                                         found: "'1.2.3'", expected: "a decimal number"))
        let date = try Self.corrupt("UPDATE status_report SET submitted_at = '2025-02-30T00:00:00Z' WHERE project_id = 'P2'")
        #expect(date == .corruptValue(table: "status_report", row: "P2 2024-12", column: "submitted_at",
                                      found: "'2025-02-30T00:00:00Z'", expected: "an ISO 8601 UTC timestamp"))
    }

    @Test func errorMessageNamesTheSpot() {
        let error = StoreError.corruptValue(table: "project", row: "P1", column: "field", found: "'x'", expected: "y")
        #expect(error.description == "table project, row P1, column field: found 'x', expected y")
    }
}
