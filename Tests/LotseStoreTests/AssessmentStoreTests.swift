import Foundation
import LotseDomain
import Testing
@testable import LotseStore

@Suite("Assessment storage")
struct AssessmentStoreTests {
    static func workshop(id: String = "A-1", municipality: String = "kreis",
                         date: Date = Date(timeIntervalSinceReferenceDate: 780_000_000.25)) -> Assessment {
        Assessment(id: id, municipalityID: municipality, questionnaire: "phasenmodell 1.0.0", date: date,
                   facilitator: "Jördis Kühn", participants: ["Anna", "Bernd \"B\"", "Çelik", "Dörte"])
    }

    @Test func answersSavedOneByOneSurviveReopeningTheFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        var expected = Self.workshop()

        let first = try SQLiteStore(path: path, now: Fixture.clock)
        try first.create(expected, by: "moderation")
        for (participant, value) in zip(expected.participants, [3, 4, 2, 4]) {
            try first.saveResponse(assessmentID: "A-1", statementID: "STR-1", participant: participant, value: value,
                                   by: "moderation")
            expected.responses["STR-1", default: [:]][participant] = .some(value)
        }
        // "weiß nicht" is stored as NULL …
        try first.saveResponse(assessmentID: "A-1", statementID: "STR-2", participant: "Anna", value: nil, by: "m")
        expected.responses["STR-2", default: [:]].updateValue(nil, forKey: "Anna")
        // … changed answers replace the earlier one …
        try first.saveResponse(assessmentID: "A-1", statementID: "STR-2", participant: "Çelik", value: 1, by: "m")
        try first.saveResponse(assessmentID: "A-1", statementID: "STR-2", participant: "Çelik", value: 5, by: "m")
        expected.responses["STR-2", default: [:]]["Çelik"] = .some(5)
        try first.saveConsensus(assessmentID: "A-1", statementID: "STR-1", value: 3, by: "m")
        try first.saveConsensus(assessmentID: "A-1", statementID: "STR-2", value: nil, by: "m")
        expected.consensus = ["STR-1": 3]
        expected.consensus.updateValue(nil, forKey: "STR-2")
        try first.saveNote(assessmentID: "A-1", statementID: "STR-1", note: "Dissens: Ziele nur teils\nschriftlich", by: "m")
        expected.notes = ["STR-1": "Dissens: Ziele nur teils\nschriftlich"]
        try first.savePosition(assessmentID: "A-1", position: 2, completed: false, by: "m")
        expected.position = 2
        #expect(try first.assessment(id: "A-1") == expected)
        try first.close()

