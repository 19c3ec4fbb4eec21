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
        container["target"] = DecimalColumn.format(value.target)
        container["direction"] = value.direction.rawValue
        audit.encode(to: &container)
    }
}

// In an extension, so the memberwise `init(value:audit:)` stays available.
extension KPIRecord {
    init(row: Row) throws {
        value = try Self.value(RowReader(row, table: Self.databaseTableName, columns: Self.valueLayout.columns,
                                         key: Self.key))
        audit = try Audit(RowReader(row, table: Self.databaseTableName, key: Self.key))
    }

    static let key = ["id"]

    /// The columns `value(_:)` reads, by position; the audit columns are not among them.
    static let valueLayout = RowLayout(
        table: databaseTableName, columns: ["id", "project_id", "name", "unit", "target", "direction"], key: key)

    static func value(_ r: RowReader) throws -> KPI {
        KPI(id: try r.string(at: 0), projectID: try r.string(at: 1), name: try r.string(at: 2),
            unit: try r.string(at: 3), target: try r.decimal(at: 4), direction: try r.enumValue(at: 5))
    }
}
