import Foundation
import GRDB
import Synchronization
import LotseDomain
import Testing
@testable import LotseStore

@Suite("Reopening a finished assessment")
struct ReopeningTests {
    /// Whole seconds, as the store keeps its audit times.
    static let later = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func settingAFinishedAssessmentBackToOpenRecordsWhoAndWhen() throws {
        var now = Fixture.clock()
        let clock = Mutex(now)
        let store = try SQLiteStore.inMemory(now: { clock.withLock { $0 } })
        try store.create(AssessmentStoreTests.workshop(), by: "moderation")
        try store.saveConsensus(assessmentID: "A-1", statementID: "STR-1", value: 4, by: "moderation")

        // Moving about in an open assessment is no reopening.
        try store.savePosition(assessmentID: "A-1", position: 1, completed: false, by: "moderation")
        #expect(try store.assessment(id: "A-1")?.reopenings == [])

        try store.savePosition(assessmentID: "A-1", position: 1, completed: true, by: "moderation")
        now = Self.later
        clock.withLock { $0 = now }
        try store.savePosition(assessmentID: "A-1", position: 1, completed: false, by: "berta")
        var stored = try #require(try store.assessment(id: "A-1"))
        #expect(!stored.completed)
        #expect(stored.reopenings == [Reopening(by: "berta", at: Self.later)])
        #expect(stored.consensus == ["STR-1": 4], "reopening keeps every answer")

        // Saving the open position again adds nothing; finishing and reopening again adds one.
        try store.savePosition(assessmentID: "A-1", position: 2, completed: false, by: "berta")
        try store.savePosition(assessmentID: "A-1", position: 2, completed: true, by: "berta")
        try store.savePosition(assessmentID: "A-1", position: 2, completed: false, by: "carl")
        stored = try #require(try store.assessment(id: "A-1"))
        #expect(stored.reopenings.map(\.by) == ["berta", "carl"])
        #expect(try store.assessments(municipalityID: "kreis").first?.reopenings.map(\.by) == ["berta", "carl"])

        // A copy carries its reopenings; deleting removes them with the assessment.
        var copy = stored
        copy.id = "A-2"
        try store.create(copy, by: "m")
        #expect(try store.assessment(id: "A-2")?.reopenings == stored.reopenings)
        try store.deleteAssessment(id: "A-1")
        #expect(try store.rows(sql: "SELECT count(*) FROM assessment_reopening WHERE assessment_id = 'A-1'") == [["0"]])
    }

    @Test func reopeningAnUnknownAssessmentChangesNothing() throws {
        let store = try Fixture.store()
        #expect(throws: AssessmentStoreError.unknownAssessment("X")) {
            try store.savePosition(assessmentID: "X", position: 0, completed: false, by: "m")
        }
        #expect(try store.rows(sql: "SELECT count(*) FROM assessment_reopening") == [["0"]])
    }

    @Test func theDatabaseRefusesReopeningRowsThatMakeNoSense() throws {
        let store = try Fixture.store()
        try store.create(AssessmentStoreTests.workshop(), by: "m")
        for (number, at) in [("0", "2025-01-01T00:00:00Z"), ("'eins'", "2025-01-01T00:00:00Z"), ("1", "gestern")] {
            #expect(throws: StoreError.self, "\(number) \(at)") {
                try store.execute(sql: """
                    INSERT INTO assessment_reopening (assessment_id, number, changed_by, changed_at)
                    VALUES ('A-1', \(number), 'x', '\(at)')
                    """)
            }
        }
    }
}

@Suite("Migration v6-assessment-reopened")
struct ReopeningMigrationTests {
    @Test func aV5DatabaseWithAFinishedAssessmentMigratesAndCanBeReopened() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let v5Schema = try SQLiteStore.createDatabase(path: path, upTo: "v5", with: Fixture.portfolio(), by: "anna",
                                                      at: Fixture.clock())
        #expect(!v5Schema.contains { $0[1] == "assessment_reopening" })
        // A finished workshop as the previous Lotse stored it.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO assessment (id, municipality_id, questionnaire, date, facilitator, participants, position,
                                        completed, changed_by, changed_at)
                VALUES ('SE-1', 'kreis', 'phasenmodell 1.0.0', '2025-10-01T09:00:00Z', 'Jördis', '["Anna","Ben"]', 3, 1,
                        'anna', '2025-10-01T11:00:00Z');
                INSERT INTO assessment_consensus (assessment_id, statement_id, value, changed_by, changed_at)
                VALUES ('SE-1', 'STR-1', 4, 'anna', '2025-10-01T10:00:00Z');
                """)
        }
        try queue.close()

        let store = try SQLiteStore(path: path, now: Fixture.clock)
        #expect(try store.appliedMigrations() == SQLiteStore.knownMigrations)
        #expect(SQLiteStore.knownMigrations.contains("v6-assessment-reopened"))
        let schema = try store.rows(sql: "SELECT type, name, sql FROM sqlite_master ORDER BY name")
        // v10-risk-months adds two columns to `risk`, v13-previous-light one to `project_status`,
        // v14-radar-in-status widens the index on the funding end; every other object is as
        // v5 left it.
        #expect(v5Schema.filter { !["risk", "project_status", "project_by_funding_end"].contains($0[1]) }.allSatisfy(schema.contains),
                "v6 adds a table and changes nothing else")
        let before = try #require(try store.assessment(id: "SE-1"))
        #expect(before.completed && before.reopenings == [] && before.consensus == ["STR-1": 4])

        try store.savePosition(assessmentID: "SE-1", position: 3, completed: false, by: "berta")
        let after = try #require(try store.assessment(id: "SE-1"))
        #expect(after.reopenings == [Reopening(by: "berta", at: Fixture.clock())])
        #expect(after.consensus == before.consensus && after.participants == ["Anna", "Ben"])
    }
}
