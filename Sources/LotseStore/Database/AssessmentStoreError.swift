/// Why the assessment store refused a call; nothing was changed.
public enum AssessmentStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No assessment with this id is stored.
    case unknownAssessment(String)
    /// `create` was given an id that is already stored.
    case duplicateAssessment(String)
    /// Values the store cannot keep (empty id, negative position, …).
    case invalid(assessmentID: String, problems: [String])

    public var description: String {
        switch self {
        case .unknownAssessment(let id): "there is no assessment '\(id)' in the database"
        case .duplicateAssessment(let id): "an assessment '\(id)' already exists"
        case .invalid(let id, let problems):
            "assessment '\(id)' was not saved: " + problems.joined(separator: "; ")
        }
    }
}
