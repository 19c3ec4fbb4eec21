import GRDB
import LotseDomain

/// A row of `kpi_reading`: one value per KPI and month, TEXT holding the exact decimal.
struct KPIReadingRecord: FetchableRecord, PersistableRecord, ColumnEncoding {
    static let databaseTableName = "kpi_reading"

    var value: KPIReading
    var audit: Audit

    func encodeColumns(_ column: (String, (any DatabaseValueConvertible)?) -> Void) {
        column("kpi_id", value.kpiID)
        column("month", value.month.description)
        column("value", DecimalColumn.format(value.value))
        audit.encodeColumns(column)
    }
}

// In an extension, so the memberwise `init(value:audit:)` stays available.
extension KPIReadingRecord {
    init(row: Row) throws {
        value = try Self.value(RowReader(row, table: Self.databaseTableName, columns: Self.valueLayout.columns,
                                         key: Self.key))
        audit = try Audit(RowReader(row, table: Self.databaseTableName, key: Self.key))
    }

    static let key = ["kpi_id", "month"]

    /// The columns `value(_:)` reads, by position; id and audit are not among them.
    static let valueLayout = RowLayout(table: databaseTableName, columns: ["kpi_id", "month", "value"], key: key)

    static func value(_ r: RowReader) throws -> KPIReading {
        KPIReading(kpiID: try r.string(at: 0), month: try r.month(at: 1), value: try r.decimal(at: 2))
    }
}
