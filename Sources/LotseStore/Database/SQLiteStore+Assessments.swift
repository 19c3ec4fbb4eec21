import Foundation
import GRDB
import LotseDomain

/// Self-assessments in SQLite (tables of migrations v2, v6-assessment-reopened and v9-tension-stance). Every call is one small write
/// transaction, committed before it returns: a workshop killed at any moment resumes with
/// every answer given so far. Each write also stamps the assessment row with who changed it
/// last and when, and fails with `AssessmentStoreError.unknownAssessment` (changing
/// nothing) when the assessment does not exist.
extension SQLiteStore: AssessmentStore {
    public func assessments(municipalityID: String?) throws -> [Assessment] {
        try perform {
            try writer.read { db in
                var request = AssessmentRecord.all()
                if let municipalityID { request = request.filter(Column("municipality_id") == municipalityID) }
                let heads = try request.fetchAll(db).map(\.value)
                let ids = Set(heads.map(\.id))
                // Children of all assessments in three queries; filtered here, which costs
                // less than one query per assessment for the few dozen a municipality has.
                let children = try Self.children(db, of: municipalityID == nil ? nil : ids)
                return heads.map { Self.assemble($0, children) }
                    .sorted { ($0.date, $0.id) > ($1.date, $1.id) }
            }
        }
    }

    public func assessment(id: String) throws -> Assessment? {
        try perform {
            try writer.read { db in
                guard let head = try AssessmentRecord.fetchOne(db, key: id)?.value else { return nil }
                return Self.assemble(head, try Self.children(db, of: [id]))
            }
        }
    }

    public func create(_ assessment: Assessment, by user: String) throws {
        let problems = WriteChecks.problems(ofNew: assessment)
        guard problems.isEmpty else { throw AssessmentStoreError.invalid(assessmentID: assessment.id, problems: problems) }
        let audit = Audit(user: user, at: now())
        try perform {
            try writer.write { db in
                guard try !AssessmentRecord.exists(db, key: assessment.id) else {
                    throw AssessmentStoreError.duplicateAssessment(assessment.id)
                }
                try AssessmentRecord(value: assessment, audit: audit).insert(db)
                for (statement, answers) in assessment.responses {
                    for (participant, value) in answers {
                        try Self.upsertResponse(db, assessment.id, statement, participant, value, audit)
                    }
                }
                for (statement, value) in assessment.consensus {
                    try Self.upsertConsensus(db, assessment.id, statement, value, audit)
                }
                for (statement, note) in assessment.notes where !note.isEmpty {
                    try Self.upsertNote(db, assessment.id, statement, note, audit)
                }
                for (i, r) in assessment.reopenings.enumerated() {
                    try Self.insertReopening(db, assessment.id, number: i + 1, Audit(user: r.by, at: r.at))
                }
                for (tension, stance) in assessment.stances where !stance.isEmpty {
                    try Self.upsertStance(db, assessment.id, tension, stance, audit)
                }
            }
        }
    }

    public func saveResponse(assessmentID: String, statementID: String, participant: String, value: Int?,
                             by user: String) throws {
        try change(assessmentID, by: user) { db, audit in
            try Self.upsertResponse(db, assessmentID, statementID, participant, value, audit)
        }
    }

    public func deleteResponse(assessmentID: String, statementID: String, participant: String, by user: String) throws {
        try change(assessmentID, by: user) { db, _ in
            try db.execute(sql: """
                DELETE FROM assessment_response WHERE assessment_id = ? AND statement_id = ? AND participant = ?
                """, arguments: [assessmentID, statementID, participant])
        }
    }

    public func saveConsensus(assessmentID: String, statementID: String, value: Int?, by user: String) throws {
        try change(assessmentID, by: user) { db, audit in
            try Self.upsertConsensus(db, assessmentID, statementID, value, audit)
        }
    }

    public func deleteConsensus(assessmentID: String, statementID: String, by user: String) throws {
        try change(assessmentID, by: user) { db, _ in
            try db.execute(sql: "DELETE FROM assessment_consensus WHERE assessment_id = ? AND statement_id = ?",
                           arguments: [assessmentID, statementID])
        }
    }

