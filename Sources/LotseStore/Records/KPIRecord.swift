import GRDB
import LotseDomain

/// A row of `kpi`. The target is TEXT holding the exact decimal.
struct KPIRecord: FetchableRecord, PersistableRecord, ColumnEncoding {
    static let databaseTableName = "kpi"

    var value: KPI
    var audit: Audit

    func encodeColumns(_ column: (String, (any DatabaseValueConvertible)?) -> Void) {
        column("id", value.id)
        column("project_id", value.projectID)
        column("name", value.name)
        column("unit", value.unit)
        column("target", DecimalColumn.format(value.target))
        column("direction", value.direction.rawValue)
        audit.encodeColumns(column)
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
