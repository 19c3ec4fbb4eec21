import GRDB
import LotseDomain

/// A row of `kpi`. The target is TEXT holding the exact decimal.
struct KPIRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "kpi"

    var value: KPI
    var audit: Audit

    func encode(to container: inout PersistenceContainer) {
        container["id"] = value.id
        container["project_id"] = value.projectID
        container["name"] = value.name
        container["unit"] = value.unit
        container["target"] = DecimalText.format(value.target)
        container["direction"] = value.direction.rawValue
        audit.encode(to: &container)
    }
}

// In an extension, so the memberwise `init(value:audit:)` stays available.
extension KPIRecord {
    init(row: Row) throws {
        let r = RowReader(row, table: Self.databaseTableName, key: ["id"])
        value = KPI(
            id: try r.string("id"), projectID: try r.string("project_id"), name: try r.string("name"),
            unit: try r.string("unit"), target: try r.decimal("target"), direction: try r.enumValue("direction"))
        audit = try Audit(r)
    }
}