    /// An empty note removes the statement's note.
    public func saveNote(assessmentID: String, statementID: String, note: String, by user: String) throws {
        try change(assessmentID, by: user) { db, audit in
            if note.isEmpty {
                try db.execute(sql: "DELETE FROM assessment_note WHERE assessment_id = ? AND statement_id = ?",
                               arguments: [assessmentID, statementID])
            } else {
                try Self.upsertNote(db, assessmentID, statementID, note, audit)
            }
        }
    }

    public func savePosition(assessmentID: String, position: Int, completed: Bool, by user: String) throws {
        if let refusal = WriteChecks.refusal(position: position, assessmentID: assessmentID) { throw refusal }
        try change(assessmentID, by: user) { db, audit in
            let wasCompleted = try Bool.fetchOne(db, sql: "SELECT completed FROM assessment WHERE id = ?",
                                                 arguments: [assessmentID]) ?? false
            try db.execute(sql: "UPDATE assessment SET position = ?, completed = ? WHERE id = ?",
                           arguments: [position, completed, assessmentID])
            if wasCompleted && !completed {
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM assessment_reopening WHERE assessment_id = ?",
                                             arguments: [assessmentID]) ?? 0
                try Self.insertReopening(db, assessmentID, number: count + 1, audit)
            }
        }
    }

    /// A stance with neither a position nor a note removes the field's stance.
    public func saveStance(assessmentID: String, tensionID: String, stance: TensionStance, by user: String) throws {
        if let refusal = WriteChecks.refusal(stance: stance, tensionID: tensionID, assessmentID: assessmentID) {
            throw refusal
        }
        try change(assessmentID, by: user) { db, audit in
            if stance.isEmpty {
                try db.execute(sql: "DELETE FROM assessment_stance WHERE assessment_id = ? AND tension_id = ?",
                               arguments: [assessmentID, tensionID])
            } else {
                try Self.upsertStance(db, assessmentID, tensionID, stance, audit)
            }
        }
    }

    /// Deletes the assessment with all its answers, consensus values and notes.
    public func deleteAssessment(id: String) throws {
        try perform {
            try writer.write { db in
                // Children first, so this does not depend on foreign keys being enabled.
                for table in ["assessment_response", "assessment_consensus", "assessment_note", "assessment_reopening",
                              "assessment_stance"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE assessment_id = ?", arguments: [id])
                }
                try db.execute(sql: "DELETE FROM assessment WHERE id = ?", arguments: [id])
                guard db.changesCount == 1 else { throw AssessmentStoreError.unknownAssessment(id) }
            }
        }
    }

    // MARK: - Writing

    /// One write transaction that first stamps the assessment (and so checks it exists).
    private func change(_ assessmentID: String, by user: String,
                        _ body: @escaping (Database, Audit) throws -> Void) throws {
        let audit = Audit(user: user, at: now())
        try perform {
            try writer.write { db in
                try db.execute(sql: "UPDATE assessment SET changed_by = ?, changed_at = ? WHERE id = ?",
                               arguments: [audit.changedBy, audit.changedAt, assessmentID])
                guard db.changesCount == 1 else { throw AssessmentStoreError.unknownAssessment(assessmentID) }
                try body(db, audit)
            }
        }
    }

    private static func upsertResponse(_ db: Database, _ assessmentID: String, _ statementID: String,
                                       _ participant: String, _ value: Int?, _ audit: Audit) throws {
        try db.execute(sql: """
            INSERT INTO assessment_response (assessment_id, statement_id, participant, value, changed_by, changed_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (assessment_id, statement_id, participant)
            DO UPDATE SET value = excluded.value, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """, arguments: [assessmentID, statementID, participant, value, audit.changedBy, audit.changedAt])
    }

    private static func upsertConsensus(_ db: Database, _ assessmentID: String, _ statementID: String,
                                        _ value: Int?, _ audit: Audit) throws {
        try db.execute(sql: """
            INSERT INTO assessment_consensus (assessment_id, statement_id, value, changed_by, changed_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (assessment_id, statement_id)
            DO UPDATE SET value = excluded.value, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """, arguments: [assessmentID, statementID, value, audit.changedBy, audit.changedAt])
    }

    private static func insertReopening(_ db: Database, _ assessmentID: String, number: Int, _ audit: Audit) throws {
        try db.execute(sql: "INSERT INTO assessment_reopening (assessment_id, number, changed_by, changed_at) VALUES (?, ?, ?, ?)",
                       arguments: [assessmentID, number, audit.changedBy, audit.changedAt])
    }

    private static func upsertNote(_ db: Database, _ assessmentID: String, _ statementID: String,
                                   _ note: String, _ audit: Audit) throws {
        try db.execute(sql: """
            INSERT INTO assessment_note (assessment_id, statement_id, note, changed_by, changed_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (assessment_id, statement_id)
            DO UPDATE SET note = excluded.note, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """, arguments: [assessmentID, statementID, note, audit.changedBy, audit.changedAt])
    }

    private static func upsertStance(_ db: Database, _ assessmentID: String, _ tensionID: String,
                                     _ stance: TensionStance, _ audit: Audit) throws {
        try db.execute(sql: """
            INSERT INTO assessment_stance (assessment_id, tension_id, position, note, changed_by, changed_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (assessment_id, tension_id)
            DO UPDATE SET position = excluded.position, note = excluded.note,
                          changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """, arguments: [assessmentID, tensionID, stance.position, stance.note, audit.changedBy, audit.changedAt])
    }

    // MARK: - Reading

    private struct Children {
        var responses: [String: [String: [String: Int?]]] = [:]
        var consensus: [String: [String: Int?]] = [:]
        var notes: [String: [String: String]] = [:]
        var reopenings: [String: [Reopening]] = [:]
        var stances: [String: [String: TensionStance]] = [:]
    }

    /// Answers, consensus values and notes of the given assessments (all when nil).
    private static func children(_ db: Database, of ids: Set<String>?) throws -> Children {
        func rows(_ table: String) throws -> [Row] {
            guard let ids else { return try Row.fetchAll(db, sql: "SELECT * FROM \(table)") }
            let marks = SQL.marks(ids.count)
            return try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE assessment_id IN (\(marks))",
                                    arguments: StatementArguments(ids.sorted()))
        }
        var children = Children()
        for row in try rows("assessment_response") {
            let key = ["assessment_id", "statement_id", "participant"]
            let r = RowReader(row, table: "assessment_response", key: key)
            let value = try AnswerValue.read(row, table: "assessment_response", key: key)
            children.responses[try r.string("assessment_id"), default: [:]][try r.string("statement_id"), default: [:]]
                .updateValue(value, forKey: try r.string("participant"))
        }
        for row in try rows("assessment_consensus") {
            let key = ["assessment_id", "statement_id"]
            let r = RowReader(row, table: "assessment_consensus", key: key)
            let value = try AnswerValue.read(row, table: "assessment_consensus", key: key)
            children.consensus[try r.string("assessment_id"), default: [:]]
                .updateValue(value, forKey: try r.string("statement_id"))
        }
        for row in try rows("assessment_note") {
            let r = RowReader(row, table: "assessment_note", key: ["assessment_id", "statement_id"])
            children.notes[try r.string("assessment_id"), default: [:]][try r.string("statement_id")] =
                try r.string("note")
        }
        for row in try rows("assessment_reopening").sorted(by: { ($0["number"] as Int? ?? 0) < ($1["number"] as Int? ?? 0) }) {
            let r = RowReader(row, table: "assessment_reopening", key: ["assessment_id", "number"])
            children.reopenings[try r.string("assessment_id"), default: []]
                .append(Reopening(by: try r.string("changed_by"), at: try r.timestamp("changed_at")))
        }
        for row in try rows("assessment_stance") {
            let r = RowReader(row, table: "assessment_stance", key: ["assessment_id", "tension_id"])
            let position = try r.optionalInt64("position").map { Int(clamping: $0) }
            children.stances[try r.string("assessment_id"), default: [:]][try r.string("tension_id")] =
                TensionStance(position: position, note: try r.string("note"))
        }
        return children
    }

    private static func assemble(_ head: Assessment, _ children: Children) -> Assessment {
        var a = head
        a.responses = children.responses[a.id] ?? [:]
        a.consensus = children.consensus[a.id] ?? [:]
        a.notes = children.notes[a.id] ?? [:]
        a.reopenings = children.reopenings[a.id] ?? []
        a.stances = children.stances[a.id] ?? [:]
        return a
    }
}
