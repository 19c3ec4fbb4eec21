import GRDB
import LotseDomain

/// A row of `kpi_reading`: one value per KPI and month, TEXT holding the exact decimal.
struct KPIReadingRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "kpi_reading"

    var value: KPIReading
    var audit: Audit

    func encode(to container: inout PersistenceContainer) {
        container["kpi_id"] = value.kpiID
        container["month"] = value.month.description
        container["value"] = DecimalText.format(value.value)
        audit.encode(to: &container)
    }
}

// In an extension, so the memberwise `init(value:audit:)` stays available.
extension KPIReadingRecord {
    init(row: Row) throws {
        let r = RowReader(row, table: Self.databaseTableName, key: ["kpi_id", "month"])
        value = KPIReading(kpiID: try r.string("kpi_id"), month: try r.month("month"), value: try r.decimal("value"))
        audit = try Audit(r)
    }
}
