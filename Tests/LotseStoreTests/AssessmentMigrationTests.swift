import Foundation
import LotseDomain
import Testing
@testable import LotseStore

@Suite("Migration v2 (assessments)")
struct AssessmentMigrationTests {
    static let v2Tables = ["assessment", "assessment_consensus", "assessment_note", "assessment_response"]

    @Test func aFilledV1DatabaseMigratesToV2KeepingEverything() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let portfolio = Fixture.portfolio()

        // Make the file a v1 database as the previous Lotse left it: the v1 schema, its
        // data and its migration record, nothing of v2.
        let old = try SQLiteStore(path: path)
        try old.replaceAll(with: portfolio, by: "anna")
        try old.execute(sql: Self.v2Tables.map { "DROP TABLE \($0);" }.joined()
                        + "DELETE FROM grdb_migrations WHERE identifier = 'v2';")
        #expect(try old.appliedMigrations() == ["v1"])
        let v1Schema = try old.rows(sql: "SELECT type, name, sql FROM sqlite_master ORDER BY name")
        let v1Rows = try old.rows(sql: "SELECT id, changed_by, changed_at FROM project ORDER BY id")
        try old.close()

        let migrated = try SQLiteStore(path: path)
        #expect(try migrated.appliedMigrations() == ["v1", "v2"])
        #expect(try migrated.loadPortfolio() == portfolio.inStoreOrder())
        #expect(try migrated.rows(sql: "SELECT id, changed_by, changed_at FROM project ORDER BY id") == v1Rows)
        let schema = try migrated.rows(sql: "SELECT type, name, sql FROM sqlite_master ORDER BY name")
        #expect(v1Schema.allSatisfy(schema.contains))
        let tables = try migrated.rows(sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'assessment%' ORDER BY name")
        #expect(tables.map { $0[0] } == Self.v2Tables)
        #expect(try migrated.assessments(municipalityID: nil) == [])

        let workshop = AssessmentStoreTests.workshop()
        try migrated.create(workshop, by: "m")
        #expect(try migrated.assessment(id: workshop.id) == workshop)
    }
}
