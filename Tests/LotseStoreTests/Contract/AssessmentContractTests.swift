import Foundation
import LotseDomain
import Synchronization
import Testing
@testable import LotseStore

/// The self-assessment's storage on every engine: every answer saved at once and read back
/// exactly (also by another connection), "weiß nicht" apart from "not answered", stances and
/// reopenings recorded, the same refusals, nothing changed by a refused write.
@Suite struct AssessmentContractTests {
    static let engines = EngineUnderTest.all

    /// A fresh engine as an assessment store, a second connection to it, and the cleanup.
    static func stores(_ engine: EngineUnderTest, clock: (@Sendable () -> Date)? = nil) throws
        -> (store: any AssessmentStore, reconnect: () throws -> any AssessmentStore, cleanup: @Sendable () -> Void) {
        let (made, reconnect, cleanup) = try engine.make()
        guard let store = made as? any AssessmentStore else {
            cleanup()
            throw StoreError.database(path: engine.name, message: "the engine is no assessment store")
        }
        return (store, {
            let other = try reconnect()
            return try #require(other as? any AssessmentStore)
        }, cleanup)
    }

    static func workshop(id: String = "A-1", municipality: String = "kreis",
                         date: Date = Date(timeIntervalSinceReferenceDate: 780_000_000.25)) -> Assessment {
        AssessmentStoreTests.workshop(id: id, municipality: municipality, date: date)
    }

    @Test(arguments: engines)
    func answersSavedOneByOneAreReadBackExactlyByAnotherConnection(_ engine: EngineUnderTest) throws {
        let (store, reconnect, cleanup) = try Self.stores(engine)
        defer { cleanup() }
        var expected = Self.workshop()
        try store.create(expected, by: "moderation")
        for (participant, value) in zip(expected.participants, [3, 4, 2, 4]) {
            try store.saveResponse(assessmentID: "A-1", statementID: "STR-1", participant: participant, value: value,
                                   by: "moderation")
            expected.responses["STR-1", default: [:]][participant] = .some(value)
        }
        // "weiß nicht" is kept as no value …
        try store.saveResponse(assessmentID: "A-1", statementID: "STR-2", participant: "Anna", value: nil, by: "m")
        expected.responses["STR-2", default: [:]].updateValue(nil, forKey: "Anna")
        // … and a changed answer replaces the earlier one.
        try store.saveResponse(assessmentID: "A-1", statementID: "STR-2", participant: "Çelik", value: 1, by: "m")
        try store.saveResponse(assessmentID: "A-1", statementID: "STR-2", participant: "Çelik", value: 5, by: "m")
        expected.responses["STR-2", default: [:]]["Çelik"] = .some(5)
        try store.saveConsensus(assessmentID: "A-1", statementID: "STR-1", value: 3, by: "m")
        try store.saveConsensus(assessmentID: "A-1", statementID: "STR-2", value: nil, by: "m")
        expected.consensus = ["STR-1": 3]
        expected.consensus.updateValue(nil, forKey: "STR-2")
        try store.saveNote(assessmentID: "A-1", statementID: "STR-1", note: "Dissens: Ziele nur teils\nschriftlich",
                           by: "m")
        expected.notes = ["STR-1": "Dissens: Ziele nur teils\nschriftlich"]
        try store.savePosition(assessmentID: "A-1", position: 2, completed: false, by: "m")
        expected.position = 2
        #expect(try store.assessment(id: "A-1") == expected)

        let reopened = try #require(try reconnect().assessment(id: "A-1"))
        #expect(reopened == expected)
        #expect(reopened.responses["STR-2"]?["Bernd \"B\""] == nil)
        #expect(reopened.responses["STR-2"]?["Anna"] == Optional(Int?.none))
        #expect(reopened.consensus.keys.contains("STR-2"))
        #expect(reopened.scoringAnswers == ["STR-1": 3])
    }

