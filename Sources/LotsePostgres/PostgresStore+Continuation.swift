import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// The continuation review: drafts per author, submitted revisions with their history.
///
/// A submit locks the project's row (it sets the project's decision anyway), then reads the
/// current revision: two submits of one project come one after the other, and the second,
/// expecting the revision the first replaced, gets `ContinuationConflict` and writes nothing.
extension PostgresStore: ContinuationStore {
    static let reviewColumns = """
        project_id, revision, goal, reached, approach, plan_and_resources, own_budget, again_or_differently, reuse, \
        decision, follow_up_cents, follow_up_source, follow_up_from, basic_component, decided_by, decided_on, \
        changed_by, changed_at
        """

    /// The history (newest first) and the drafts (begun first first), read in one snapshot.
    public func continuation(projectID: String) throws -> ContinuationRecord {
        var binds = PostgresBindings()
        binds.append(projectID)
        return try perform {
            try session.transaction("REPEATABLE READ", readOnly: true) {
                let history = try session.query("""
                    SELECT \(Self.reviewColumns) FROM continuation_review WHERE project_id = $1 ORDER BY revision DESC
                    """, binds).map(Self.submitted)
                let drafts = try session.query("""
                    SELECT project_id, changed_by, draft, author_name, started_at, changed_at FROM continuation_draft
                    WHERE project_id = $1 ORDER BY started_at COLLATE "C", changed_by COLLATE "C"
                    """, binds).map(Self.authoredDraft)
                return ContinuationRecord(history: history, drafts: drafts)
            }
        }
    }

    /// Every submitted review of the projects the portfolio holds, every revision, ordered by
    /// project and revision (text compared byte by byte, as SQLite does), as
    /// `SQLiteStore.submittedContinuations()` gives them for an export. Drafts are never
    /// part of it.
    public func submittedContinuations() throws -> [SubmittedContinuation] {
        try perform {
            try session.query("""
                SELECT \(Self.reviewColumns) FROM continuation_review
                WHERE project_id IN (SELECT id FROM project) ORDER BY project_id COLLATE "C", revision
                """).map(Self.submitted)
        }
    }

    /// Writes `author`'s own draft only. Throws `StoreError.unknownProject` (storing nothing)
    /// when the project does not exist.
    public func saveContinuationDraft(_ draft: ContinuationDraft, by author: Author) throws {
        let json = try PGDraftRows.json(draft)
        let audit = PGAudit(user: author.account, at: now())
        var binds = PostgresBindings()
        binds.append(draft.projectID)
        binds.append(json)
        binds.append(audit.user)
        binds.append(audit.at)
        binds.append(author.name ?? "")
        try perform {
            let stored = try session.query("""
                INSERT INTO continuation_draft (project_id, draft, changed_by, changed_at, author_name, started_at)
                SELECT $1, $2, $3, $4, $5, $4 WHERE EXISTS (SELECT 1 FROM project WHERE id = $1)
                ON CONFLICT (project_id, changed_by)
                DO UPDATE SET draft = excluded.draft, changed_at = excluded.changed_at, author_name = excluded.author_name
                RETURNING 1
                """, binds)
            guard !stored.isEmpty else { throw StoreError.unknownProject(draft.projectID) }
        }
    }

    public func discardContinuationDraft(projectID: String, by author: Author) throws {
        var binds = PostgresBindings()
        binds.append(projectID)
        binds.append(author.account)
        try perform {
            try session.query("DELETE FROM continuation_draft WHERE project_id = $1 AND changed_by = $2", binds)
        }
    }

    /// Besides `ContinuationConflict`, throws `InvalidContinuationReview` for values out of
    /// range and `StoreError.unknownProject`; nothing changes then, the draft included.
    @discardableResult
    public func submitContinuation(_ review: ContinuationReview, expecting: Int?, by author: Author) throws
        -> ContinuationVersion {
        let problems = WriteChecks.problems(of: review)
        guard problems.isEmpty else {
            throw InvalidContinuationReview(projectID: review.projectID, problems: problems)
        }
        let date = now()
        let audit = PGAudit(user: author.label, at: date)
        return try perform {
            try session.transaction {
                try lockProject(review.projectID)
                var key = PostgresBindings()
                key.append(review.projectID)
                // Read after the lock: the latest committed review of the project.
                let current = try session.query("""
                    SELECT revision, changed_by, changed_at FROM continuation_review
                    WHERE project_id = $1 ORDER BY revision DESC LIMIT 1
                    """, key).first.map { row in
                    let (revision, changedBy, changedAt) = try row.decode((Int, String, String).self)
                    return ContinuationVersion(
                        revision: revision, changedBy: changedBy,
                        changedAt: try PGDraftRows.timestamp(changedAt, "continuation_review",
                                                             "\(review.projectID) \(revision)", "changed_at"))
                }
                guard current?.revision == expecting else {
                    throw ContinuationConflict(projectID: review.projectID, current: current)
                }
                let revision = (current?.revision ?? 0) + 1
                try writeSubmitted(review, revision: revision, audit: audit, draftOf: author)
                return ContinuationVersion(revision: revision, changedBy: audit.user,
                                           changedAt: StoredText.date(audit.at) ?? date)
            }
        }
    }

