import GRDB
import LotseDomain

/// A row of `risk`.
struct RiskRecord: FetchableRecord, PersistableRecord, ColumnEncoding {
    static let databaseTableName = "risk"

    var value: Risk
    var audit: Audit

    func encodeColumns(_ column: (String, (any DatabaseValueConvertible)?) -> Void) {
        column("id", value.id)
        column("project_id", value.projectID)
        column("title", value.title)
        column("challenge", value.challenge.rawValue)
        column("probability", value.probability)
        column("impact", value.impact)
        column("measure", value.measure)
        column("owner", value.owner)
        column("is_open", value.isOpen)
        column("raised_month", value.raised?.description)
        column("closed_month", value.closed?.description)
        audit.encodeColumns(column)
    }
}

// In an extension, so the memberwise `init(value:audit:)` stays available.
extension RiskRecord {
    init(row: Row) throws {
        value = try Self.value(RowReader(row, table: Self.databaseTableName, columns: Self.valueLayout.columns,
                                         key: Self.key))
        audit = try Audit(RowReader(row, table: Self.databaseTableName, key: Self.key))
    }

    static let key = ["id"]

    /// The columns `value(_:)` reads, by position; the audit columns are not among them.
    static let valueLayout = RowLayout(table: databaseTableName, columns: [
        "id", "project_id", "title", "challenge", "probability", "impact", "measure", "owner", "is_open",
        "raised_month", "closed_month",
    ], key: key)

    static func value(_ r: RowReader) throws -> Risk {
        Risk(
            id: try r.string(at: 0), projectID: try r.string(at: 1), title: try r.string(at: 2),
            challenge: try r.enumValue(at: 3), probability: try r.int(at: 4), impact: try r.int(at: 5),
            measure: try r.string(at: 6), owner: try r.string(at: 7), isOpen: try r.bool(at: 8),
            raised: try r.optionalMonth(at: 9), closed: try r.optionalMonth(at: 10))
    }
}
