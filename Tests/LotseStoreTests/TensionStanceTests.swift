import Foundation
import GRDB
import LotseDomain
import Testing
@testable import LotseStore

@Suite("Where a workshop stands on each tension field")
struct TensionStanceTests {
    @Test func aStanceIsSavedChangedAndRemoved() throws {
        let store = try Fixture.store()
        try store.create(AssessmentStoreTests.workshop(), by: "moderation")
        try store.saveStance(assessmentID: "A-1", tensionID: "SF-1", stance: TensionStance(position: 2, note: "eher Pilot"),
                             by: "moderation")
        try store.saveStance(assessmentID: "A-1", tensionID: "SF-2", stance: TensionStance(note: "strittig"), by: "m")
        var stored = try #require(try store.assessment(id: "A-1"))
        #expect(stored.stances == ["SF-1": TensionStance(position: 2, note: "eher Pilot"),
                                   "SF-2": TensionStance(position: nil, note: "strittig")])

        try store.saveStance(assessmentID: "A-1", tensionID: "SF-1", stance: TensionStance(position: 5, note: ""), by: "m")
        try store.saveStance(assessmentID: "A-1", tensionID: "SF-2", stance: TensionStance(), by: "m")
        stored = try #require(try store.assessment(id: "A-1"))
        #expect(stored.stances == ["SF-1": TensionStance(position: 5)])
        #expect(try store.assessments(municipalityID: nil).first?.stances == stored.stances)

        // A copy carries its stances; deleting removes them with the assessment.
        var copy = stored
        copy.id = "A-2"
        try store.create(copy, by: "m")
        #expect(try store.assessment(id: "A-2")?.stances == stored.stances)
        try store.deleteAssessment(id: "A-1")
        #expect(try store.rows(sql: "SELECT count(*) FROM assessment_stance WHERE assessment_id = 'A-1'") == [["0"]])
    }

    @Test func impossibleStancesAndUnknownAssessmentsChangeNothing() throws {
        let store = try Fixture.store()
        try store.create(AssessmentStoreTests.workshop(), by: "m")
        #expect(throws: AssessmentStoreError.unknownAssessment("X")) {
            try store.saveStance(assessmentID: "X", tensionID: "SF-1", stance: TensionStance(position: 3), by: "m")
        }
        var wild = TensionStance(position: 3)
        wild.position = 9
        #expect(throws: AssessmentStoreError.self) {
            try store.saveStance(assessmentID: "A-1", tensionID: "SF-1", stance: wild, by: "m")
        }
        #expect(throws: AssessmentStoreError.self) {
            try store.saveStance(assessmentID: "A-1", tensionID: "", stance: TensionStance(position: 3), by: "m")
        }
        #expect(try store.rows(sql: "SELECT count(*) FROM assessment_stance") == [["0"]])
        for (position, note) in [("0", "'x'"), ("6", "'x'"), ("'drei'", "'x'"), ("NULL", "''")] {
            #expect(throws: StoreError.self, "\(position) \(note)") {
                try store.execute(sql: """
                    INSERT INTO assessment_stance (assessment_id, tension_id, position, note, changed_by, changed_at)
                    VALUES ('A-1', 'SF-1', \(position), \(note), 'x', '2025-01-01T00:00:00Z')
                    """)
            }
        }
    }

    @Test func theInitialiserKeepsPositionsOnTheScaleAndAStepStartsInTheMiddle() {
        #expect(TensionStance(position: 0).position == 1)
        #expect(TensionStance(position: 7).position == 5)
        #expect(TensionStance().moved(by: 1).position == 3)
        #expect(TensionStance(position: 3).moved(by: -1).position == 2)
        #expect(TensionStance(position: 5).moved(by: 1).position == 5)
        #expect(TensionStance(note: "  ").isEmpty)
        #expect(!TensionStance(note: "x").isEmpty)
    }
}
