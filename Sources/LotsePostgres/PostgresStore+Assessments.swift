import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// The self-assessment: every answer written at once.
///
/// Each write is one statement, committed before it returns (a workshop interrupted at any
/// moment resumes with every answer given so far), that stamps the assessment row with who
/// changed it last and when, and writes only when that row exists: otherwise
/// `AssessmentStoreError.unknownAssessment`, with nothing changed.
extension PostgresStore: AssessmentStore {
    /// All assessments (only those of `municipalityID` when given), newest first, each with
    /// its answers, in one statement.
    public func assessments(municipalityID: String?) throws -> [Assessment] {
        var binds = PostgresBindings()
        binds.append(municipalityID)
        return try perform {
            try session.query("\(Self.assessmentQuery) WHERE $1::text IS NULL OR a.municipality_id = $1", binds)
                .map(Self.assessment)
        }.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
    }

    public func assessment(id: String) throws -> Assessment? {
        var binds = PostgresBindings()
        binds.append(id)
        return try perform {
            try session.query("\(Self.assessmentQuery) WHERE a.id = $1", binds).first.map(Self.assessment)
        }
    }

    /// Stores the assessment with every answer it carries in one statement; throws
    /// `AssessmentStoreError.duplicateAssessment` (changing nothing) when the id is taken.
    public func create(_ assessment: Assessment, by user: String) throws {
        let problems = WriteChecks.problems(ofNew: assessment)
        guard problems.isEmpty else { throw AssessmentStoreError.invalid(assessmentID: assessment.id, problems: problems) }
        let audit = PGAudit(user: user, at: now())
        let a = assessment
        var binds = PostgresBindings()
        binds.append(a.id)                                                    // $1
        binds.append(a.municipalityID)                                        // $2
        binds.append(a.questionnaire)                                         // $3
        binds.append(StoredText.timestamp(a.date))                            // $4
        binds.append(a.facilitator)                                           // $5
        binds.append(try PGDraftRows.json(a.participants))                    // $6
        binds.append(a.position)                                              // $7
        binds.append(a.completed)                                             // $8
        binds.append(audit.user)                                              // $9
        binds.append(audit.at)                                                // $10
        binds.append(try PGDraftRows.json(a.responses.flatMap { statement, answers in   // $11
            answers.map { AnswerRow(s: statement, p: $0.key, v: $0.value) }
        }))
        binds.append(try PGDraftRows.json(a.consensus.map { AnswerRow(s: $0.key, v: $0.value) }))  // $12
        binds.append(try PGDraftRows.json(a.notes.filter { !$0.value.isEmpty }                     // $13
            .map { NoteRow(s: $0.key, note: $0.value) }))
        binds.append(try PGDraftRows.json(a.reopenings.enumerated().map {                          // $14
            ReopeningRow(number: $0.offset + 1, by: $0.element.by, at: StoredText.auditTime($0.element.at))
        }))
        binds.append(try PGDraftRows.json(a.stances.filter { !$0.value.isEmpty }                   // $15
            .map { StanceRow(t: $0.key, position: $0.value.position, note: $0.value.note) }))
        let created = try perform {
            try session.query("""
                WITH head AS (
                    INSERT INTO assessment (id, municipality_id, questionnaire, date, facilitator, participants,
                                            position, completed, changed_by, changed_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                    ON CONFLICT (id) DO NOTHING
                    RETURNING id
                ), responses AS (
                    INSERT INTO assessment_response (assessment_id, statement_id, participant, value, changed_by, changed_at)
                    SELECT head.id, r.s, r.p, r.v, $9, $10
                    FROM head, jsonb_to_recordset($11::jsonb) AS r(s text, p text, v integer)
                ), consensus AS (
                    INSERT INTO assessment_consensus (assessment_id, statement_id, value, changed_by, changed_at)
                    SELECT head.id, c.s, c.v, $9, $10 FROM head, jsonb_to_recordset($12::jsonb) AS c(s text, v integer)
                ), notes AS (
                    INSERT INTO assessment_note (assessment_id, statement_id, note, changed_by, changed_at)
                    SELECT head.id, n.s, n.note, $9, $10 FROM head, jsonb_to_recordset($13::jsonb) AS n(s text, note text)
                ), reopenings AS (
                    INSERT INTO assessment_reopening (assessment_id, number, changed_by, changed_at)
                    SELECT head.id, o.number, o.by, o.at
                    FROM head, jsonb_to_recordset($14::jsonb) AS o(number integer, by text, at text)
                ), stances AS (
                    INSERT INTO assessment_stance (assessment_id, tension_id, position, note, changed_by, changed_at)
                    SELECT head.id, t.t, t.position, t.note, $9, $10
                    FROM head, jsonb_to_recordset($15::jsonb) AS t(t text, position integer, note text)
                )
                SELECT count(*) FROM head
                """, binds)[0].decode(Int.self)
        }
        guard created == 1 else { throw AssessmentStoreError.duplicateAssessment(assessment.id) }
    }

