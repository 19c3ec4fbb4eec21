import GRDB
import LotseDomain

/// A row of `risk`.
struct RiskRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "risk"

    var value: Risk
    var audit: Audit

    func encode(to container: inout PersistenceContainer) {
        container["id"] = value.id
        container["project_id"] = value.projectID
        container["title"] = value.title
        container["challenge"] = value.challenge.rawValue
        container["probability"] = value.probability
        container["impact"] = value.impact
        container["measure"] = value.measure
        container["owner"] = value.owner
        container["is_open"] = value.isOpen
        audit.encode(to: &container)
    }
}

// In an extension, so the memberwise `init(value:audit:)` stays available.
extension RiskRecord {
    init(row: Row) throws {
        let r = RowReader(row, table: Self.databaseTableName, key: ["id"])
        value = Risk(
            id: try r.string("id"), projectID: try r.string("project_id"), title: try r.string("title"),
            challenge: try r.enumValue("challenge"), probability: try r.int("probability"),
            impact: try r.int("impact"), measure: try r.string("measure"), owner: try r.string("owner"),
            isOpen: try r.bool("is_open"))
        audit = try Audit(r)
    }
}
