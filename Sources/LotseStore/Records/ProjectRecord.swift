import GRDB
import LotseDomain

/// A row of `project`.
struct ProjectRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "project"

    var value: Project
    var audit: Audit

    func encode(to container: inout PersistenceContainer) {
        container["id"] = value.id
        container["municipality_id"] = value.municipalityID
        container["name"] = value.name
        container["field"] = value.field.rawValue
        container["solution_kind"] = value.solutionKind.rawValue
        container["phase"] = value.phase.rawValue
        container["owner"] = value.owner
        container["start_month"] = value.start.description
        container["funding_end_month"] = value.fundingEnd?.description
        container["funding_source"] = value.fundingSource
        container["budget_planned_cents"] = value.budgetPlanned.cents
        container["basic_component_candidate"] = value.basicComponentCandidate
        container["reused_by_others"] = value.reusedByOthers
        container["continuation"] = value.continuation.rawValue
        audit.encode(to: &container)
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