    public func saveResponse(assessmentID: String, statementID: String, participant: String, value: Int?,
                             by user: String) throws {
        try change(assessmentID, by: user, """
            INSERT INTO assessment_response (assessment_id, statement_id, participant, value, changed_by, changed_at)
            SELECT id, $4, $5, $6, $1, $2 FROM stamp
            ON CONFLICT (assessment_id, statement_id, participant)
            DO UPDATE SET value = excluded.value, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """) { binds in
            binds.append(statementID)
            binds.append(participant)
            binds.append(value)
        }
    }

    public func deleteResponse(assessmentID: String, statementID: String, participant: String, by user: String) throws {
        try change(assessmentID, by: user, """
            DELETE FROM assessment_response
            WHERE assessment_id IN (SELECT id FROM stamp) AND statement_id = $4 AND participant = $5
            """) { binds in
            binds.append(statementID)
            binds.append(participant)
        }
    }

    public func saveConsensus(assessmentID: String, statementID: String, value: Int?, by user: String) throws {
        try change(assessmentID, by: user, """
            INSERT INTO assessment_consensus (assessment_id, statement_id, value, changed_by, changed_at)
            SELECT id, $4, $5, $1, $2 FROM stamp
            ON CONFLICT (assessment_id, statement_id)
            DO UPDATE SET value = excluded.value, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """) { binds in
            binds.append(statementID)
            binds.append(value)
        }
    }

    public func deleteConsensus(assessmentID: String, statementID: String, by user: String) throws {
        try change(assessmentID, by: user, """
            DELETE FROM assessment_consensus WHERE assessment_id IN (SELECT id FROM stamp) AND statement_id = $4
            """) { $0.append(statementID) }
    }

    /// An empty note removes the statement's note.
    public func saveNote(assessmentID: String, statementID: String, note: String, by user: String) throws {
        if note.isEmpty {
            try change(assessmentID, by: user, """
                DELETE FROM assessment_note WHERE assessment_id IN (SELECT id FROM stamp) AND statement_id = $4
                """) { $0.append(statementID) }
            return
        }
        try change(assessmentID, by: user, """
            INSERT INTO assessment_note (assessment_id, statement_id, note, changed_by, changed_at)
            SELECT id, $4, $5, $1, $2 FROM stamp
            ON CONFLICT (assessment_id, statement_id)
            DO UPDATE SET note = excluded.note, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """) { binds in
            binds.append(statementID)
            binds.append(note)
        }
    }

    /// A stance with neither a position nor a note removes the field's stance.
    public func saveStance(assessmentID: String, tensionID: String, stance: TensionStance, by user: String) throws {
        if let refusal = WriteChecks.refusal(stance: stance, tensionID: tensionID, assessmentID: assessmentID) {
            throw refusal
        }
        if stance.isEmpty {
            try change(assessmentID, by: user, """
                DELETE FROM assessment_stance WHERE assessment_id IN (SELECT id FROM stamp) AND tension_id = $4
                """) { $0.append(tensionID) }
            return
        }
        try change(assessmentID, by: user, """
            INSERT INTO assessment_stance (assessment_id, tension_id, position, note, changed_by, changed_at)
            SELECT id, $4, $5, $6, $1, $2 FROM stamp
            ON CONFLICT (assessment_id, tension_id)
            DO UPDATE SET position = excluded.position, note = excluded.note,
                          changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """) { binds in
            binds.append(tensionID)
            binds.append(stance.position)
            binds.append(stance.note)
        }
    }

    /// Setting a finished assessment back to not finished records the reopening (who, when)
    /// in the same transaction; the assessment's row stays locked meanwhile, so two people
    /// reopening at once record one reopening, not two.
    public func savePosition(assessmentID: String, position: Int, completed: Bool, by user: String) throws {
        if let refusal = WriteChecks.refusal(position: position, assessmentID: assessmentID) { throw refusal }
        let audit = PGAudit(user: user, at: now())
        try perform {
            try session.transaction {
                var key = PostgresBindings()
                key.append(assessmentID)
                guard let row = try session.query("SELECT completed FROM assessment WHERE id = $1 FOR UPDATE", key).first
                else { throw AssessmentStoreError.unknownAssessment(assessmentID) }
                let reopens = try row.decode(Bool.self) && !completed
                var binds = PostgresBindings()
                binds.append(audit.user)
                binds.append(audit.at)
                binds.append(assessmentID)
                binds.append(position)
                binds.append(completed)
                binds.append(reopens)
                try session.query("""
                    WITH stamp AS (
                        UPDATE assessment SET position = $4, completed = $5, changed_by = $1, changed_at = $2
                        WHERE id = $3
                    )
                    INSERT INTO assessment_reopening (assessment_id, number, changed_by, changed_at)
                    SELECT $3, count(*) + 1, $1, $2 FROM assessment_reopening WHERE assessment_id = $3 HAVING $6
                    """, binds)
            }
        }
    }

    /// Deletes the assessment with all its answers, consensus values, notes, stances and
    /// reopenings; throws `AssessmentStoreError.unknownAssessment` when there is none.
    public func deleteAssessment(id: String) throws {
        var binds = PostgresBindings()
        binds.append(id)
        let deleted = try perform {
            try session.query("DELETE FROM assessment WHERE id = $1 RETURNING 1", binds).count
        }
        guard deleted == 1 else { throw AssessmentStoreError.unknownAssessment(id) }
    }