    @Test(arguments: engines)
    func createStoresAnAssessmentWithEverythingItCarriesInOneGo(_ engine: EngineUnderTest) throws {
        let (store, reconnect, cleanup) = try Self.stores(engine)
        defer { cleanup() }
        var a = Self.workshop()
        a.responses = ["STR-1": ["Anna": 2, "Dörte": nil], "STR-2": ["Çelik": 5]]
        a.consensus = ["STR-1": nil, "POL-1": 5]
        a.notes = ["POL-1": "einig", "POL-2": ""]
        a.position = 7
        a.completed = true
        a.reopenings = [Reopening(by: "berta", at: ReopeningTests.later), Reopening(by: "carl", at: Fixture.clock())]
        a.stances = ["SF-1": TensionStance(position: 2, note: "eher Pilot"), "SF-2": TensionStance(note: "strittig"),
                     "SF-3": TensionStance()]
        try store.create(a, by: "m")
        var expected = a
        expected.notes = ["POL-1": "einig"]  // an empty note is no note
        expected.stances["SF-3"] = nil       // an empty stance is no stance
        #expect(try store.assessment(id: "A-1") == expected)
        #expect(try reconnect().assessments(municipalityID: nil) == [expected])

        var again = Self.workshop()
        again.facilitator = "jemand anderes"
        #expect(throws: AssessmentStoreError.duplicateAssessment("A-1")) { try store.create(again, by: "m") }
        #expect(try store.assessment(id: "A-1") == expected)
    }

    @Test(arguments: engines)
    func deletingAnswersConsensusAndNotes(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try Self.stores(engine)
        defer { cleanup() }
        try store.create(Self.workshop(), by: "m")
        try store.saveResponse(assessmentID: "A-1", statementID: "S", participant: "Anna", value: nil, by: "m")
        try store.saveResponse(assessmentID: "A-1", statementID: "S", participant: "Dörte", value: 1, by: "m")
        try store.saveConsensus(assessmentID: "A-1", statementID: "S", value: 4, by: "m")
        try store.saveNote(assessmentID: "A-1", statementID: "S", note: "x", by: "m")

        try store.deleteResponse(assessmentID: "A-1", statementID: "S", participant: "Anna", by: "m")
        try store.deleteConsensus(assessmentID: "A-1", statementID: "S", by: "m")
        try store.saveNote(assessmentID: "A-1", statementID: "S", note: "", by: "m")
        var expected = Self.workshop()
        expected.responses = ["S": ["Dörte": 1]]
        #expect(try store.assessment(id: "A-1") == expected)
        // Deleting what is not there is no error.
        try store.deleteResponse(assessmentID: "A-1", statementID: "S", participant: "Anna", by: "m")
        try store.deleteConsensus(assessmentID: "A-1", statementID: "T", by: "m")
        #expect(try store.assessment(id: "A-1") == expected)
    }

