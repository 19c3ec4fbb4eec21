import Foundation
import GRDB
import LotseDomain

/// The continuation review's storage (tables of migration v7-continuation-review).
///
/// Every submit adds a revision and keeps the earlier ones; it is one immediate write
/// transaction that compares the current revision with the one the editor started from,
/// writes the review, sets the project's decision and refreshes the summaries, so the
/// overview shows the decision at once and two editors never overwrite each other silently.
extension SQLiteStore: ContinuationStore {
    static let continuationColumns = [
        "project_id", "revision", "goal", "reached", "approach", "plan_and_resources", "own_budget",
        "again_or_differently", "reuse", "decision", "follow_up_cents", "follow_up_source", "follow_up_from",
        "basic_component", "decided_by", "decided_on", "changed_by", "changed_at",
    ]

    public func continuation(projectID: String) throws -> ContinuationRecord {
        try perform {
            try writer.read { db in
                let layout = RowLayout(table: "continuation_review", columns: Self.continuationColumns,
                                       key: ["project_id", "revision"])
                let rows = try Row.fetchAll(db, sql: """
                    SELECT \(Self.continuationColumns.joined(separator: ", ")) FROM continuation_review
                    WHERE project_id = ? ORDER BY revision DESC
                    """, arguments: [projectID])
                let history = try rows.map { try Self.submitted(RowReader($0, layout: layout)) }
                let drafts = try Row.fetchAll(db, sql: """
                    SELECT * FROM continuation_draft WHERE project_id = ? ORDER BY started_at, changed_by
                    """, arguments: [projectID]).map(Self.authoredDraft)
                return ContinuationRecord(history: history, drafts: drafts)
            }
        }
    }

    /// Every submitted review of the projects the portfolio holds, every revision, ordered by
    /// project and revision (the order of an export), in one read. Reviews of projects that
    /// are gone (`replaceAll` keeps them for the project's return) are left out: a file
    /// cannot carry a review of a project it does not have. Drafts are never part of it.
    public func submittedContinuations() throws -> [SubmittedContinuation] {
        try perform {
            try writer.read { db in
                let layout = RowLayout(table: "continuation_review", columns: Self.continuationColumns,
                                       key: ["project_id", "revision"])
                return try Row.fetchAll(db, sql: """
                    SELECT \(Self.continuationColumns.joined(separator: ", ")) FROM continuation_review
                    WHERE project_id IN (SELECT id FROM project) ORDER BY project_id, revision
                    """).map { try Self.submitted(RowReader($0, layout: layout)) }
            }
        }
    }

