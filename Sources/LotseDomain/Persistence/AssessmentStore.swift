/// What the self-assessment needs from a storage engine. Every call writes at once, so
/// a workshop interrupted at any moment resumes with every answer given so far.
public protocol AssessmentStore: Sendable {
    /// All assessments, newest first; only those of `municipalityID` when given.
    func assessments(municipalityID: String?) throws -> [Assessment]
    func assessment(id: String) throws -> Assessment?
    /// Stores a new assessment (with whatever answers it already carries).
    func create(_ assessment: Assessment, by user: String) throws
    /// One participant's answer to one statement; nil means "weiß nicht".
    func saveResponse(assessmentID: String, statementID: String, participant: String, value: Int?,
                      by user: String) throws
    /// Removes one participant's answer (back to "not answered yet").
    func deleteResponse(assessmentID: String, statementID: String, participant: String, by user: String) throws
    /// The group's value for one statement; nil means "weiß nicht".
    func saveConsensus(assessmentID: String, statementID: String, value: Int?, by user: String) throws
    func deleteConsensus(assessmentID: String, statementID: String, by user: String) throws
    /// The facilitator's note on one statement; an empty note removes it.
    func saveNote(assessmentID: String, statementID: String, note: String, by user: String) throws
    /// Where the group places the municipality on one tension field; a stance with neither
    /// a position nor a note removes it.
    func saveStance(assessmentID: String, tensionID: String, stance: TensionStance, by user: String) throws
    /// Where the wizard stands and whether the assessment is finished. Setting a finished
    /// assessment back to not finished reopens it: the reopening is recorded with `user` and
    /// the time of the write.
    func savePosition(assessmentID: String, position: Int, completed: Bool, by user: String) throws
}