    @Test(arguments: engines)
    func writesToAnUnknownAssessmentAndInvalidValuesAreRefusedAndChangeNothing(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try Self.stores(engine)
        defer { cleanup() }
        try store.create(Self.workshop(), by: "m")
        try store.saveResponse(assessmentID: "A-1", statementID: "S", participant: "Anna", value: 2, by: "m")
        let before = try store.assessments(municipalityID: nil)

        let unknown = AssessmentStoreError.unknownAssessment("X")
        #expect(throws: unknown) {
            try store.saveResponse(assessmentID: "X", statementID: "S", participant: "Anna", value: 3, by: "m")
        }
        #expect(throws: unknown) { try store.deleteResponse(assessmentID: "X", statementID: "S", participant: "Anna", by: "m") }
        #expect(throws: unknown) { try store.saveConsensus(assessmentID: "X", statementID: "S", value: 3, by: "m") }
        #expect(throws: unknown) { try store.deleteConsensus(assessmentID: "X", statementID: "S", by: "m") }
        #expect(throws: unknown) { try store.saveNote(assessmentID: "X", statementID: "S", note: "n", by: "m") }
        #expect(throws: unknown) { try store.saveNote(assessmentID: "X", statementID: "S", note: "", by: "m") }
        #expect(throws: unknown) {
            try store.saveStance(assessmentID: "X", tensionID: "SF-1", stance: TensionStance(position: 3), by: "m")
        }
        #expect(throws: unknown) { try store.savePosition(assessmentID: "X", position: 1, completed: false, by: "m") }
        #expect(try store.assessment(id: "X") == nil)

        var invalid = Self.workshop(id: "")
        invalid.participants = ["Anna", "Anna"]
        #expect(throws: AssessmentStoreError.invalid(assessmentID: "",
                                                     problems: ["the id is empty", "a participant is named twice"])) {
            try store.create(invalid, by: "m")
        }
        #expect(throws: AssessmentStoreError.invalid(assessmentID: "A-1", problems: ["position -1 is negative"])) {
            try store.savePosition(assessmentID: "A-1", position: -1, completed: false, by: "m")
        }
        var wild = TensionStance(position: 3)
        wild.position = 9
        #expect(throws: AssessmentStoreError.invalid(assessmentID: "A-1", problems: ["stance position 9 is not 1…5"])) {
            try store.saveStance(assessmentID: "A-1", tensionID: "SF-1", stance: wild, by: "m")
        }
        #expect(throws: AssessmentStoreError.invalid(assessmentID: "A-1", problems: ["the tension field id is empty"])) {
            try store.saveStance(assessmentID: "A-1", tensionID: "", stance: TensionStance(position: 3), by: "m")
        }
        #expect(try store.assessments(municipalityID: nil) == before)
    }

    @Test(arguments: engines)
    func theListIsNewestFirstAndFiltersByMunicipality(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try Self.stores(engine)
        defer { cleanup() }
        let old = Self.workshop(id: "A-old", date: Date(timeIntervalSinceReferenceDate: 700_000_000))
        let new = Self.workshop(id: "A-new", date: Date(timeIntervalSinceReferenceDate: 800_000_000))
        let twin = Self.workshop(id: "A-twin", date: Date(timeIntervalSinceReferenceDate: 800_000_000))
        let other = Self.workshop(id: "B", municipality: "dorf", date: Date(timeIntervalSinceReferenceDate: 750_000_000))
        for a in [old, other, new, twin] { try store.create(a, by: "m") }
        try store.saveResponse(assessmentID: "B", statementID: "S", participant: "Anna", value: 1, by: "m")
        #expect(try store.assessments(municipalityID: nil).map(\.id) == ["A-twin", "A-new", "B", "A-old"])
        let dorf = try store.assessments(municipalityID: "dorf")
        #expect(dorf.map(\.id) == ["B"])
        #expect(dorf.first?.responses == ["S": ["Anna": 1]])
        #expect(try store.assessments(municipalityID: "kreis").map(\.id) == ["A-twin", "A-new", "A-old"])
        #expect(try store.assessments(municipalityID: "nirgends").isEmpty)
    }

    @Test(arguments: engines)
    func aStanceIsSavedChangedAndRemoved(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try Self.stores(engine)
        defer { cleanup() }
        try store.create(Self.workshop(), by: "moderation")
        try store.saveStance(assessmentID: "A-1", tensionID: "SF-1", stance: TensionStance(position: 2, note: "eher Pilot"),
                             by: "moderation")
        try store.saveStance(assessmentID: "A-1", tensionID: "SF-2", stance: TensionStance(note: "strittig"), by: "m")
        var stored = try #require(try store.assessment(id: "A-1"))
        #expect(stored.stances == ["SF-1": TensionStance(position: 2, note: "eher Pilot"),
                                   "SF-2": TensionStance(position: nil, note: "strittig")])

        try store.saveStance(assessmentID: "A-1", tensionID: "SF-1", stance: TensionStance(position: 5, note: ""), by: "m")
        try store.saveStance(assessmentID: "A-1", tensionID: "SF-2", stance: TensionStance(note: "  "), by: "m")
        stored = try #require(try store.assessment(id: "A-1"))
        #expect(stored.stances == ["SF-1": TensionStance(position: 5)])
        #expect(try store.assessments(municipalityID: nil).first?.stances == stored.stances)

        var copy = stored
        copy.id = "A-2"
        try store.create(copy, by: "m")
        #expect(try store.assessment(id: "A-2")?.stances == stored.stances)
    }

    @Test(arguments: engines)
    func settingAFinishedAssessmentBackToOpenRecordsWhoAndWhen(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try Self.stores(engine)
        defer { cleanup() }
        try store.create(Self.workshop(), by: "moderation")
        try store.saveConsensus(assessmentID: "A-1", statementID: "STR-1", value: 4, by: "moderation")

        // Moving about in an open assessment is no reopening.
        try store.savePosition(assessmentID: "A-1", position: 1, completed: false, by: "moderation")
        #expect(try store.assessment(id: "A-1")?.reopenings == [])

        try store.savePosition(assessmentID: "A-1", position: 1, completed: true, by: "moderation")
        #expect(try store.assessment(id: "A-1")?.completed == true)
        try store.savePosition(assessmentID: "A-1", position: 1, completed: false, by: "berta")
        var stored = try #require(try store.assessment(id: "A-1"))
        #expect(!stored.completed)
        #expect(stored.reopenings == [Reopening(by: "berta", at: Fixture.clock())])
        #expect(stored.consensus == ["STR-1": 4], "reopening keeps every answer")

        // Saving the open position again adds nothing; finishing and reopening again adds one.
        try store.savePosition(assessmentID: "A-1", position: 2, completed: false, by: "berta")
        try store.savePosition(assessmentID: "A-1", position: 2, completed: true, by: "berta")
        try store.savePosition(assessmentID: "A-1", position: 2, completed: false, by: "carl")
        stored = try #require(try store.assessment(id: "A-1"))
        #expect(stored.reopenings.map(\.by) == ["berta", "carl"])
        #expect(stored.position == 2)
        #expect(try store.assessments(municipalityID: "kreis").first?.reopenings.map(\.by) == ["berta", "carl"])

        var copy = stored
        copy.id = "A-2"
        try store.create(copy, by: "m")
        #expect(try store.assessment(id: "A-2")?.reopenings == stored.reopenings)
    }

    /// Two connections reopening the same finished assessment at the same moment record one
    /// reopening: the second sees it open already.
    @Test(arguments: engines)
    func reopeningAtTheSameMomentOnTwoConnectionsIsRecordedOnce(_ engine: EngineUnderTest) throws {
        let (store, reconnect, cleanup) = try Self.stores(engine)
        defer { cleanup() }
        let stores = [store, try reconnect()]
        try store.create(Self.workshop(), by: "m")
        for round in 1...5 {
            try store.savePosition(assessmentID: "A-1", position: 3, completed: true, by: "m")
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { i in
                do {
                    try stores[i % 2].savePosition(assessmentID: "A-1", position: 3, completed: false, by: "editor\(i)")
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            #expect(try stores[round % 2].assessment(id: "A-1")?.reopenings.count == round)
        }
    }

    /// An answer written on one connection is read on another at once.
    @Test(arguments: engines)
    func aWriteByAnotherConnectionIsSeenAtOnce(_ engine: EngineUnderTest) throws {
        let (store, reconnect, cleanup) = try Self.stores(engine)
        defer { cleanup() }
        try store.create(Self.workshop(), by: "anna")
        let other = try reconnect()
        try other.saveResponse(assessmentID: "A-1", statementID: "S", participant: "Anna", value: 1, by: "bernd")
        #expect(try store.assessment(id: "A-1")?.responses == ["S": ["Anna": 1]])
        try store.saveNote(assessmentID: "A-1", statementID: "S", note: "n", by: "anna")
        #expect(try other.assessment(id: "A-1")?.notes == ["S": "n"])
    }
}