    // MARK: - Helpers

    /// The review as the next revision, the project's decision (and its basic-component
    /// mark when proposed), and the author's draft removed: one statement.
    private func writeSubmitted(_ review: ContinuationReview, revision: Int, audit: PGAudit,
                                draftOf author: Author) throws {
        var binds = Self.reviewBinds(review, revision: revision, changedBy: audit.user, changedAt: audit.at)
        binds.append(author.account)                            // $19
        try session.query("""
            WITH decided AS (
                UPDATE project SET continuation = $10, basic_component_candidate = basic_component_candidate OR $14,
                                   changed_by = $17, changed_at = $18
                WHERE id = $1
            ), submitted_draft AS (
                DELETE FROM continuation_draft WHERE project_id = $1 AND changed_by = $19
            )
            INSERT INTO continuation_review (\(Self.reviewColumns))
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            """, binds)
    }

    /// `reviewColumns`' values in their order, as `$1 … $18`.
    static func reviewBinds(_ review: ContinuationReview, revision: Int, changedBy: String,
                            changedAt: String) -> PostgresBindings {
        let a = review.answers
        var binds = PostgresBindings()
        binds.append(review.projectID)                          // $1
        binds.append(revision)                                  // $2
        for answer in [a.goal, a.reached, a.approach, a.planAndResources, a.ownBudget, a.againOrDifferently, a.reuse] {
            binds.append(answer)                                // $3 … $9
        }
        binds.append(review.decision.rawValue)                  // $10
        binds.append(review.followUpAmount?.cents)              // $11
        binds.append(review.followUpSource)                     // $12
        binds.append(review.followUpFrom?.description)          // $13
        binds.append(review.basicComponent)                     // $14
        binds.append(review.decidedBy)                          // $15
        binds.append(review.decidedOn.map(DayText.iso))         // $16
        binds.append(changedBy)                                 // $17
        binds.append(changedAt)                                 // $18
        return binds
    }

    /// A row of `reviewColumns`.
    private static func submitted(_ row: PostgresRow) throws -> SubmittedContinuation {
        let r = row.makeRandomAccess()
        let projectID = try r[0].decode(String.self)
        let revision = try r[1].decode(Int.self)
        let label = "\(projectID) \(revision)"
        func text(_ i: Int) throws -> String { try r[i].decode(String.self) }
        var answers = ContinuationAnswers()
        answers.goal = try text(2)
        answers.reached = try text(3)
        answers.approach = try text(4)
        answers.planAndResources = try text(5)
        answers.ownBudget = try text(6)
        answers.againOrDifferently = try text(7)
        answers.reuse = try text(8)
        let decidedOn: Date?
        if let day = try r[15].decode(String?.self) {
            guard let parsed = DayText.parse(day) else {
                throw StoreError.corruptValue(table: "continuation_review", row: label, column: "decided_on",
                                              found: "'\(day)'", expected: "a day YYYY-MM-DD or NULL")
            }
            decidedOn = parsed
        } else {
            decidedOn = nil
        }
        let review = ContinuationReview(
            projectID: projectID, answers: answers,
            decision: try PGDecode.value(try text(9), "continuation_review", label, "decision"),
            followUpAmount: try r[10].decode(Int64?.self).map { Money(cents: $0) },
            followUpSource: try text(11),
            followUpFrom: try PGDecode.month(try r[12].decode(String?.self), "continuation_review", label,
                                             "follow_up_from"),
            basicComponent: try r[13].decode(Bool.self), decidedBy: try text(14), decidedOn: decidedOn)
        let version = ContinuationVersion(
            revision: revision, changedBy: try text(16),
            changedAt: try PGDraftRows.timestamp(try text(17), "continuation_review", label, "changed_at"))
        return SubmittedContinuation(review: review, version: version)
    }

    /// A row of `project_id, changed_by, draft, author_name, started_at, changed_at`.
    private static func authoredDraft(_ row: PostgresRow) throws -> AuthoredContinuationDraft {
        let (projectID, account, text, name, startedAt, changedAt) =
            try row.decode((String, String, String, String, String, String).self)
        let label = "\(projectID) \(account)"
        let draft = try PGDraftRows.decode(ContinuationDraft.self, text, "continuation_draft", label,
                                           expected: "a continuation draft as JSON")
        guard draft.projectID == projectID else {
            throw StoreError.corruptValue(table: "continuation_draft", row: label, column: "draft",
                                          found: "the draft of \(draft.projectID)", expected: "a draft of \(projectID)")
        }
        return AuthoredContinuationDraft(
            draft: draft, author: Author(account: account, name: name),
            startedAt: try PGDraftRows.timestamp(startedAt, "continuation_draft", label, "started_at"),
            changedAt: try PGDraftRows.timestamp(changedAt, "continuation_draft", label, "changed_at"))
    }
}
