import Foundation

/// What the continuation form needs from a storage engine: the current review with its
/// history, drafts per author saved as they type, and a submit that never overwrites a
/// review somebody else submitted in between.
public protocol ContinuationStore: Sendable {
    /// The project's current review, every earlier one, and each author's draft.
    func continuation(projectID: String) throws -> ContinuationRecord
    /// Stores `author`'s draft (replacing their previous one of the project).
    func saveContinuationDraft(_ draft: ContinuationDraft, by author: Author) throws
    /// Deletes `author`'s draft only; deleting none is not an error.
    func discardContinuationDraft(projectID: String, by author: Author) throws
    /// Stores the review as the next revision, keeps the earlier ones as history, sets the
    /// project's decision (and its basic-component mark when proposed) in the same
    /// transaction, and removes `author`'s draft. Throws `ContinuationConflict` (changing
    /// nothing, the draft included) when the current revision is not `expecting` — nil
    /// means "there must be no review yet".
    @discardableResult
    func submitContinuation(_ review: ContinuationReview, expecting: Int?, by author: Author) throws
        -> ContinuationVersion
}

/// What the store holds of one project's continuation review.
public struct ContinuationRecord: Hashable, Sendable {
    /// Every submitted review, the newest (current) first.
    public var history: [SubmittedContinuation]
    /// Every author's draft, the one begun first first.
    public var drafts: [AuthoredContinuationDraft]

    public init(history: [SubmittedContinuation] = [], drafts: [AuthoredContinuationDraft] = []) {
        self.history = history
        self.drafts = drafts
    }

    public var current: SubmittedContinuation? { history.first }

    /// `author`'s own draft, if they saved one.
    public func draft(of author: Author) -> ContinuationDraft? {
        drafts.first { $0.author.account == author.account }?.draft
    }

    /// The drafts of everybody but `author`.
    public func others(than author: Author) -> [AuthoredContinuationDraft] {
        drafts.filter { $0.author.account != author.account }
    }
}

/// Somebody submitted a review of the project after the form opened; nothing was saved.
public struct ContinuationConflict: Error, Hashable, Sendable, CustomStringConvertible {
    public var projectID: String
    public var current: ContinuationVersion?

    public init(projectID: String, current: ContinuationVersion?) {
        self.projectID = projectID
        self.current = current
    }

    public var description: String {
        guard let c = current else { return "the continuation review of \(projectID) was removed meanwhile; nothing was saved" }
        return "the continuation review of \(projectID) was submitted by \(c.changedBy) meanwhile "
            + "(revision \(c.revision)); nothing was saved"
    }
}
