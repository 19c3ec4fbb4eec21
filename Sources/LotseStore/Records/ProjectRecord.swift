import GRDB
import LotseDomain

/// A row of `project`.
struct ProjectRecord: FetchableRecord, PersistableRecord, ColumnEncoding {
    static let databaseTableName = "project"

    var value: Project
    var audit: Audit

    func encodeColumns(_ column: (String, (any DatabaseValueConvertible)?) -> Void) {
        column("id", value.id)
        column("municipality_id", value.municipalityID)
        column("name", value.name)
        column("field", value.field.rawValue)
        column("solution_kind", value.solutionKind.rawValue)
        column("phase", value.phase.rawValue)
        column("owner", value.owner)
        column("start_month", value.start.description)
        column("funding_end_month", value.fundingEnd?.description)
        column("funding_source", value.fundingSource)
        column("budget_planned_cents", value.budgetPlanned.cents)
        column("basic_component_candidate", value.basicComponentCandidate)
        column("reused_by_others", value.reusedByOthers)
        column("continuation", value.continuation.rawValue)
        audit.encodeColumns(column)
    }
}

// In an extension, so the memberwise `init(value:audit:)` stays available.
extension ProjectRecord {
    init(row: Row) throws {
        value = try Self.value(RowReader(row, table: Self.databaseTableName, columns: Self.valueLayout.columns,
                                         key: Self.key))
        audit = try Audit(RowReader(row, table: Self.databaseTableName, key: Self.key))
    }

    static let key = ["id"]

    /// The columns `value(_:)` reads, by position; the audit columns are not among them.
    static let valueLayout = RowLayout(table: databaseTableName, columns: [
        "id", "municipality_id", "name", "field", "solution_kind", "phase", "owner",    // 0 … 6
        "start_month", "funding_end_month", "funding_source", "budget_planned_cents",  // 7 … 10
        "basic_component_candidate", "reused_by_others", "continuation",               // 11 … 13
    ], key: key)

    static func value(_ r: RowReader) throws -> Project {
        Project(
            id: try r.string(at: 0),
            municipalityID: try r.string(at: 1),
            name: try r.string(at: 2),
            field: try r.enumValue(at: 3),
            solutionKind: try r.enumValue(at: 4),
            phase: try r.enumValue(at: 5),
            owner: try r.string(at: 6),
            start: try r.month(at: 7),
            fundingEnd: try r.optionalMonth(at: 8),
            fundingSource: try r.string(at: 9),
            budgetPlanned: try r.money(at: 10),
            basicComponentCandidate: try r.bool(at: 11),
            reusedByOthers: try r.bool(at: 12),
            continuation: try r.enumValue(at: 13))
    }
}
