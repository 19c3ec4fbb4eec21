import Foundation
import GRDB
import LotseDomain

/// A row of `assessment`: everything of an `Assessment` except its answers, consensus
/// values and notes, which live in their own tables.
struct AssessmentRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "assessment"

    var value: Assessment
    var audit: Audit

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = value.id
        container["municipality_id"] = value.municipalityID
        container["questionnaire"] = value.questionnaire
        container["date"] = Timestamp.format(value.date)
        container["facilitator"] = value.facilitator
        container["participants"] = String(decoding: try JSONEncoder().encode(value.participants), as: UTF8.self)
        container["position"] = value.position
        container["completed"] = value.completed
        audit.encode(to: &container)
    }
}

// In an extension, so the memberwise `init(value:audit:)` stays available.
extension AssessmentRecord {
    init(row: Row) throws {
        let r = RowReader(row, table: Self.databaseTableName, key: ["id"])
        let participantsText = try r.string("participants")
        guard let participants = try? JSONDecoder().decode([String].self, from: Data(participantsText.utf8)) else {
            throw StoreError.corruptValue(table: Self.databaseTableName, row: r.label, column: "participants",
                                          found: "'\(participantsText)'", expected: "a JSON array of names")
        }
        value = Assessment(
            id: try r.string("id"),
            municipalityID: try r.string("municipality_id"),
            questionnaire: try r.string("questionnaire"),
            date: try r.timestamp("date"),
            facilitator: try r.string("facilitator"),
            participants: participants,
            position: try r.int("position"),
            completed: try r.bool("completed"))
        audit = try Audit(r)
    }
}

/// Reads the `value` column of `assessment_response` and `assessment_consensus`:
/// an integer, or NULL for "weiß nicht".
enum AnswerValue {
    static func read(_ row: Row, table: String, key: [String]) throws -> Int? {
        let value: DatabaseValue = row["value"]
        switch value.storage {
        case .null: return nil
        case .int64(let number) where Int(exactly: number) != nil: return Int(number)
        default:
            let label = RowReader(row, table: table, key: key).label
            throw StoreError.corruptValue(table: table, row: label, column: "value", found: RowReader.show(value),
                                          expected: "an integer or NULL (weiß nicht)")
        }
    }
}
