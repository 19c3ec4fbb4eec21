import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// The continuation review: drafts per author, submitted revisions with their history.
extension PostgresStore: ContinuationStore {
    public func continuation(projectID: String) throws -> ContinuationRecord { throw notYet("continuation") }
    public func saveContinuationDraft(_ draft: ContinuationDraft, by author: Author) throws {
        throw notYet("saveContinuationDraft")
    }
    public func discardContinuationDraft(projectID: String, by author: Author) throws {
        throw notYet("discardContinuationDraft")
    }
    @discardableResult
    public func submitContinuation(_ review: ContinuationReview, expecting: Int?, by author: Author) throws
        -> ContinuationVersion { throw notYet("submitContinuation") }
}
