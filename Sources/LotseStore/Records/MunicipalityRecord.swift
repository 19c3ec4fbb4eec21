import GRDB
import LotseDomain

/// A row of `municipality`.
struct MunicipalityRecord: FetchableRecord, PersistableRecord, ColumnEncoding {
    static let databaseTableName = "municipality"

    var value: Municipality
    var audit: Audit

    func encodeColumns(_ column: (String, (any DatabaseValueConvertible)?) -> Void) {
        column("id", value.id)
        column("name", value.name)
        column("kind", value.kind.rawValue)
        column("population", value.population)
        audit.encodeColumns(column)
    }
}

// In an extension, so the memberwise `init(value:audit:)` stays available.
extension MunicipalityRecord {
    init(row: Row) throws {
        value = try Self.value(RowReader(row, table: Self.databaseTableName, columns: Self.valueLayout.columns,
                                         key: Self.key))
        audit = try Audit(RowReader(row, table: Self.databaseTableName, key: Self.key))
    }

    static let key = ["id"]

    /// The columns `value(_:)` reads, by position; the audit columns are not among them.
    static let valueLayout = RowLayout(
        table: databaseTableName, columns: ["id", "name", "kind", "population"], key: key)

    static func value(_ r: RowReader) throws -> Municipality {
        Municipality(id: try r.string(at: 0), name: try r.string(at: 1), kind: try r.enumValue(at: 2),
                     population: try r.int(at: 3))
    }
}
