/// What moving a whole portfolio between engines (`lotse migrate`, the export) needs of the
/// continuation reviews beyond the editor's calls: every submitted revision at once, and
/// storing revisions exactly as they were submitted — number, content, who and when —
/// rather than as new submissions.
public protocol ContinuationTransfer: Sendable {
    /// Every submitted review of the projects the portfolio holds, ordered by project
    /// (bytewise) and revision. Drafts are never part of it.
    func submittedContinuations() throws -> [SubmittedContinuation]
    /// Stores `reviews` as they are, in one transaction; the projects must exist and must not
    /// hold these revisions yet. Nothing is stored when one is refused. The projects'
    /// decisions are not touched: they travel with the projects.
    func restoreContinuations(_ reviews: [SubmittedContinuation]) throws
}