    /// Writes `author`'s own draft only. Throws `StoreError.unknownProject` (storing nothing)
    /// when the project does not exist.
    public func saveContinuationDraft(_ draft: ContinuationDraft, by author: Author) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(draft), as: UTF8.self)
        let audit = Audit(user: author.account, at: now())
        try perform {
            try writer.write { db in
                try Self.requireContinuationProject(db, draft.projectID)
                try db.cachedStatement(sql: """
                    INSERT INTO continuation_draft (project_id, draft, changed_by, changed_at, author_name, started_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (project_id, changed_by)
                    DO UPDATE SET draft = excluded.draft, changed_at = excluded.changed_at,
                                  author_name = excluded.author_name
                    """).execute(arguments: [draft.projectID, json, audit.changedBy, audit.changedAt,
                                             author.name ?? "", audit.changedAt])
            }
        }
    }

    public func discardContinuationDraft(projectID: String, by author: Author) throws {
        try perform {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM continuation_draft WHERE project_id = ? AND changed_by = ?",
                               arguments: [projectID, author.account])
            }
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
        let audit = Audit(user: author.label, at: date)
        return try perform {
            try writer.write { db in
                try Self.requireContinuationProject(db, review.projectID)
                // Read and write in the same immediate transaction: no other writer can come between.
                let current = try Self.continuationVersion(db, review.projectID)
                guard current?.revision == expecting else {
                    throw ContinuationConflict(projectID: review.projectID, current: current)
                }
                let revision = (current?.revision ?? 0) + 1
                let a = review.answers
                try db.execute(sql: """
                    INSERT INTO continuation_review (\(Self.continuationColumns.joined(separator: ", ")))
                    VALUES (\(SQL.marks(Self.continuationColumns.count)))
                    """, arguments: [
                        review.projectID, revision, a.goal, a.reached, a.approach, a.planAndResources, a.ownBudget,
                        a.againOrDifferently, a.reuse, review.decision.rawValue, review.followUpAmount?.cents,
                        review.followUpSource, review.followUpFrom?.description, review.basicComponent,
                        review.decidedBy, review.decidedOn.map(DayText.iso), audit.changedBy, audit.changedAt,
                    ])
                // The project carries the decision, so the overview and the table show it at once.
                let basic = review.basicComponent ? ", basic_component_candidate = 1" : ""
                try db.execute(sql: """
                    UPDATE project SET continuation = ?\(basic), changed_by = ?, changed_at = ? WHERE id = ?
                    """, arguments: [review.decision.rawValue, audit.changedBy, audit.changedAt, review.projectID])
                let months = try String.fetchAll(db, sql: "SELECT month FROM status_report WHERE project_id = ?",
                                                 arguments: [review.projectID]).compactMap(YearMonth.init)
                try DerivedData.reportsChanged(db, projectID: review.projectID, months: months)
                try db.execute(sql: "DELETE FROM continuation_draft WHERE project_id = ? AND changed_by = ?",
                               arguments: [review.projectID, author.account])
                return ContinuationVersion(revision: revision, changedBy: audit.changedBy,
                                           changedAt: Timestamp.parse(audit.changedAt) ?? date)
            }
        }
    }

    // MARK: - Helpers

    private static func requireContinuationProject(_ db: Database, _ projectID: String) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM project WHERE id = ?", arguments: [projectID]) != nil else {
            throw StoreError.unknownProject(projectID)
        }
    }

    private static func continuationVersion(_ db: Database, _ projectID: String) throws -> ContinuationVersion? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT project_id, revision, changed_by, changed_at FROM continuation_review
            WHERE project_id = ? ORDER BY revision DESC LIMIT 1
            """, arguments: [projectID]) else { return nil }
        let r = RowReader(row, table: "continuation_review", key: ["project_id", "revision"])
        return ContinuationVersion(revision: try r.int("revision"), changedBy: try r.string("changed_by"),
                                   changedAt: try r.timestamp("changed_at"))
    }

    /// A row of `continuationColumns`, read by position.
    private static func submitted(_ r: RowReader) throws -> SubmittedContinuation {
        var answers = ContinuationAnswers()
        answers.goal = try r.string(at: 2)
        answers.reached = try r.string(at: 3)
        answers.approach = try r.string(at: 4)
        answers.planAndResources = try r.string(at: 5)
        answers.ownBudget = try r.string(at: 6)
        answers.againOrDifferently = try r.string(at: 7)
        answers.reuse = try r.string(at: 8)
        let decidedOn: Date?
        if let text = try r.optionalString(at: 15) {
            guard let day = DayText.parse(text) else {
                throw StoreError.corruptValue(table: "continuation_review", row: r.label, column: "decided_on",
                                              found: "'\(text)'", expected: "a day YYYY-MM-DD or NULL")
            }
            decidedOn = day
        } else {
            decidedOn = nil
        }
        let review = ContinuationReview(
            projectID: try r.string(at: 0), answers: answers,
            decision: try r.enumValue(at: 9, as: ContinuationDecision.self),
            followUpAmount: try r.optionalInt64(at: 10).map { Money(cents: $0) },
            followUpSource: try r.string(at: 11), followUpFrom: try r.optionalMonth(at: 12),
            basicComponent: try r.bool(at: 13), decidedBy: try r.string(at: 14), decidedOn: decidedOn)
        let version = ContinuationVersion(revision: try r.int(at: 1), changedBy: try r.string(at: 16),
                                          changedAt: try r.timestamp(at: 17))
        return SubmittedContinuation(review: review, version: version)
    }

    private static func authoredDraft(_ row: Row) throws -> AuthoredContinuationDraft {
        let r = RowReader(row, table: "continuation_draft", key: ["project_id", "changed_by"])
        let projectID = try r.string("project_id")
        let text = try r.string("draft")
        let draft: ContinuationDraft
        do {
            draft = try JSONDecoder().decode(ContinuationDraft.self, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptValue(table: "continuation_draft", row: r.label, column: "draft",
                                          found: "'\(text.prefix(60))'", expected: "a continuation draft as JSON")
        }
        guard draft.projectID == projectID else {
            throw StoreError.corruptValue(table: "continuation_draft", row: r.label, column: "draft",
                                          found: "the draft of \(draft.projectID)", expected: "a draft of \(projectID)")
        }
        let author = Author(account: try r.string("changed_by"), name: try r.string("author_name"))
        return AuthoredContinuationDraft(draft: draft, author: author, startedAt: try r.timestamp("started_at"),
                                         changedAt: try r.timestamp("changed_at"))
    }
}

/// A review with values the store does not take (the form's validator catches them first);
/// nothing was changed.
public struct InvalidContinuationReview: Error, Equatable, Sendable, CustomStringConvertible {
    public var projectID: String
    public var problems: [String]

    public init(projectID: String, problems: [String]) {
        self.projectID = projectID
        self.problems = problems
    }

    public var description: String {
        "the continuation review of \(projectID) was not saved: " + problems.joined(separator: "; ")
    }
}

// MARK: - Import

extension SQLiteStore {
    /// The values of `continuationColumns` for a submitted review as a file carries it.
    static func continuationValues(_ s: SubmittedContinuation) -> [DatabaseValue] {
        let r = s.review
        let a = r.answers
        return [
            r.projectID.databaseValue, s.version.revision.databaseValue, a.goal.databaseValue, a.reached.databaseValue,
            a.approach.databaseValue, a.planAndResources.databaseValue, a.ownBudget.databaseValue,
            a.againOrDifferently.databaseValue, a.reuse.databaseValue, r.decision.rawValue.databaseValue,
            r.followUpAmount?.cents.databaseValue ?? .null, r.followUpSource.databaseValue,
            r.followUpFrom?.description.databaseValue ?? .null, (r.basicComponent ? 1 : 0).databaseValue,
            r.decidedBy.databaseValue, r.decidedOn.map(DayText.iso)?.databaseValue ?? .null,
            s.version.changedBy.databaseValue, Timestamp.format(s.version.changedAt).databaseValue,
        ]
    }

    static let insertContinuationSQL = """
        INSERT INTO continuation_review (\(continuationColumns.joined(separator: ", ")))
        VALUES (\(SQL.marks(continuationColumns.count)))
        """
}

/// Merges the submitted reviews of a file into `continuation_review` without ever changing or
/// losing a stored revision (see the merge rules in `SQLiteStore+Merge.swift`):
/// - a review the project's history already holds (the same values, who and when included,
///   under any revision) is unchanged;
/// - a review whose revision is free is added under it;
/// - a review whose revision the database holds with other values (both sides submitted
///   after they parted) is added on top, as the project's next revision: both stay in the
///   history, the file's becomes the current one.
struct ContinuationMerge {
    private var select: Statement?
    private var insert: Statement?
    /// Reviews added on top under another revision than the file's.
    private(set) var renumbered = 0

    mutating func merge(_ s: SubmittedContinuation, _ db: Database) throws -> TableMerge.Found {
        if select == nil {
            select = try db.cachedStatement(sql: """
                SELECT \(SQLiteStore.continuationColumns.joined(separator: ", ")) FROM continuation_review
                WHERE project_id = ? ORDER BY revision
                """)
            insert = try db.cachedStatement(sql: SQLiteStore.insertContinuationSQL)
        }
        var values = SQLiteStore.continuationValues(s)
        let stored = try Row.fetchAll(select!, arguments: [s.review.projectID])
        var taken = false
        var highest = 0
        for row in stored {
            let revision: Int = row[1]
            highest = max(highest, revision)
            if revision == s.version.revision { taken = true }
            let same = (0..<values.count).allSatisfy { $0 == 1 || (row[$0] as DatabaseValue) == values[$0] }
            if same { return .unchanged }
        }
        if taken {
            values[1] = (highest + 1).databaseValue
            renumbered += 1
        }
        try SQLiteBinding.run(insert!, values, db)
        return .added
    }
}
