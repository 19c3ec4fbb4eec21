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
        let v1Schema = try SQLiteStore.createDatabase(path: path, upTo: "v1", with: portfolio, by: "anna",
                                                      at: Fixture.clock())

        let migrated = try SQLiteStore(path: path)
        #expect(try migrated.appliedMigrations() == SQLiteStore.knownMigrations)
        #expect(try migrated.loadPortfolio() == portfolio.inStoreOrder())
        #expect(try migrated.rows(sql: "SELECT id, changed_by, changed_at FROM project ORDER BY id")
                    == portfolio.projects.map(\.id).sorted().map { [$0, "anna", "2025-10-09T08:53:20Z"] })
        let schema = try migrated.rows(sql: "SELECT type, name, sql FROM sqlite_master ORDER BY name")
        // v2 leaves the v1 schema alone (v3 adds a column to status_report).
        // v3 rebuilt `status_report`, v10-risk-months added two columns to `risk`.
        #expect(v1Schema.filter { !["status_report", "risk"].contains($0[1]) }.allSatisfy(schema.contains))
        let tables = try migrated.rows(sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'assessment%' ORDER BY name")
        // v6-assessment-reopened adds the reopenings.
        #expect(tables.map { $0[0] } == (Self.v2Tables + ["assessment_reopening", "assessment_stance"]).sorted())
        #expect(try migrated.assessments(municipalityID: nil) == [])

        let workshop = AssessmentStoreTests.workshop()
        try migrated.create(workshop, by: "m")
        #expect(try migrated.assessment(id: workshop.id) == workshop)
    }
}