    // MARK: - Writing

    /// One statement: `stamp` (the assessment's audit columns, with `$1` the user, `$2` the
    /// time, `$3` the assessment) and `write`, whose own parameters start at `$4`.
    private func change(_ assessmentID: String, by user: String, _ write: String,
                        _ bind: (inout PostgresBindings) -> Void) throws {
        let audit = PGAudit(user: user, at: now())
        var binds = PostgresBindings()
        binds.append(audit.user)
        binds.append(audit.at)
        binds.append(assessmentID)
        bind(&binds)
        let stamped = try perform {
            try session.query("""
                WITH stamp AS (
                    UPDATE assessment SET changed_by = $1, changed_at = $2 WHERE id = $3 RETURNING id
                ), written AS (
                    \(write)
                )
                SELECT count(*) FROM stamp
                """, binds)[0].decode(Int.self)
        }
        guard stamped == 1 else { throw AssessmentStoreError.unknownAssessment(assessmentID) }
    }

    private struct AnswerRow: Encodable {
        var s: String
        var p: String? = nil
        var v: Int?
    }

    private struct NoteRow: Encodable {
        var s: String
        var note: String
    }

    private struct ReopeningRow: Codable {
        var number: Int
        var by: String
        var at: String
    }

    private struct StanceRow: Encodable {
        var t: String
        var position: Int?
        var note: String
    }

    // MARK: - Reading

    /// The assessment's columns and its children as JSON arrays, one row per assessment.
    private static let assessmentQuery = """
        SELECT a.id, a.municipality_id, a.questionnaire, a.date, a.facilitator, a.participants, a.position,
               a.completed,
               (SELECT coalesce(json_agg(json_build_array(statement_id, participant, value)), '[]')
                FROM assessment_response WHERE assessment_id = a.id)::text,
               (SELECT coalesce(json_agg(json_build_array(statement_id, value)), '[]')
                FROM assessment_consensus WHERE assessment_id = a.id)::text,
               (SELECT coalesce(json_object_agg(statement_id, note), '{}')
                FROM assessment_note WHERE assessment_id = a.id)::text,
               (SELECT coalesce(json_agg(json_build_object('number', number, 'by', changed_by, 'at', changed_at)
                                         ORDER BY number), '[]')
                FROM assessment_reopening WHERE assessment_id = a.id)::text,
               (SELECT coalesce(json_agg(json_build_array(tension_id, note, position)), '[]')
                FROM assessment_stance WHERE assessment_id = a.id)::text
        FROM assessment a
        """

    private static func assessment(_ row: PostgresRow) throws -> Assessment {
        let r = row.makeRandomAccess()
        let id = try r[0].decode(String.self)
        func text(_ i: Int) throws -> String { try r[i].decode(String.self) }
        func corrupt(_ column: String, _ found: String, _ expected: String) -> StoreError {
            .corruptValue(table: "assessment", row: id, column: column, found: "'\(found)'", expected: expected)
        }
        let participantsText = try text(5)
        guard let participants = try? JSONDecoder().decode([String].self, from: Data(participantsText.utf8)) else {
            throw corrupt("participants", participantsText, "a JSON array of names")
        }
        var assessment = Assessment(
            id: id, municipalityID: try text(1), questionnaire: try text(2),
            date: try PGDraftRows.timestamp(try text(3), "assessment", id, "date"),
            facilitator: try text(4), participants: participants,
            position: try r[6].decode(Int.self), completed: try r[7].decode(Bool.self))
        for answer in try JSONDecoder().decode([ChildAnswer].self, from: Data(try text(8).utf8)) {
            assessment.responses[answer.statement, default: [:]].updateValue(answer.value, forKey: answer.participant)
        }
        for answer in try JSONDecoder().decode([ChildAnswer].self, from: Data(try text(9).utf8)) {
            assessment.consensus.updateValue(answer.value, forKey: answer.statement)
        }
        assessment.notes = try JSONDecoder().decode([String: String].self, from: Data(try text(10).utf8))
        assessment.reopenings = try JSONDecoder().decode([ReopeningRow].self, from: Data(try text(11).utf8)).map {
            Reopening(by: $0.by, at: try PGDraftRows.timestamp($0.at, "assessment_reopening", "\(id) \($0.number)",
                                                               "changed_at"))
        }
        for stance in try JSONDecoder().decode([ChildAnswer].self, from: Data(try text(12).utf8)) {
            assessment.stances[stance.statement] = TensionStance(position: stance.value, note: stance.participant)
        }
        return assessment
    }

    /// A child row as the JSON arrays of `assessmentQuery` hold it: `[statement, participant,
    /// value]`, `[statement, value]` or `[tension, note, position]`.
    private struct ChildAnswer: Decodable {
        var statement: String
        var participant: String
        var value: Int?

        init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            statement = try c.decode(String.self)
            if c.count == 3 {
                participant = try c.decode(String.self)
            } else {
                participant = ""
            }
            value = try c.decodeIfPresent(Int.self)
        }
    }
}