        // A new process on the same file: the interrupted workshop resumes with everything.
        let second = try SQLiteStore(path: path)
        let reopened = try #require(try second.assessment(id: "A-1"))
        #expect(reopened == expected)
        // Not answered (no entry) and "weiß nicht" (nil) stay different.
        #expect(reopened.responses["STR-2"]?["Bernd \"B\""] == nil)
        #expect(reopened.responses["STR-2"]?.keys.contains("Anna") == true)
        #expect(reopened.responses["STR-2"]?["Anna"] == Optional(Int?.none))
        #expect(reopened.consensus.keys.contains("STR-2"))
        #expect(reopened.consensus["STR-3"] == nil)
        #expect(reopened.scoringAnswers == ["STR-1": 3])
        #expect(try second.rows(sql: "SELECT value FROM assessment_response WHERE statement_id = 'STR-2' ORDER BY participant")
                == [["NULL"], ["5"]])
    }

    @Test func createStoresAnAssessmentWithItsAnswersInOneGo() throws {
        let store = try Fixture.store()
        var a = Self.workshop()
        a.responses = ["STR-1": ["Anna": 2, "Dörte": nil]]
        a.consensus = ["STR-1": nil, "POL-1": 5]
        a.notes = ["POL-1": "einig"]
        a.position = 7
        a.completed = true
        try store.create(a, by: "m")
        #expect(try store.assessment(id: "A-1") == a)
        #expect(try store.assessments(municipalityID: nil) == [a])
        #expect(throws: AssessmentStoreError.duplicateAssessment("A-1")) { try store.create(a, by: "m") }
    }

    @Test func deletingAnswersConsensusNotesAndAssessments() throws {
        let store = try Fixture.store()
        try store.create(Self.workshop(), by: "m")
        try store.saveResponse(assessmentID: "A-1", statementID: "S", participant: "Anna", value: nil, by: "m")
        try store.saveConsensus(assessmentID: "A-1", statementID: "S", value: 4, by: "m")
        try store.saveNote(assessmentID: "A-1", statementID: "S", note: "x", by: "m")

        try store.deleteResponse(assessmentID: "A-1", statementID: "S", participant: "Anna", by: "m")
        try store.deleteConsensus(assessmentID: "A-1", statementID: "S", by: "m")
        try store.saveNote(assessmentID: "A-1", statementID: "S", note: "", by: "m")
        #expect(try store.assessment(id: "A-1") == Self.workshop())

        try store.saveResponse(assessmentID: "A-1", statementID: "S", participant: "Anna", value: 2, by: "m")
        try store.deleteAssessment(id: "A-1")
        #expect(try store.assessment(id: "A-1") == nil)
        #expect(try store.rows(sql: "SELECT count(*) FROM assessment_response") == [["0"]])
        #expect(throws: AssessmentStoreError.unknownAssessment("A-1")) { try store.deleteAssessment(id: "A-1") }
    }

    @Test func writesToAnUnknownAssessmentChangeNothing() throws {
        let store = try Fixture.store()
        #expect(throws: AssessmentStoreError.unknownAssessment("X")) {
            try store.saveResponse(assessmentID: "X", statementID: "S", participant: "Anna", value: 3, by: "m")
        }
        #expect(throws: AssessmentStoreError.unknownAssessment("X")) {
            try store.savePosition(assessmentID: "X", position: 1, completed: false, by: "m")
        }
        #expect(try store.rows(sql: "SELECT count(*) FROM assessment_response") == [["0"]])
    }

    @Test func invalidValuesAreRefused() throws {
        let store = try Fixture.store()
        var a = Self.workshop(id: "")
        a.participants = ["Anna", "Anna"]
        #expect(throws: AssessmentStoreError.invalid(assessmentID: "",
                                                     problems: ["the id is empty", "a participant is named twice"])) {
            try store.create(a, by: "m")
        }
        try store.create(Self.workshop(), by: "m")
        #expect(throws: AssessmentStoreError.self) {
            try store.savePosition(assessmentID: "A-1", position: -1, completed: false, by: "m")
        }
    }

    @Test func listIsNewestFirstAndFiltersByMunicipality() throws {
        let store = try Fixture.store()
        let old = Self.workshop(id: "A-old", date: Date(timeIntervalSinceReferenceDate: 700_000_000))
        let new = Self.workshop(id: "A-new", date: Date(timeIntervalSinceReferenceDate: 800_000_000))
        let other = Self.workshop(id: "B", municipality: "dorf", date: Date(timeIntervalSinceReferenceDate: 750_000_000))
        for a in [old, other, new] { try store.create(a, by: "m") }
        try store.saveResponse(assessmentID: "B", statementID: "S", participant: "Anna", value: 1, by: "m")
        #expect(try store.assessments(municipalityID: nil).map(\.id) == ["A-new", "B", "A-old"])
        let dorf = try store.assessments(municipalityID: "dorf")
        #expect(dorf.map(\.id) == ["B"])
        #expect(dorf.first?.responses == ["S": ["Anna": 1]])
        #expect(try store.assessments(municipalityID: "kreis").map(\.id) == ["A-new", "A-old"])
    }

    @Test func everyChangeRecordsWhoAndWhen() throws {
        let store = try Fixture.store()
        try store.create(Self.workshop(), by: "anna")
        try store.saveResponse(assessmentID: "A-1", statementID: "S", participant: "Anna", value: 1, by: "bernd")
        #expect(try store.rows(sql: "SELECT changed_by, changed_at FROM assessment")
                == [["bernd", "2025-10-09T08:53:20Z"]])
        #expect(try store.rows(sql: "SELECT changed_by FROM assessment_response") == [["bernd"]])
    }

    @Test func replacingThePortfolioKeepsTheAssessments() throws {
        let store = try Fixture.filledStore()
        try store.create(Self.workshop(), by: "m")
        try store.replaceAll(with: Portfolio(), by: "import")
        #expect(try store.assessment(id: "A-1") == Self.workshop())
    }

    @Test func aCorruptParticipantsListIsReportedNotCrashed() throws {
        let store = try Fixture.store()
        try store.create(Self.workshop(), by: "m")
        try store.execute(sql: "UPDATE assessment SET participants = 'Anna, Bernd'")
        #expect(throws: StoreError.corruptValue(table: "assessment", row: "A-1", column: "participants",
                                                found: "'Anna, Bernd'", expected: "a JSON array of names")) {
            try store.assessment(id: "A-1")
        }
    }
}
