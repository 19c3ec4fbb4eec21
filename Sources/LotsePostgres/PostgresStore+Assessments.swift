import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// The self-assessment: every answer written at once.
extension PostgresStore: AssessmentStore {
    public func assessments(municipalityID: String?) throws -> [Assessment] { throw notYet("assessments") }
    public func assessment(id: String) throws -> Assessment? { throw notYet("assessment") }
    public func create(_ assessment: Assessment, by user: String) throws { throw notYet("create") }
    public func saveResponse(assessmentID: String, statementID: String, participant: String, value: Int?,
                             by user: String) throws { throw notYet("saveResponse") }
    public func deleteResponse(assessmentID: String, statementID: String, participant: String, by user: String) throws {
        throw notYet("deleteResponse")
    }
    public func saveConsensus(assessmentID: String, statementID: String, value: Int?, by user: String) throws {
        throw notYet("saveConsensus")
    }
    public func deleteConsensus(assessmentID: String, statementID: String, by user: String) throws {
        throw notYet("deleteConsensus")
    }
    public func saveNote(assessmentID: String, statementID: String, note: String, by user: String) throws {
        throw notYet("saveNote")
    }
    public func saveStance(assessmentID: String, tensionID: String, stance: TensionStance, by user: String) throws {
        throw notYet("saveStance")
    }
    public func savePosition(assessmentID: String, position: Int, completed: Bool, by user: String) throws {
        throw notYet("savePosition")
    }
}
